"""Webhook deliveries over HTTP, as the Standard Webhooks specification has it: signed
headers, a JSON body, no redirects followed, at most 64 KB of the answer read. One `Sender`
sends many at once over one pool of kept-alive connections, and connects only to addresses
it has checked (`urls_allowed`)."""

import base64
import errno
import hashlib
import hmac
import ipaddress
import socket
import time
from dataclasses import dataclass

import aiohttp
from aiohttp.resolver import ThreadedResolver
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


class RefusedAddress(OSError):
    """A host that resolves to an address webhooks may not reach."""


class CheckedResolver(ThreadedResolver):
    """Resolves as the system does, and refuses a host with any address not allowed: the
    connection is then made to one of the addresses checked, never to a second lookup's."""

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list:
        found = await super().resolve(host, port, family)
        try:
            urls_allowed.check_addresses([result["host"] for result in found])
        except ValidationError as refusal:
            raise RefusedAddress(errno.EACCES, " ".join(refusal.message_dict["url"])) from None
        return found


def is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class Sender:
    """Sends deliveries concurrently (use as `async with Sender() as sender`). Connections are
    kept alive and reused per host; each delivery's URL is checked again as it is sent."""

    async def __aenter__(self) -> "Sender":
        connector = aiohttp.TCPConnector(
            limit=settings.DISPATCHER_CONCURRENCY, limit_per_host=0, resolver=CheckedResolver(), ttl_dns_cache=10
        )
        self.session = aiohttp.ClientSession(
            connector=connector,
            timeout=aiohttp.ClientTimeout(total=settings.WEBHOOK_TIMEOUT_SECONDS),
            skip_auto_headers=("Accept", "Accept-Encoding"),
            auto_decompress=False,
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self.session.close()

    async def send(self, url: str, *, message_id: str, body: bytes, secrets: list[str]) -> Outcome:
        """POSTs `body` to `url`, signed with each of `secrets`."""
        started = time.monotonic()
        try:
            _, host, _ = urls_allowed.parse(url)
            if is_address(host):  # a name is checked by the resolver; an address is its own
                urls_allowed.check_addresses([host])
        except ValidationError as error:
            return Outcome(ok=False, error=" ".join(error.message_dict["url"]))
        headers = headers_for(secrets, message_id, body)
        try:
            async with self.session.post(url, data=body, headers=headers, allow_redirects=False) as response:
                text = await read_at_most(response, MAX_RESPONSE_BYTES)
                status = response.status
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            return Outcome(ok=False, error=describe(error)[:500], duration_ms=elapsed_ms(started))
        return Outcome(ok=200 <= status < 300, status=status, body=text, duration_ms=elapsed_ms(started))


async def read_at_most(response: aiohttp.ClientResponse, limit: int) -> str:
    """The answer's first `limit` bytes; a longer answer's connection is closed, not drained."""
    chunks, size = [], 0
    while size < limit:
        chunk = await response.content.read(limit - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size >= limit and not response.content.at_eof():
        response.close()
    return b"".join(chunks).decode("utf-8", "replace")


def describe(error: BaseException) -> str:
    if isinstance(error, TimeoutError):
        return f"No answer within {settings.WEBHOOK_TIMEOUT_SECONDS} seconds."
    return str(error) or type(error).__name__


def elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
