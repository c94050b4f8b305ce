import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
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


@dataclass(frozen=True)
class Panel:
    """One figure of the dashboard: shown to those with `permission`, in `position` order,
    its template `admin/dashboard/<key>.html` rendered with `figures(now)` as `figures`. Apps
    add theirs from their admin module (`admin.site.add_panel`): the console knows none of them."""

    key: str
    title: str
    permission: str
    figures: Callable[[datetime], object]
    position: int

    @property
    def template(self) -> str:
        return f"admin/dashboard/{self.key}.html"


CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 600, 120, 16


def bar_chart(counts: list[tuple[date, int]]) -> dict:
    """An SVG bar chart's geometry, one bar a day, scaled to the highest count."""
    highest = max((count for _, count in counts), default=0)
    step = CHART_WIDTH / max(len(counts), 1)
    bars = []
    for index, (day, count) in enumerate(counts):
        height = round((CHART_HEIGHT - CHART_TOP) * count / highest, 1) if highest else 0
        bars.append(
            {
                "day": day,
                "count": count,
                "x": round(index * step + 1, 1),
                "y": round(CHART_HEIGHT - height, 1),
                "width": round(step - 2, 1),
                "height": height,
            }
        )
    return {"width": CHART_WIDTH, "height": CHART_HEIGHT, "highest": highest, "bars": bars}


class AdminSite(admin.AdminSite):
    """Django's admin as the account managers' console: a dashboard of the work as its index,
    its sections named for the work, and a login that counts against the same per-address
    limit as the API's."""

    site_header = "TIMP console"
    site_title = "TIMP console"
    index_title = "The work"
    index_template = "admin/dashboard.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.panels: list[Panel] = []

    def add_panel(self, panel: Panel) -> None:
        self.panels = sorted([*self.panels, panel], key=lambda shown: shown.position)

    def now(self) -> datetime:
        """The dashboard's clock (tests give their own)."""
        return timezone.now()

    def index(self, request, extra_context=None):
        """The dashboard: each panel the user may see, one query each, at one `now`."""
        now = self.now()
        panels = [
            {"panel": panel, "figures": panel.figures(now)}
            for panel in self.panels
            if request.user.has_perm(panel.permission)
        ]
        return super().index(request, {"panels": panels, "now": now, **(extra_context or {})})

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
