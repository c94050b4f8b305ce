"""People of an organization: invitations, password resets and API keys."""

import socket
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from connections.models import ConnectionRequest
from core.tests.jobs import EMAIL_TASKS, run_jobs
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
    assert not User.objects.filter(email="new.person@example.com").exists()
    assert mailoutbox == []


def test_mail_of_a_change_that_rolls_back_is_never_sent(retailer_user, mailoutbox, django_capture_on_commit_callbacks):
    def invite_then_fail():
        with transaction.atomic():
            services.invite_user(organization=retailer_user.organization, email="a@example.com", first_name="A")
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        invite_then_fail()

    assert mailoutbox == []
    assert not User.objects.filter(email="a@example.com").exists()


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

    user = User.objects.get(email="new.person@example.com")
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
    assert User.objects.get(email="new.person@example.com").status == "INVITED"


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


def approve_a_new_counterpart(requester, staff, organization_name: str):
    """A request for an organization the platform does not know, with a contact to invite,
    approved by staff (who make the organization); the approval's answer."""
    requested = requester.post(
        "/timp/organizations/connections/request/",
        {
            "organization_name": organization_name,
            "primary_contact_name": "Sam Seller",
            "primary_contact_email": "sam@brand-new.example",
        },
        format="json",
    )
    return staff.post(f"/timp/organizations/connections/request/{requested.json()['uuid']}/approve/", {}, format="json")


def test_a_new_counterparts_contact_is_invited_and_confirms_the_connection(
    client_for, retailer_user, staff_user, anonymous, mailoutbox
):
    approved = approve_a_new_counterpart(client_for(retailer_user), client_for(staff_user), "Brand New Supplier")
    assert approved.status_code == 200

    invited = User.objects.get(email="sam@brand-new.example")
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


# What answers may say, and when email goes


@pytest.fixture
def sandbox(settings):
    """A sandbox deployment: public, so nothing in it counts as a development environment."""
    settings.DEBUG = False
    settings.TIMP_SANDBOX = True


def test_a_sandbox_never_answers_a_reset_or_invitation_token(anonymous, client_for, retailer_user, staff_user, sandbox):
    for email in (staff_user.email, retailer_user.email, "nobody@example.com"):
        answer = request_reset(anonymous, email)
        assert (answer.status_code, answer.json()) == (200, {})
    assert "invitation_token" not in invite(client_for(retailer_user)).json()

    token = services.send_invitation(user=User.objects.get(email="new.person@example.com"))
    OneTimeToken.objects.filter(purpose="invitation").update(expires_at=timezone.now() - timedelta(seconds=1))
    assert anonymous.get(accept_path(token)).json()["token"] is None  # renewed, and only emailed


def test_in_development_a_reset_answers_a_token_for_any_email(anonymous, retailer_user):
    known = request_reset(anonymous, retailer_user.email).json()
    unknown = request_reset(anonymous, "nobody@example.com").json()

    assert set(known) == set(unknown) == {"reset_token"}
    assert anonymous.get(COMPLETE, {"token": known["reset_token"]}).status_code == 200
    assert anonymous.get(COMPLETE, {"token": unknown["reset_token"]}).status_code == 404


def jobs_queued() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT task_name FROM procrastinate_jobs ORDER BY id")
        return [name for (name,) in cursor.fetchall()]


def test_a_reset_does_the_same_work_for_any_email_and_the_worker_emails_it(
    anonymous, retailer_user, production, mailoutbox
):
    for email in (retailer_user.email, "nobody@example.com"):
        assert request_reset(anonymous, email).json() == {}

    # Nothing looked up in the request: one job each, the same for both.
    assert jobs_queued() == ["organizations.tasks.reset_password"] * 2
    assert not OneTimeToken.objects.exists()
    (message,) = mailoutbox
    assert message.to == [retailer_user.email]
    assert OneTimeToken.objects.get(purpose="password_reset").user == retailer_user


@pytest.fixture
def mail_server_down(settings, production):
    """Django's SMTP backend aimed at a port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 1


def test_with_the_mail_server_down_invitations_and_resets_answer_and_their_email_waits(
    anonymous, client_for, retailer_user, mail_server_down
):
    assert invite(client_for(retailer_user)).status_code == 201
    assert request_reset(anonymous, retailer_user.email).status_code == 200

    assert "core.tasks.send_email" in jobs_queued()
    with pytest.raises(ConnectionRefusedError):  # the worker's attempt fails, and the job is retried later
        run_jobs(*EMAIL_TASKS)


def test_a_line_break_in_a_name_never_reaches_an_email_header(client_for, retailer_user, staff_user, mailoutbox):
    approved = approve_a_new_counterpart(
        client_for(retailer_user), client_for(staff_user), "Acme\r\nBcc: victim@example.com"
    )

    assert approved.status_code == 200
    (message,) = mailoutbox
    assert "Acme Bcc: victim@example.com" in message.subject
    assert message.bcc == []
    headers = message.message().as_string().split("\n\n")[0]
    assert "\nBcc:" not in headers


# One rule for every grant: only what you hold


@pytest.fixture
def user_editor(retailer_user) -> User:
    return UserFactory(organization=retailer_user.organization, permissions=["edit_org_users"])


def test_an_invitation_gives_only_permissions_the_inviter_holds(client_for, user_editor, mailoutbox):
    users = User.objects.count()

    refused = invite(client_for(user_editor), permission_uuids=uuids(*NAMES))

    assert refused.status_code == 403
    assert "manage_api_keys" in refused.json()["detail"]
    assert User.objects.count() == users
    assert mailoutbox == []
    assert invite(client_for(user_editor), permission_uuids=uuids("edit_org_users")).status_code == 201


def test_a_key_holding_only_edit_org_users_cannot_invite_a_more_powerful_user(client_for, user_editor):
    key = create_key(
        client_for(UserFactory(organization=user_editor.organization)), permission_uuids=uuids("edit_org_users")
    )

    refused = invite(key_client(key.json()["key"]), permission_uuids=uuids("manage_api_keys"))

    assert refused.status_code == 403
    assert not User.objects.filter(email="new.person@example.com").exists()


def test_a_permission_change_gives_only_permissions_the_changer_holds(client_for, user_editor):
    client = client_for(user_editor)
    path = f"/timp/organizations/users/permissions/{user_editor.pk}/"

    refused = client.patch(path, {"permission_uuids": uuids("manage_api_keys")}, format="json")

    assert refused.status_code == 403
    assert "manage_api_keys" in refused.json()["detail"]
    assert User.objects.get(pk=user_editor.pk).permission_names == {"edit_org_users"}


# An email in use elsewhere: invited like any other


def test_an_email_used_in_another_organization_is_invited_like_a_new_one(
    client_for, retailer_user, other_retailer_user, anonymous
):
    theirs = invite(client_for(other_retailer_user), email="sam@example.com").json()["invitation_token"]
    assert anonymous.post(accept_path(theirs), {"password": NEW_PASSWORD}).status_code == 204

    fresh = invite(client_for(retailer_user), email="fresh@example.com")
    taken = invite(client_for(retailer_user), email="SAM@example.com")

    assert taken.status_code == fresh.status_code == 201
    assert set(taken.json()) == set(fresh.json())
    assert taken.json()["status"] == "INVITED"

    # Accepting it tells the email's own owner, and nobody else, that an account signs in with it.
    accepted = anonymous.post(accept_path(taken.json()["invitation_token"]), {"password": NEW_PASSWORD})
    assert accepted.status_code == 422
    assert User.objects.get(pk=taken.json()["uuid"]).status == "INVITED"


def test_an_invitation_pending_elsewhere_does_not_keep_an_organization_from_inviting_its_person(
    client_for, retailer_user, other_retailer_user, anonymous
):
    invite(client_for(other_retailer_user), email="sam@example.com")

    ours = invite(client_for(retailer_user), email="sam@example.com")

    assert ours.status_code == 201
    assert anonymous.post(accept_path(ours.json()["invitation_token"]), {"password": NEW_PASSWORD}).status_code == 204
    login = anonymous.post(LOGIN, {"username": "sam@example.com", "password": NEW_PASSWORD})
    assert login.json()["org_uuid"] == str(retailer_user.organization_id)


# Token checks and answers that carry secrets


@pytest.mark.parametrize("path", [accept_path("guess"), f"{COMPLETE}?token=guess"])
def test_checking_a_token_by_get_counts_against_the_login_limit(anonymous, settings, path):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "login": "3/minute"},
    }

    assert [anonymous.get(path).status_code for _ in range(4)] == [404, 404, 404, 429]


def test_answers_that_carry_secrets_are_never_stored_by_a_cache(anonymous, client_for, retailer_user):
    client = client_for(retailer_user)
    invited = invite(client)
    answers = [
        anonymous.post(LOGIN, {"username": retailer_user.username, "password": PASSWORD}),
        request_reset(anonymous, retailer_user.email),
        anonymous.get(COMPLETE, {"token": "x"}),
        invited,
        anonymous.get(accept_path(invited.json()["invitation_token"])),
        create_key(client),
    ]

    for answer in answers:
        assert "no-store" in answer["Cache-Control"], answer.request["PATH_INFO"]
