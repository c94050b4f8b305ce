"""A partner in a real browser (headless Chromium): signs up on the sandbox's getting-started
page, then follows its instructions to an ACTIVE connection."""

import re

import pytest

from connections.tests.test_browser import CHROMIUM, browser, page  # noqa: F401 (the browser fixtures)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(CHROMIUM is None, reason="No Chromium on this machine: install Debian's chromium package."),
]


@pytest.mark.parametrize("org_type", ["RETAILER", "SUPPLIER"])
def test_a_partner_signs_up_on_the_page_and_reaches_active(live_server, page, settings, org_type):  # noqa: F811
    settings.TIMP_SANDBOX = True
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/")
    page.fill("input[name=company_name]", f"Browser {org_type.title()}")
    page.fill("input[name=email]", "dev@browser.example")
    page.select_option("select[name=org_type]", org_type)
    page.click("button[type=submit]")
    token = page.text_content("#token").strip()
    # Every line of every call shows whole at 1280 px: none is wider than its box.
    assert page.evaluate("[...document.querySelectorAll('pre')].every(pre => pre.scrollWidth <= pre.clientWidth)")
    # The page's calls, in its order, with the token it showed: its discovery path and the key
    # its request names the counterpart by are those of the side that signed up.
    discovery_url = page.text_content("#discovery-call").split()[1]
    role_key = re.search(r'"(\w+_uuid)"', page.text_content("#request-call")).group(1)
    api = page.context.request
    headers = {"Authorization": f"Token {token}"}

    assert api.get(f"{live_server.url}/timp/organizations/", headers=headers).json()["org_type"] == org_type
    listed = api.get(discovery_url, headers=headers)
    assert listed.status == 200, listed.text()
    (partners,) = [value for key, value in listed.json().items() if isinstance(value, list)]
    requested = api.post(
        f"{live_server.url}/timp/organizations/connections/request/",
        headers=headers,
        data={
            role_key: partners[0]["uuid"],
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
