"""Bulk onboarding: a file of connection requests (CSV or XLSX), checked when it is uploaded,
then imported by the worker in batches. Every row is validated by the serializer of a single
request and made by `services.create_requests`, the service of a single request: an import
has no rules of its own but two, which the contract gives it. A row without a counterpart's
UUID is linked to the one organization the caller may name whose normalized name is the
row's, if there is exactly one; a row whose counterpart (or name) has a pending request from
the caller, or a connection with it, is skipped, so a file uploaded twice creates nothing
twice.

A batch commits its rows' requests with the import's counters, under the import's row lock:
a worker stopped anywhere leaves the import at the end of its last batch, and the job, retried
(`core.tasks.retry_stalled_jobs`), goes on from there. Two runs of one import never import a
row twice: a batch starts only where the import's committed counters say."""

import csv
import time
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from itertools import islice
from pathlib import PurePosixPath
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from openpyxl.utils.exceptions import InvalidFileException
from rest_framework import serializers

from connections import selectors, services
from connections.api.serializers import NewConnectionRequestSerializer
from connections.models import ConnectionRequest, ImportFailure, RequestImport
from connections.shapes import ImportSerializer
from core.exceptions import ApplicationError, InvalidInput, PayloadTooLarge, UnsupportedFile
from core.policy import authorize
from core.worker import defer
from events.services import publish
from files import tables
from organizations.models import Organization, User

BATCH_ROWS = 500
TEXT_COLUMNS = (
    "organization_name",
    "primary_contact_name",
    "primary_contact_email",
    "primary_contact_phone",
    "organization_account_number",
    "additional_information",
)
INTEGRATIONS = "integrations"
# What a serializer's error names, as the file's column.
COLUMN_OF_FIELD = {"requested_integrations": INTEGRATIONS, "non_field_errors": ""}
# What a service's InvalidInput names, as the file's column.
FIELD_OF_INPUT = {"integrations": INTEGRATIONS}


def columns_for(organization: Organization) -> tuple[str, ...]:
    """The columns a file of this organization may have: the counterpart's UUID is the
    other side's (`supplier_uuid` for a retailer)."""
    return (*TEXT_COLUMNS, f"{organization.other_side}_uuid", INTEGRATIONS)


def check_header(organization: Organization, header: list[str]) -> None:
    named_by = f"{organization.other_side}_uuid"
    own = f"{organization.side}_uuid"
    if own in header:
        raise InvalidInput(
            f"Your organization is a {organization.side}: name {organization.other_side}s in a {named_by} column.",
            field="file",
        )
    known = columns_for(organization)
    unknown = [name for name in header if name not in known]
    if unknown:
        raise InvalidInput(
            f"Unknown column(s): {', '.join(unknown)}. The columns are: {', '.join(known)}.", field="file"
        )
    doubled = sorted({name for name in header if header.count(name) > 1})
    if doubled:
        raise InvalidInput(f"Column(s) given twice: {', '.join(doubled)}.", field="file")
    if "organization_name" not in header and named_by not in header:
        raise InvalidInput(f"The header needs an organization_name or a {named_by} column.", field="file")


def numbered_rows(upload, kind: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header, and the rows that have any cell, each with its number in the file (the
    header is row 1). Raises InvalidInput for a file that cannot be read as a table."""
    rows = tables.rows(upload, kind)
    with readable():
        header = [cell.strip() for cell in next(rows, None) or []]
    if not any(header):
        raise InvalidInput("The file is empty: it needs a header row and a row per request.", field="file")

    def numbered():
        with readable():
            for number, row in enumerate(rows, start=2):
                if any(cell.strip() for cell in row):
                    yield number, row

    return header, numbered()


@contextmanager
def readable():
    """Around reading a file: the errors of one that cannot be read as a table are InvalidInput."""
    try:
        yield
    except tables.NotUTF8:
        raise InvalidInput("The file is not UTF-8 text.", field="file") from None
    except csv.Error as error:
        raise InvalidInput(f"The CSV cannot be read: {error}.", field="file") from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise InvalidInput("The workbook cannot be read: save it again as XLSX, or as CSV.", field="file") from None


def parse_integrations(text: str) -> list[dict]:
    """`type@cron` items separated by `;` (`item@0 6 * * *;order@*/15 * * * *`); a type alone
    has no schedule."""
    items = []
    for part in text.split(";"):
        if not part.strip():
            continue
        integration_type, at, cron = part.partition("@")
        if at and not cron.strip():
            raise InvalidInput(f'"{part.strip()}" has an @ but no cron schedule after it.', field=INTEGRATIONS)
        items.append({"type": integration_type.strip(), **({"update_frequency": cron.strip()} if at else {})})
    return items


@transaction.atomic
def start_import(*, organization: Organization, user: User, upload, file_name: str, dry_run: bool) -> RequestImport:
    """Checks the file (its type, its header, its number of rows), stores it and queues its
    import; 415 for a file that is no table, 400 for one without the needed columns or rows,
    413 for one of more than IMPORT_MAX_ROWS rows."""
    authorize(user, "create", ConnectionRequest)
    if upload.size == 0:
        raise InvalidInput("The file is empty: it needs a header row and a row per request.", field="file")
    kind, detected = tables.kind_of(upload, file_name)
    if kind is None:
        raise UnsupportedFile(f"This file is {detected}; an import reads CSV or XLSX files.")
    header, rows = numbered_rows(upload, kind)
    check_header(organization, header)
    total_rows = sum(1 for _ in islice(rows, settings.IMPORT_MAX_ROWS + 1))
    if total_rows > settings.IMPORT_MAX_ROWS:
        raise PayloadTooLarge(f"An import has at most {settings.IMPORT_MAX_ROWS} rows (IMPORT_MAX_ROWS).")
    if total_rows == 0:
        raise InvalidInput("The file has a header but no rows.", field="file")
    upload.seek(0)
    request_import = RequestImport(
        organization=organization,
        created_by=user,
        file_name=PurePosixPath(file_name).name[:255],
        kind=kind,
        header=header,
        dry_run=dry_run,
        total_rows=total_rows,
    )
    request_import.storage_name = default_storage.save(f"imports/{request_import.uuid}.{kind}", upload)
    try:
        request_import.save(force_insert=True)
    except BaseException:
        default_storage.delete(request_import.storage_name)
        raise
    from connections.tasks import run_import  # the task module imports this one

    defer(run_import, [{"import_uuid": str(request_import.uuid)}])
    return request_import


def claim(import_uuid) -> RequestImport | None:
    """The import, marked running; None once it is finished."""
    with transaction.atomic():
        found = (
            RequestImport.objects.select_for_update(of=("self",))
            .select_related("organization", "created_by")
            .filter(pk=import_uuid, status__in=[RequestImport.Status.QUEUED, RequestImport.Status.RUNNING])
            .first()
        )
        if found is not None and found.status == RequestImport.Status.QUEUED:
            found.status = RequestImport.Status.RUNNING
            found.save(update_fields=["status"])
        return found


def run(import_uuid) -> None:
    """Imports the file from the first row not yet imported, a batch a transaction, and says
    it is finished; a failure that is no row's ends it `failed`."""
    request_import = claim(import_uuid)
    if request_import is None:
        return
    began, done = time.monotonic(), 0
    try:
        with default_storage.open(request_import.storage_name, "rb") as stored:
            header, rows = numbered_rows(stored, request_import.kind)
            rows = islice(rows, request_import.processed_rows, None)
            while batch := list(islice(rows, BATCH_ROWS)):
                if not import_batch(request_import, header, batch):
                    return  # another run of the job has gone on with it
                done += len(batch)
                time.sleep(pause(done, time.monotonic() - began))
    except Exception:
        finish(request_import, RequestImport.Status.FAILED)
        raise
    finish(request_import, RequestImport.Status.DONE)


def pause(rows: int, elapsed: float) -> float:
    """Seconds to wait, after `rows` rows in `elapsed` seconds, to keep to IMPORT_ROWS_PER_SECOND."""
    return max(0.0, rows / settings.IMPORT_ROWS_PER_SECOND - elapsed)


@transaction.atomic
def import_batch(request_import: RequestImport, header: list[str], batch: Sequence[tuple[int, list[str]]]) -> bool:
    """Imports the rows of `batch` and counts them, in one transaction; False (and nothing
    done) if the import is no longer where this worker left it."""
    locked = RequestImport.objects.select_for_update().get(pk=request_import.pk)
    if locked.status != RequestImport.Status.RUNNING or locked.processed_rows != request_import.processed_rows:
        return False
    rows = Rows(request_import, header)
    with transaction.atomic():
        created, skipped = rows.create(batch)
        if request_import.dry_run:
            transaction.set_rollback(True)  # validated and refused as if made; nothing stays
    ImportFailure.objects.bulk_create(rows.failures)
    counts = {
        "processed_rows": len(batch),
        "created": created,
        "skipped": skipped,
        "failed_rows": len(rows.failures),
    }
    RequestImport.objects.filter(pk=locked.pk).update(**{name: F(name) + count for name, count in counts.items()})
    for name, count in counts.items():
        setattr(request_import, name, getattr(request_import, name) + count)
    return True


def finish(request_import: RequestImport, status: str) -> None:
    with transaction.atomic():
        updated = RequestImport.objects.filter(pk=request_import.pk, status=RequestImport.Status.RUNNING).update(
            status=status, finished_at=timezone.now()
        )
        if updated:
            finished = selectors.with_errors([RequestImport.objects.get(pk=request_import.pk)])[0]
            publish("imports/finished", audience=[finished.organization_id], data=ImportSerializer(finished).data)


class Rows:
    """One batch of an import's rows made into requests: what was created, skipped, failed."""

    def __init__(self, request_import: RequestImport, header: list[str]) -> None:
        self.organization = request_import.organization
        self.user = request_import.created_by
        self.header = header
        self.named_by = f"{self.organization.other_side}_uuid"
        self.failures: list[ImportFailure] = []
        self.request_import = request_import

    def fail(self, number: int, cells: list[str], errors: list[dict]) -> None:
        self.failures.append(ImportFailure(request_import=self.request_import, row=number, errors=errors, cells=cells))

    def bodies(self, batch) -> list[tuple[int, list[str], dict]]:
        """Each row as the body of a single request; a row whose integrations cannot be read fails."""
        found = []
        for number, cells in batch:
            body = {name: cell.strip() for name, cell in zip(self.header, cells, strict=False) if cell.strip()}
            try:
                body["integrations"] = parse_integrations(body.pop(INTEGRATIONS, ""))
            except InvalidInput as error:
                self.fail(number, cells, [{"field": INTEGRATIONS, "message": error.message}])
                continue
            found.append((number, cells, body))
        return found

    def link_by_name(self, bodies) -> None:
        """Rows without a UUID name the one organization the caller may name of that name."""
        unnamed = [body for _, _, body in bodies if self.named_by not in body and "organization_name" in body]
        matches = selectors.nameable_by_name(self.organization, [body["organization_name"] for body in unnamed])
        for body in unnamed:
            found = matches[body["organization_name"]]
            if len(found) == 1:
                body[self.named_by] = str(found[0])

    def counterparts(self, bodies) -> dict:
        uuids = set()
        for _, _, body in bodies:
            with suppress(ValueError):  # the serializer says what is wrong with it
                uuids.add(UUID(body.get(self.named_by, "")))
        roles = selectors.nameable_roles(self.organization).filter(pk__in=uuids)
        return {role.pk: role.organization for role in roles}

    def create(self, batch) -> tuple[int, int]:
        """(created, skipped); the failed rows are in `failures`."""
        bodies = self.bodies(batch)
        self.link_by_name(bodies)
        body = NewConnectionRequestSerializer(
            context={"organization": self.organization, "user": self.user, "counterparts": self.counterparts(bodies)}
        )
        valid = []
        for number, cells, data in bodies:
            try:
                valid.append((number, cells, body.run_validation(data)))
            except serializers.ValidationError as error:
                self.fail(number, cells, flat_errors(error.detail))
        fresh, skipped = self.unlinked(valid)
        created, also_skipped = self.make(fresh)
        return created, skipped + also_skipped

    def unlinked(self, valid: list) -> tuple[list, int]:
        """(the rows to make, how many are skipped): a row is skipped when its counterpart (or
        its name) has a pending request from the caller or a connection with it, or an
        earlier row of the file named it."""
        counterparts = {attrs["counterpart"].pk for _, _, attrs in valid if attrs.get("counterpart")}
        names = {attrs["org_name"].lower() for _, _, attrs in valid}
        taken_counterparts, taken_names = selectors.linked(self.organization, counterparts, names)
        fresh, skipped = [], 0
        for row in valid:
            counterpart, name = row[2].get("counterpart"), row[2]["org_name"].lower()
            if name in taken_names or (counterpart is not None and counterpart.pk in taken_counterparts):
                skipped += 1
                continue
            taken_names.add(name)
            if counterpart is not None:
                taken_counterparts.add(counterpart.pk)
            fresh.append(row)
        return fresh, skipped

    def make(self, fresh: list) -> tuple[int, int]:
        """(created, skipped): the rows made by one call of the service; if it refuses them (a
        request made meanwhile, say), one row at a time, each in a savepoint of its own."""
        if not fresh:
            return 0, 0
        try:
            with transaction.atomic():
                services.create_requests(
                    organization=self.organization, user=self.user, requests=[attrs for _, _, attrs in fresh]
                )
            return len(fresh), 0
        except (ApplicationError, ValidationError):
            pass
        created = skipped = 0
        for number, cells, attrs in fresh:
            try:
                with transaction.atomic():
                    services.create_request(organization=self.organization, user=self.user, **attrs)
                created += 1
            except services.AlreadyLinked:
                skipped += 1
            except InvalidInput as error:
                self.fail(number, cells, [{"field": FIELD_OF_INPUT.get(error.field, ""), "message": error.message}])
            except ApplicationError as error:
                self.fail(number, cells, [{"field": "", "message": error.message}])
            except ValidationError as error:
                self.fail(number, cells, [{"field": "", "message": message} for message in error.messages])
        return created, skipped


def flat_errors(detail, field: str = "", prefix: str = "") -> list[dict]:
    """A serializer's errors as [{field, message}], fields named as the file's columns; an
    integration's errors name it by its place in the row (`integration 2: update_frequency: …`)."""
    if isinstance(detail, dict):
        return [
            error
            for name, value in detail.items()
            for error in (
                flat_errors(value, field, f"{prefix}{name}: ")
                if field
                else flat_errors(value, COLUMN_OF_FIELD.get(name, name), prefix)
            )
        ]
    if isinstance(detail, list):
        errors = []
        for index, item in enumerate(detail, start=1):
            if isinstance(item, dict):
                errors += flat_errors(item, field, f"{prefix}integration {index}: ")
            else:
                errors += flat_errors(item, field, prefix)
        return errors
    return [{"field": field, "message": f"{prefix}{detail}"}]
