"""The account managers' console and the API docs in a real browser: headless Chromium
(Debian's package, driven by Playwright) against a live server."""

import shutil

import pytest
from django.contrib.auth.models import Group

from connections.models import Connection
from connections.tests.factories import connection_request
from organizations.apps import ACCOUNT_MANAGERS_GROUP
from organizations.tests.factories import PASSWORD

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
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
def page(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.set_default_timeout(20_000)
        yield page
        browser.close()


def test_account_manager_approves_a_request(live_server, page, retailer_user, staff_user):
    staff_user.groups.add(Group.objects.get(name=ACCOUNT_MANAGERS_GROUP))
    created = connection_request(user=retailer_user, organization_name="Browser Supplier")

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", staff_user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("text=Connection requests")

    page.goto(f"{live_server.url}/admin/connections/connectionrequest/?status__exact=pending")
    page.click("text=Browser Supplier")
    page.wait_for_selector("text=ftp://u:***@host/items")
    page.go_back()
    page.check(f'input[name="_selected_action"][value="{created.pk}"]')
    page.select_option('select[name="action"]', "approve")
    page.click('button[name="index"]')
    page.wait_for_selector("text=1 connection request(s) approved.")

    page.goto(f"{live_server.url}/admin/connections/connection/")
    row = page.locator("#result_list tbody tr")
    assert row.count() == 1
    assert "Browser Supplier" in row.inner_text()
    assert "Retailer Co" in row.inner_text()
    assert Connection.objects.get().status == Connection.Status.CONFIRMATION_WAITING


def test_swagger_ui_renders_the_operations(live_server, page):
    page.goto(f"{live_server.url}/timp/docs/")
    page.wait_for_selector(".opblock")

    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/timp/organizations/connections/request/" in [path.replace("\u200b", "") for path in paths]
    assert page.locator(".opblock").count() >= 15
