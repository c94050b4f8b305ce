"""API errors: DRF's JSON shapes for everything, with the status codes of the contract."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class InvalidState(exceptions.APIException):
    """The action can't be performed on this object in its current state."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "This action is not possible in the object's current state."
    default_code = "invalid_state"


class WrongOrganizationType(exceptions.APIException):
    """The caller's organization is the wrong side for this action."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "Your organization cannot perform this action."
    default_code = "wrong_organization_type"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The object has changed since you read it (stale If-Match)."
    default_code = "precondition_failed"


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
    # Services validate with Django's ValidationError; the API answers it as DRF does.
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge(f"The request body is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes.")
    response = drf_exception_handler(exc, context)
    if response is not None:
        response.data = encodable(response.data)
    return response
