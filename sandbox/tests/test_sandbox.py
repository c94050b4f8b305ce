"""The partner sandbox: private tenants, the simulated other side, reset and expiry."""

import json
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection as db_connection
from django.db.models.signals import post_delete
from django.urls import URLPattern, get_resolver
from django.utils import timezone
from rest_framework.test import APIClient

from connections import services as connection_services
from connections.models import Connection, ConnectionRequest
from events.models import Event, Notification
from events.tasks import drain
from files.models import UploadedFile
from organizations.models import Organization, SandboxTenant, User
from sandbox import services

pytestmark = pytest.mark.django_db

ACCOUNTS = "/timp/sandbox/accounts/"
REQUESTS = "/timp/organizations/connections/request/"


@pytest.fixture(autouse=True)
def sandbox(settings):
    settings.TIMP_SANDBOX = True


def sign_up(client=None, name="Partner Retail", org_type="RETAILER", email="dev@partner.example") -> dict:
    response = (client or APIClient()).post(
        ACCOUNTS, {"company_name": name, "email": email, "org_type": org_type}, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()


def as_partner(account: dict) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {account['users'][0]['token']}")
    return client


def lifecycle(client: APIClient) -> dict:
    """Discover → upload → request → simulated approve → simulated confirm; the connection."""
    (supplier, *_) = client.get("/timp/discovery/suppliers/").json()["suppliers"]
    upload = client.post(
        "/timp/organizations/files/upload/",
        {"file": SimpleUploadedFile("items.csv", b"sku,name\n1,Widget\n")},
        format="multipart",
    )
    assert upload.status_code == 201, upload.content
    requested = client.post(
        REQUESTS,
        {
            "supplier_uuid": supplier["uuid"],
            "primary_contact_name": "Sam Seller",
            "uploaded_files": [upload.json()["uuid"]],
            "requested_integrations": [{"integration_type": "item", "update_frequency": "@daily"}],
        },
        format="json",
    )
    assert requested.status_code == 201, requested.content
    approved = client.post(f"/timp/sandbox/requests/{requested.json()['uuid']}/approve/")
    assert approved.status_code == 200, approved.content
    confirmed = client.post(f"/timp/sandbox/connections/{approved.json()['uuid']}/confirm/")
    assert confirmed.status_code == 200, confirmed.content
    return confirmed.json()


def test_sign_up_makes_a_private_tenant(settings):
    account = sign_up()

    assert set(account) == {"organization", "users", "counterparts"}
    assert account["organization"]["org_type"] == "RETAILER"
    assert account["organization"]["status"] == "ACTIVE"
    assert [c["org_type"] for c in account["counterparts"]] == ["SUPPLIER", "SUPPLIER"]
    (login,) = account["users"]
    assert set(login) == {"username", "password", "token", "auth_token"}
    assert login["auth_token"] == login["token"]
    logged_in = APIClient().post(
        "/timp/organizations/user-login/", {"username": login["username"], "password": login["password"]}
    )
    assert logged_in.status_code == 200
    found = as_partner(account).get("/timp/discovery/suppliers/").json()["suppliers"]
    assert {s["organization_uuid"] for s in found} == {c["uuid"] for c in account["counterparts"]}
    # What a request names a counterpart by is in the sign-up's answer already.
    assert {c["supplier_uuid"] for c in account["counterparts"]} == {s["uuid"] for s in found}


def test_the_whole_lifecycle_alone(settings):
    client = as_partner(sign_up())

    connection = lifecycle(client)

    assert connection["status"] == "ACTIVE"
    types = [event["type"] for event in client.get("/timp/events/").json()["events"]]
    assert types == [
        "connection_requests/created",
        "connection_requests/approved",
        "connections/created",
        "connections/confirmed",
    ]


def test_tenants_never_see_each_other(settings):
    first, second = sign_up(), sign_up(name="Other Retail", email="dev@other.example")
    mine, theirs = as_partner(first), as_partner(second)
    connection = lifecycle(mine)
    request_uuid = ConnectionRequest.objects.get(organization=first["organization"]["uuid"]).pk

    found = theirs.get("/timp/discovery/suppliers/").json()["suppliers"]
    assert {s["organization_uuid"] for s in found} == {c["uuid"] for c in second["counterparts"]}
    assert theirs.get(f"{REQUESTS}{request_uuid}/").status_code == 404
    assert theirs.get(f"/timp/organizations/connections/{connection['uuid']}/").status_code == 404
    assert theirs.post(f"/timp/sandbox/requests/{request_uuid}/approve/").status_code == 404
    assert theirs.post(f"/timp/sandbox/connections/{connection['uuid']}/confirm/").status_code == 404
    assert theirs.get("/timp/events/").json()["events"] == []
    assert theirs.get("/timp/organizations/connections/").json() == []
    foreign_supplier = Organization.objects.get(pk=first["counterparts"][0]["uuid"]).supplier.uuid
    named = theirs.post(REQUESTS, {"supplier_uuid": str(foreign_supplier), "primary_contact_name": "X"}, format="json")
    assert named.status_code == 400
    # Nor do the shared sandbox's members find a tenant's organizations.
    call_command("seed_sandbox", "--json", stdout=StringIO())
    shared = APIClient()
    shared.force_authenticate(User.objects.get(username="sandbox-retailer"))
    listed = {s["organization_uuid"] for s in shared.get("/timp/discovery/suppliers/").json()["suppliers"]}
    assert not listed & {c["uuid"] for c in first["counterparts"] + second["counterparts"]}


def test_simulations_are_for_tenants_only(client_for, retailer_user):
    response = client_for(retailer_user).post("/timp/sandbox/reset/")

    assert response.status_code == 403
    assert "sign up" in response.json()["detail"]


def test_deny_as_the_account_manager(settings):
    client = as_partner(sign_up())
    requested = client.post(REQUESTS, {"organization_name": "Someone", "primary_contact_name": "X"}, format="json")

    denied = client.post(f"/timp/sandbox/requests/{requested.json()['uuid']}/deny/", {"reason": "Not yet"})

    assert denied.status_code == 204
    assert client.get(f"{REQUESTS}{requested.json()['uuid']}/").json()["status"] == "denied"


def test_approving_an_unnamed_request_makes_the_organization_in_the_tenant(settings):
    account = sign_up()
    client = as_partner(account)
    requested = client.post(REQUESTS, {"organization_name": "Brand New Co", "primary_contact_name": "X"}, format="json")

    approved = client.post(f"/timp/sandbox/requests/{requested.json()['uuid']}/approve/")

    assert approved.status_code == 200
    made = Organization.objects.get(name="Brand New Co")
    assert str(made.sandbox_tenant.partner_id) == account["organization"]["uuid"]
    confirmed = client.post(f"/timp/sandbox/connections/{approved.json()['uuid']}/confirm/")
    assert confirmed.json()["status"] == "ACTIVE"


def test_reset_removes_the_tenants_activity_only(settings):
    first, second = sign_up(), sign_up(name="Other Retail", email="dev@other.example")
    lifecycle(as_partner(first))
    lifecycle(as_partner(second))
    client = as_partner(first)
    client.post(REQUESTS, {"organization_name": "Brand New Co", "primary_contact_name": "X"}, format="json")
    client.post(f"/timp/sandbox/requests/{ConnectionRequest.objects.get(org_name='Brand New Co').pk}/approve/")

    assert client.post("/timp/sandbox/reset/").status_code == 204

    assert client.get("/timp/events/").json()["events"] == []
    assert client.get(REQUESTS).json()["requests"] == []
    assert client.get("/timp/organizations/files/").json()["files"] == []
    assert not Organization.objects.filter(name="Brand New Co").exists()
    assert client.get("/timp/organizations/").status_code == 200
    assert len(client.get("/timp/discovery/suppliers/").json()["suppliers"]) == 2
    other = as_partner(second)
    assert len(other.get("/timp/events/").json()["events"]) == 4
    assert other.get("/timp/organizations/connections/").json()[0]["status"] == "ACTIVE"


def test_idle_tenants_are_removed_with_everything_in_them(settings):
    settings.SANDBOX_TENANT_TTL_DAYS = 30
    idle, active = sign_up(), sign_up(name="Other Retail", email="dev@other.example")
    lifecycle(as_partner(idle))
    lifecycle(as_partner(active))
    SandboxTenant.objects.filter(partner=idle["organization"]["uuid"]).update(
        last_used_at=timezone.now() - timedelta(days=31)
    )

    assert services.remove_idle() == 1

    assert not Organization.objects.filter(pk=idle["organization"]["uuid"]).exists()
    assert not User.objects.filter(username=idle["users"][0]["username"]).exists()
    assert Connection.objects.count() == ConnectionRequest.objects.count() == UploadedFile.objects.count() == 1
    assert as_partner(active).get("/timp/organizations/").status_code == 200
    assert Event.objects.filter(audience__organization=active["organization"]["uuid"]).count() == 4


def test_use_keeps_a_tenant(settings):
    account = sign_up()
    tenant = SandboxTenant.objects.get()
    SandboxTenant.objects.update(last_used_at=timezone.now() - timedelta(days=29))

    as_partner(account).get("/timp/organizations/")

    tenant.refresh_from_db()
    assert tenant.last_used_at > timezone.now() - timedelta(minutes=1)


def test_sign_up_is_throttled_per_address(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"signup": "2/hour"}}
    body = {"company_name": "A", "email": "a@example.com", "org_type": "SUPPLIER"}

    statuses = [APIClient().post(ACCOUNTS, body, format="json").status_code for _ in range(3)]

    assert statuses == [201, 201, 429]


@pytest.mark.parametrize(
    "body",
    [
        {"company_name": "", "email": "a@example.com", "org_type": "RETAILER"},
        {"company_name": "A", "email": "nope", "org_type": "RETAILER"},
        {"company_name": "A", "email": "a@example.com", "org_type": "BOTH"},
        {"company_name": "A\x00", "email": "a@example.com", "org_type": "RETAILER"},
    ],
)
def test_a_bad_sign_up_is_400_and_makes_nothing(body):
    assert APIClient().post(ACCOUNTS, body, format="json").status_code == 400
    assert not SandboxTenant.objects.exists()


def sandbox_routes() -> list[str]:
    (sandbox_include,) = [p for p in get_resolver().url_patterns if str(p.pattern) == "timp/sandbox/"]
    return [
        "/timp/sandbox/"
        + str(p.pattern)
        .replace("<uuid:request_uuid>", "0" * 8 + "-0000-0000-0000-" + "0" * 12)
        .replace("<uuid:connection_uuid>", "0" * 8 + "-0000-0000-0000-" + "0" * 12)
        .replace("<uuid:record_uuid>", "0" * 8 + "-0000-0000-0000-" + "0" * 12)
        for p in sandbox_include.url_patterns
        if isinstance(p, URLPattern)
    ]


def test_in_production_every_sandbox_path_is_404(settings, client_for, retailer_user):
    settings.TIMP_SANDBOX = False
    routes = sandbox_routes()
    assert len(routes) == 6

    for path in routes:
        for client in (APIClient(), client_for(retailer_user)):
            for method in ("get", "post", "put", "patch", "delete"):
                assert getattr(client, method)(path).status_code == 404, (method, path)
    assert APIClient().get("/").status_code == 404
    assert "/timp/sandbox/accounts/" not in APIClient().get("/timp/schema/?format=json").json()["paths"]


def test_the_getting_started_page_signs_up(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.content.decode()
    for needle in ("/timp/sandbox/accounts/", "/timp/docs/", "/timp/redoc/", "approve/", "confirm/", "curl"):
        assert needle in html

    signed_up = client.post("/", {"company_name": "Form Co", "email": "form@example.com", "org_type": "SUPPLIER"})

    assert 'id="token"' in signed_up.content.decode()
    assert Organization.objects.get(name="Form Co").sandbox_tenant is not None


def test_the_getting_started_page_shows_the_feed_steps(client):
    html = client.get("/").content.decode()

    for call in (
        "/integrations/",
        '"stage": "testing"',
        "checks/",
        '"stage": "live"',
        "ping_url",
        "/timp/sandbox/feeds/",
    ):
        assert call in html
    assert "integrations/late" in html


def test_a_restart_keeps_the_shared_users_credentials(settings):
    first = json.loads(call_command_output("seed_sandbox", "--json", "--keep-existing"))
    again = call_command_output("seed_sandbox", "--json", "--keep-existing")

    assert again == ""
    logged_in = APIClient().post(
        "/timp/organizations/user-login/",
        {"username": first["retailer"]["username"], "password": first["retailer"]["password"]},
    )
    assert logged_in.status_code == 200
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {first['retailer']['token']}")
    assert client.get("/timp/organizations/").status_code == 200


def call_command_output(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# Email, names and races in a public sandbox


@pytest.fixture
def sandbox_outbox(settings, tmp_path):
    """Where the sandbox writes its tenants' email: files, read back by the test."""
    settings.SANDBOX_EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "sandbox-email")
    return tmp_path / "sandbox-email"


def test_a_tenants_email_never_reaches_a_mail_server(settings, mailoutbox, sandbox_outbox):
    client = as_partner(sign_up())
    requested = client.post(
        REQUESTS,
        {"organization_name": "Spam Co", "primary_contact_name": "X", "primary_contact_email": "victim@example.com"},
        format="json",
    )
    assert client.post(f"/timp/sandbox/requests/{requested.json()['uuid']}/approve/").status_code == 200
    invited = client.post(
        "/timp/organizations/users/invite/",
        {"email": "victim.two@example.com", "first_name": "Buy cheap watches at"},
        format="json",
    )
    assert invited.status_code == 201
    assert APIClient().post("/timp/organizations/reset-password/", {"email": "dev@partner.example"}).status_code == 200

    assert mailoutbox == []
    written = "".join(path.read_text() for path in sandbox_outbox.iterdir())
    assert "To: victim@example.com" in written
    assert "To: victim.two@example.com" in written
    assert "To: dev@partner.example" in written


def test_the_longest_company_name_signs_up_and_fans_out(settings):
    account = sign_up(name="N" * 150)
    lifecycle(as_partner(account))

    drain()

    assert not Event.objects.filter(fanned_out=False).exists()


def test_a_deactivation_racing_a_reset_is_a_404(settings, monkeypatch):
    client = as_partner(sign_up())
    connection = lifecycle(client)
    deactivate = connection_services.deactivate_connection

    def after_a_reset(**arguments):
        # The reset commits between the view's lookup and the service's lock.
        services.reset(tenant_id=SandboxTenant.objects.get().pk)
        return deactivate(**arguments)

    monkeypatch.setattr(connection_services, "deactivate_connection", after_a_reset)

    assert client.post(f"/timp/organizations/connections/{connection['uuid']}/deactivate/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_reset_while_the_fan_out_notifies_fails_neither(settings):
    """The fan-out writes a notification for one of the tenant's events after the reset read
    the event's notifications and before it deletes the event."""
    account = sign_up()
    client = as_partner(account)
    lifecycle(client)
    drain()
    partner = Organization.objects.get(pk=account["organization"]["uuid"])
    colleague = User.objects.create(username="colleague", organization=partner)
    event = Event.objects.filter(audience__organization=partner).latest("id")

    def notify():
        try:
            Notification.objects.create(user=colleague, event=event, title="Late")
        finally:
            db_connection.close()

    def notified_meanwhile(sender, **kwargs):
        if not Notification.objects.filter(user=colleague).exists():
            writer = threading.Thread(target=notify)
            writer.start()
            writer.join(timeout=30)

    post_delete.connect(notified_meanwhile, sender=Notification)
    try:
        assert client.post("/timp/sandbox/reset/").status_code == 204
    finally:
        post_delete.disconnect(notified_meanwhile, sender=Notification)

    assert not Event.objects.filter(audience__organization=partner).exists()
    assert not Notification.objects.filter(user=colleague).exists()
