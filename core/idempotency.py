"""`Idempotency-Key` for POSTs that create things: a retry with the same key and body gets
the first response and creates nothing; the same key with another body is a 422."""

import hashlib
import json
import re
from functools import wraps

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core.exceptions import InvalidState
from core.models import IdempotencyRecord

HEADER = "Idempotency-Key"
SANE_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")


def fingerprint(request) -> str:
    """What identifies "the same request": method, endpoint and body (files by their bytes).
    The endpoint is the route's name, so the unprefixed alias paths are the same endpoint."""
    match = request.resolver_match
    digest = hashlib.sha256(f"{request.method} {match.url_name} {sorted(match.kwargs.items())}\n".encode())
    data = request.data
    if hasattr(data, "lists"):  # multipart form: fields and files
        for name, values in sorted(data.lists()):
            for value in values:
                digest.update(f"{name}=".encode())
                if isinstance(value, UploadedFile):
                    for chunk in value.chunks():
                        digest.update(chunk)
                    value.seek(0)
                else:
                    digest.update(str(value).encode())
        for name, upload in sorted(request.FILES.items()):
            digest.update(f"{name}:".encode())
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
    else:
        digest.update(json.dumps(data, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def idempotent(handler):
    """Wraps a view's create handler; without the header nothing changes."""

    @wraps(handler)
    def wrapper(view, request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return handler(view, request, *args, **kwargs)
        if not SANE_KEY.match(key):
            raise ValidationError({HEADER: ["Use 1 to 200 printable ASCII characters, without spaces."]})
        scope = request.user.organization_id or request.user.pk
        request_fingerprint = fingerprint(request)
        with transaction.atomic():
            if not IdempotencyRecord.objects.claim(scope=scope, key=key, fingerprint=request_fingerprint):
                return replay(IdempotencyRecord.objects.get(scope=scope, key=key), request_fingerprint)
            response = handler(view, request, *args, **kwargs)
            if not 200 <= response.status_code < 300:
                # Nothing was created; the key stays free for a corrected request.
                transaction.set_rollback(True)
                return response
            IdempotencyRecord.objects.filter(scope=scope, key=key).update(
                status_code=response.status_code, body=response.data, location=response.get("Location", "")
            )
            return response

    return wrapper


def replay(record: IdempotencyRecord, request_fingerprint: str) -> Response:
    if record.fingerprint != request_fingerprint:
        raise InvalidState(f"This {HEADER} was already used with a different request.")
    headers = {"Idempotent-Replayed": "true"}
    if record.location:
        headers["Location"] = record.location
    return Response(record.body, status=record.status_code, headers=headers)
