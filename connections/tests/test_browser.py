"""The account managers' console and the API docs in a real browser: headless Chromium
(Debian's package, driven by Playwright) against a live server."""

import shutil

import pytest
from django.contrib.auth.models import Group
from knox.models import AuthToken
from rest_framework.test import APIClient

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


def test_account_manager_links_an_existing_supplier(live_server, page, retailer_user, supplier_user, staff_user):
    staff_user.groups.add(Group.objects.get(name=ACCOUNT_MANAGERS_GROUP))
    created = connection_request(user=retailer_user, organization_name="Supplier Co.")
    supplier = supplier_user.organization

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", staff_user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("text=Connection requests")

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
