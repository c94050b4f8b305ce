"""The console as an account manager sees it: its names, and the dashboard that is its index."""

import re
import statistics
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib import admin
from django.test import Client

from connections.models import ConnectionRequest
from feeds.tests.factories import console_work
from organizations.tests.factories import AccountManagerFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
# The session and its user, the user's permissions and its groups', then one query per figure.
DASHBOARD_QUERIES = 2 + 2 + 6


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(admin.site, "now", lambda: NOW)
    return NOW


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


def text_of(html: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}"[^>]*>(.*?)</', html, re.S)
    assert found, f"no #{element_id} on the page"
    return found.group(1).strip()


def test_the_dashboard_shows_the_work_as_the_database_has_it(account_manager_console, clock, retailer_user, staff_user):
    feeds = console_work(retailer_user, staff_user, NOW)

    html = account_manager_console.get("/admin/").content.decode()

    pending = ConnectionRequest.objects.filter(status="pending").order_by("request_date")
    assert text_of(html, "pending-count") == str(pending.count()) == "3"
    assert text_of(html, "pending-oldest") == "1\xa0month, 1\xa0week"  # 40 days and an hour
    in_window = ConnectionRequest.objects.filter(request_date__range=(datetime(2026, 10, 22, tzinfo=UTC), NOW))
    assert text_of(html, "new-requests") == str(in_window.count()) == "5"
    bars = re.findall(r"<rect class=\"bar\"[^>]*><title>([^<]+)</title>", html)
    assert len(bars) == 30
    assert bars[-1] == "Fri 20 Nov: 1"
    assert bars[-3] == "Wed 18 Nov: 1"
    assert bars[-4] == "Tue 17 Nov: 3"
    decided = ConnectionRequest.objects.filter(decided_at__range=(NOW - timedelta(days=30), NOW))
    waits = [decision.decided_at - decision.request_date for decision in decided]
    assert statistics.median(waits) == timedelta(hours=30)
    assert text_of(html, "median-decision") == "1\xa0day, 6\xa0hours"
    assert text_of(html, "decided-count") == "3"
    assert text_of(html, "troubled-count") == "2"
    troubled = html[html.index('id="troubled-feeds"') :]
    assert troubled.index(f"/admin/connections/connection/{feeds['late'].connection_id}/change/") < troubled.index(
        f"/admin/connections/connection/{feeds['failing'].connection_id}/change/"
    )
    assert '<progress value="120" max="500"' in html
    awaiting = html[html.index('id="awaiting-answer"') : html.index("</ul>", html.index('id="awaiting-answer"'))]
    assert re.findall(r"<blockquote>([^<]+)</blockquote>", awaiting) == ["Still waiting.", "Any news?"]


def test_each_figure_is_one_query_whatever_the_data(
    account_manager_console, clock, retailer_user, staff_user, django_assert_num_queries
):
    console_work(retailer_user, staff_user, NOW)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        account_manager_console.get("/admin/")
    console_work(retailer_user, staff_user, NOW, batch=1)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        assert account_manager_console.get("/admin/").status_code == 200


def test_a_staff_user_sees_only_the_figures_of_its_permissions(clock, retailer_user, staff_user):
    console_work(retailer_user, staff_user, NOW)
    browser = Client()
    browser.force_login(AccountManagerFactory().user)  # staff, in no group

    html = browser.get("/admin/").content.decode()

    assert 'class="panels"' in html
    assert "pending-count" not in html
    assert "Any news?" not in html


def test_members_never_see_the_dashboard(retailer_user):
    browser = Client()
    browser.force_login(retailer_user)

    response = browser.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("page", ["dashboard", "request"])
def test_the_new_pages_give_account_managers_no_power_over_staff_groups_or_permissions(
    account_manager_console, clock, retailer_user, staff_user, page
):
    console_work(retailer_user, staff_user, NOW)
    pending = ConnectionRequest.objects.filter(status="pending").first()
    url = "/admin/" if page == "dashboard" else f"/admin/connections/connectionrequest/{pending.pk}/change/"

    html = account_manager_console.get(url).content.decode()

    assert not staff_user.is_superuser
    assert "/admin/auth/" not in html
    assert "user_permissions" not in html
    assert account_manager_console.get("/admin/auth/group/").status_code == 403
    assert account_manager_console.get("/admin/auth/group/add/").status_code == 403
