"""A connection's badge: the number of its feeds and their worst health, for a partner's own
dashboard, at a secret address that needs no sign-in."""

from html import escape

from django.db.models import Count
from django.urls import reverse

from feeds.models import Badge, Feed

# Worst first.
SEVERITY = [Feed.Health.FAILING, Feed.Health.LATE, Feed.Health.NEW, Feed.Health.UP, Feed.Health.PAUSED]
COLOURS = {"failing": "#b42318", "late": "#b54708", "new": "#175cd3", "up": "#067647", "paused": "#475467"}


def url(request, connection) -> str:
    badge, _ = Badge.objects.get_or_create(connection=connection)
    return request.build_absolute_uri(reverse("badge", args=[badge.key, "svg"]))


def status_of(key: str) -> tuple[str, int] | None:
    """(the worst health, the number of feeds) of the connection with this badge key."""
    badge = Badge.objects.filter(key=key).first()
    if badge is None:
        return None
    counts = dict(Feed.objects.filter(connection=badge.connection_id).values_list("health").annotate(n=Count("pk")))
    worst = next((health for health in SEVERITY if counts.get(health)), Feed.Health.PAUSED)
    return str(worst), sum(counts.values())


def svg(status: str, feeds: int) -> str:
    label, value = "feeds", f"{feeds} {status}"
    left, right = 7 * len(label) + 12, 7 * len(value) + 12
    width = left + right
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f'aria-label="{label}: {escape(value)}"><title>{label}: {escape(value)}</title>'
        f'<rect width="{left}" height="20" fill="#344054"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{COLOURS[status]}"/>'
        f'<g fill="#fff" font-family="Verdana,sans-serif" font-size="11">'
        f'<text x="6" y="14">{label}</text><text x="{left + 6}" y="14">{escape(value)}</text></g></svg>'
    )
