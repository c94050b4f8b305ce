"""The account managers' console and the API docs in a real browser: headless Chromium
(Debian's package, driven by Playwright) against a live server."""

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.cache import cache
from knox.models import AuthToken
from rest_framework.test import APIClient

from connections.models import Connection, ConnectionRequest, RequestComment
from connections.services import comment_on
from connections.tests.factories import connection_request
from feeds.models import Feed
from feeds.tests.factories import console_work
from organizations.apps import ACCOUNT_MANAGERS_GROUP
from organizations.tests.factories import PASSWORD

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="No Chromium on this machine: install Debian's chromium package (make test does so as root).",
    ),
]


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(20_000)
    return page


def log_in(page, base_url: str, user) -> None:
    page.goto(f"{base_url}/admin/login/?next=/admin/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#content-main")


def accessibility_violations(page) -> list[str]:
    """What axe-core (from npm) finds against WCAG 2 A and AA on the page: a line each."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})")
    return [
        f"{violation['id']}: {violation['help']} at {json.dumps([node['target'] for node in violation['nodes']])}"
        for violation in found["violations"]
    ]


def screenshot(page, name: str) -> None:
    """Saved for review (var/ is never committed)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_account_manager_links_an_existing_supplier(live_server, page, retailer_user, supplier_user, staff_user):
    staff_user.groups.add(Group.objects.get(name=ACCOUNT_MANAGERS_GROUP))
    created = connection_request(user=retailer_user, organization_name="Supplier Co.")
    supplier = supplier_user.organization

    log_in(page, live_server.url, staff_user)

    page.goto(f"{live_server.url}/admin/connections/connectionrequest/?status__exact=pending")
    page.click("text=Supplier Co.")
    page.wait_for_selector("text=ftp://u:***@host/items")
    page.go_back()
    page.check(f'input[name="_selected_action"][value="{created.pk}"]')
    page.select_option('select[name="action"]', "approve")
    page.click('button[name="index"]')
    page.wait_for_selector("#candidates")
    assert "same name" in page.locator("#candidates").inner_text()
    page.check(f'input[name="link"][value="{supplier.uuid}"]')
    page.click("input[type=submit][value=Approve]")
    page.wait_for_selector("text=waits for confirmation")

    connection = Connection.objects.get()
    assert connection.status == Connection.Status.CONFIRMATION_WAITING
    assert connection.supplier.organization == supplier
    # The supplier's own user now sees it through the API, and confirms it.
    partner = APIClient()
    partner.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=supplier_user)[1]}")
    listed = partner.get("/timp/organizations/connections/").json()
    assert [item["uuid"] for item in listed] == [str(connection.uuid)]
    assert partner.post(f"/timp/organizations/connections/{connection.uuid}/confirm/").json()["status"] == "ACTIVE"


def test_swagger_ui_renders_the_operations(live_server, page):
    page.goto(f"{live_server.url}/timp/docs/")
    page.wait_for_selector(".opblock")

    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/timp/organizations/connections/request/" in [path.replace("\u200b", "") for path in paths]
    assert page.locator(".opblock").count() >= 15


NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


def test_an_account_manager_works_from_the_console(
    live_server, browser, monkeypatch, retailer_user, supplier_user, staff_user
):
    """Without JavaScript, as the console needs none: the dashboard's figures are the
    database's; a comment awaiting its answer is answered and its request approved from its
    page. With it, axe-core finds nothing against WCAG 2 A/AA on either page."""
    monkeypatch.setattr(admin.site, "now", lambda: NOW)
    cache.clear()
    staff_user.groups.add(Group.objects.get(name=ACCOUNT_MANAGERS_GROUP))
    assert not staff_user.is_superuser
    console_work(retailer_user, staff_user, NOW)
    asked = connection_request(user=retailer_user, organization_name="Supplier Co.")
    ConnectionRequest.objects.filter(pk=asked.pk).update(request_date=NOW - timedelta(hours=2))
    question = comment_on(connection_request=asked, user=retailer_user, body="Can you link our supplier today?")
    RequestComment.objects.filter(pk=question.pk).update(created_at=NOW - timedelta(minutes=30))
    plain = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = plain.new_page()
    page.set_default_timeout(20_000)

    log_in(page, live_server.url, staff_user)
    screenshot(page, "dashboard")

    pending = ConnectionRequest.objects.filter(status="pending")
    assert page.inner_text("#pending-count") == str(pending.count())
    new = ConnectionRequest.objects.filter(request_date__range=(NOW - timedelta(days=29, hours=15, minutes=30), NOW))
    assert page.inner_text("#new-requests") == str(new.count())
    decided = ConnectionRequest.objects.filter(decided_at__range=(NOW - timedelta(days=30), NOW))
    assert page.inner_text("#decided-count") == str(decided.count())
    troubled = Feed.objects.filter(health__in=["late", "failing"])
    assert page.inner_text("#troubled-count") == str(troubled.count())
    assert page.locator("#troubled-feeds tbody tr").count() == troubled.count()
    assert page.locator("#running-imports progress").get_attribute("value") == "120"
    assert page.locator("#awaiting-answer li").first.inner_text().startswith("Supplier Co.")

    page.click("#awaiting-answer a >> nth=0")
    page.wait_for_selector("#thread")
    assert page.url.endswith(f"/admin/connections/connectionrequest/{asked.pk}/change/#thread")
    screenshot(page, "request")
    page.fill("#id_body", "Yes: approving it now.")
    page.click("#thread input[type=submit]")
    page.wait_for_selector("text=Reply sent.")
    reply = RequestComment.objects.filter(request=asked).latest("created_at")
    assert (reply.body, reply.author, reply.internal) == ("Yes: approving it now.", staff_user, False)
    page.goto(f"{live_server.url}/admin/")
    assert "Can you link our supplier today?" not in page.inner_text("#panel-comments")
    page.goto(f"{live_server.url}/admin/connections/connectionrequest/{asked.pk}/change/")

    page.check(f'input[name="link"][value="{supplier_user.organization.uuid}"]')
    page.click("input[type=submit][value=Approve]")
    page.wait_for_selector("text=waits for confirmation")
    screenshot(page, "approved")
    connection = ConnectionRequest.objects.get(pk=asked.pk).connection
    assert connection.supplier.organization == supplier_user.organization
    assert connection.status == Connection.Status.CONFIRMATION_WAITING
    plain.close()

    checked = browser.new_page()
    log_in(checked, live_server.url, staff_user)
    assert accessibility_violations(checked) == []
    later = connection_request(user=retailer_user, organization_name="Another Supplier")
    comment_on(connection_request=later, user=retailer_user, body="And this one?")
    checked.goto(f"{live_server.url}/admin/connections/connectionrequest/{later.pk}/change/")
    assert accessibility_violations(checked) == []
