"""People of an organization: invitations, password resets and API keys."""

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from connections.models import ConnectionRequest
from organizations import services
from organizations.catalogue import BY_NAME, NAMES
from organizations.models import ApiKey, OneTimeToken, User
from organizations.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

INVITE = "/timp/organizations/users/invite/"
RESET = "/timp/organizations/reset-password/"
COMPLETE = "/timp/organizations/complete-password/"
KEYS = "/timp/organizations/api-keys/"
LOGIN = "/timp/organizations/user-login/"
NEW_PASSWORD = "a long enough Passw0rd"


def accept_path(token: str) -> str:
    return f"/timp/organizations/accept-invite/{token}/"


def uuids(*names: str) -> list[str]:
    return [str(BY_NAME[name].uuid) for name in names]


@pytest.fixture(autouse=True)
def development(settings):
    """The docs' development environment (DEBUG), where answers carry the emailed tokens."""
    settings.DEBUG = True


@pytest.fixture(autouse=True)
def mailoutbox(mailoutbox, django_capture_on_commit_callbacks, monkeypatch):
    """Email is sent when its transaction commits: here, at the end of each API call (the test's
    own transaction never commits)."""
    generic = APIClient.generic

    def committing(self, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return generic(self, *args, **kwargs)

    monkeypatch.setattr(APIClient, "generic", committing)
    return mailoutbox


@pytest.fixture
def production(settings):
    """The answers of a deployment that is neither DEBUG nor the sandbox."""
    settings.DEBUG = False
    settings.TIMP_SANDBOX = False


def every_column_value() -> str:
    """Everything the database holds in the tables that could keep a secret, as one string."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT concat_ws(' ', (SELECT string_agg(t::text, ' ') FROM organizations_onetimetoken t),"
            " (SELECT string_agg(k::text, ' ') FROM knox_authtoken k),"
            " (SELECT string_agg(a::text, ' ') FROM organizations_apikey a))"
        )
        return cursor.fetchone()[0] or ""


def invite(client, email="new.person@example.com", **body):
    return client.post(INVITE, {"email": email, "first_name": "New", "last_name": "Person", **body}, format="json")


# Invitations


def test_an_invitation_makes_an_invited_user_and_emails_the_link(client_for, retailer_user, mailoutbox):
    response = invite(client_for(retailer_user), job_title="Buyer", permission_uuids=uuids("manage_files"))

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "INVITED"
    assert body["person"]["email"] == "new.person@example.com"
    assert body["person"]["job_title"] == "Buyer"
    assert {p["permission"]["name"] for p in body["permission_assignments"]["permissions"] if p["assigned"]} == {
        "manage_files"
    }
    token = body["invitation_token"]  # DEBUG: the development environment shows it
    (message,) = mailoutbox
    assert message.to == ["new.person@example.com"]
    assert "Retailer Co" in message.subject
    assert accept_path(token) in message.body
    html, mime = message.alternatives[0]
    assert mime == "text/html"
    assert accept_path(token) in html
    assert token not in every_column_value()


def test_outside_a_development_environment_the_token_is_only_emailed(client_for, retailer_user, production, mailoutbox):
    body = invite(client_for(retailer_user)).json()

    assert "invitation_token" not in body
    assert len(mailoutbox) == 1


def test_inviting_needs_edit_org_users(client_for, retailer_user, mailoutbox):
    without = UserFactory(organization=retailer_user.organization, permissions=["view_org_users"])

    response = invite(client_for(without))

    assert response.status_code == 403
    assert "edit_org_users" in response.json()["detail"]
    assert not User.objects.filter(username="new.person@example.com").exists()
    assert mailoutbox == []


def test_mail_of_a_change_that_rolls_back_is_never_sent(retailer_user, mailoutbox, django_capture_on_commit_callbacks):
    def invite_then_fail():
        with transaction.atomic():
            services.invite_user(organization=retailer_user.organization, email="a@example.com", first_name="A")
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        invite_then_fail()

    assert mailoutbox == []
    assert not User.objects.filter(username="a@example.com").exists()


@pytest.mark.parametrize(
    "body",
    [
        {"email": "not an email", "first_name": "A"},
        {"email": "a@example.com"},
        {"email": "a@example.com", "first_name": 5},
        {"email": "a@example.com", "first_name": "A\x00"},
        {"email": "a@example.com", "first_name": "A" * 151},
        {"email": "a@example.com", "first_name": "A", "permission_uuids": ["00000000-0000-0000-0000-000000000000"]},
    ],
)
def test_a_bad_invitation_is_400_and_changes_nothing(client_for, retailer_user, body, mailoutbox):
    users = User.objects.count()

    assert client_for(retailer_user).post(INVITE, body, format="json").status_code == 400
    assert User.objects.count() == users
    assert mailoutbox == []


def test_an_email_with_a_user_already_is_400(client_for, retailer_user):
    client = client_for(retailer_user)
    invite(client)

    response = invite(client, email="NEW.person@example.com")

    assert response.status_code == 400
    assert "email" in response.json()


def test_an_invited_user_accepts_and_logs_in_with_its_email(client_for, retailer_user, anonymous):
    token = invite(client_for(retailer_user)).json()["invitation_token"]

    assert anonymous.get(accept_path(token)).json() == {"email": "new.person@example.com", "token": token}
    assert anonymous.post(accept_path(token), {"password": NEW_PASSWORD}).status_code == 204

    user = User.objects.get(username="new.person@example.com")
    assert user.status == "ACTIVE"
    login = anonymous.post(LOGIN, {"username": "new.person@example.com", "password": NEW_PASSWORD})
    assert login.status_code == 200
    assert login.json()["org_uuid"] == str(retailer_user.organization_id)
    assert anonymous.get(accept_path(token)).status_code == 404  # used


def test_a_weak_password_is_400_with_the_validators_messages(client_for, retailer_user, anonymous):
    token = invite(client_for(retailer_user)).json()["invitation_token"]

    response = anonymous.post(accept_path(token), {"password": "new.person"})

    assert response.status_code == 400
    assert response.json()["password"]
    assert User.objects.get(username="new.person@example.com").status == "INVITED"


@pytest.mark.parametrize("token", ["unknown", "x" * 300, "%00"])
def test_an_unknown_invitation_is_404(anonymous, token):
    assert anonymous.get(accept_path(token)).status_code == 404
    assert anonymous.post(accept_path(token), {"password": NEW_PASSWORD}).status_code == 404


def test_an_expired_invitation_is_renewed_and_emailed_again(client_for, retailer_user, anonymous, mailoutbox):
    token = invite(client_for(retailer_user)).json()["invitation_token"]
    OneTimeToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    assert anonymous.post(accept_path(token), {"password": NEW_PASSWORD}).status_code == 422
    renewed = anonymous.get(accept_path(token))

    assert renewed.status_code == 201
    new_token = renewed.json()["token"]
    assert new_token != token
    assert len(mailoutbox) == 2
    assert accept_path(new_token) in mailoutbox[1].body
    assert anonymous.get(accept_path(token)).status_code == 404
    assert anonymous.post(accept_path(new_token), {"password": NEW_PASSWORD}).status_code == 204


def test_invitations_last_the_configured_time(client_for, retailer_user, settings):
    settings.INVITATION_TTL_SECONDS = 600
    before = timezone.now()

    invite(client_for(retailer_user))

    (stored,) = OneTimeToken.objects.all()
    assert before + timedelta(seconds=600) <= stored.expires_at <= timezone.now() + timedelta(seconds=600)


# Password resets


def request_reset(client, email):
    return client.post(RESET, {"email": email}, format="json")


def test_a_reset_answers_the_same_for_known_and_unknown_emails(anonymous, retailer_user, production, mailoutbox):
    known = request_reset(anonymous, retailer_user.email.upper())
    unknown = request_reset(anonymous, "nobody@example.com")

    assert (known.status_code, known.json()) == (unknown.status_code, unknown.json()) == (200, {})
    (message,) = mailoutbox
    assert message.to == [retailer_user.email]
    assert message.alternatives[0][1] == "text/html"


def test_a_reset_sets_a_new_password_and_revokes_every_token(anonymous, client_for, retailer_user, mailoutbox):
    signed_in = client_for(retailer_user)
    token = request_reset(anonymous, retailer_user.email).json()["reset_token"]
    assert token in mailoutbox[0].body
    assert token not in every_column_value()

    assert anonymous.get(COMPLETE, {"token": token}).json() == {"email": retailer_user.email}
    assert anonymous.post(COMPLETE, {"token": token, "password": NEW_PASSWORD}).status_code == 204

    assert signed_in.get("/timp/organizations/").status_code == 401
    assert anonymous.post(LOGIN, {"username": retailer_user.username, "password": PASSWORD}).status_code == 401
    assert anonymous.post(LOGIN, {"username": retailer_user.username, "password": NEW_PASSWORD}).status_code == 200
    assert anonymous.get(COMPLETE, {"token": token}).status_code == 404


def test_a_reset_with_a_weak_password_is_400_and_keeps_the_old_one(anonymous, retailer_user):
    token = request_reset(anonymous, retailer_user.email).json()["reset_token"]

    response = anonymous.post(COMPLETE, {"token": token, "password": "123"})

    assert response.status_code == 400
    assert response.json()["password"]
    assert anonymous.post(LOGIN, {"username": retailer_user.username, "password": PASSWORD}).status_code == 200


@pytest.mark.parametrize("token", ["", "unknown", "expired"])
def test_an_unknown_or_expired_reset_token_is_404(anonymous, retailer_user, token):
    if token == "expired":
        token = request_reset(anonymous, retailer_user.email).json()["reset_token"]
        OneTimeToken.objects.update(expires_at=timezone.now())

    assert anonymous.get(COMPLETE, {"token": token}).status_code == 404
    assert anonymous.post(COMPLETE, {"token": token or "x", "password": NEW_PASSWORD}).status_code == 404


def test_resets_count_against_the_login_limit(anonymous, retailer_user, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"login": "3/minute"}}

    statuses = [request_reset(anonymous, "nobody@example.com").status_code for _ in range(3)]
    statuses.append(anonymous.post(COMPLETE, {"token": "x", "password": NEW_PASSWORD}).status_code)
    statuses.append(anonymous.post(LOGIN, {"username": retailer_user.username, "password": PASSWORD}).status_code)

    assert statuses == [200, 200, 200, 429, 429]


# API keys


def create_key(client, **body):
    return client.post(KEYS, {"name": "Nightly sync", **body}, format="json")


def key_client(key: str, scheme: str = "Token") -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"{scheme} {key}")
    return client


def test_a_key_is_shown_once_and_stored_hashed(client_for, retailer_user):
    client = client_for(retailer_user)

    created = create_key(client, permission_uuids=uuids("request_connections"))

    assert created.status_code == 201
    body = created.json()
    key = body["key"]
    assert key.startswith("timp_")
    assert key.startswith(body["prefix"])
    assert [p["name"] for p in body["permissions"]] == ["request_connections"]
    assert body["expires_at"] is None
    assert key not in every_column_value()
    (listed,) = client.get(KEYS).json()
    assert list(listed) == ["uuid", "name", "prefix", "permissions", "created_at", "last_used_at", "expires_at"]
    assert listed["uuid"] == body["uuid"]


def test_a_key_acts_for_its_organization_with_its_own_permissions(client_for, retailer_user):
    key = create_key(client_for(retailer_user), permission_uuids=uuids("request_connections"))
    machine = key_client(key.json()["key"], "Bearer")

    assert machine.get("/timp/organizations/").json()["uuid"] == str(retailer_user.organization_id)
    created = machine.post(
        "/timp/organizations/connections/request/",
        {"organization_name": "Acme", "primary_contact_name": "Bob Brown"},
        format="json",
    )
    assert created.status_code == 201
    refused = machine.post("/timp/organizations/users/invite/", {"email": "a@example.com", "first_name": "A"})
    assert refused.status_code == 403
    assert "edit_org_users" in refused.json()["detail"]
    request = ConnectionRequest.objects.get(pk=created.json()["uuid"])
    assert request.requested_by == ApiKey.objects.get().user
    assert request.history.get().by.api_key.name == "Nightly sync"


def test_keys_are_not_people(client_for, retailer_user):
    client = client_for(retailer_user)
    create_key(client, permission_uuids=uuids("edit_org_users"))

    listed = client.get("/timp/organizations/users/all/").json()

    assert [user["uuid"] for user in listed] == [str(retailer_user.pk)]
    # Nor do they keep the last editor's permission for it.
    removed = client.delete(
        f"/timp/organizations/users/permissions/{retailer_user.pk}/", {"permission_uuids": uuids("edit_org_users")}
    )
    assert removed.status_code == 422


def test_a_key_cannot_hold_a_permission_its_creator_lacks(client_for, retailer_user):
    creator = UserFactory(organization=retailer_user.organization, permissions=["manage_api_keys"])

    response = create_key(client_for(creator), permission_uuids=uuids("edit_org_users"))

    assert response.status_code == 403
    assert "edit_org_users" in response.json()["detail"]
    assert not ApiKey.objects.exists()


def test_last_use_is_written_at_most_once_a_minute(client_for, retailer_user, django_assert_num_queries):
    machine = key_client(create_key(client_for(retailer_user)).json()["key"])
    machine.get("/timp/organizations/")  # first use: noted, and the shape's statement prepared

    used = ApiKey.objects.get().last_used_at
    assert used is not None
    # token, user and key; throttle; the organization's shape: no write
    with django_assert_num_queries(3):
        assert machine.get("/timp/organizations/").status_code == 200
    ApiKey.objects.update(last_used_at=used - timedelta(minutes=2))
    with django_assert_num_queries(4):
        machine.get("/timp/organizations/")
    assert ApiKey.objects.get().last_used_at > used


def test_a_revoked_key_stops_working(client_for, retailer_user, other_retailer_user):
    client = client_for(retailer_user)
    created = create_key(client).json()
    machine = key_client(created["key"])

    assert client_for(other_retailer_user).delete(f"{KEYS}{created['uuid']}/").status_code == 404
    assert machine.get("/timp/organizations/").status_code == 200
    assert client.delete(f"{KEYS}{created['uuid']}/").status_code == 204

    assert machine.get("/timp/organizations/").status_code == 401
    assert client.get(KEYS).json() == []
    assert client.delete(f"{KEYS}{created['uuid']}/").status_code == 404


def test_a_key_expires_when_told(client_for, retailer_user):
    client = client_for(retailer_user)
    assert create_key(client, expires_at="2001-01-01T00:00:00Z").status_code == 400
    soon = timezone.now() + timedelta(days=1)
    machine = key_client(create_key(client, expires_at=soon.isoformat()).json()["key"])
    assert machine.get("/timp/organizations/").status_code == 200

    AuthToken.objects.filter(user__api_key__isnull=False).update(expiry=timezone.now())

    assert machine.get("/timp/organizations/").status_code == 401


def test_a_key_does_not_log_out(client_for, retailer_user):
    machine = key_client(create_key(client_for(retailer_user)).json()["key"])

    assert machine.post("/timp/organizations/user-logout/").status_code == 422
    assert machine.get("/timp/organizations/").status_code == 200


def test_keys_need_manage_api_keys(client_for, retailer_user):
    without = client_for(UserFactory(organization=retailer_user.organization, permissions=["view_org_users"]))

    assert without.get(KEYS).status_code == 403
    refused = create_key(without)
    assert refused.status_code == 403
    assert "manage_api_keys" in refused.json()["detail"]


# The loop an approval opens


def test_a_new_counterparts_contact_is_invited_and_confirms_the_connection(
    client_for, retailer_user, staff_user, anonymous, mailoutbox
):
    requested = client_for(retailer_user).post(
        "/timp/organizations/connections/request/",
        {
            "organization_name": "Brand New Supplier",
            "primary_contact_name": "Sam Seller",
            "primary_contact_email": "sam@brand-new.example",
        },
        format="json",
    )
    approved = client_for(staff_user).post(
        f"/timp/organizations/connections/request/{requested.json()['uuid']}/approve/", {}, format="json"
    )
    assert approved.status_code == 200

    invited = User.objects.get(username="sam@brand-new.example")
    assert invited.status == "INVITED"
    assert invited.permission_names == set(NAMES)
    assert invited.person == invited.organization.primary_contact
    (message,) = mailoutbox
    token = message.body.split("/accept-invite/")[1].split("/")[0]
    assert anonymous.post(accept_path(token), {"password": NEW_PASSWORD}).status_code == 204
    key = anonymous.post(LOGIN, {"username": "sam@brand-new.example", "password": NEW_PASSWORD}).json()["auth_token"]
    confirmed = key_client(key).post(f"/timp/organizations/connections/{approved.json()['uuid']}/confirm/")
    assert confirmed.status_code == 200
    assert confirmed.json()["status"] == "ACTIVE"
