import logging
import re
import time
import uuid

from django.conf import settings

from core.logging import current_request_id

logger = logging.getLogger("timp.request")

# A caller's X-Request-ID is kept when it is short and plain; anything else is replaced.
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def escaped(text: str) -> str:
    return text.encode("unicode_escape").decode("ascii")


class RequestContextMiddleware:
    """Gives every request an ID (in the response, in every log line) and logs it once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get("X-Request-ID", "")
        request_id = offered if SANE_REQUEST_ID.match(offered) else str(uuid.uuid4())
        request.request_id = request_id
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            if settings.TIMP_SANDBOX:
                response["X-TIMP-Environment"] = "sandbox"
            logger.info(
                "%s %s %s %.1fms",
                # Escaped as Django's own request log does: a %0A in the path cannot start a line.
                escaped(request.method),
                escaped(request.path),
                response.status_code,
                (time.perf_counter() - started) * 1000,
            )
            return response
        finally:
            current_request_id.reset(token)
