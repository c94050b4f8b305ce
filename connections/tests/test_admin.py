"""The account managers' console, through Django's test client."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.test import Client
from knox.models import AuthToken
from rest_framework.test import APIClient

from connections.models import Connection, ConnectionRequest
from connections.services import comment_on, deny_request
from connections.tests.factories import ConnectionFactory, connection_request, owned_import
from files.tests.factories import uploaded_file
from organizations import services
from organizations.tests.factories import AccountManagerFactory, SupplierOrganizationFactory, UserFactory

REQUESTS = "/admin/connections/connectionrequest/"
CONNECTIONS = "/admin/connections/connection/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def console(account_manager_console) -> Client:
    return account_manager_console


def run_action(client: Client, url: str, action: str, objects, **extra):
    return client.post(url, {"action": action, ACTION_CHECKBOX_NAME: [str(o.pk) for o in objects], **extra})


def test_request_list_shows_counts_and_filters(console, retailer_user):
    connection_request(user=retailer_user, uploaded_files=[uploaded_file(organization=retailer_user.organization)])

    response = console.get(REQUESTS, {"status__exact": "pending"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Prospect Supplier" in html
    assert 'class="field-integration_count">1<' in html
    assert 'class="field-file_count">1<' in html


def test_request_detail_masks_credentials_and_links_files(console, retailer_user):
    sample = uploaded_file(organization=retailer_user.organization)
    created = connection_request(user=retailer_user, uploaded_files=[sample])

    html = console.get(f"{REQUESTS}{created.pk}/change/").content.decode()

    assert "ftp://u:***@host/items" in html
    assert "secret" not in html
    assert f"/timp/organizations/files/{sample.uuid}/download/" in html
    assert "pending" in html


def test_approve_action_creates_the_connection_as_the_api_does(console, client_for, retailer_user, staff_user):
    through_admin = connection_request(user=retailer_user, organization_name="Admin Supplier")
    through_api = connection_request(user=retailer_user, organization_name="Api Supplier")

    response = console.post(f"{REQUESTS}{through_admin.pk}/approve/", {"link": "new"})
    client_for(staff_user).post(f"/timp/organizations/connections/request/{through_api.uuid}/approve/")

    assert response.status_code == 302
    admin_made, api_made = (Connection.objects.get(requests=r) for r in (through_admin, through_api))
    for field in (
        "status",
        "requested_by",
        "account_manager",
        "suppliers_retailer_account_number",
        "retailers_supplier_account_number",
        "retailer",
    ):
        assert getattr(admin_made, field) == getattr(api_made, field)
    assert admin_made.integrations.count() == api_made.integrations.count() == 1
    assert admin_made.supplier.organization.status == api_made.supplier.organization.status == "PENDING"
    through_admin.refresh_from_db()
    assert through_admin.status == "approved"
    assert [c.status for c in through_admin.history.all()] == ["pending", "approved"]


def test_approving_a_decided_request_reports_an_error_and_changes_nothing(console, retailer_user):
    created, other = (
        connection_request(user=retailer_user),
        connection_request(user=retailer_user, organization_name="B"),
    )
    console.post(f"{REQUESTS}{created.pk}/approve/", {"link": "new"})

    response = run_action(console, REQUESTS, "approve", [created, other])

    assert Connection.objects.count() == 1
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("only a pending request can change" in m for m in messages)
    assert console.get(f"{REQUESTS}{created.pk}/approve/").status_code == 302


def test_one_selected_request_opens_its_approve_page_with_the_candidates(console, retailer_user, supplier_user):
    created = connection_request(user=retailer_user, organization_name="Supplier Co.")

    response = run_action(console, REQUESTS, "approve", [created])
    page = console.get(response["Location"])

    assert response["Location"] == f"{REQUESTS}{created.pk}/approve/"
    html = page.content.decode()
    assert f'value="{supplier_user.organization.uuid}"' in html
    assert "same name" in html
    assert 'value="new"' in html
    assert ConnectionRequest.objects.get().status == "pending"


def test_the_approve_page_links_the_chosen_member(console, retailer_user, supplier_user):
    created = connection_request(user=retailer_user, organization_name="Supplier Co.")

    response = console.post(f"{REQUESTS}{created.pk}/approve/", {"link": str(supplier_user.organization.uuid)})

    connection = Connection.objects.get()
    assert response["Location"] == f"{CONNECTIONS}{connection.pk}/change/"
    assert connection.supplier.organization == supplier_user.organization


def test_bulk_approval_links_only_clear_requests_and_reports_the_rest(console, retailer_user, supplier_user):
    SupplierOrganizationFactory(name="Twice Ltd")
    SupplierOrganizationFactory(name="Twice")
    one_match = connection_request(user=retailer_user, organization_name="supplier co")
    two_matches = connection_request(user=retailer_user, organization_name="Twice")
    no_match = connection_request(user=retailer_user, organization_name="Nobody Yet")

    response = run_action(console, REQUESTS, "approve", [one_match, two_matches, no_match])

    assert Connection.objects.get().supplier.organization == supplier_user.organization
    statuses = dict(ConnectionRequest.objects.values_list("org_name", "status"))
    assert statuses == {"supplier co": "approved", "Twice": "pending", "Nobody Yet": "pending"}
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("2 organizations have this name" in m for m in messages), messages
    assert any("Nobody Yet" in m and "No organizations have this name" in m for m in messages)


def test_deny_action_asks_for_a_reason_and_records_it(console, retailer_user):
    created = connection_request(user=retailer_user)

    form = run_action(console, REQUESTS, "deny", [created])
    assert form.status_code == 200
    assert "Reason for denial" in form.content.decode()
    created.refresh_from_db()
    assert created.status == "pending"

    done = run_action(console, REQUESTS, "deny", [created], reason="No such supplier")

    assert done.status_code == 302
    created.refresh_from_db()
    assert created.status == "denied"
    assert created.decision_reason == "No such supplier"
    assert created.history.last().reason == "No such supplier"
    assert "No such supplier" in console.get(f"{REQUESTS}{created.pk}/change/").content.decode()


@pytest.mark.parametrize("action", ["approve", "deny"])
def test_non_staff_users_cannot_use_the_actions(retailer_user, action):
    created = connection_request(user=retailer_user)
    partner = Client()
    partner.force_login(UserFactory(organization=retailer_user.organization))

    response = run_action(partner, REQUESTS, action, [created], reason="x")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    created.refresh_from_db()
    assert created.status == ConnectionRequest.Status.PENDING
    assert not Connection.objects.exists()


def test_deactivate_action(console):
    connection = ConnectionFactory()

    run_action(console, CONNECTIONS, "deactivate", [connection])

    connection.refresh_from_db()
    assert connection.status == Connection.Status.DEACTIVATED
    assert connection.deactivated_date is not None


def test_connection_page_names_its_originating_request(console, retailer_user):
    created = connection_request(user=retailer_user, organization_name="Origin Supplier")
    console.post(f"{REQUESTS}{created.pk}/approve/", {"link": "new"})
    connection = Connection.objects.get()

    html = console.get(f"{CONNECTIONS}{connection.pk}/change/").content.decode()

    created.refresh_from_db()
    assert "Originating request" in html
    assert str(created) in html


def test_connection_list_shows_both_organizations(console):
    connection = ConnectionFactory()

    html = console.get(CONNECTIONS).content.decode()

    assert connection.retailer.organization.name in html
    assert connection.supplier.organization.name in html


def test_tokens_show_prefixes_only_and_can_be_revoked(console, retailer_user):
    token, key = AuthToken.objects.create(user=retailer_user)
    partner = APIClient()
    partner.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    html = console.get("/admin/knox/authtoken/").content.decode()
    assert key[:15] in html
    assert key not in html

    console.post(f"/admin/knox/authtoken/{token.pk}/delete/", {"post": "yes"})
    assert partner.get("/timp/organizations/").status_code == 401


def test_history_names_the_api_key_that_made_a_change(console, retailer_user):
    api_key, _ = services.create_api_key(
        organization=retailer_user.organization,
        name="Nightly",
        created_by=retailer_user,
        permissions=["request_connections"],
    )
    created = connection_request(user=api_key.user)

    html = console.get(f"{REQUESTS}{created.pk}/change/").content.decode()

    assert "API key “Nightly”" in html


def test_a_requests_page_shows_its_thread_internal_notes_too(console, retailer_user, staff_user):
    asked = connection_request(user=retailer_user)
    comment_on(connection_request=asked, user=retailer_user, body="When will you decide?")
    comment_on(connection_request=asked, user=staff_user, body="Waiting on their reply.", internal=True)

    html = console.get(f"{REQUESTS}{asked.pk}/change/").content.decode()

    assert html.index("When will you decide?") < html.index("Waiting on their reply.")


def test_staff_see_every_import_with_its_progress_and_change_none(console, retailer_user):
    started = owned_import(retailer_user)

    listing = console.get("/admin/connections/requestimport/").content.decode()

    assert "requests.csv" in listing
    assert '<progress value="2" max="2">' in listing
    page = console.get(f"/admin/connections/requestimport/{started.pk}/change/")
    assert page.status_code == 200
    assert console.post(f"/admin/connections/requestimport/{started.pk}/delete/").status_code == 403


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


def test_a_pending_requests_page_offers_approve_with_its_candidates_and_deny(console, retailer_user, supplier_user):
    created = connection_request(user=retailer_user, organization_name="Supplier Co.")

    html = console.get(f"{REQUESTS}{created.pk}/change/").content.decode()

    assert f'action="{REQUESTS}{created.pk}/approve/"' in html
    assert f'value="{supplier_user.organization.uuid}"' in html
    assert "same name" in html
    assert f'action="{REQUESTS}{created.pk}/deny/"' in html
    assert 'name="_save"' not in html  # every field is read-only


def test_a_decided_requests_page_offers_no_decision(console, retailer_user, staff_user):
    created = connection_request(user=retailer_user)
    deny_request(connection_request=created, user=staff_user, reason="Not now.")

    html = console.get(f"{REQUESTS}{created.pk}/change/").content.decode()

    assert "/approve/" not in html
    assert "/deny/" not in html
    assert f'action="{REQUESTS}{created.pk}/reply/"' in html


def test_approving_from_the_requests_page_links_the_chosen_member(console, retailer_user, supplier_user):
    created = connection_request(user=retailer_user, organization_name="Supplier Co.")

    response = console.post(f"{REQUESTS}{created.pk}/approve/", {"link": str(supplier_user.organization.uuid)})

    connection = Connection.objects.get()
    assert response["Location"] == f"{CONNECTIONS}{connection.pk}/change/"
    assert connection.originating_request == created


def test_denying_from_the_requests_page_records_the_reason(console, retailer_user):
    created = connection_request(user=retailer_user)

    response = console.post(f"{REQUESTS}{created.pk}/deny/", {"reason": "Duplicate of another request"})

    assert response["Location"] == f"{REQUESTS}{created.pk}/change/"
    created.refresh_from_db()
    assert created.status == "denied"
    assert created.history.last().reason == "Duplicate of another request"
    assert messages_of(response) == [f"Denied: {created.org_name}."]


@pytest.mark.parametrize("reason", ["", "x" * 2001])
def test_a_denial_without_a_fit_reason_changes_nothing(console, retailer_user, reason):
    created = connection_request(user=retailer_user)

    response = console.post(f"{REQUESTS}{created.pk}/deny/", {"reason": reason})

    created.refresh_from_db()
    assert created.status == "pending"
    assert messages_of(response)[0].startswith("Not denied: ")


def test_denying_a_decided_request_from_its_page_reports_its_state(console, retailer_user, staff_user):
    created = connection_request(user=retailer_user)
    deny_request(connection_request=created, user=staff_user, reason="Not now.")

    response = console.post(f"{REQUESTS}{created.pk}/deny/", {"reason": "Again"})

    created.refresh_from_db()
    assert created.decision_reason == "Not now."
    assert "denied" in messages_of(response)[0]


def test_a_reply_from_the_requests_page_joins_its_thread(console, client_for, retailer_user):
    created = connection_request(user=retailer_user)
    comment_on(connection_request=created, user=retailer_user, body="When will you decide?")

    response = console.post(f"{REQUESTS}{created.pk}/reply/", {"body": "This week."})

    assert response["Location"] == f"{REQUESTS}{created.pk}/change/#thread"
    thread = client_for(retailer_user).get(f"/timp/organizations/connections/request/{created.uuid}/comments/").json()
    assert [comment["body"] for comment in thread] == ["When will you decide?", "This week."]
    html = console.get(f"{REQUESTS}{created.pk}/change/").content.decode()
    assert html.index("When will you decide?") < html.index("This week.")


def test_an_internal_note_from_the_requests_page_stays_with_staff(console, client_for, retailer_user):
    created = connection_request(user=retailer_user)

    console.post(f"{REQUESTS}{created.pk}/reply/", {"body": "Check their VAT number.", "internal": "on"})

    assert created.comments.get().internal is True
    thread = client_for(retailer_user).get(f"/timp/organizations/connections/request/{created.uuid}/comments/").json()
    assert thread == []
    assert "internal note" in console.get(f"{REQUESTS}{created.pk}/change/").content.decode()


@pytest.mark.parametrize("body", ["", "nul\x00byte", "x" * 5001])
def test_an_unfit_reply_changes_nothing(console, retailer_user, body):
    created = connection_request(user=retailer_user)

    response = console.post(f"{REQUESTS}{created.pk}/reply/", {"body": body})

    assert not created.comments.exists()
    assert messages_of(response)[0].startswith("Not sent: body: ")


@pytest.mark.parametrize("page", ["deny", "reply"])
def test_staff_who_may_not_change_requests_cannot_use_their_pages(retailer_user, page):
    created = connection_request(user=retailer_user)
    viewer = AccountManagerFactory().user  # staff, in no group
    viewer.user_permissions.add(Permission.objects.get(codename="view_connectionrequest"))
    browser = Client()
    browser.force_login(viewer)

    assert browser.get(f"{REQUESTS}{created.pk}/change/").status_code == 200
    response = browser.post(f"{REQUESTS}{created.pk}/{page}/", {"reason": "x", "body": "x"})

    assert response.status_code == 403
    created.refresh_from_db()
    assert created.status == "pending"
    assert not created.comments.exists()


def test_an_unknown_request_has_no_pages(console):
    for page in ["deny", "reply", "approve"]:
        assert console.post(f"{REQUESTS}00000000-0000-0000-0000-000000000000/{page}/", {}).status_code == 403
