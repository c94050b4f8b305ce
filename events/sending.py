"""One webhook delivery over HTTP, as the Standard Webhooks specification has it: signed
headers, a JSON body, no redirects followed, at most 64 KB of the answer read."""

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import orjson
import urllib3
from django.conf import settings
from django.core.exceptions import ValidationError

from events import urls_allowed

MAX_RESPONSE_BYTES = 64 * 1024


@dataclass
class Outcome:
    ok: bool
    status: int | None = None
    body: str = ""
    error: str = ""
    duration_ms: int = 0


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def headers_for(secrets: list[str], message_id: str, body: bytes) -> dict:
    timestamp = int(time.time())
    return {
        "content-type": "application/json",
        "user-agent": "TIMP-Webhooks/1.0",
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(signature(secret, message_id, timestamp, body) for secret in secrets),
    }


def send(url: str, *, message_id: str, payload: dict, secrets: list[str]) -> Outcome:
    """POSTs the payload to the first allowed address of the URL's host."""
    started = time.monotonic()
    try:
        scheme, host, port, addresses = urls_allowed.resolve(url)
    except ValidationError as error:
        return Outcome(ok=False, error=" ".join(error.message_dict["url"]))
    body = orjson.dumps(payload)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    timeout = urllib3.Timeout(total=settings.WEBHOOK_TIMEOUT_SECONDS)
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            addresses[0], port, server_hostname=host, assert_hostname=host, timeout=timeout, retries=False
        )
    else:
        pool = urllib3.HTTPConnectionPool(addresses[0], port, timeout=timeout, retries=False)
    headers = {**headers_for(secrets, message_id, body), "host": parts.netloc.rsplit("@", 1)[-1]}
    try:
        with pool:
            response = pool.urlopen(
                "POST", path, body=body, headers=headers, redirect=False, preload_content=False, assert_same_host=False
            )
            text = response.read(MAX_RESPONSE_BYTES).decode("utf-8", "replace")
            response.release_conn()
    except urllib3.exceptions.HTTPError as error:
        return Outcome(ok=False, error=str(error)[:500], duration_ms=elapsed_ms(started))
    return Outcome(ok=200 <= response.status < 300, status=response.status, body=text, duration_ms=elapsed_ms(started))


def elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
