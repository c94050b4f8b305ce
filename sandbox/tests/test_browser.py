"""A partner in a real browser (headless Chromium): signs up on the sandbox's getting-started
page, then follows its instructions to an ACTIVE connection."""

import pytest

from connections.tests.test_browser import CHROMIUM, page  # noqa: F401 (the browser fixture)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(CHROMIUM is None, reason="No Chromium on this machine: install Debian's chromium package."),
]


def test_a_partner_signs_up_on_the_page_and_reaches_active(live_server, page, settings):  # noqa: F811
    settings.TIMP_SANDBOX = True
    page.goto(f"{live_server.url}/")
    page.fill("input[name=company_name]", "Browser Retail")
    page.fill("input[name=email]", "dev@browser.example")
    page.select_option("select[name=org_type]", "RETAILER")
    page.click("button[type=submit]")
    token = page.text_content("#token").strip()
    # The page's calls, in its order, with the token it showed.
    api = page.context.request
    headers = {"Authorization": f"Token {token}"}

    assert api.get(f"{live_server.url}/timp/organizations/", headers=headers).json()["name"] == "Browser Retail"
    supplier = api.get(f"{live_server.url}/timp/discovery/suppliers/", headers=headers).json()["suppliers"][0]
    requested = api.post(
        f"{live_server.url}/timp/organizations/connections/request/",
        headers=headers,
        data={
            "supplier_uuid": supplier["uuid"],
            "primary_contact_name": "Sam Seller",
            "requested_integrations": [{"integration_type": "item", "update_frequency": "@daily"}],
        },
    ).json()
    connection = api.post(f"{live_server.url}/timp/sandbox/requests/{requested['uuid']}/approve/", headers=headers)
    confirmed = api.post(
        f"{live_server.url}/timp/sandbox/connections/{connection.json()['uuid']}/confirm/", headers=headers
    ).json()
    events = api.get(f"{live_server.url}/timp/events/?after=0", headers=headers).json()["events"]

    assert confirmed["status"] == "ACTIVE"
    assert [event["type"] for event in events][-1] == "connections/confirmed"
    page.goto(f"{live_server.url}/timp/docs/")
    assert page.title()
