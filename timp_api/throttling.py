import time

from knox.models import AuthToken
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from timp_api.models import ThrottleBucket


class SharedRateThrottle(SimpleRateThrottle):
    """DRF's rate throttle with its counters in PostgreSQL (one upsert a request), so every
    worker process sees the same counts. Rates are read from settings on each request."""

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        now = int(time.time())
        window_start = now - now % self.duration
        self.wait_seconds = window_start + self.duration - now
        return ThrottleBucket.objects.hit(key, window_start) <= self.num_requests

    def wait(self) -> float:
        return self.wait_seconds


class LoginRateThrottle(SharedRateThrottle):
    scope = "login"

    def get_cache_key(self, request, view) -> str:
        return f"login:{self.get_ident(request)}"


class TokenRateThrottle(SharedRateThrottle):
    """Per token for token-authenticated requests, per user for session ones."""

    scope = "token"

    def get_cache_key(self, request, view) -> str | None:
        if isinstance(request.auth, AuthToken):
            return f"token:{request.auth.token_key}"
        if request.user and request.user.is_authenticated:
            return f"user:{request.user.pk}"
        return None
