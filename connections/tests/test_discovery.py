"""Discovery: members find members of the other type that take part, as documented."""

from datetime import timedelta

import pytest
from django.utils import timezone

from connections.tests.factories import ConnectionFactory, connection_request
from organizations import services as organization_services
from organizations.models import Organization, Participation
from organizations.tests.factories import SupplierOrganizationFactory

SUPPLIERS = "/timp/discovery/suppliers/"
RETAILERS = "/timp/discovery/retailers/"
DOCUMENTED_KEYS = ["uuid", "name", "website", "description", "fulfillment_percentage", "number_of_skus", "contact"]
ADDED_KEYS = ["organization_uuid", "date_joined", "connection_status", "pending_request_uuid"]

pytestmark = pytest.mark.django_db


def participating(organization: Organization, *, joined_days_ago: int = 0) -> Organization:
    Participation.objects.update_or_create(
        organization=organization,
        defaults={"is_participating": True, "date_joined": timezone.localdate() - timedelta(days=joined_days_ago)},
    )
    return organization


@pytest.fixture
def catalog():
    """Suppliers in discovery, one that is not, one that is not ACTIVE."""
    return {
        "acme": participating(
            SupplierOrganizationFactory(name="Acme Supply", description="Widgets"), joined_days_ago=5
        ),
        "zen": participating(SupplierOrganizationFactory(name="Zenith Goods"), joined_days_ago=40),
        "digits": participating(SupplierOrganizationFactory(name="3M Partners"), joined_days_ago=100),
        "acorn": participating(SupplierOrganizationFactory(name="acorn foods"), joined_days_ago=1),
        "hidden": SupplierOrganizationFactory(name="Absent Supplies"),
        "pending": participating(SupplierOrganizationFactory(name="Aardvark", status=Organization.Status.PENDING)),
    }


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["suppliers"]]


def test_a_retailer_finds_the_active_participating_suppliers_by_name(client_for, retailer_user, catalog):
    response = client_for(retailer_user).post(SUPPLIERS, {}, format="json")

    assert response.status_code == 200
    assert names(response) == ["3M Partners", "Acme Supply", "acorn foods", "Zenith Goods"]
    assert response.json()["pagination"] == {"total_count": 4, "start": 0, "limit": 50}


def test_each_supplier_has_the_documented_keys_then_the_added_ones(client_for, retailer_user, catalog):
    acme = catalog["acme"]

    (item,) = client_for(retailer_user).get(SUPPLIERS, {"search": "Acme"}).json()["suppliers"]

    assert list(item) == DOCUMENTED_KEYS + ADDED_KEYS
    assert item["uuid"] == str(acme.supplier.uuid)
    assert item["organization_uuid"] == str(acme.uuid)
    assert item["description"] == "Widgets"
    assert item["fulfillment_percentage"] is None
    assert item["number_of_skus"] is None
    assert item["contact"]["email"] == acme.primary_contact.email
    assert item["date_joined"] == (timezone.localdate() - timedelta(days=5)).isoformat()
    assert item["connection_status"] is None
    assert item["pending_request_uuid"] is None


def test_the_documented_body_filters_pages_and_sorts(client_for, retailer_user, catalog):
    client = client_for(retailer_user)
    body = {
        "initial_character": "A",
        "recent": 30,
        "pagination": {"start": 0, "limit": 1},
        "sort": {"key": "date_joined", "dir": "desc"},
    }

    response = client.post(SUPPLIERS, body, format="json")

    assert names(response) == ["acorn foods"]
    assert response.json()["pagination"] == {"total_count": 2, "start": 0, "limit": 1}
    assert names(client.post(SUPPLIERS, {**body, "pagination": {"start": 1, "limit": 1}}, format="json")) == [
        "Acme Supply"
    ]


def test_query_parameters_answer_as_the_body_does(client_for, retailer_user, catalog):
    client = client_for(retailer_user)
    query = {"initial_character": "a", "recent": 30, "start": 0, "limit": 5, "sort": "name", "dir": "desc"}
    body = {
        "initial_character": "a",
        "recent": 30,
        "pagination": {"start": 0, "limit": 5},
        "sort": {"key": "name", "dir": "desc"},
    }

    assert client.get(SUPPLIERS, query).json() == client.post(SUPPLIERS, body, format="json").json()
    assert names(client.get(SUPPLIERS, query)) == ["acorn foods", "Acme Supply"]


def test_hash_finds_names_starting_with_a_digit(client_for, retailer_user, catalog):
    assert names(client_for(retailer_user).get(SUPPLIERS, {"initial_character": "#"})) == ["3M Partners"]


def test_search_ranks_the_closest_names_first(client_for, retailer_user, catalog):
    participating(SupplierOrganizationFactory(name="Acme Supply Chain Logistics International"))

    response = client_for(retailer_user).get(SUPPLIERS, {"search": "acme supply"})

    assert names(response) == ["Acme Supply", "Acme Supply Chain Logistics International"]


def test_limit_is_forced_down_to_100(client_for, retailer_user, catalog):
    response = client_for(retailer_user).get(SUPPLIERS, {"limit": 1000})

    assert response.json()["pagination"]["limit"] == 100


@pytest.mark.parametrize(
    "body",
    [
        {"sort": {"key": "number_of_skus", "dir": "desc"}},
        {"sort": {"key": "name", "dir": "sideways"}},
        {"initial_character": "é"},
        {"recent": -1},
        {"pagination": {"start": -1}},
        {"pagination": "first"},
    ],
)
def test_anything_else_is_400(client_for, retailer_user, body):
    assert client_for(retailer_user).post(SUPPLIERS, body, format="json").status_code == 400


def test_the_caller_sees_its_connection_and_its_pending_request(client_for, retailer_user, catalog):
    ConnectionFactory(retailer=retailer_user.organization.retailer, supplier=catalog["zen"].supplier)
    pending = connection_request(user=retailer_user, supplier_uuid=str(catalog["acme"].supplier.uuid))

    items = {item["name"]: item for item in client_for(retailer_user).get(SUPPLIERS).json()["suppliers"]}

    assert items["Zenith Goods"]["connection_status"] == "ACTIVE"
    assert items["Acme Supply"]["pending_request_uuid"] == str(pending.uuid)
    assert items["acorn foods"]["connection_status"] is None


def test_a_supplier_finds_retailers_and_not_suppliers(client_for, supplier_user, retailer_user):
    participating(retailer_user.organization)
    client = client_for(supplier_user)

    found = client.get(RETAILERS).json()["retailers"]

    assert [item["uuid"] for item in found] == [str(retailer_user.organization.retailer.uuid)]
    assert client.get(SUPPLIERS).status_code == 409
    assert client_for(retailer_user).post(RETAILERS, {}, format="json").status_code == 409


def test_staff_belong_to_no_side(client_for, staff_user):
    assert client_for(staff_user).get(SUPPLIERS).status_code == 403


def test_the_list_costs_the_same_queries_whatever_its_size(client_for, retailer_user, django_assert_num_queries):
    for n in range(30):
        participating(SupplierOrganizationFactory(name=f"Supplier {n:02d}"))
    client = client_for(retailer_user)
    client.get(SUPPLIERS, {"limit": 1})  # the statements are prepared on first use, once per connection

    # token and user; throttle; the page's keys; the shapes with the caller's links; the count
    with django_assert_num_queries(5):
        assert len(client.get(SUPPLIERS, {"limit": 3}).json()["suppliers"]) == 3
    with django_assert_num_queries(5):
        assert len(client.get(SUPPLIERS, {"limit": 29}).json()["suppliers"]) == 29
    # the last page counts itself: no count query
    with django_assert_num_queries(4):
        last = client.get(SUPPLIERS, {"start": 20, "limit": 20}).json()
    assert last["pagination"]["total_count"] == 30
    assert len(last["suppliers"]) == 10


PARTICIPATION = "/timp/discovery/participation/"


def test_staff_put_an_organization_in_discovery_and_read_it(client_for, staff_user, supplier_user):
    organization = supplier_user.organization
    staff = client_for(staff_user)

    answer = staff.post(f"{PARTICIPATION}{organization.uuid}/", {"is_participating": True}, format="json")

    assert answer.status_code == 200
    body = answer.json()
    assert body["supplier_uuid"] == str(organization.supplier.uuid)
    assert body["is_participating"] is True
    assert body["date_joined"] == timezone.localdate().isoformat()
    assert body["approved_by"]["uuid"] == str(staff_user.account_manager.uuid)
    assert staff.get(f"{PARTICIPATION}{organization.uuid}/").json() == body
    assert client_for(supplier_user).get(f"{PARTICIPATION}{organization.uuid}/").json() == body


def test_a_member_asks_to_join_and_only_staff_decide(client_for, retailer_user, staff_user):
    member = client_for(retailer_user)
    own = f"{PARTICIPATION}{retailer_user.organization.uuid}/"

    asked = member.post(PARTICIPATION)

    assert asked.status_code == 200
    assert asked.json()["is_participating"] is False
    assert asked.json()["requested_by"]["email"] == retailer_user.email
    assert asked.json()["retailer_uuid"] == str(retailer_user.organization.retailer.uuid)
    assert member.post(own, {"is_participating": True}, format="json").status_code == 403
    assert member.get(own).json()["is_participating"] is False
    assert client_for(staff_user).post(PARTICIPATION).status_code == 403


def test_another_organizations_participation_is_404(client_for, retailer_user, supplier_user):
    organization_services.set_participation(
        organization=supplier_user.organization, is_participating=True, user=retailer_user
    )

    assert client_for(retailer_user).get(f"{PARTICIPATION}{supplier_user.organization.uuid}/").status_code == 404


def test_search_and_initial_match_wildcards_literally(client_for, retailer_user):
    participating(SupplierOrganizationFactory(name="100% Cotton"))
    participating(SupplierOrganizationFactory(name="1000 Cottons"))
    participating(SupplierOrganizationFactory(name="_Underscore Goods"))
    client = client_for(retailer_user)

    assert names(client.get(SUPPLIERS, {"search": "100%"})) == ["100% Cotton"]
    assert names(client.get(SUPPLIERS, {"search": "_"})) == ["_Underscore Goods"]
    assert names(client.get(SUPPLIERS, {"search": "cotton", "sort": "name", "dir": "desc"})) == [
        "1000 Cottons",
        "100% Cotton",
    ]
