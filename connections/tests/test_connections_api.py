import pytest

from connections import services
from connections.models import Connection
from connections.tests.factories import ConnectionFactory, connection_request, doc_body
from core.exceptions import NotAllowed, WrongOrganizationType
from files.tests.factories import uploaded_file
from organizations.models import Organization
from organizations.tests.factories import OrganizationFactory, PersonFactory, SupplierOrganizationFactory, UserFactory

CONNECTIONS = "/timp/organizations/connections/"
ADDED_KEYS = {"requested_by", "created_date"}

pytestmark = pytest.mark.django_db


def shape(value):
    """The structure of a JSON value: keys and nesting, and null versus string."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


@pytest.fixture
def documented_connection(retailer_user, account_manager):
    """The first and third connections of the published example, rebuilt: a supplier without
    an account manager, and a PENDING one whose contact has no phone or job title."""
    plain_supplier = SupplierOrganizationFactory(account_manager=None)
    pending_supplier = SupplierOrganizationFactory(
        status=Organization.Status.PENDING,
        account_manager=account_manager,
        primary_contact=PersonFactory(phone=None, job_title=None),
    )
    first = ConnectionFactory(
        retailer=retailer_user.organization.retailer, supplier=plain_supplier.supplier, account_manager=account_manager
    )
    third = ConnectionFactory(
        retailer=retailer_user.organization.retailer,
        supplier=pending_supplier.supplier,
        account_manager=account_manager,
        suppliers_retailer_account_number="",
        retailers_supplier_account_number="",
    )
    # The published example's ACTIVE organizations carry no active date (rows older than it).
    Organization.objects.filter(status=Organization.Status.ACTIVE).update(active_date=None)
    return first, third


def test_response_has_exactly_the_documented_structure(client_for, retailer_user, documented_connection):
    first, third = documented_connection
    documented = doc_body("get_connections.json")

    body = client_for(retailer_user).get(CONNECTIONS, {"ordering": "created_date"}).json()

    assert isinstance(body, list)
    assert [entry["uuid"] for entry in body] == [str(first.uuid), str(third.uuid)]
    for ours, theirs in ((body[0], documented[0]), (body[1], documented[2])):
        assert set(ours) - set(theirs) == ADDED_KEYS
        assert shape({key: ours[key] for key in theirs}) == shape(theirs)


def test_values_come_from_the_right_places(client_for, retailer_user, documented_connection):
    first, _ = documented_connection

    body = client_for(retailer_user).get(f"{CONNECTIONS}{first.uuid}/").json()

    retailer = retailer_user.organization
    assert body["retailer"]["uuid"] == str(retailer.retailer.uuid)
    assert body["retailer"]["organization"]["uuid"] == str(retailer.uuid)
    assert body["retailer"]["organization"]["retailer_uuid"] == str(retailer.retailer.uuid)
    assert body["retailer"]["organization"]["supplier_uuid"] == ""
    assert body["retailer"]["contact"]["uuid"] == str(retailer.primary_contact.uuid)
    assert body["supplier"]["organization"]["supplier_uuid"] == body["supplier"]["uuid"]
    assert body["account_manager"]["person"]["uuid"] == str(first.account_manager.person.uuid)


PERSONAS = ["retailer", "supplier", "third", "staff", "anonymous"]
MATRIX = {
    "list": ("get", "", None, [200, 200, 200, 200, 401]),
    "detail": ("get", "{uuid}/", None, [200, 200, 404, 200, 401]),
    "confirm": ("post", "{uuid}/confirm/", None, [409, 200, 404, 200, 401]),
    "deactivate": ("post", "{uuid}/deactivate/", None, [200, 200, 404, 200, 401]),
    "patch": ("patch", "{uuid}/", {"allocation_type": "x"}, [400, 400, 404, 400, 401]),
}


@pytest.mark.parametrize("endpoint", MATRIX)
@pytest.mark.parametrize("persona", PERSONAS)
def test_persona_matrix(client_for, retailer_user, supplier_user, other_retailer_user, staff_user, endpoint, persona):
    connection = ConnectionFactory(
        retailer=retailer_user.organization.retailer,
        supplier=supplier_user.organization.supplier,
        status=Connection.Status.CONFIRMATION_WAITING,
    )
    users = {
        "retailer": retailer_user,
        "supplier": supplier_user,
        "third": other_retailer_user,
        "staff": staff_user,
        "anonymous": None,
    }
    method, suffix, body, expected = MATRIX[endpoint]

    response = getattr(client_for(users[persona]), method)(CONNECTIONS + suffix.format(uuid=connection.uuid), body)

    assert response.status_code == expected[PERSONAS.index(persona)], response.content
    if endpoint == "list" and persona != "anonymous":
        assert [entry["uuid"] for entry in response.json()] == ([] if persona == "third" else [str(connection.uuid)])


@pytest.fixture
def waiting(retailer_user, supplier_user):
    pending_org = supplier_user.organization
    pending_org.status = Organization.Status.PENDING
    pending_org.save()
    return ConnectionFactory(
        retailer=retailer_user.organization.retailer,
        supplier=pending_org.supplier,
        status=Connection.Status.CONFIRMATION_WAITING,
        requested_by=Organization.Type.RETAILER,
    )


def test_confirm_activates_the_connection_and_a_pending_counterpart(client_for, supplier_user, waiting):
    response = client_for(supplier_user).post(f"{CONNECTIONS}{waiting.uuid}/confirm/")

    assert response.status_code == 200
    assert response.json()["status"] == "ACTIVE"
    waiting.refresh_from_db()
    assert waiting.status == Connection.Status.ACTIVE
    supplier_user.organization.refresh_from_db()
    assert supplier_user.organization.status == Organization.Status.ACTIVE
    assert supplier_user.organization.active_date is not None


def test_the_side_that_asked_cannot_confirm(client_for, retailer_user, waiting):
    response = client_for(retailer_user).post(f"{CONNECTIONS}{waiting.uuid}/confirm/")

    assert response.status_code == 409
    assert "other side confirms" in response.json()["detail"]
    waiting.refresh_from_db()
    assert waiting.status == Connection.Status.CONFIRMATION_WAITING


def test_confirming_a_deactivated_connection_is_422(client_for, supplier_user, waiting):
    client = client_for(supplier_user)
    assert client.post(f"{CONNECTIONS}{waiting.uuid}/deactivate/").status_code == 200

    response = client.post(f"{CONNECTIONS}{waiting.uuid}/confirm/")

    assert response.status_code == 422
    waiting.refresh_from_db()
    assert waiting.status == Connection.Status.DEACTIVATED


def test_deactivating_twice_is_422_and_keeps_the_first_date(client_for, retailer_user, waiting):
    client = client_for(retailer_user)
    first = client.post(f"{CONNECTIONS}{waiting.uuid}/deactivate/").json()
    assert first["status"] == "DEACTIVATED"
    assert first["deactivated_date"].endswith("Z")

    assert client.post(f"{CONNECTIONS}{waiting.uuid}/deactivate/").status_code == 422
    waiting.refresh_from_db()
    assert waiting.deactivated_date.isoformat().replace("+00:00", "Z") == first["deactivated_date"]


@pytest.mark.parametrize(
    ("persona", "field", "allowed"),
    [
        ("retailer", "retailers_supplier_account_number", True),
        ("retailer", "suppliers_retailer_account_number", False),
        ("supplier", "suppliers_retailer_account_number", True),
        ("supplier", "retailers_supplier_account_number", False),
        ("staff", "suppliers_retailer_account_number", True),
        ("staff", "retailers_supplier_account_number", True),
    ],
)
def test_each_side_sets_only_its_own_account_number(
    client_for, retailer_user, supplier_user, staff_user, waiting, persona, field, allowed
):
    user = {"retailer": retailer_user, "supplier": supplier_user, "staff": staff_user}[persona]

    response = client_for(user).patch(f"{CONNECTIONS}{waiting.uuid}/", {field: "ACC-42"})

    waiting.refresh_from_db()
    if allowed:
        assert response.status_code == 200
        assert response.json()[field] == "ACC-42"
        assert getattr(waiting, field) == "ACC-42"
    else:
        assert response.status_code == 400
        owner = "retailer" if field.startswith("retailers") else "supplier"
        assert response.json() == {field: [f"This is the {owner}'s number; only the {owner} (or staff) can set it."]}
        assert getattr(waiting, field) is None


@pytest.mark.parametrize(
    "body",
    [
        {"status": "ACTIVE"},
        {"retailer": "00000000-0000-4000-8000-000000000000"},
        {"supplier": {"uuid": "00000000-0000-4000-8000-000000000000"}},
        {"account_manager": None},
        {"deactivated_date": "2020-01-01T00:00:00Z"},
        {"retailers_supplier_account_number": 5},
        {"retailers_supplier_account_number": "x" * 101},
        {"retailers_supplier_account_number": "ok", "status": "DEACTIVATED"},
    ],
)
def test_mass_assignment_changes_nothing(client_for, retailer_user, waiting, body):
    before = Connection.objects.filter(pk=waiting.pk).values().get()

    response = client_for(retailer_user).patch(f"{CONNECTIONS}{waiting.uuid}/", body)

    assert response.status_code == 400
    assert Connection.objects.filter(pk=waiting.pk).values().get() == before


@pytest.mark.parametrize("count", [1, 200])
def test_list_query_count_is_the_same_for_any_size(
    client_for, retailer_user, account_manager, count, django_assert_num_queries
):
    retailer = retailer_user.organization.retailer
    for _ in range(count):
        ConnectionFactory(retailer=retailer, account_manager=account_manager)
    client = client_for(retailer_user)

    # 1 token + user + organization, 2 throttle, 3 count, 4 the page's keys, 5 their shapes with
    # the account manager, 6 the page's retailers with their shapes, 7 its suppliers likewise
    with django_assert_num_queries(7):
        assert len(client.get(CONNECTIONS, {"limit": 1000}).json()) == count


def test_pagination_headers_at_the_first_middle_and_last_page(client_for, retailer_user):
    retailer = retailer_user.organization.retailer
    for _ in range(5):
        ConnectionFactory(retailer=retailer)
    client = client_for(retailer_user)
    base = f"http://testserver{CONNECTIONS}"

    first = client.get(CONNECTIONS, {"limit": 2})
    middle = client.get(CONNECTIONS, {"limit": 2, "start": 2})
    last = client.get(CONNECTIONS, {"limit": 2, "start": 4})

    assert [len(page.json()) for page in (first, middle, last)] == [2, 2, 1]
    assert {page["X-Total-Count"] for page in (first, middle, last)} == {"5"}
    assert first["Link"] == f'<{base}?limit=2&start=2>; rel="next"'
    assert middle["Link"] == f'<{base}?limit=2&start=4>; rel="next", <{base}?limit=2>; rel="prev"'
    assert last["Link"] == f'<{base}?limit=2&start=2>; rel="prev"'
    uuids = [entry["uuid"] for page in (first, middle, last) for entry in page.json()]
    assert len(set(uuids)) == 5


def test_limit_is_forced_down_and_bad_paging_is_400(client_for, retailer_user):
    ConnectionFactory(retailer=retailer_user.organization.retailer)
    client = client_for(retailer_user)

    assert "Link" not in client.get(CONNECTIONS, {"limit": 5000})
    assert client.get(CONNECTIONS, {"start": 50}).json() == []
    assert client.get(CONNECTIONS, {"limit": 0}).status_code == 400
    assert client.get(CONNECTIONS, {"start": "x"}).status_code == 400


def test_filters(client_for, staff_user):
    acme = OrganizationFactory(name="Acme Stores")
    globex = SupplierOrganizationFactory(name="Globex Supply")
    active = ConnectionFactory(retailer=acme.retailer)
    waiting = ConnectionFactory(supplier=globex.supplier, status=Connection.Status.CONFIRMATION_WAITING)
    client = client_for(staff_user)

    def uuids(**params):
        return [entry["uuid"] for entry in client.get(CONNECTIONS, params).json()]

    assert uuids(status="ACTIVE") == [str(active.uuid)]
    assert uuids(status="CONFIRMATION WAITING") == [str(waiting.uuid)]
    assert uuids(search="acme") == [str(active.uuid)]
    assert uuids(search="GLOBEX") == [str(waiting.uuid)]
    assert uuids(retailer_uuid=str(acme.retailer.uuid)) == [str(active.uuid)]
    assert uuids(supplier_uuid=str(globex.supplier.uuid)) == [str(waiting.uuid)]
    assert uuids(ordering="created_date") == [str(active.uuid), str(waiting.uuid)]
    assert uuids(ordering="-created_date") == [str(waiting.uuid), str(active.uuid)]
    assert client.get(CONNECTIONS, {"status": "SOMETIMES"}).status_code == 400
    assert client.get(CONNECTIONS, {"retailer_uuid": "nope"}).status_code == 400
    assert client.get(CONNECTIONS, {"ordering": "password"}).status_code == 400


@pytest.mark.parametrize("params", [{"search": "a\x00b"}, {"search": "x" * 201}, {"status": "\x00"}])
def test_bad_filter_values_are_400(client_for, retailer_user, params):
    ConnectionFactory(retailer=retailer_user.organization.retailer)

    assert client_for(retailer_user).get(CONNECTIONS, params).status_code == 400


def test_deactivation_ends_the_counterparts_access_to_shared_files(
    client_for, retailer_user, supplier_user, staff_user
):
    kept = uploaded_file(organization=retailer_user.organization)
    created = connection_request(user=retailer_user, uploaded_files=[kept])
    connection = services.approve_request(
        connection_request=created, user=staff_user, organization=supplier_user.organization
    )
    supplier, retailer = client_for(supplier_user), client_for(retailer_user)
    download = f"/timp/organizations/files/{kept.uuid}/download/"
    assert supplier.get(download).status_code == 200

    assert supplier.post(f"{CONNECTIONS}{connection.uuid}/deactivate/").status_code == 200

    assert supplier.get(download).status_code == 404
    assert supplier.get(f"/timp/organizations/files/{kept.uuid}/").status_code == 404
    assert retailer.get(download).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "ordering=bogus&ordering=status",
        "ordering=status&ordering=status",
        "status=BOGUS&status=ACTIVE",
        "limit=x&limit=1",
    ],
)
def test_a_parameter_given_twice_is_400_naming_it(client_for, retailer_user, query):
    response = client_for(retailer_user).get(f"{CONNECTIONS}?{query}")

    assert response.status_code == 400
    name = query.split("=")[0]
    assert response.json()[name] == ["Give this parameter once."]


def test_ordering_by_partner_name_follows_renames(client_for, retailer_user):
    zeta = ConnectionFactory(
        retailer=retailer_user.organization.retailer, supplier=SupplierOrganizationFactory(name="Zeta").supplier
    )
    alpha = ConnectionFactory(
        retailer=retailer_user.organization.retailer, supplier=SupplierOrganizationFactory(name="Alpha").supplier
    )
    client = client_for(retailer_user)

    def by_name() -> list[str]:
        return [c["uuid"] for c in client.get(CONNECTIONS, {"ordering": "supplier_name"}).json()]

    assert by_name() == [str(alpha.uuid), str(zeta.uuid)]
    renamed = zeta.supplier.organization
    renamed.name = "Aardvark"
    renamed.save()
    assert by_name() == [str(zeta.uuid), str(alpha.uuid)]
    assert Connection.objects.get(pk=zeta.pk).supplier_name == "Aardvark"


# The one policy, asked by the services themselves (the admin, the sandbox and the worker call them)


def test_the_services_ask_the_policy_whoever_calls_them(retailer_user, supplier_user, staff_user):
    connection = ConnectionFactory(
        retailer=retailer_user.organization.retailer,
        supplier=supplier_user.organization.supplier,
        status=Connection.Status.CONFIRMATION_WAITING,
    )
    without = UserFactory(organization=supplier_user.organization, permissions=["view_org_users"])

    with pytest.raises(WrongOrganizationType):  # the side that asked does not confirm
        services.confirm_connection(connection=connection, user=retailer_user)
    with pytest.raises(NotAllowed, match="manage_connections"):
        services.deactivate_connection(connection=connection, user=without)
    with pytest.raises(NotAllowed, match="account managers"):
        services.deny_request(
            connection_request=connection_request(user=retailer_user), user=supplier_user, reason="no"
        )

    assert services.confirm_connection(connection=connection, user=staff_user).status == "ACTIVE"
