"""Every connection-request endpoint, tried by every persona."""

import pytest

from connections.tests.factories import connection_request

REQUESTS = "/timp/organizations/connections/request/"
PERSONAS = ["requester", "other_retailer", "supplier", "staff", "anonymous"]

# endpoint: (method, path suffix, body, expected status per persona in PERSONAS order)
MATRIX = {
    "list": ("get", "", None, [200, 200, 200, 200, 401]),
    "detail": ("get", "{uuid}/", None, [200, 404, 404, 200, 401]),
    "patch": ("patch", "{uuid}/", {"additional_information": "changed"}, [204, 404, 404, 204, 401]),
    "cancel": ("post", "{uuid}/cancel/", None, [204, 404, 404, 403, 401]),
    "approve": ("post", "{uuid}/approve/", None, [403, 403, 403, 200, 401]),
    "deny": ("post", "{uuid}/deny/", {"reason": "no"}, [403, 403, 403, 204, 401]),
    "create": ("post", "", {"organization_name": "New Co", "primary_contact_name": "N"}, [201, 201, 201, 403, 401]),
}

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(retailer_user, other_retailer_user, supplier_user, staff_user):
    return {
        "requester": retailer_user,
        "other_retailer": other_retailer_user,
        "supplier": supplier_user,
        "staff": staff_user,
        "anonymous": None,
    }


@pytest.mark.parametrize("endpoint", MATRIX)
@pytest.mark.parametrize("persona", PERSONAS)
def test_persona_matrix(client_for, users, endpoint, persona):
    request = connection_request(user=users["requester"])
    method, suffix, body, expected = MATRIX[endpoint]
    client = client_for(users[persona])

    response = getattr(client, method)(REQUESTS + suffix.format(uuid=request.uuid), body)

    assert response.status_code == expected[PERSONAS.index(persona)], response.content
    if endpoint == "list" and persona in ("other_retailer", "supplier"):
        assert response.json()["requests"] == []
