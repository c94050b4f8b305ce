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


# IPv6 prefixes whose addresses carry an IPv4 address in their last 32 bits: IPv4-compatible
# (deprecated), IPv4-mapped, IPv4-translated, NAT64 (well-known and local-use). A network with
# a translator reaches the IPv4 address through them, so they are judged by it.
EMBEDDING_IPV4 = tuple(
    ipaddress.ip_network(prefix)
    for prefix in ("::/96", "::ffff:0:0/96", "::ffff:0:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48")
)


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if any (6to4 and Teredo included)."""
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in prefix for prefix in EMBEDDING_IPV4):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(text: str) -> bool:
    """A unicast address of the public internet, judged by the IPv4 address it embeds, if any.
    `is_global` alone calls NAT64, 6to4 and IPv4-compatible addresses public, and some
    multicast addresses too."""
    address = ipaddress.ip_address(text.split("%")[0])
    if address.version == 6 and (inner := embedded_ipv4(address)) is not None:
        if address in ipaddress.ip_network("64:ff9b:1::/48"):
            return False  # local-use NAT64: a private translator, whatever it embeds
        address = inner
    return address.is_global and not address.is_multicast


def parse(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL whose scheme, credentials and port are allowed; a
    ValidationError otherwise. Its host's addresses are judged by `check_addresses`."""
    parts = urlsplit(url)
    private_allowed = settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS
    schemes = ("https", "http") if private_allowed else ("https",)
    if parts.scheme not in schemes or not parts.hostname:
        raise refuse("Must be an https:// URL.")
    if parts.username or parts.password:
        raise refuse("Must not carry credentials.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise refuse("The port is not a number from 0 to 65535.") from None
    if not private_allowed and port not in settings.WEBHOOK_ALLOWED_PORTS:
        allowed = ", ".join(str(allowed) for allowed in settings.WEBHOOK_ALLOWED_PORTS)
        raise refuse(f"The port must be one of {allowed}.")
    return parts.scheme, parts.hostname, port


def check_addresses(addresses: list[str]) -> None:
    if not settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS:
        for address in addresses:
            if not is_public(address):
                raise refuse(f"The host resolves to {address}, which is not a public address.")


def resolve(url: str) -> tuple[str, str, int, list[str]]:
    """(scheme, host, port, addresses) of an allowed URL; a ValidationError otherwise."""
    scheme, host, port = parse(url)
    try:
        found = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError, UnicodeError):
        raise refuse(f"The host {host} does not resolve.") from None
    addresses = sorted({info[4][0] for info in found})
    check_addresses(addresses)
    return scheme, host, port, addresses


def check(url: str) -> None:
    resolve(url)
