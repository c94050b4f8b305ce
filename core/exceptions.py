"""Errors of the domain, raised by services, and the one place that turns them (and every
other error) into the API's JSON answers with the contract's status codes.

Services raise `ApplicationError`s and Django's `ValidationError` (field → messages); neither
knows of HTTP. The admin and the worker catch the same classes; only `exception_handler`
(DRF's EXCEPTION_HANDLER) maps them to responses."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler


class ApplicationError(Exception):
    """A rule said no. `message` is for the user; `extra` adds keys to the answer's body."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_message = "This is not possible."

    def __init__(self, message: str | None = None, *, extra: dict | None = None) -> None:
        self.message = message or self.default_message
        self.extra = extra or {}
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class InvalidInput(ApplicationError):
    """An argument is wrong. `field` names it in the domain's words ("files", "counterpart");
    an API view says what its body calls each (`input_names`), and the exception handler
    answers with that name: the service knows nothing of the API's fields."""

    default_message = "This value is not valid."

    def __init__(self, message: str | None = None, *, field: str, extra: dict | None = None) -> None:
        super().__init__(message, extra=extra)
        self.field = field


class InvalidState(ApplicationError):
    """The action can't be performed on this object in its current state."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_message = "This action is not possible in the object's current state."


class WrongOrganizationType(ApplicationError):
    """The caller's organization is the wrong side for this action."""

    status_code = status.HTTP_409_CONFLICT
    default_message = "Your organization cannot perform this action."


class NotAllowed(ApplicationError):
    status_code = status.HTTP_403_FORBIDDEN
    default_message = "You do not have permission to perform this action."


class PreconditionFailed(ApplicationError):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_message = "The object has changed since you read it (stale If-Match)."


class PayloadTooLarge(ApplicationError):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_message = "The request body is too large."


class UnsupportedFile(ApplicationError):
    """A file of a type this action does not read (its detected type named in the message)."""

    status_code = status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    default_message = "This action does not read files of this type."


def encodable(detail):
    """Error messages echo input; input may hold lone surrogates (valid JSON escapes, invalid
    UTF-8). They become U+FFFD so the error itself can be sent."""
    if isinstance(detail, str):
        return exceptions.ErrorDetail(
            detail.encode("utf-8", "surrogatepass").decode("utf-8", "replace"), getattr(detail, "code", None)
        )
    if isinstance(detail, dict):
        return {str(encodable(key)): encodable(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [encodable(item) for item in detail]
    return detail


def exception_handler(exc, context):
    if isinstance(exc, InvalidInput):
        name = getattr(context.get("view"), "input_names", {}).get(exc.field, exc.field)
        return Response(encodable({name: [exc.message], **exc.extra}), status=exc.status_code)
    if isinstance(exc, ApplicationError):
        return Response(encodable({"detail": exc.message, **exc.extra}), status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, ObjectDoesNotExist):
        # An object found by the view and gone when its service locked it (deleted meanwhile).
        exc = exceptions.NotFound()
    elif isinstance(exc, RequestDataTooBig):
        return exception_handler(
            PayloadTooLarge(f"The request body is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes."), context
        )
    response = drf_exception_handler(exc, context)
    if response is not None:
        response.data = encodable(response.data)
    return response
