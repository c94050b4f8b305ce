import math

from django.contrib import admin
from django.http import HttpResponse
from django.utils.text import slugify

from core.throttling import LoginRateThrottle

# The console's sections, named for the work, in this order: each model by its label. A model
# registered and not named here goes last, under "Other".
SECTIONS = {
    "Requests": ["connections.ConnectionRequest", "connections.RequestImport"],
    "Connections & feeds": ["connections.Connection", "feeds.Feed", "feeds.Check", "files.UploadedFile"],
    "Members": ["organizations.Organization", "organizations.Retailer", "organizations.Supplier"],
    "People & access": ["organizations.Person", "organizations.User", "organizations.AccountManager", "auth.Group"],
    "Access": ["knox.AuthToken", "organizations.ApiKey"],
    "Background jobs": ["procrastinate.ProcrastinateJob"],
}


class AdminSite(admin.AdminSite):
    """Django's admin as the account managers' console: its sections named for the work, and
    a login that counts against the same per-address limit as the API's."""

    site_header = "TIMP console"
    site_title = "TIMP console"
    index_title = "The work"

    def get_app_list(self, request, app_label=None):
        """The index's and the sidebar's sections (`SECTIONS`); an app's own page keeps its models."""
        if app_label is not None:
            return super().get_app_list(request, app_label)
        models = {
            f"{app['app_label']}.{model['object_name']}": model
            for app in super().get_app_list(request)
            for model in app["models"]
        }
        placed = {label for labels in SECTIONS.values() for label in labels}
        sections = []
        for name, labels in [*SECTIONS.items(), ("Other", sorted(set(models) - placed))]:
            shown = [models[label] for label in labels if label in models]
            if shown:
                sections.append(
                    {
                        "name": name,
                        "app_label": slugify(name),
                        "app_url": shown[0]["admin_url"],
                        "has_module_perms": True,
                        "models": shown,
                    }
                )
        return sections

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
