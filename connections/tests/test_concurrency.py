"""Races on real PostgreSQL: threads, each with its own database connection, released together."""

import threading
from collections import Counter

import pytest
from django.db import connections
from knox.models import AuthToken
from rest_framework.test import APIClient

from connections.models import Connection, ConnectionRequest
from connections.tests.factories import connection_request
from files.models import UploadedFile
from files.tests.factories import uploaded_file

REQUESTS = "/timp/organizations/connections/request/"
PARALLEL = 20

pytestmark = pytest.mark.django_db(transaction=True)


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=user)[1]}")
    return client


def race(calls) -> list[int]:
    """Runs every call at the same moment, each in its own thread; returns their status codes."""
    start = threading.Barrier(len(calls))
    statuses = [None] * len(calls)

    def run(index, call):
        try:
            start.wait()
            statuses[index] = call().status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def test_parallel_approvals_of_one_request_make_one_connection(retailer_user, staff_user):
    created = connection_request(user=retailer_user)
    clients = [token_client(staff_user) for _ in range(PARALLEL)]

    statuses = race([lambda c=c: c.post(f"{REQUESTS}{created.uuid}/approve/") for c in clients])

    assert Counter(statuses) == {200: 1, 422: PARALLEL - 1}
    assert Connection.objects.count() == 1
    assert ConnectionRequest.objects.get().history.filter(status="approved").count() == 1


def test_parallel_patches_with_one_etag_let_one_through(retailer_user):
    created = connection_request(user=retailer_user)
    clients = [token_client(retailer_user) for _ in range(PARALLEL)]
    etag = clients[0].get(f"{REQUESTS}{created.uuid}/")["ETag"]

    statuses = race(
        [
            lambda c=c, n=n: c.patch(
                f"{REQUESTS}{created.uuid}/", {"additional_information": f"writer {n}"}, HTTP_IF_MATCH=etag
            )
            for n, c in enumerate(clients)
        ]
    )

    assert Counter(statuses) == {204: 1, 412: PARALLEL - 1}
    created.refresh_from_db()
    assert created.version == 2
    winner = statuses.index(204)
    assert created.additional_information == f"writer {winner}"


def test_two_requests_for_the_same_pair_never_make_two_connections(retailer_user, supplier_user, staff_user):
    from_retailer = connection_request(user=retailer_user, organization_name=supplier_user.organization.name)
    from_supplier = connection_request(user=supplier_user, organization_name=retailer_user.organization.name)
    staff = [token_client(staff_user) for _ in range(2)]
    links = [
        (from_retailer, supplier_user.organization.uuid),
        (from_supplier, retailer_user.organization.uuid),
    ]

    statuses = race(
        [
            lambda c=c, r=r, o=o: c.post(f"{REQUESTS}{r.uuid}/approve/", {"organization_uuid": str(o)})
            for c, (r, o) in zip(staff, links, strict=True)
        ]
    )

    assert sorted(statuses) == [200, 422]
    assert Connection.objects.count() == 1
    assert ConnectionRequest.objects.filter(status="approved").count() == 1


def test_parallel_retries_with_one_idempotency_key_create_one_request(retailer_user):
    clients = [token_client(retailer_user) for _ in range(PARALLEL)]
    body = {"organization_name": "Acme", "primary_contact_name": "Ann"}

    statuses = race([lambda c=c: c.post(REQUESTS, body, HTTP_IDEMPOTENCY_KEY="same-key") for c in clients])

    assert statuses == [201] * PARALLEL
    assert ConnectionRequest.objects.count() == 1


def test_deleting_a_file_while_a_request_attaches_it_is_never_a_server_error(retailer_user):
    rounds = 15
    body = {"organization_name": "Race Supplier", "primary_contact_name": "Rae Race"}
    outcomes = Counter()
    attacher, deleter = token_client(retailer_user), token_client(retailer_user)
    for number in range(rounds):
        sample = uploaded_file(organization=retailer_user.organization)
        attach = {**body, "organization_name": f"Race {number}", "uploaded_files": [str(sample.uuid)]}
        path = f"/timp/organizations/files/{sample.uuid}/"

        attached, deleted = race(
            [lambda attach=attach: attacher.post(REQUESTS, attach), lambda path=path: deleter.delete(path)]
        )

        outcomes[(attached, deleted)] += 1
        file_exists = UploadedFile.objects.filter(pk=sample.pk).exists()
        # Exactly one wins: the request with the file, or the deletion.
        assert (attached, deleted, file_exists) in {(201, 422, True), (400, 204, False)}, outcomes
    assert sum(outcomes.values()) == rounds


def test_a_new_account_managers_first_approvals_at_once_all_succeed(retailer_user):
    from organizations.models import AccountManager, User

    newcomer = User.objects.create_user(username="new-manager", password="x", is_staff=True)
    created = [connection_request(user=retailer_user, organization_name=f"Partner {n}") for n in range(8)]
    clients = [token_client(newcomer) for _ in created]

    statuses = race(
        [
            lambda c=c, r=r: c.post(f"{REQUESTS}{r.uuid}/approve/", {"create_organization": True}, format="json")
            for c, r in zip(clients, created, strict=True)
        ]
    )

    assert statuses == [200] * len(created)
    assert AccountManager.objects.filter(user=newcomer).count() == 1
