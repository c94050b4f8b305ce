"""Log filters: every record carries the request ID, and no record shows a password."""

import logging
from contextvars import ContextVar

from core.masking import mask_url_credentials

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="-")


# Path parts that are secrets (a feed's ping key, a badge key, an invitation's token): logs
# name the route, not the secret.
SECRET_PATH_PARTS = {"key", "token"}


def loggable_path(request) -> str:
    path, match = request.path, getattr(request, "resolver_match", None)
    for name in SECRET_PATH_PARTS & set(match.kwargs if match else ()):
        path = path.replace(str(match.kwargs[name]), "***")
    return path


class RequestIDFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # Django logs 4xx and 5xx responses after the middleware is done, with the request attached.
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or current_request_id.get()
        return True


class SecretMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_url_credentials(message)
        request = getattr(record, "request", None)  # Django's own records of 4xx and 5xx answers
        if request is not None and hasattr(request, "path"):
            masked = masked.replace(request.path, loggable_path(request))
        if masked != message:
            record.msg, record.args = masked, None
        return True
