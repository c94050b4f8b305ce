"""Naming the counterpart, and approvals that link members instead of duplicating them."""

import pytest

from connections import services
from connections.models import Connection, ConnectionRequest
from connections.tests.factories import ConnectionFactory, connection_request
from connections.tests.test_discovery import participating
from core.exceptions import InvalidInput
from organizations.models import Organization
from organizations.tests.factories import OrganizationFactory, PersonFactory, SupplierOrganizationFactory

REQUESTS = "/timp/organizations/connections/request/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed_supplier(supplier_user) -> Organization:
    return participating(supplier_user.organization)


def name(client, supplier: Organization, **body):
    return client.post(REQUESTS, {"supplier_uuid": str(supplier.supplier.uuid), **body}, format="json")


def test_a_request_naming_a_discovered_supplier_takes_its_name_and_contact(client_for, retailer_user, listed_supplier):
    client = client_for(retailer_user)

    created = name(client, listed_supplier)

    assert created.status_code == 201
    read = client.get(f"{REQUESTS}{created.json()['uuid']}/").json()
    contact = listed_supplier.primary_contact
    assert read["org_name"] == listed_supplier.name
    assert read["org_contact_full_name"] == contact.full_name
    assert read["primary_contact_email"] == contact.email
    assert read["counterpart"] == {
        "uuid": str(listed_supplier.uuid),
        "name": listed_supplier.name,
        "org_type": "SUPPLIER",
    }


def test_a_request_naming_none_has_no_counterpart(client_for, retailer_user):
    created = connection_request(user=retailer_user)

    assert client_for(retailer_user).get(f"{REQUESTS}{created.uuid}/").json()["counterpart"] is None


def test_the_wrong_role_is_409(client_for, retailer_user, supplier_user):
    participating(retailer_user.organization)

    by_retailer = client_for(retailer_user).post(
        REQUESTS, {"retailer_uuid": str(retailer_user.organization.retailer.uuid)}, format="json"
    )
    by_supplier = client_for(supplier_user).post(
        REQUESTS, {"supplier_uuid": str(supplier_user.organization.supplier.uuid)}, format="json"
    )

    assert by_retailer.status_code == by_supplier.status_code == 409


def test_a_supplier_names_a_retailer(client_for, retailer_user, supplier_user):
    participating(retailer_user.organization)

    created = client_for(supplier_user).post(
        REQUESTS, {"retailer_uuid": str(retailer_user.organization.retailer.uuid)}, format="json"
    )

    assert created.status_code == 201
    assert ConnectionRequest.objects.get().counterpart == retailer_user.organization


@pytest.mark.parametrize("case", ["unknown", "not participating", "not active", "a retailer's role uuid"])
def test_what_cannot_be_named_is_400_with_one_message(client_for, retailer_user, case):
    supplier = SupplierOrganizationFactory(status=Organization.Status.PENDING if case == "not active" else "ACTIVE")
    if case != "not participating":
        participating(supplier)
    role_uuid = {
        "unknown": "00000000-0000-4000-8000-000000000000",
        "a retailer's role uuid": str(participating(OrganizationFactory()).retailer.uuid),
    }.get(case, str(supplier.supplier.uuid))

    response = client_for(retailer_user).post(REQUESTS, {"supplier_uuid": role_uuid}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "supplier_uuid": ["No organization that you can name has this UUID: look it up in discovery."]
    }
    assert not ConnectionRequest.objects.exists()


def test_a_connected_supplier_can_be_named_without_participating(client_for, retailer_user, supplier_user):
    ConnectionFactory(
        retailer=retailer_user.organization.retailer,
        supplier=supplier_user.organization.supplier,
        status=Connection.Status.DEACTIVATED,
        deactivated_date="2026-01-01T00:00:00Z",
    )

    assert name(client_for(retailer_user), supplier_user.organization).status_code == 201


def test_a_second_pending_request_to_the_same_counterpart_is_422(client_for, retailer_user, listed_supplier):
    client = client_for(retailer_user)
    name(client, listed_supplier)

    again = name(client, listed_supplier, organization_name="Another spelling")

    assert again.status_code == 422
    assert ConnectionRequest.objects.count() == 1


@pytest.mark.parametrize("status", ["CONFIRMATION WAITING", "ACTIVE"])
def test_a_live_connection_with_the_counterpart_is_422_naming_it(client_for, retailer_user, listed_supplier, status):
    live = ConnectionFactory(
        retailer=retailer_user.organization.retailer, supplier=listed_supplier.supplier, status=status
    )

    response = name(client_for(retailer_user), listed_supplier)

    assert response.status_code == 422
    assert str(live.uuid) in response.json()["detail"]


def test_approval_links_the_named_counterpart(client_for, retailer_user, supplier_user, listed_supplier, staff_user):
    created = name(client_for(retailer_user), listed_supplier).json()

    approved = client_for(staff_user).post(f"{REQUESTS}{created['uuid']}/approve/")

    assert approved.status_code == 200
    assert approved.json()["supplier"]["organization"]["uuid"] == str(listed_supplier.uuid)
    assert Organization.objects.filter(org_type="SUPPLIER").count() == 1
    assert [c["uuid"] for c in client_for(supplier_user).get("/timp/organizations/connections/").json()] == [
        approved.json()["uuid"]
    ]


def test_approval_naming_another_organization_than_the_request_is_400(
    client_for, retailer_user, listed_supplier, staff_user
):
    created = name(client_for(retailer_user), listed_supplier).json()
    other = SupplierOrganizationFactory()

    response = client_for(staff_user).post(
        f"{REQUESTS}{created['uuid']}/approve/", {"organization_uuid": str(other.uuid)}, format="json"
    )

    assert response.status_code == 400
    assert "organization_uuid" in response.json()
    assert ConnectionRequest.objects.get().status == "pending"


def test_the_service_names_what_is_wrong_in_its_own_words(retailer_user, listed_supplier, staff_user):
    """The service says "counterpart"; only the API's view calls it `organization_uuid`."""
    pending = connection_request(user=retailer_user, organization_name="Acme")
    wrong_type = OrganizationFactory(name="Another Retailer", status="ACTIVE")

    with pytest.raises(InvalidInput) as raised:
        services.approve_request(connection_request=pending, user=staff_user, organization=wrong_type)

    assert raised.value.field == "counterpart"
    assert "needs a SUPPLIER" in raised.value.message


@pytest.mark.parametrize("spelling", ["ACME, Inc.", "acme   llc", "Acme Co.", "The-Acme"])
def test_an_unnamed_request_matching_existing_names_needs_a_choice(client_for, retailer_user, staff_user, spelling):
    existing = SupplierOrganizationFactory(name="Acme" if spelling != "The-Acme" else "The Acme")
    created = connection_request(user=retailer_user, organization_name=spelling)
    staff = client_for(staff_user)

    refused = staff.post(f"{REQUESTS}{created.uuid}/approve/")

    assert refused.status_code == 422
    (candidate,) = refused.json()["candidates"]
    assert candidate["uuid"] == str(existing.uuid)
    assert set(candidate) == {"uuid", "name", "org_type", "status", "similarity"}
    assert ConnectionRequest.objects.get().status == "pending"
    forced = staff.post(f"{REQUESTS}{created.uuid}/approve/", {"create_organization": True}, format="json")
    assert forced.status_code == 200
    assert forced.json()["supplier"]["organization"]["uuid"] != str(existing.uuid)


def test_without_an_exact_match_approval_creates_the_organization(client_for, retailer_user, staff_user):
    SupplierOrganizationFactory(name="Acme Widgets")
    created = connection_request(user=retailer_user, organization_name="Acme")

    response = client_for(staff_user).post(f"{REQUESTS}{created.uuid}/approve/")

    assert response.status_code == 200
    assert response.json()["supplier"]["organization"]["name"] == "Acme"


def test_candidates_rank_the_same_name_then_the_domain_then_similarity(client_for, retailer_user, staff_user):
    same = SupplierOrganizationFactory(name="Northwind Traders, LLC", website="elsewhere.example")
    by_domain = SupplierOrganizationFactory(name="NW Group", website="https://northwind.example")
    similar = SupplierOrganizationFactory(name="Northwind Trading", website="other.example")
    SupplierOrganizationFactory(name="Unrelated Partners", primary_contact=PersonFactory(email="x@else.example"))
    OrganizationFactory(name="Northwind Traders")  # a retailer: not a candidate for a retailer's request
    created = connection_request(
        user=retailer_user, organization_name="Northwind Traders", primary_contact_email="ann@northwind.example"
    )

    found = client_for(staff_user).get(f"{REQUESTS}{created.uuid}/candidates/").json()

    assert [c["uuid"] for c in found] == [str(same.uuid), str(by_domain.uuid), str(similar.uuid)]
    assert found[0]["reasons"][0].startswith("same name")
    assert "northwind.example" in found[1]["reasons"][0]
    assert found[2]["reasons"][0].startswith("similar name")
    assert found[0]["similarity"] >= found[2]["similarity"] > 0


def test_candidates_are_for_staff(client_for, retailer_user):
    created = connection_request(user=retailer_user)

    assert client_for(retailer_user).get(f"{REQUESTS}{created.uuid}/candidates/").status_code == 403
