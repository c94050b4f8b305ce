import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import get_script_prefix
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
    add theirs from their admin module (`admin.site.add_panel`): the console knows none of them.

    Rendered once per DASHBOARD_SECONDS of `now` by each process and kept in the cache for
    every account manager meanwhile, unless the viewer wants it `fresh`."""

    key: str
    title: str
    permission: str
    figures: Callable[[datetime], object]
    position: int

    def html(self, now: datetime, *, fresh: bool = False) -> str:
        period = settings.DASHBOARD_SECONDS
        key = f"dashboard:{self.key}:{int(now.timestamp()) // period}"
        if not fresh:
            return cache.get_or_set(key, lambda: self.rendered(now), timeout=period)
        html = self.rendered(now)
        cache.set(key, html, timeout=period)
        return html

    def rendered(self, now: datetime) -> str:
        return render_to_string(f"admin/dashboard/{self.key}.html", {"figures": self.figures(now), "now": now})


# When the session's user last changed something through the console (a POST), as a timestamp.
WROTE_AT = "console_wrote_at"


CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 300, 90, 14

# The sets of permissions whose sections a process keeps at once (`AdminSite.get_app_list`).
MAX_PERMISSION_SETS = 64


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
        self.sections: dict[tuple, list[dict]] = {}  # `get_app_list`'s, by permissions

    def add_panel(self, panel: Panel) -> None:
        self.panels = sorted([*self.panels, panel], key=lambda shown: shown.position)

    def now(self) -> datetime:
        """The dashboard's clock (tests give their own)."""
        return timezone.now()

    def admin_view(self, view, cacheable=False):
        """Every console page, noting in the session when its user last wrote through one."""
        checked = super().admin_view(view, cacheable)

        @wraps(view)
        def noting_writes(request, *args, **kwargs):
            if request.method == "POST":
                request.session[WROTE_AT] = self.now().timestamp()
            return checked(request, *args, **kwargs)

        return noting_writes

    def index(self, request, extra_context=None):
        """The dashboard: each panel the user may see, at one `now`, one query each when not
        in the cache; read anew for a user who wrote through the console in the last
        DASHBOARD_SECONDS (read-your-writes). The sections come from the app list every page
        builds (`available_apps`)."""
        now = self.now()
        fresh = now.timestamp() - request.session.get(WROTE_AT, 0) < settings.DASHBOARD_SECONDS
        context = self.each_context(request)
        panels = [
            {"panel": panel, "html": panel.html(now, fresh=fresh)}
            for panel in self.panels
            if request.user.has_perm(panel.permission)
        ]
        context.update(
            title=self.index_title, subtitle=None, app_list=context["available_apps"], panels=panels, now=now
        )
        request.current_app = self.name
        return TemplateResponse(request, self.index_template, {**context, **(extra_context or {})})

    def get_app_list(self, request, app_label=None):
        """The index's and the sidebar's sections (`SECTIONS`); an app's own page keeps its models.

        Every page shows them, and building them (a reverse and five permission checks a model)
        cost the dashboard a tenth of its time. They follow from the user's permissions alone
        (no model admin here asks more of a request), so each process keeps them for each set
        of permissions it has seen, under the URL prefix they were built for."""
        if app_label is not None:
            return super().get_app_list(request, app_label)
        user = request.user
        key = (user.is_superuser, frozenset(user.get_all_permissions()), get_script_prefix())
        if key not in self.sections:
            if len(self.sections) >= MAX_PERMISSION_SETS:
                self.sections.clear()
            self.sections[key] = self.built_sections(request)
        return self.sections[key]

    def built_sections(self, request) -> list[dict]:
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
