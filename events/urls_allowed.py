"""Where webhooks may go: https URLs whose host resolves only to public addresses. Checked
when an endpoint is saved and again at every delivery (a name may resolve elsewhere later),
and the delivery connects to the address that was checked."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError


def refuse(message: str):
    return ValidationError({"url": [message]})


def resolve(url: str) -> tuple[str, str, int, list[str]]:
    """(scheme, host, port, addresses) of an allowed URL; a ValidationError otherwise."""
    parts = urlsplit(url)
    private_allowed = settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS
    schemes = ("https", "http") if private_allowed else ("https",)
    if parts.scheme not in schemes or not parts.hostname:
        raise refuse("Must be an https:// URL.")
    if parts.username or parts.password:
        raise refuse("Must not carry credentials.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        found = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError, UnicodeError):
        raise refuse(f"The host {parts.hostname} does not resolve.") from None
    addresses = sorted({info[4][0] for info in found})
    if not private_allowed:
        for address in addresses:
            if not ipaddress.ip_address(address.split("%")[0]).is_global:
                raise refuse(f"The host resolves to {address}, which is not a public address.")
    return parts.scheme, parts.hostname, port, addresses


def check(url: str) -> None:
    resolve(url)
