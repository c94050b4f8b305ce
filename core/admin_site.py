import math

from django.contrib import admin
from django.http import HttpResponse

from core.throttling import LoginRateThrottle


class AdminSite(admin.AdminSite):
    """Django's admin, whose login counts against the same per-address limit as the API's."""

    def login(self, request, extra_context=None):
        throttle = LoginRateThrottle()
        if not throttle.allow_request(request, None):
            wait = math.ceil(throttle.wait())  # whole seconds, never 0 while refused
            return HttpResponse(
                f"Too many login attempts from your address. Try again in {wait} seconds.",
                status=429,
                content_type="text/plain; charset=utf-8",
                headers={"Retry-After": str(wait)},
            )
        return super().login(request, extra_context)
