"""No partner credential, token or password appears in any response, log record or error
page: a whole working day through the API and the admin, with everything captured and scanned."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from organizations.tests.factories import PASSWORD

REQUESTS = "/timp/organizations/connections/request/"
FEED_PASSWORD = "S3cr3t-Feed-Pa55"
FEED_URL = f"sftp://feeds:{FEED_PASSWORD}@ftp.supplier.example/items.csv"

pytestmark = pytest.mark.django_db


def test_no_secret_leaves_the_server(captured_logs, retailer_user, staff_user):
    responses = []

    def keep(response):
        responses.append(response)
        return response

    partner = APIClient()
    login = partner.post("/timp/organizations/user-login/", {"username": retailer_user.username, "password": PASSWORD})
    token = login.json()["auth_token"]
    partner.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    staff = APIClient()
    staff_token = staff.post(
        "/timp/organizations/user-login/", {"username": staff_user.username, "password": PASSWORD}
    ).json()["auth_token"]
    staff.credentials(HTTP_AUTHORIZATION=f"Token {staff_token}")

    keep(partner.post("/timp/organizations/user-login/", {"username": retailer_user.username, "password": "wrong"}))
    body = {
        "organization_name": "Feeds Inc",
        "primary_contact_name": "Fay Feeds",
        "integrations": [{"type": "items", "update_frequency": "@daily", "file_locations": FEED_URL}],
    }
    keep(partner.post(REQUESTS, {**body, "integrations": [{"type": "items", "update_frequency": FEED_URL}]}))
    created = keep(partner.post(REQUESTS, body)).json()
    detail = f"{REQUESTS}{created['uuid']}/"
    keep(partner.get(detail))
    keep(partner.get(REQUESTS))
    keep(partner.patch(detail, {"integrations": [{"type": "orders", "feed_source_file_locations": FEED_URL}]}))
    keep(partner.patch(detail, {"integrations": [{"type": "orders", "update_frequency": f"0 0 30 2 * {FEED_URL}"}]}))
    keep(partner.get(detail))
    connection = keep(staff.post(f"{detail}approve/")).json()
    keep(partner.get(f"/timp/organizations/connections/{connection['uuid']}/"))
    keep(partner.get("/timp/organizations/connections/"))
    keep(partner.get(f"/timp/organizations/connections/request/{created['uuid']}x/"))
    keep(partner.post("/timp/organizations/user-logout/"))
    keep(partner.get("/timp/organizations/"))
    console = Client()
    console.force_login(staff_user)
    staff_user.is_superuser = True
    staff_user.save()
    keep(console.get("/admin/connections/connectionrequest/"))
    keep(console.get(f"/admin/connections/connectionrequest/{created['uuid']}/change/"))
    keep(console.get(f"/admin/connections/connection/{connection['uuid']}/change/"))
    keep(console.get("/admin/knox/authtoken/"))
    keep(console.get("/admin/organizations/user/"))

    secrets = {"feed password": FEED_PASSWORD, "user password": PASSWORD, "token": token, "staff token": staff_token}
    assert all(response.status_code < 500 for response in responses)
    for name, secret in secrets.items():
        for response in responses:
            text = response.content.decode() + str(dict(response.headers))
            assert secret not in text, f"{name} in {response.request['PATH_INFO']}"
        assert secret not in captured_logs.getvalue(), f"{name} in the logs"
    assert "sftp://feeds:***@ftp.supplier.example/items.csv" in responses[3].content.decode()
    assert "GET /timp/organizations/connections/request/" in captured_logs.getvalue()


@pytest.mark.parametrize(
    ("location", "password"),
    [
        ("ftp://feeds:pa/ss@w0rd-Feed@ftp.example.com/in", "pa/ss@w0rd-Feed"),
        ("feeds:Secr3t-Feed@ftp.example.com:/in", "Secr3t-Feed"),
        ("ftp://feeds@corp.example:Secr3t-Feed@ftp.example.com/in", "Secr3t-Feed"),
        ("s3://AKIAEXAMPLE:wJalr/K7MDENG+bPxRfi@bucket/feeds", "wJalr/K7MDENG+bPxRfi"),
    ],
    ids=["slash-and-at", "no-scheme", "at-in-user", "s3-secret"],
)
def test_hard_credential_forms_stay_masked(
    captured_logs, client_for, retailer_user, supplier_user, staff_user, location, password
):
    partner, staff = client_for(retailer_user), client_for(staff_user)
    body = {"organization_name": "Feeds Inc", "primary_contact_name": "Fay Feeds", "integrations": [{"type": "items"}]}
    body["integrations"][0]["file_locations"] = location
    created = partner.post(REQUESTS, body).json()
    detail = f"{REQUESTS}{created['uuid']}/"
    staff.post(f"{detail}approve/", {"organization_uuid": str(supplier_user.organization_id)})
    console = Client()
    staff_user.is_superuser = True
    staff_user.save()
    console.force_login(staff_user)

    shown = [
        partner.get(detail).content.decode(),
        client_for(supplier_user).get(detail).content.decode(),
        console.get(f"/admin/connections/connectionrequest/{created['uuid']}/change/").content.decode(),
        captured_logs.getvalue(),
    ]

    assert "***@" in shown[1]
    for text in shown:
        assert password not in text
