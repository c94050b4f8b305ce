"""Storing, sharing and deleting uploaded files."""

import hashlib
import uuid

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile as Upload
from django.db import transaction
from django.db.models import ProtectedError

from files.detection import detect
from files.models import UploadedFile
from files.names import sanitize_filename
from timp_api.exceptions import InvalidState


def store_upload(*, organization, uploaded_by, upload: Upload, display_name: str | None = None) -> UploadedFile:
    """Checks the upload's real type, stores its bytes and records it. Nothing is left behind
    when any step fails."""
    original_name = sanitize_filename(upload.name or "")
    detected = detect(upload, original_name)
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


@transaction.atomic
def delete_file(*, uploaded_file: UploadedFile) -> None:
    """Deletes the record, and the bytes once the deletion is committed."""
    try:
        uploaded_file.delete()
    except ProtectedError:
        raise InvalidState("This file is in use by a connection request and cannot be deleted.") from None
    transaction.on_commit(lambda: default_storage.delete(uploaded_file.storage_name))
