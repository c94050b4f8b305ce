"""The partner SDK, generated from the schema by openapi-python-client, runs the whole lifecycle
against a live server with nothing but its typed API: if the schema misleads a generator (a
header, a required field, a nullable one, the auth scheme), this fails."""

import importlib
import sys

import pytest

from organizations.tests.factories import PASSWORD
from scripts.client import CLIENT

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def generated(monkeypatch):
    """Imports a module of the partner SDK, the client generated from the schema and checked in
    (`clients/python/`, kept what the schema generates by test_sdk.py)."""
    monkeypatch.syspath_prepend(str(CLIENT))
    yield lambda name: importlib.import_module(f"timp_client.{name}")
    for module in [name for name in sys.modules if name.startswith("timp_client")]:
        del sys.modules[module]


def test_the_partner_lifecycle_through_a_generated_client(
    generated, live_server, retailer_user, supplier_user, staff_user
):
    client_module, models, types = generated("client"), generated("models"), generated("types")
    api = {
        name: generated(f"api.{folder}.{name}")
        for folder, names in {
            "organizations": ["user_login"],
            "files": ["file_upload", "file_download"],
            "connections": [
                "connection_request_create",
                "connection_request_list",
                "connection_request_get",
                "connection_request_update",
                "connection_request_approve",
                "connection_list",
                "connection_confirm",
                "connection_update",
            ],
        }.items()
        for name in names
    }
    anonymous = client_module.Client(base_url=live_server.url, raise_on_unexpected_status=True)

    def log_in(user) -> object:
        answer = api["user_login"].sync(
            client=anonymous, body=models.LoginRequest(username=user.username, password=PASSWORD)
        )
        assert isinstance(answer, models.LoginResponse)
        return client_module.AuthenticatedClient(
            base_url=live_server.url, token=answer.auth_token, raise_on_unexpected_status=True
        )

    retailer, supplier, staff = log_in(retailer_user), log_in(supplier_user), log_in(staff_user)

    sample = api["file_upload"].sync(
        client=retailer,
        body=models.FileUploadRequest(file=types.File(payload=b"sku,qty\nA1,3\n", file_name="items.csv")),
    )
    assert isinstance(sample, models.File)
    assert sample.content_type == "text/csv"

    created = api["connection_request_create"].sync_detailed(
        client=retailer,
        idempotency_key="lifecycle-1",
        body=models.NewConnectionRequestRequest(
            organization_name="Supplier Co",
            primary_contact_name="Sam Supplier",
            requested_integrations=[
                models.NewIntegrationRequest(type_=models.IntegrationTypeEnum.ITEM, update_frequency="30 6 * * *"),
                models.NewIntegrationRequest(type_=models.IntegrationTypeEnum.ORDER, update_frequency="* 30 12 * * 2"),
            ],
            uploaded_files=[sample.uuid],
        ),
    )
    assert created.status_code == 201
    assert created.headers["Location"].endswith(f"/{created.parsed.uuid}/")
    request_uuid = str(created.parsed.uuid)

    page = api["connection_request_list"].sync(client=retailer)
    assert page.pagination.total_count == 1
    assert page.requests[0].integrations[1].next_run_at is not None
    assert page.requests[0].connection_uuid is None

    read = api["connection_request_get"].sync_detailed(request_uuid, client=retailer)
    etag = read.headers["ETag"]
    changed = api["connection_request_update"].sync_detailed(
        request_uuid,
        client=retailer,
        if_match=etag,
        body=models.PatchedConnectionRequestWriteRequest(additional_information="Weekly files are fine."),
    )
    assert changed.status_code == 204
    assert changed.headers["ETag"] != etag
    stale = api["connection_request_update"].sync_detailed(
        request_uuid,
        client=retailer,
        if_match=etag,
        body=models.PatchedConnectionRequestWriteRequest(additional_information="Stale."),
    )
    assert stale.status_code == 412

    connection = api["connection_request_approve"].sync(
        request_uuid,
        client=staff,
        body=models.ApproveRequest(organization_uuid=str(supplier_user.organization_id)),
    )
    assert connection.status == models.ConnectionStatusEnum.CONFIRMATION_WAITING

    listed = api["connection_list"].sync_detailed(
        client=supplier, ordering=models.ConnectionListOrdering.CREATED_DATE_DESC
    )
    assert int(listed.headers["X-Total-Count"]) == len(listed.parsed) == 1
    confirmed = api["connection_confirm"].sync(str(connection.uuid), client=supplier)
    assert confirmed.status == models.ConnectionStatusEnum.ACTIVE
    numbered = api["connection_update"].sync(
        str(connection.uuid),
        client=supplier,
        body=models.PatchedAccountNumbersRequest(suppliers_retailer_account_number="R-77"),
    )
    assert numbered.suppliers_retailer_account_number == "R-77"

    download = api["file_download"].sync_detailed(str(sample.uuid), client=supplier)
    assert download.status_code == 200
    assert download.content == b"sku,qty\nA1,3\n"
    assert download.headers["Content-Disposition"] == 'attachment; filename="items.csv"'
