"""The console's names: the site and its sections, as an account manager sees them."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_console_is_titled_and_sectioned_for_the_work(account_manager_console):
    html = account_manager_console.get("/admin/").content.decode()

    assert "<title>The work | TIMP console</title>" in html
    assert "Django administration" not in html
    assert "Django site admin" not in html
    sections = re.findall(r'class="section"[^>]*>([^<]+)</a>', html)
    assert sections[:5] == ["Requests", "Connections &amp; feeds", "Members", "People &amp; access", "Access"]
    access = html[html.index(">Access</a>") : html.index("</table>", html.index(">Access</a>"))]
    assert "Auth tokens" in access
    assert "Api keys" in access


def test_an_apps_own_page_still_lists_its_models(account_manager_console):
    html = account_manager_console.get("/admin/connections/").content.decode()

    assert "Connection requests" in html
    assert "TIMP console" in html
