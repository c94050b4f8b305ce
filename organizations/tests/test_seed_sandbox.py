import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from knox.models import AuthToken
from rest_framework.test import APIClient

from organizations.models import AccountManager, Organization, Person, User

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sandbox_deployment(settings):
    settings.TIMP_SANDBOX = True


def seed_json() -> dict:
    out = StringIO()
    call_command("seed_sandbox", "--json", stdout=out)
    return json.loads(out.getvalue())


def test_seeding_twice_creates_nothing_new():
    seed_json()
    counts = [model.objects.count() for model in (Organization, User, Person, AccountManager, AuthToken)]

    seed_json()

    assert [model.objects.count() for model in (Organization, User, Person, AccountManager, AuthToken)] == counts
    # People: four contacts, the account manager, and the four members' users.
    assert counts[:4] == [4, 5, 9, 1]


def test_json_output_has_working_credentials():
    credentials = seed_json()

    assert set(credentials) == {"staff", "retailer", "retailer_2", "supplier", "supplier_2"}
    assert credentials["staff"]["organization_uuid"] is None
    for name in ("retailer", "retailer_2", "supplier", "supplier_2"):
        login = credentials[name]
        assert set(login) == {"username", "password", "token", "auth_token", "organization_uuid"}
        assert login["auth_token"] == login["token"]
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {login['token']}")
        organization = client.get("/timp/organizations/").json()
        assert organization["uuid"] == login["organization_uuid"]
        assert organization["org_type"] == name.split("_")[0].upper()
        assert organization["status"] == "ACTIVE"
        password_login = APIClient().post(
            "/timp/organizations/user-login/", {"username": login["username"], "password": login["password"]}
        )
        assert password_login.status_code == 200


def test_staff_user_is_staff_with_an_account_manager():
    credentials = seed_json()

    staff = User.objects.get(username=credentials["staff"]["username"])
    assert staff.is_staff
    assert staff.account_manager.person.job_title == "Account Manager"
    assert Organization.objects.filter(account_manager=staff.account_manager).count() == 4


def test_reseeding_replaces_the_tokens():
    first = seed_json()
    second = seed_json()

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {first['retailer']['token']}")
    assert client.get("/timp/organizations/").status_code == 401
    client.credentials(HTTP_AUTHORIZATION=f"Token {second['retailer']['token']}")
    assert client.get("/timp/organizations/").status_code == 200


def test_production_never_seeds(settings):
    settings.DEBUG = False
    settings.TIMP_SANDBOX = False

    with pytest.raises(CommandError, match="TIMP_SANDBOX"):
        call_command("seed_sandbox")
    assert not Organization.objects.exists()


def test_development_seeds(settings):
    settings.DEBUG = True
    settings.TIMP_SANDBOX = False

    assert seed_json()["retailer"]["token"]


def test_sandbox_members_can_be_found_in_discovery(settings, client_for):
    settings.TIMP_SANDBOX = True
    out = StringIO()
    call_command("seed_sandbox", "--json", stdout=out)
    seeded = json.loads(out.getvalue())
    retailer = APIClient()
    retailer.credentials(HTTP_AUTHORIZATION=f"Token {seeded['retailer']['token']}")

    found = retailer.get("/timp/discovery/suppliers/").json()["suppliers"]

    assert {item["organization_uuid"] for item in found} == {
        seeded["supplier"]["organization_uuid"],
        seeded["supplier_2"]["organization_uuid"],
    }
