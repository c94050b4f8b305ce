"""Every answer of a partner's lifecycle, checked against the live schema by a strict JSON
Schema validator (Draft 2020-12, formats asserted): where a generator trusts the schema, the
answers must be what it says, `oneOf` branches included (exactly one may match)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from jsonschema import Draft202012Validator, FormatChecker
from rest_framework.test import APIClient

from events.tasks import drain

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        return APIClient().get("/timp/schema/?format=json").json()


class Checked:
    """An API client whose every JSON answer is validated against its operation's schema."""

    def __init__(self, client: APIClient, schema: dict):
        self.client, self.schema, self.checked = client, schema, []

    def call(self, method: str, template: str, status: int, body=None, **values) -> dict | list | None:
        answer = getattr(self.client, method)(template.format(**values), body, format=None if body is None else "json")
        assert answer.status_code == status, answer.content
        if answer.status_code == 204 or not answer.content:
            return None
        operation = self.schema["paths"][template]
        content = operation[method]["responses"][str(status)]["content"]["application/json"]["schema"]
        validator = Draft202012Validator(
            {**content, "components": self.schema["components"]}, format_checker=FormatChecker()
        )
        errors = sorted(validator.iter_errors(answer.json()), key=lambda error: error.path)
        assert errors == [], f"{method.upper()} {template}: " + "; ".join(e.message[:300] for e in errors)
        self.checked.append(f"{method.upper()} {template}")
        return answer.json()

    def upload(self) -> dict:
        return self.client.post(
            "/timp/organizations/files/upload/",
            {"file": SimpleUploadedFile("items.csv", b"sku,name\n1,Widget\n")},
            format="multipart",
        ).json()


def test_every_answer_of_the_lifecycle_is_what_the_schema_says(
    client_for, retailer_user, supplier_user, staff_user, schema
):
    retailer, supplier, staff = (
        Checked(client_for(user), schema) for user in (retailer_user, supplier_user, staff_user)
    )
    requests, connections = "/timp/organizations/connections/request/", "/timp/organizations/connections/"

    retailer.call("get", "/timp/organizations/", 200)
    # A description left out is "": the answer the strict validators refused before.
    retailer.call("post", "/timp/webhooks/", 201, {"url": "https://93.184.216.34/hooks", "event_types": ["*"]})
    retailer.call("get", "/timp/webhooks/", 200)
    sample = retailer.upload()
    created = retailer.call(
        "post",
        requests,
        201,
        {
            "organization_name": "Supplier Co",
            "primary_contact_name": "Sam Supplier",
            "uploaded_files": [sample["uuid"]],
            "requested_integrations": [{"integration_type": "item", "update_frequency": "@daily"}],
        },
    )
    retailer.call("get", requests, 200)
    retailer.call("get", requests + "{id}/", 200, id=created["uuid"])
    connection = staff.call(
        "post",
        requests + "{id}/approve/",
        200,
        {"organization_uuid": str(supplier_user.organization_id)},
        id=created["uuid"],
    )
    supplier.call("get", connections, 200)
    supplier.call("post", connections + "{id}/confirm/", 200, id=connection["uuid"])
    supplier.call("get", connections + "{id}/", 200, id=connection["uuid"])
    retailer.call("post", "/timp/organizations/users/invite/", 201, {"email": "new@example.com", "first_name": "New"})
    retailer.call("get", "/timp/organizations/users/all/", 200)
    drain()
    # Every kind of event the lifecycle made, each its own branch of the union.
    events = retailer.call("get", "/timp/events/", 200)["events"]
    assert {"connection_requests/created", "connections/confirmed", "users/invited"} <= {e["type"] for e in events}
    assert "files/shared" in {e["type"] for e in supplier.call("get", "/timp/events/", 200)["events"]}
    retailer.call("get", "/timp/notifications/", 200)
    retailer.call("get", "/timp/notifications/notification-settings/", 200)
