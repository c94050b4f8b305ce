import hashlib
import ipaddress
from functools import cache

from django.conf import settings
from knox.models import AuthToken
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from core.models import ThrottleBucket


@cache
def trusted_proxy_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted_proxy_networks(tuple(settings.TRUSTED_PROXIES)))


def client_network(request) -> str:
    """What a per-address limit counts: the client's address, or for IPv6 its /64 (one
    subscriber's share, whose 2^64 addresses would otherwise each have a limit of their own)."""
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return address
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ipaddress.IPv6Network((ip, 64), strict=False))


def client_address(request) -> str:
    """The address of the client: the peer, unless the peer is a proxy the settings trust
    (`TRUSTED_PROXIES`); then the nearest `X-Forwarded-For` entry that is not such a proxy.
    A client's own `X-Forwarded-For` is never believed: anyone can write one."""
    address = request.META.get("REMOTE_ADDR", "")
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    while is_trusted_proxy(address) and forwarded:
        address = forwarded.pop()
    return address


def hashed(*parts: str) -> str:
    """A fixed-length bucket key, whatever the length of what identifies the caller."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class SharedRateThrottle(SimpleRateThrottle):
    """DRF's rate throttle with its counters in PostgreSQL (one upsert a request), so every
    worker process sees the same counts. Rates are read from settings on each request.

    The window slides: the hits of the current window count with those of the one before,
    weighted by how much of it the sliding window still covers. A fixed window would let
    twice the rate through around its boundary (the rate at the end of one, again at the
    start of the next)."""

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        now = self.timer()  # DRF's clock: time.time
        window_start = int(now) - int(now) % self.duration
        self.wait_seconds = window_start + self.duration - now
        hits, previous_hits = ThrottleBucket.objects.hit(key, window_start, self.duration)
        covered = 1 - (now - window_start) / self.duration
        return hits + previous_hits * covered <= self.num_requests

    def wait(self) -> float:
        return self.wait_seconds


class LoginRateThrottle(SharedRateThrottle):
    """Attempts to sign in (API and admin login, password resets) per client address; only
    attempts count, not a page that shows the form."""

    scope = "login"

    def get_cache_key(self, request, view) -> str | None:
        if request.method != "POST":
            return None
        return f"login:{hashed(client_network(request))}"


class TokenCheckRateThrottle(LoginRateThrottle):
    """Checks of an emailed token (an invitation's or a reset's), by any method, against the
    login limit: a guess of a token counts as a guess of a password."""

    def get_cache_key(self, request, view) -> str | None:
        return f"login:{hashed(client_network(request))}"


class SignUpRateThrottle(SharedRateThrottle):
    """Sandbox sign-ups per client address."""

    scope = "signup"

    def get_cache_key(self, request, view) -> str | None:
        return f"signup:{hashed(client_network(request))}"


class TokenRateThrottle(SharedRateThrottle):
    """Per token for token-authenticated requests, per user for session ones."""

    scope = "token"

    def get_cache_key(self, request, view) -> str | None:
        if isinstance(request.auth, AuthToken):
            return f"token:{request.auth.token_key}"
        if request.user and request.user.is_authenticated:
            return f"user:{request.user.pk}"
        return None


class UploadRateThrottle(SharedRateThrottle):
    """File uploads per organization (per user for staff), on top of the per-token limit."""

    scope = "upload"

    def get_cache_key(self, request, view) -> str | None:
        if request.method != "POST" or not request.user.is_authenticated:
            return None
        return f"upload:{request.user.organization_id or request.user.pk}"


class PingRateThrottle(SharedRateThrottle):
    """Pings per ping URL (its key hashed: the bucket's name holds no secret)."""

    scope = "ping"

    def get_cache_key(self, request, view) -> str | None:
        return f"ping:{hashed(view.kwargs['key'])}"
