"""Bulk onboarding: files of connection requests, imported by the worker's job in batches."""

import csv
import io
import os
import signal
import subprocess

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from connections import imports
from connections.models import ConnectionRequest, ImportFailure, RequestImport
from connections.tests.factories import ConnectionFactory
from core.tasks import retry_stalled_jobs
from core.tests.jobs import run_jobs
from core.tests.worker_process import run_worker_once, start_worker, wait_for
from events.models import Event
from organizations.models import Participation
from organizations.tests.factories import SupplierOrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

IMPORTS = "/timp/organizations/connections/request/imports/"
HEADER = "organization_name,primary_contact_name,primary_contact_email,integrations\n"
IMPORT_TASK = "connections.tasks.run_import"


def csv_file(text: str, name: str = "suppliers.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def upload(client, text: str, **fields):
    return client.post(IMPORTS, {"file": csv_file(text), **fields}, format="multipart")


def start(user, text: str) -> RequestImport:
    return imports.start_import(
        organization=user.organization, user=user, upload=csv_file(text), file_name="s.csv", dry_run=False
    )


def imported(client, text: str, **fields) -> dict:
    """The import of a file once the worker has run it."""
    response = upload(client, text, **fields)
    assert response.status_code == 202, response.content
    run_jobs(IMPORT_TASK)
    return client.get(response["Location"]).json()


def in_discovery(name: str):
    supplier = SupplierOrganizationFactory(name=name)
    Participation.objects.create(organization=supplier, is_participating=True, date_joined=timezone.localdate())
    return supplier


def test_each_row_becomes_a_request_with_its_integrations_and_event(client_for, retailer_user):
    client = client_for(retailer_user)
    text = HEADER + "Acme Foods,Ann Acme,ann@acme.example,item@0 6 * * *;order@*/15 * * * *\nBeta Co,Bo Beta,,\n"

    response = upload(client, text)
    assert response.status_code == 202
    started = response.json()
    assert (started["status"], started["total_rows"], started["processed_rows"]) == ("queued", 2, 0)
    assert response["Location"].endswith(f"{IMPORTS}{started['uuid']}/")
    run_jobs(IMPORT_TASK)
    done = client.get(response["Location"]).json()

    assert {k: done[k] for k in ("status", "processed_rows", "created", "skipped", "failed_rows", "errors")} == {
        "status": "done",
        "processed_rows": 2,
        "created": 2,
        "skipped": 0,
        "failed_rows": 0,
        "errors": [],
    }
    acme = ConnectionRequest.objects.get(org_name="Acme Foods")
    assert (acme.contact_name, acme.contact_email, acme.requested_by) == ("Ann Acme", "ann@acme.example", retailer_user)
    assert [(i.integration_type, i.update_frequency) for i in acme.integrations.all()] == [
        ("item", "0 6 * * *"),
        ("order", "*/15 * * * *"),
    ]
    assert ConnectionRequest.objects.get(org_name="Beta Co").integrations.count() == 0
    events = list(Event.objects.order_by("id").values_list("type", flat=True))
    assert events == ["connection_requests/created"] * 2 + ["imports/finished"]
    finished = Event.objects.get(type="imports/finished")
    assert (finished.data["uuid"], finished.data["created"]) == (started["uuid"], 2)


def test_an_xlsx_file_imports_as_a_csv_does(client_for, retailer_user):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["organization_name", "primary_contact_name", "primary_contact_phone", "integrations"])
    sheet.append(["Gamma Goods", "Gia Gamma", 5551234, "tracking@0 * * * *"])
    content = io.BytesIO()
    workbook.save(content)
    file = SimpleUploadedFile("suppliers.xlsx", content.getvalue())

    response = client_for(retailer_user).post(IMPORTS, {"file": file}, format="multipart")
    assert response.status_code == 202, response.content
    run_jobs(IMPORT_TASK)

    made = ConnectionRequest.objects.get(org_name="Gamma Goods")
    assert (made.contact_phone, made.integrations.get().integration_type) == ("5551234", "tracking")


def test_a_row_is_linked_to_the_one_organization_of_its_normalized_name(client_for, retailer_user):
    acme = in_discovery("Acme Foods, Inc.")
    in_discovery("Twin Co")
    in_discovery("Twin, Inc.")
    SupplierOrganizationFactory(name="Hidden Ltd")  # not in discovery nor connected: not nameable
    text = HEADER + "ACME foods,Ann,,\nTwin,Tom,,\nHidden,Hal,,\n"

    done = imported(client_for(retailer_user), text)

    assert done["created"] == 3
    linked = dict(ConnectionRequest.objects.values_list("org_name", "counterpart"))
    # Two organizations of that name: staff choose when they decide. Hidden is no one's to name.
    assert linked == {"ACME foods": acme.pk, "Twin": None, "Hidden": None}


def test_a_row_may_name_its_counterpart_by_uuid(client_for, retailer_user):
    supplier = in_discovery("Delta Supply")
    text = f"supplier_uuid,integrations\n{supplier.supplier.uuid},item@0 6 * * *\n"

    done = imported(client_for(retailer_user), text)

    assert done["created"] == 1
    assert ConnectionRequest.objects.get().counterpart == supplier


def test_a_file_uploaded_twice_creates_nothing_twice(client_for, retailer_user):
    connected = in_discovery("Connected Co")
    ConnectionFactory(retailer=retailer_user.organization.retailer, supplier=connected.supplier)
    client = client_for(retailer_user)
    text = HEADER + "Acme Foods,Ann,,\nConnected Co,Cid,,\nacme foods,Ann again,,\n"

    first = imported(client, text)
    second = imported(client, text)

    assert (first["created"], first["skipped"]) == (1, 2)  # connected already; named twice in the file
    assert (second["created"], second["skipped"]) == (0, 3)
    assert ConnectionRequest.objects.count() == 1


def test_a_row_that_fails_says_why_and_the_others_go_on(client_for, retailer_user):
    client = client_for(retailer_user)
    text = (
        HEADER
        + "Good One,Gail,,item@0 6 * * *\n"
        + "Bad Cron,Bill,,item@61 * * * *\n"
        + "Bad Email,Bea,not-an-email,\n"
        + ",Nameless,,\n"
        + "Bad Type,Ty,,widget@0 6 * * *\n"
    )

    done = imported(client, text)

    assert (done["created"], done["failed_rows"], done["processed_rows"]) == (1, 4, 5)
    by_row = {(e["row"], e["field"]): e["message"] for e in done["errors"]}
    assert set(by_row) == {
        (3, "integrations"),
        (4, "primary_contact_email"),
        (5, "organization_name"),
        (6, "integrations"),
    }
    assert by_row[(3, "integrations")].startswith("integration 1: update_frequency: ")
    assert "valid email" in by_row[(4, "primary_contact_email")]
    assert "widget" in by_row[(6, "integrations")]
    errors = client.get(f"{IMPORTS}{done['uuid']}/errors.csv")
    assert errors.status_code == 200
    assert errors["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(errors.streaming_content).decode())))
    assert rows[0] == ["organization_name", "primary_contact_name", "primary_contact_email", "integrations", "error"]
    assert [row[:4] for row in rows[1:]] == [
        ["Bad Cron", "Bill", "", "item@61 * * * *"],
        ["Bad Email", "Bea", "not-an-email", ""],
        ["", "Nameless", "", ""],
        ["Bad Type", "Ty", "", "widget@0 6 * * *"],
    ]
    assert rows[2][4].startswith("primary_contact_email: ")


def test_a_dry_run_checks_every_row_and_creates_nothing(client_for, retailer_user):
    text = HEADER + "Acme Foods,Ann,,\nBad Cron,Bill,,item@61 * * * *\n"

    done = imported(client_for(retailer_user), text, dry_run="true")

    assert (done["dry_run"], done["status"], done["created"], done["failed_rows"]) == (True, "done", 1, 1)
    assert not ConnectionRequest.objects.exists()
    assert list(Event.objects.values_list("type", flat=True)) == ["imports/finished"]


def test_a_batch_costs_a_fixed_number_of_queries(retailer_user, django_assert_num_queries):
    """The queries of one batch, whatever its number of rows (three here, thirty below)."""

    def batch_of(count: int, first: int):
        text = HEADER + "".join(
            f"Supplier {first + n},Sam,sam@s.example,item@0 6 * * *;order@0 7 * * *\n" for n in range(count)
        )
        started = start(retailer_user, text)
        claimed = imports.claim(started.uuid)
        header, rows = imports.numbered_rows(csv_file(text), "csv")
        return claimed, header, list(rows)

    small, large = batch_of(3, 0), batch_of(30, 100)
    imports.import_batch(*small)  # the statements' first use prepares them
    # (Rows named by their name alone: no counterpart to look up by UUID, no connection.)
    # 1 savepoint (the batch's transaction, inside the test's); 2 the import's row, locked;
    # 3 savepoint (what a dry run rolls back); 4-5 the names normalized, the organizations of
    # those names; 6 the pending requests of those names; 7-8 savepoints (the rows', the
    # service's); 9 the user's permissions; 10 the requests, their integrations and their history,
    # in one statement; 11 their events; 12-14 the savepoints released; 15 the counters; 16 released.
    with django_assert_num_queries(16) as counted:
        imports.import_batch(*large)
    assert RequestImport.objects.get(pk=large[0].pk).created == 30, counted


@pytest.mark.parametrize(
    ("content", "name", "status", "says"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "requests.pdf", 415, "This file is PDF"),
        (b"", "requests.csv", 400, "empty"),
        (b"\n\n", "requests.csv", 400, "empty"),
        (HEADER.encode(), "requests.csv", 400, "no rows"),
        (b"primary_contact_name,integrations\nSam,\n", "requests.csv", 400, "organization_name or a supplier_uuid"),
        (b"organization_name,website\nAcme,acme.example\n", "requests.csv", 400, "Unknown column(s): website"),
        (b"organization_name,organization_name\nAcme,Acme\n", "requests.csv", 400, "given twice"),
        (b"retailer_uuid,organization_name\n,Acme\n", "requests.csv", 400, "name suppliers in a supplier_uuid"),
        (b"organization_name\n\xff\xfeAcme\n", "requests.csv", 400, "UTF-8"),
        (b"PK\x03\x04 not really a workbook", "requests.xlsx", 400, ""),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_and_changes_nothing(
    client_for, retailer_user, content, name, status, says
):
    file = SimpleUploadedFile(name, content)
    response = client_for(retailer_user).post(IMPORTS, {"file": file}, format="multipart")

    assert response.status_code == status, response.content
    assert says in str(response.json())
    assert not RequestImport.objects.exists()


def test_more_rows_than_the_limit_is_a_413_naming_it(client_for, retailer_user, settings):
    settings.IMPORT_MAX_ROWS = 2
    response = upload(client_for(retailer_user), HEADER + "A,a,,\nB,b,,\nC,c,,\n")

    assert response.status_code == 413
    assert "at most 2 rows" in response.json()["detail"]
    assert not RequestImport.objects.exists()


def test_importing_takes_request_connections_and_reading_takes_none(client_for, retailer_user):
    reader = UserFactory(organization=retailer_user.organization, permissions=[])
    response = upload(client_for(reader), HEADER + "A,a,,\n")
    assert response.status_code == 403
    assert "request_connections" in response.json()["detail"]

    done = imported(client_for(retailer_user), HEADER + "A,a,,\n")
    assert client_for(reader).get(f"{IMPORTS}{done['uuid']}/").status_code == 200
    assert [found["uuid"] for found in client_for(reader).get(IMPORTS).json()["imports"]] == [done["uuid"]]


def test_another_organizations_import_is_not_found_and_staff_see_every_one(
    client_for, retailer_user, other_retailer_user, staff_user
):
    done = imported(client_for(retailer_user), HEADER + "A,a,,\nB,b,,bad@\n")
    stranger = client_for(other_retailer_user)

    for path in (f"{IMPORTS}{done['uuid']}/", f"{IMPORTS}{done['uuid']}/errors.csv"):
        assert stranger.get(path).status_code == 404
        assert client_for(staff_user).get(path).status_code == 200
    assert stranger.get(IMPORTS).json()["imports"] == []
    assert [found["uuid"] for found in client_for(staff_user).get(IMPORTS).json()["imports"]] == [done["uuid"]]
    assert (
        client_for(staff_user).post(IMPORTS, {"file": csv_file(HEADER + "A,a,,\n")}, format="multipart").status_code
        == 403
    )


def test_the_list_is_newest_first_with_each_imports_first_errors(client_for, retailer_user, django_assert_num_queries):
    client = client_for(retailer_user)
    older = imported(client, HEADER + "A,a,,\nB,b,,item@bad\n")
    newer = imported(client, HEADER + "C,c,,\n")
    client.get(IMPORTS)

    # 1 the token's user; 2 its throttle; 3 the count of imports; 4 their page; 5 their first errors.
    with django_assert_num_queries(5):
        listed = client.get(IMPORTS).json()

    assert [found["uuid"] for found in listed["imports"]] == [newer["uuid"], older["uuid"]]
    assert listed["pagination"]["total_count"] == 2
    assert [(e["row"], e["field"]) for e in listed["imports"][1]["errors"]] == [(3, "integrations")]


def test_a_rows_progress_is_counted_batch_by_batch(retailer_user, monkeypatch):
    """While it runs, the import says how far it is: each batch commits its count."""
    monkeypatch.setattr(imports, "BATCH_ROWS", 2)
    text = HEADER + "".join(f"Supplier {n},Sam,,\n" for n in range(5))
    started = start(retailer_user, text)
    seen = []
    real_batch = imports.import_batch

    def watched(request_import, header, batch):
        seen.append(RequestImport.objects.get(pk=started.pk).processed_rows)
        return real_batch(request_import, header, batch)

    monkeypatch.setattr(imports, "import_batch", watched)
    imports.run(started.uuid)

    assert seen == [0, 2, 4]
    assert RequestImport.objects.get(pk=started.pk).status == "done"


def test_a_second_run_of_an_import_imports_no_row_twice(retailer_user):
    """Two runs of one import (a job retried while the first still ran): a batch starts only
    where the committed counters say, so the second run's batch does nothing."""
    text = HEADER + "Acme,Ann,,\n"
    started = start(retailer_user, text)
    first, second = imports.claim(started.uuid), imports.claim(started.uuid)
    header, rows = imports.numbered_rows(csv_file(text), "csv")
    batch = list(rows)

    assert imports.import_batch(first, header, batch) is True
    assert imports.import_batch(second, header, batch) is False
    assert ConnectionRequest.objects.count() == 1
    assert ImportFailure.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_an_import_whose_worker_is_killed_resumes_and_creates_no_row_twice(client_for, retailer_user, worker_env):
    rows = 3000
    text = HEADER + "".join(f"Supplier {n:04},Sam,sam@s.example,item@0 6 * * *\n" for n in range(rows))
    started = upload(client_for(retailer_user), text).json()

    def progress() -> int:
        return RequestImport.objects.get(pk=started["uuid"]).processed_rows

    first = start_worker(worker_env)
    wait_for(lambda: progress() > 0)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    stopped_at = progress()
    assert 0 < stopped_at < rows
    # The killed worker's heartbeat ends (the clock of its record moved on, not waited for);
    # the sweep of stalled jobs, as the periodic job runs it, queues the import's job again.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE procrastinate_workers SET last_heartbeat = now() - interval '10 minutes'")
    retry_stalled_jobs.defer(timestamp=0)
    run_worker_once(worker_env)

    done = RequestImport.objects.get(pk=started["uuid"])
    assert (done.status, done.processed_rows, done.created, done.failed_rows) == ("done", rows, rows, 0)
    assert ConnectionRequest.objects.count() == rows
    assert ConnectionRequest.objects.values("org_name").distinct().count() == rows
    assert Event.objects.filter(type="connection_requests/created").count() == rows


def test_an_import_keeps_to_its_rows_per_second(settings):
    settings.IMPORT_ROWS_PER_SECOND = 500

    assert imports.pause(500, 0.25) == pytest.approx(0.75)  # ahead: it waits for the second to end
    assert imports.pause(1000, 2.5) == 0.0  # behind: it goes on at once


@pytest.mark.django_db(transaction=True)
def test_a_worker_told_its_queues_runs_only_their_jobs(client_for, retailer_user, worker_env):
    started = upload(client_for(retailer_user), HEADER + "Acme,Ann,,\n").json()

    def worker_once(*queues: str) -> str:
        options = [option for queue in queues for option in ("--queue", queue)]
        finished = start_worker(worker_env, "--one-shot", *options, stderr=subprocess.PIPE)
        _, errors = finished.communicate(timeout=60)
        assert finished.returncode == 0, errors.decode()
        return RequestImport.objects.get(pk=started["uuid"]).status

    assert worker_once("email", "maintenance") == "queued"
    assert worker_once("imports") == "done"
