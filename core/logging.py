"""Log filters: every record carries the request ID, and no record shows a password."""

import logging
import re
from contextvars import ContextVar

from core.masking import mask_url_credentials

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="-")


# Paths whose next part is a secret (a feed's ping key, a badge key, an invitation's token):
# logs name the route, never the secret, whether or not the path resolves.
SECRET_IN_PATH = re.compile(r"(/timp/ping/|/timp/badges/|/organizations/accept-invite/)[^/?#]+")


def masked_path(text: str) -> str:
    return SECRET_IN_PATH.sub(r"\1***", text)


class RequestIDFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # Django logs 4xx and 5xx responses after the middleware is done, with the request attached.
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or current_request_id.get()
        return True


class SecretMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = masked_path(mask_url_credentials(message))
        if masked != message:
            record.msg, record.args = masked, None
        return True
