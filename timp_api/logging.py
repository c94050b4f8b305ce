"""Log filters: every record carries the request ID, and no record shows a password."""

import logging
import re
from contextvars import ContextVar

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="-")

# user:password@ inside any URL, e.g. ftp://foo:bar@host
URL_CREDENTIALS = re.compile(r"(?P<prefix>[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@]*:)[^\s@/]*@")


def mask_url_credentials(text: str) -> str:
    """`ftp://foo:bar@host` → `ftp://foo:***@host`, wherever it appears in `text`."""
    return URL_CREDENTIALS.sub(r"\g<prefix>***@", text)


class RequestIDFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class SecretMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_url_credentials(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
