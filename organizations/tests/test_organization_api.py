import pytest

ORGANIZATION = "/timp/organizations/"
ORGANIZATION_KEYS = {
    "uuid",
    "name",
    "website",
    "org_type",
    "status",
    "created_date",
    "active_date",
    "account_manager",
    "retailer_uuid",
    "supplier_uuid",
}

pytestmark = pytest.mark.django_db


def test_retailer_sees_its_organization(client_for, retailer_user):
    body = client_for(retailer_user).get(ORGANIZATION).json()

    organization = retailer_user.organization
    assert set(body) == ORGANIZATION_KEYS
    assert body["uuid"] == str(organization.uuid)
    assert body["name"] == "Retailer Co"
    assert body["org_type"] == "RETAILER"
    assert body["retailer_uuid"] == str(organization.retailer.uuid)
    assert body["supplier_uuid"] == ""
    assert body["created_date"].endswith("Z")
    assert set(body["account_manager"]) == {"uuid", "person"}
    assert set(body["account_manager"]["person"]) == {"uuid", "first_name", "last_name", "email", "phone", "job_title"}


def test_supplier_sees_its_organization(client_for, supplier_user):
    body = client_for(supplier_user).get(ORGANIZATION).json()

    assert set(body) == ORGANIZATION_KEYS
    assert body["org_type"] == "SUPPLIER"
    assert body["retailer_uuid"] == ""
    assert body["supplier_uuid"] == str(supplier_user.organization.supplier.uuid)


def test_organization_without_account_manager_shows_null(client_for, other_retailer_user):
    assert client_for(other_retailer_user).get(ORGANIZATION).json()["account_manager"] is None


def test_staff_have_no_organization(client_for, staff_user):
    response = client_for(staff_user).get(ORGANIZATION)

    assert response.status_code == 403
    assert response.json() == {"detail": "Staff accounts do not belong to an organization and cannot do this."}


def test_anonymous_is_401(anonymous):
    assert anonymous.get(ORGANIZATION).status_code == 401


def test_organization_detail_is_one_query_after_authentication(client_for, retailer_user, django_assert_num_queries):
    client = client_for(retailer_user)
    # 1 token + user + organization, 2 throttle counter, 3 organization with account manager and role
    with django_assert_num_queries(3):
        assert client.get(ORGANIZATION).status_code == 200


def test_sandbox_deployment_says_so_in_a_header(client_for, retailer_user, settings):
    assert "X-TIMP-Environment" not in client_for(retailer_user).get(ORGANIZATION)
    settings.TIMP_SANDBOX = True

    assert client_for(retailer_user).get(ORGANIZATION)["X-TIMP-Environment"] == "sandbox"
