"""Storing, sharing and deleting uploaded files."""

import hashlib
import uuid

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile as Upload
from django.db import connection, transaction
from django.db.models import ProtectedError, Sum

from core.exceptions import InvalidState, PayloadTooLarge
from files.detection import detect
from files.models import UploadedFile
from files.names import sanitize_filename

# The first key of the advisory locks that serialize one organization's uploads.
QUOTA_LOCK_CLASS = 7301


class StorageQuotaExceeded(PayloadTooLarge):
    """The organization's files would take more than its quota."""


def ensure_room_for(*, organization, size: int) -> None:
    """Refuses an upload that would take the organization's stored files over its quota.
    Concurrent uploads of one organization wait for each other here (a lock held until the
    transaction ends), so two of them cannot both take the last room."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [QUOTA_LOCK_CLASS, str(organization.pk)])
    used = UploadedFile.objects.filter(organization=organization).aggregate(used=Sum("size"))["used"] or 0
    quota = settings.ORGANIZATION_STORAGE_QUOTA_BYTES
    if used + size > quota:
        raise StorageQuotaExceeded(
            f"Your organization's files take {used} of its {quota} bytes; this file of {size} bytes "
            "does not fit. Delete files you no longer need, or ask your account manager for more room."
        )


@transaction.atomic
def store_upload(*, organization, uploaded_by, upload: Upload, display_name: str | None = None) -> UploadedFile:
    """Checks the upload's real type and the organization's quota, stores its bytes and
    records it. Nothing is left behind when any step fails."""
    original_name = sanitize_filename(upload.name or "")
    detected = detect(upload, original_name)
    ensure_room_for(organization=organization, size=upload.size)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    file_uuid = uuid.uuid4()
    stored_name = default_storage.save(UploadedFile.storage_name_for(file_uuid), upload)
    try:
        return UploadedFile.objects.create(
            uuid=file_uuid,
            organization=organization,
            uploaded_by=uploaded_by,
            name=sanitize_filename(display_name) if display_name else original_name,
            original_name=original_name,
            size=upload.size,
            content_type=detected.content_type,
            sha256=digest.hexdigest(),
            storage_name=stored_name,
        )
    except BaseException:
        default_storage.delete(stored_name)
        raise


def share_files(*, files, organization) -> None:
    """Lets `organization` read `files` (the counterpart of an approved connection, say), in one
    statement whatever the number of files; a file already shared stays shared once."""
    share = UploadedFile.shared_with.through
    share.objects.bulk_create(
        [share(uploadedfile=uploaded_file, organization=organization) for uploaded_file in files],
        ignore_conflicts=True,
    )


def lock_files(files: list[UploadedFile]) -> list[UploadedFile]:
    """Locks the files' rows for this transaction, in one order (no deadlock between two
    callers), and returns those that still exist: a file deleted meanwhile is missing."""
    return list(UploadedFile.objects.select_for_update().filter(pk__in=[f.pk for f in files]).order_by("pk"))


def unshare_files(*, files, organization_id) -> None:
    """Ends the organization's access to files it was given (its own uploads stay its own)."""
    UploadedFile.shared_with.through.objects.filter(uploadedfile__in=files, organization_id=organization_id).delete()


@transaction.atomic
def delete_file(*, uploaded_file: UploadedFile) -> None:
    """Deletes the record, and the bytes once the deletion is committed. The row is locked
    first, so a request attaching the file at the same moment either commits first (and the
    deletion sees it: 422) or waits and finds the file gone (400)."""
    if not lock_files([uploaded_file]):
        return
    try:
        uploaded_file.delete()
    except ProtectedError:
        raise InvalidState("This file is in use by a connection request and cannot be deleted.") from None
    transaction.on_commit(lambda: default_storage.delete(uploaded_file.storage_name))
