import json
from datetime import timedelta

import pytest
from django.utils import timezone

from connections import services
from connections.models import Connection, ConnectionRequest, Integration
from connections.tests.factories import connection_request, doc_body
from core.fields import iso_datetime
from files.models import UploadedFile
from files.tests.factories import uploaded_file
from organizations.models import Organization

REQUESTS = "/timp/organizations/connections/request/"
UNPREFIXED = "/organizations/connections/request/"
READ_KEYS = {
    "record_uuid",
    "org_name",
    "org_contact_full_name",
    "primary_contact_phone",
    "primary_contact_email",
    "retailer_account_number",
    "additional_information",
    "request_date",
    "is_approved",
    "approved_by",
    "integrations",
    "uploaded_files",
    "status",
    "connection_uuid",
    "history",
    "requester",
    "counterpart",
}
INTEGRATION_KEYS = {
    "record_uuid",
    "integration_type",
    "update_frequency",
    "feed_source_file_locations",
    "file_specs",
    "rules",
    "date_created",
    "next_run_at",
}

pytestmark = pytest.mark.django_db


def without_bad_schedule(body: dict) -> dict:
    del body["integrations"][2]["update_frequency"]
    return body


def test_published_request_body_is_400_naming_the_third_integrations_schedule(client_for, retailer_user):
    response = client_for(retailer_user).post(REQUESTS, doc_body("request_connection.json"))

    assert response.status_code == 400, response.json()
    errors = response.json()
    assert list(errors) == ["requested_integrations"], errors
    assert errors["requested_integrations"][:2] == [{}, {}]
    assert list(errors["requested_integrations"][2]) == ["update_frequency"]
    assert (
        '"ftp://foo:***@baz.blerg" is not a valid cron schedule'
        in errors["requested_integrations"][2]["update_frequency"][0]
    )
    assert not ConnectionRequest.objects.exists()


def test_published_body_without_the_bad_schedule_is_created(client_for, retailer_user):
    client = client_for(retailer_user)

    response = client.post(REQUESTS, without_bad_schedule(doc_body("request_connection.json")))

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"request_uuid", "uuid", "request_date"}
    assert body["request_uuid"] == body["uuid"]
    assert body["request_date"].endswith("Z")
    assert response["Location"] == f"http://testserver{REQUESTS}{body['uuid']}/"
    created = client.get(response["Location"]).json()
    assert set(created) == READ_KEYS
    assert created["org_name"] == "Bob Big Boy"
    assert created["org_contact_full_name"] == "Bob Brown"
    assert created["status"] == "pending"
    assert created["is_approved"] is False
    assert created["approved_by"] is None
    assert [i["integration_type"] for i in created["integrations"]] == ["item", "order", "other"]
    assert all(set(i) == INTEGRATION_KEYS for i in created["integrations"])
    assert created["integrations"][0]["feed_source_file_locations"] == "ftp://foo:***@baz.blerg"
    assert created["integrations"][2]["update_frequency"] is None
    assert created["integrations"][2]["next_run_at"] is None
    assert created["integrations"][1]["next_run_at"].endswith(":33:00.000000Z")
    assert [change["status"] for change in created["history"]] == ["pending"]
    assert Integration.objects.get(integration_type="item").file_locations == "ftp://foo:bar@baz.blerg"


@pytest.mark.parametrize("base", [REQUESTS, UNPREFIXED])
def test_published_update_body_changes_every_field(client_for, retailer_user, base):
    client = client_for(retailer_user)
    created = connection_request(user=retailer_user)
    integration = created.integrations.get()
    update = doc_body("update_connection_request.json")
    update["integrations"][0]["record_uuid"] = str(integration.uuid)

    response = client.patch(f"{base}{created.uuid}/", update)

    assert response.status_code == 204
    assert response.content == b""
    reread = client.get(f"{base}{created.uuid}/").json()
    assert reread["org_name"] == "Thomas-Perkins"
    assert reread["org_contact_full_name"] == "owner user"
    assert reread["primary_contact_phone"] == "801-555-1212"
    assert reread["primary_contact_email"] == "roger@rabbit.com"
    assert reread["retailer_account_number"] == "ABC123"
    assert reread["additional_information"] == "What's up doc"
    (changed,) = reread["integrations"]
    assert changed["record_uuid"] == str(integration.uuid)
    assert changed["integration_type"] == "item"
    assert changed["update_frequency"] == "* 20 12 3 8,9 *"
    assert changed["file_specs"] == "items specs"
    assert changed["rules"] == "if you can't say anything nice, don't say anything at all"
    assert changed["feed_source_file_locations"] == "ftp://u:***@host/items"  # left out: unchanged


def test_patch_adds_integrations_without_record_uuid_and_replaces_files(client_for, retailer_user):
    client = client_for(retailer_user)
    first, second = (uploaded_file(organization=retailer_user.organization) for _ in range(2))
    created = connection_request(user=retailer_user, uploaded_files=[first])

    response = client.patch(
        f"{REQUESTS}{created.uuid}/",
        {
            "integrations": [{"type": "tracking", "update_frequency": "@daily"}],
            "uploaded_files": [{"uuid": str(second.uuid)}],
        },
    )

    assert response.status_code == 204
    reread = client.get(f"{REQUESTS}{created.uuid}/").json()
    assert [i["integration_type"] for i in reread["integrations"]] == ["item", "tracking"]
    assert [f["uuid"] for f in reread["uploaded_files"]] == [str(second.uuid)]


def test_etag_and_if_match(client_for, retailer_user):
    client = client_for(retailer_user)
    created = connection_request(user=retailer_user)
    url = f"{REQUESTS}{created.uuid}/"
    etag = client.get(url)["ETag"]

    assert client.patch(url, {"additional_information": "one"}, HTTP_IF_MATCH=etag).status_code == 204
    stale = client.patch(url, {"additional_information": "two"}, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert client.get(url).json()["additional_information"] == "one"
    fresh = client.get(url)["ETag"]
    assert fresh != etag
    assert client.patch(url, {"additional_information": "three"}, HTTP_IF_MATCH=fresh).status_code == 204


def test_uploaded_files_by_uuid_string_or_file_object(client_for, retailer_user):
    files = [uploaded_file(organization=retailer_user.organization) for _ in range(2)]
    body = {
        "organization_name": "Acme",
        "primary_contact_name": "Ann",
        "uploaded_files": [str(files[0].uuid), {"uuid": str(files[1].uuid), "name": "ignored"}],
    }

    response = client_for(retailer_user).post(REQUESTS, body)

    assert response.status_code == 201
    created = ConnectionRequest.objects.get(pk=response.json()["uuid"])
    assert set(created.uploaded_files.all()) == set(files)


def test_server_owned_fields_in_the_body_are_ignored(client_for, retailer_user):
    body = {"organization_name": "Acme", "primary_contact_name": "Ann", "status": "approved", "is_approved": True}

    response = client_for(retailer_user).post(REQUESTS, body)

    assert response.status_code == 201
    assert ConnectionRequest.objects.get().status == "pending"


def test_same_values_under_both_spellings_are_accepted(client_for, retailer_user):
    body = {
        "organization_name": "Acme",
        "primary_contact_name": "Ann",
        "retailer_account_number": "A1",
        "organization_account_number": "A1",
    }

    assert client_for(retailer_user).post(REQUESTS, body).status_code == 201
    assert ConnectionRequest.objects.get().account_number == "A1"


def test_a_second_pending_request_to_the_same_organization_is_422(client_for, retailer_user):
    client = client_for(retailer_user)
    connection_request(user=retailer_user, organization_name="Acme")

    response = client.post(REQUESTS, {"organization_name": "ACME", "primary_contact_name": "Ann"})

    assert response.status_code == 422
    assert "already exists" in response.json()["detail"]
    assert ConnectionRequest.objects.count() == 1


def test_renaming_onto_another_pending_request_is_422_and_changes_nothing(client_for, retailer_user):
    connection_request(user=retailer_user, organization_name="Acme")
    other = connection_request(user=retailer_user, organization_name="Globex")

    response = client_for(retailer_user).patch(f"{REQUESTS}{other.uuid}/", {"organization_name": "ACME"})

    assert response.status_code == 422
    assert "already exists" in response.json()["detail"]
    other.refresh_from_db()
    assert (other.org_name, other.version) == ("Globex", 1)


VALID = {"organization_name": "Acme", "primary_contact_name": "Ann"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**VALID, "organization_name": 123}, "organization_name"),
        ({**VALID, "organization_name": None}, "organization_name"),
        ({**VALID, "primary_contact_name": ["Ann"]}, "primary_contact_name"),
        ({"primary_contact_name": "Ann"}, "organization_name"),
        ({**VALID, "organization_name": "x" * 10_000}, "organization_name"),
        ({**VALID, "additional_information": "x" * 10_000}, "additional_information"),
        ({**VALID, "organization_name": "Acme\x00Corp"}, "organization_name"),
        ({**VALID, "primary_contact_email": "not-an-email"}, "primary_contact_email"),
        ({**VALID, "primary_contact_phone": "1" * 21}, "primary_contact_phone"),
        ({**VALID, "requested_integrations": "items"}, "requested_integrations"),
        ({**VALID, "requested_integrations": [{"type": "widgets"}]}, "requested_integrations"),
        ({**VALID, "requested_integrations": [{"type": 7}]}, "requested_integrations"),
        ({**VALID, "requested_integrations": [{"rules": "no type"}]}, "requested_integrations"),
        ({**VALID, "requested_integrations": [{"type": "item", "update_frequency": 5}]}, "requested_integrations"),
        ({**VALID, "requested_integrations": [{"type": "item", "file_specs": "x" * 10_001}]}, "requested_integrations"),
        (
            {
                **VALID,
                "requested_integrations": [{"type": "item", "record_uuid": "3a438d7e-1234-46e1-96d2-efd9dac561d9"}],
            },
            "requested_integrations",
        ),
        ({**VALID, "integrations": [{"type": "item"}], "requested_integrations": []}, "integrations"),
        ({**VALID, "retailer_account_number": "A", "organization_account_number": "B"}, "retailer_account_number"),
        (
            {**VALID, "requested_integrations": [{"type": "item", "integration_type": "order"}]},
            "requested_integrations",
        ),
        ({**VALID, "uploaded_files": ["00000000-0000-4000-8000-000000000000"]}, "uploaded_files"),
        ({**VALID, "uploaded_files": [{"name": "no uuid"}]}, "uploaded_files"),
        ({**VALID, "uploaded_files": "not a list"}, "uploaded_files"),
        ({**VALID, "requested_integrations": [{"type": "item"}] * 51}, "requested_integrations"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_creates_nothing(client_for, retailer_user, body, field):
    response = client_for(retailer_user).post(REQUESTS, body)

    assert response.status_code == 400
    assert field in response.json()
    assert not ConnectionRequest.objects.exists()


@pytest.mark.parametrize(
    "integration",
    [{"type": "item", "update_frequency": "0 \ud905 * * *"}, {"type": "\ud800items"}],
    ids=["echoed-by-the-cron-rule", "echoed-by-the-choice-field"],
)
def test_lone_surrogates_echoed_in_errors_are_a_clean_400(client_for, retailer_user, integration):
    body = json.dumps({**VALID, "requested_integrations": [integration]})  # json escapes lone surrogates

    response = client_for(retailer_user).post(REQUESTS, body, content_type="application/json")

    assert response.status_code == 400
    assert "requested_integrations" in response.json()
    assert not ConnectionRequest.objects.exists()


def test_a_json_array_body_is_400(client_for, retailer_user):
    response = client_for(retailer_user).post(REQUESTS, [VALID])

    assert response.status_code == 400
    assert not ConnectionRequest.objects.exists()


def test_unknown_and_foreign_files_get_the_same_message(client_for, retailer_user, other_retailer_user):
    foreign = uploaded_file(organization=other_retailer_user.organization)
    client = client_for(retailer_user)

    unknown_error = client.post(REQUESTS, {**VALID, "uploaded_files": ["00000000-0000-4000-8000-000000000000"]})
    foreign_error = client.post(REQUESTS, {**VALID, "uploaded_files": [str(foreign.uuid)]})

    assert unknown_error.status_code == foreign_error.status_code == 400
    assert (
        unknown_error.json()["uploaded_files"][0].split(":")[0]
        == foreign_error.json()["uploaded_files"][0].split(":")[0]
    )
    assert "No file of your organization" in foreign_error.json()["uploaded_files"][0]


def snapshot(connection_request: ConnectionRequest) -> tuple:
    connection_request.refresh_from_db()
    integrations = list(connection_request.integrations.values_list("integration_type", "update_frequency", "rules"))
    return connection_request.org_name, connection_request.version, connection_request.status, integrations


@pytest.mark.parametrize(
    "body",
    [
        {"organization_name": 5},
        {"organization_name": ""},
        {"integrations": [{"record_uuid": "00000000-0000-4000-8000-000000000000", "rules": "x"}]},
        {"integrations": [{"record_uuid": "not-a-uuid"}]},
        {"integrations": [{"type": "item", "update_frequency": "0 0 30 2 *"}]},
        {"primary_contact_email": "nope"},
        {"uploaded_files": ["00000000-0000-4000-8000-000000000000"]},
    ],
)
def test_bad_patch_is_400_and_changes_nothing(client_for, retailer_user, body):
    created = connection_request(user=retailer_user)
    before = snapshot(created)

    response = client_for(retailer_user).patch(f"{REQUESTS}{created.uuid}/", body)

    assert response.status_code == 400
    assert snapshot(created) == before


def test_unknown_record_uuid_is_named_in_the_error(client_for, retailer_user):
    created = connection_request(user=retailer_user)

    response = client_for(retailer_user).patch(
        f"{REQUESTS}{created.uuid}/", {"integrations": [{"record_uuid": "00000000-0000-4000-8000-000000000000"}]}
    )

    assert response.json() == {
        "requested_integrations": [
            {"record_uuid": ["This request has no integration 00000000-0000-4000-8000-000000000000."]}
        ]
    }


def test_patch_after_approval_is_422_and_changes_nothing(client_for, retailer_user, staff_user):
    created = connection_request(user=retailer_user)
    assert client_for(staff_user).post(f"{REQUESTS}{created.uuid}/approve/").status_code == 200
    before = snapshot(created)

    response = client_for(retailer_user).patch(f"{REQUESTS}{created.uuid}/", {"organization_name": "Other"})

    assert response.status_code == 422
    assert "approved" in response.json()["detail"]
    assert snapshot(created) == before


@pytest.mark.parametrize(
    ("first", "then", "path_then"),
    [
        ("approve", "approve", "approve/"),
        ("approve", "deny", "deny/"),
        ("deny", "approve", "approve/"),
        ("cancel", "approve", "approve/"),
    ],
)
def test_deciding_a_decided_request_is_422(client_for, retailer_user, staff_user, first, then, path_then):
    created = connection_request(user=retailer_user)
    first_client = client_for(retailer_user if first == "cancel" else staff_user)
    assert first_client.post(f"{REQUESTS}{created.uuid}/{first}/").status_code in (200, 204)
    before = snapshot(created)
    connections_before = Connection.objects.count()

    response = client_for(staff_user).post(f"{REQUESTS}{created.uuid}/{path_then}")

    assert response.status_code == 422
    assert snapshot(created) == before
    assert Connection.objects.count() == connections_before


def test_cancel_twice_is_422(client_for, retailer_user):
    created = connection_request(user=retailer_user)
    client = client_for(retailer_user)

    assert client.post(f"{REQUESTS}{created.uuid}/cancel/").status_code == 204
    assert client.post(f"{REQUESTS}{created.uuid}/cancel/").status_code == 422


def test_approval_creates_a_waiting_connection_carrying_everything_over(client_for, retailer_user, staff_user):
    sample = uploaded_file(organization=retailer_user.organization)
    created = connection_request(user=retailer_user, uploaded_files=[sample])

    response = client_for(staff_user).post(f"{REQUESTS}{created.uuid}/approve/")

    assert response.status_code == 200
    body = response.json()
    connection = Connection.objects.get(pk=body["uuid"])
    assert body["status"] == connection.status == "CONFIRMATION WAITING"
    assert connection.retailer == retailer_user.organization.retailer
    counterpart = connection.supplier.organization
    assert counterpart.name == "Prospect Supplier"
    assert counterpart.status == Organization.Status.PENDING
    assert counterpart.org_type == Organization.Type.SUPPLIER
    assert counterpart.primary_contact.first_name == "Sam"
    assert counterpart.primary_contact.last_name == "Supplier"
    assert counterpart.primary_contact.email == "sam@supplier.example"
    assert body["suppliers_retailer_account_number"] == "R-100"
    assert body["retailers_supplier_account_number"] is None
    assert list(connection.integrations.all()) == list(created.integrations.all())
    assert list(connection.uploaded_files.all()) == [sample]
    assert list(UploadedFile.objects.visible_to(staff_user).filter(shared_with=counterpart)) == [sample]
    reread = client_for(retailer_user).get(f"{REQUESTS}{created.uuid}/").json()
    assert reread["status"] == "approved"
    assert reread["is_approved"] is True
    assert reread["approved_by"]["uuid"] == str(staff_user.account_manager.uuid)
    assert reread["connection_uuid"] == body["uuid"]
    assert [(c["status"], c["by"]) for c in reread["history"]] == [
        ("pending", str(retailer_user.pk)),
        ("approved", str(staff_user.pk)),
    ]


def test_approval_of_a_suppliers_request_sets_the_suppliers_number(client_for, supplier_user, staff_user):
    created = connection_request(user=supplier_user, organization_name="Shop Co", organization_account_number="S-9")

    body = client_for(staff_user).post(f"{REQUESTS}{created.uuid}/approve/").json()

    assert body["retailers_supplier_account_number"] == "S-9"
    assert body["suppliers_retailer_account_number"] is None
    assert body["retailer"]["organization"]["name"] == "Shop Co"
    assert body["supplier"]["organization"]["uuid"] == str(supplier_user.organization.uuid)


def test_approval_can_link_an_existing_counterpart(client_for, retailer_user, supplier_user, staff_user):
    created = connection_request(user=retailer_user)
    organizations = Organization.objects.count()

    response = client_for(staff_user).post(
        f"{REQUESTS}{created.uuid}/approve/", {"organization_uuid": str(supplier_user.organization.uuid)}
    )

    assert response.status_code == 200
    assert response.json()["supplier"]["uuid"] == str(supplier_user.organization.supplier.uuid)
    assert Organization.objects.count() == organizations


@pytest.mark.parametrize("target", ["same-type", "unknown"])
def test_approval_linking_a_wrong_counterpart_is_400(
    client_for, retailer_user, other_retailer_user, staff_user, target
):
    created = connection_request(user=retailer_user)
    organization_uuid = (
        str(other_retailer_user.organization.uuid) if target == "same-type" else "00000000-0000-4000-8000-000000000000"
    )

    response = client_for(staff_user).post(
        f"{REQUESTS}{created.uuid}/approve/", {"organization_uuid": organization_uuid}
    )

    assert response.status_code == 400
    assert "organization_uuid" in response.json()
    assert snapshot(created)[2] == "pending"
    assert not Connection.objects.exists()


def test_deny_records_the_reason(client_for, retailer_user, staff_user):
    created = connection_request(user=retailer_user)

    response = client_for(staff_user).post(f"{REQUESTS}{created.uuid}/deny/", {"reason": "Unknown supplier"})

    assert response.status_code == 204
    created.refresh_from_db()
    assert created.status == "denied"
    assert created.decision_reason == "Unknown supplier"
    assert created.history.last().reason == "Unknown supplier"
    assert not Connection.objects.exists()


def test_counterpart_sees_the_approved_request_but_cannot_change_it(
    client_for, retailer_user, supplier_user, staff_user
):
    created = connection_request(user=retailer_user)
    supplier = client_for(supplier_user)
    assert supplier.get(f"{REQUESTS}{created.uuid}/").status_code == 404
    client_for(staff_user).post(
        f"{REQUESTS}{created.uuid}/approve/", {"organization_uuid": str(supplier_user.organization.uuid)}
    )

    assert supplier.get(f"{REQUESTS}{created.uuid}/").status_code == 200
    assert supplier.patch(f"{REQUESTS}{created.uuid}/", {"rules": "x"}).status_code == 403


def test_a_file_in_use_cannot_be_deleted(client_for, retailer_user):
    sample = uploaded_file(organization=retailer_user.organization)
    connection_request(user=retailer_user, uploaded_files=[sample])

    response = client_for(retailer_user).delete(f"/timp/organizations/files/{sample.uuid}/")

    assert response.status_code == 422
    assert "in use" in response.json()["detail"]
    assert UploadedFile.objects.filter(pk=sample.pk).exists()


def test_list_filters_pages_and_orders_newest_first(client_for, retailer_user):
    for name in ("First", "Second", "Third"):
        connection_request(user=retailer_user, organization_name=name)
    client = client_for(retailer_user)
    client.post(f"{REQUESTS}{ConnectionRequest.objects.get(org_name='Second').uuid}/cancel/")

    everything = client.get(REQUESTS).json()
    assert [r["org_name"] for r in everything["requests"]] == ["Third", "Second", "First"]
    assert everything["pagination"] == {"total_count": 3, "start": 0, "limit": 50}
    pending = client.get(REQUESTS, {"status": "pending", "start": 1, "limit": 1}).json()
    assert [r["org_name"] for r in pending["requests"]] == ["First"]
    assert pending["pagination"] == {"total_count": 2, "start": 1, "limit": 1}
    assert client.get(REQUESTS, {"limit": 1000}).json()["pagination"]["limit"] == 100
    assert client.get(REQUESTS, {"start": 99}).json()["requests"] == []
    assert client.get(REQUESTS, {"status": "bogus"}).status_code == 400


def test_enormous_paging_numbers_are_not_a_server_error(client_for, retailer_user):
    connection_request(user=retailer_user)
    client = client_for(retailer_user)

    too_far = client.get(REQUESTS, {"start": 10**23, "status": "pending"})
    huge_limit = client.get(REQUESTS, {"limit": 10**23})

    assert too_far.status_code == 400
    assert too_far.json() == {"start": ["Must be at most 1000000000."]}
    assert huge_limit.status_code == 200
    assert huge_limit.json()["pagination"]["limit"] == 100


@pytest.mark.parametrize("count", [1, 20])
def test_create_query_count_does_not_depend_on_integrations(
    client_for, retailer_user, count, django_assert_num_queries
):
    client = client_for(retailer_user)
    body = {**VALID, "requested_integrations": [{"type": "item", "update_frequency": "@daily"}] * count}
    client.post(REQUESTS, {**body, "organization_name": "Warm-up"})  # prepares the event's statement

    # 1 token + user + organization + permissions (a write brings them), 2 throttle, 3 savepoint,
    # 4 the request, its integrations and its history (one statement), 5 the event (the request's
    # shape built by PostgreSQL), its audience and the fan-out's wake-up, 6 release savepoint
    with django_assert_num_queries(6):
        assert client.post(REQUESTS, body).status_code == 201


@pytest.mark.parametrize("count", [1, 100])
def test_list_query_count_does_not_depend_on_size(client_for, retailer_user, count, django_assert_num_queries):
    for number in range(count):
        connection_request(user=retailer_user, organization_name=f"Org {number}")
    client = client_for(retailer_user)

    # 1 token + user + organization, 2 throttle, 3 count, 4 the page's keys, 5 their shapes
    # built by PostgreSQL: integrations, files, history, requester and approver included
    with django_assert_num_queries(5):
        assert len(client.get(REQUESTS).json()["requests"]) == min(count, 50)


def test_next_run_is_stored_on_write_and_read_as_stored(client_for, retailer_user):
    created = connection_request(user=retailer_user)
    integration = created.integrations.get()
    assert integration.next_run_at > timezone.now()
    # A stored time still ahead is what the read shows: no schedule is evaluated per read.
    marker = timezone.now() + timedelta(days=3, microseconds=7)
    Integration.objects.filter(pk=integration.pk).update(next_run_at=marker)

    read = client_for(retailer_user).get(f"{REQUESTS}{created.uuid}/").json()

    assert read["integrations"][0]["next_run_at"] == iso_datetime(marker)


def test_a_passed_next_run_is_moved_on_by_reads_and_by_the_refresh(client_for, retailer_user):
    created = connection_request(user=retailer_user)
    Integration.objects.filter(request=created).update(next_run_at=timezone.now() - timedelta(days=1))

    read = client_for(retailer_user).get(f"{REQUESTS}{created.uuid}/").json()
    moved = services.refresh_schedules()

    integration = created.integrations.get()
    assert read["integrations"][0]["next_run_at"] == iso_datetime(integration.next_run_at)
    assert moved == 1
    assert integration.next_run_at > timezone.now()
    assert integration.next_run_at.strftime("%H:%M") == "06:30"
