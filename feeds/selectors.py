"""Who sees which feeds, runs and checks, and the feeds made ready for their shape."""

from datetime import datetime
from functools import cache
from uuid import UUID

from django.db.models import Count, F, Q, Window
from django.db.models.functions import Coalesce

from connections.models import Connection
from core.json_sql import PreparedQuery
from feeds import health, schedule
from feeds.models import Check, Feed, Run


def feeds_with_connections():
    return Feed.objects.select_related("integration", "connection__retailer", "connection__supplier")


def feeds_for(user):
    """The feeds of the connections `user` sees (either side; staff all)."""
    return feeds_with_connections().filter(connection__in=Connection.objects.visible_to(user))


def feeds_for_update():
    """Feeds with what their changes read, each feed's row locked (not its connection's)."""
    return feeds_with_connections().select_for_update(of=("self",))


# Stand for the value each run of `reading` and `locking` passes (no key holds a NUL, no feed has UUID 0).
PING_KEY_MARKER = "\x00ping_key"
NO_FEED = UUID(int=0)


def feed_of(user, connection_uuid, record_uuid) -> Feed | None:
    """The feed `record_uuid` of the connection `connection_uuid`, if `user` sees it (the
    connection's `visible_to` rule); by a query compiled once per process."""
    found = reading().run(record_uuid)
    if not found or found[0].connection_id != connection_uuid or not found[0].connection.is_visible_to(user):
        return None
    return found[0]


@cache
def reading() -> PreparedQuery:
    return PreparedQuery(feeds_with_connections().filter(pk=NO_FEED).order_by(), NO_FEED)


@cache
def locking(by: str) -> PreparedQuery:
    """The feed whose `by` (pk or ping_key) is the value given, locked, with what its changes
    read: the first query of every run reported and every ping, compiled once per process."""
    marker = PING_KEY_MARKER if by == "ping_key" else NO_FEED
    return PreparedQuery(feeds_for_update().filter(**{by: marker}).order_by(), marker)


def runs_for(user):
    """Runs of the feeds `user` sees."""
    return Run.objects.filter(feed__in=feeds_for(user)).select_related("feed__integration", "reported_by__api_key")


def checks_of(feed: Feed):
    return Check.objects.filter(feed=feed)


def sends(user, feed: Feed) -> bool:
    """Whether `user`'s organization is the side that sends this feed's files."""
    return feed.connection.side_of(user.organization_id) == feed.sender


def prepared(feeds: list[Feed], *, now: datetime, viewer=None, ping_url=None) -> list[Feed]:
    """The feeds with what their shape reads: the last 30 days' record (one query of runs for
    all of them), the next scheduled time in their zone, and the ping URL for `viewer` if
    `viewer` sends and may manage connections (`ping_url(feed)` makes it)."""
    runs = {}
    if feeds:
        for run in Run.objects.filter(feed__in=feeds, date_imported__gte=health.window_start(now)).only(
            "feed_id", "date_imported", "status"
        ):
            runs.setdefault(run.feed_id, []).append(run)
    for feed in feeds:
        feed.record = health.record(feed, runs.get(feed.pk, []), now)
        frequency = feed.integration.update_frequency
        feed.next_run = schedule.expected_after(frequency, feed.schedule_timezone, now) if frequency else None
        feed.last_status_or_none = feed.last_status or None
        shown = viewer is not None and ping_url is not None and sends(viewer, feed)
        feed.ping_url = ping_url(feed) if shown and viewer.may("manage_connections") else None
    return feeds


def reporter(run: Run) -> dict:
    if run.by_ping:
        return {"kind": "ping", "uuid": None}
    user = run.reported_by
    api_key = getattr(user, "api_key", None) if user is not None else None
    if api_key is not None:
        return {"kind": "api_key", "uuid": str(api_key.uuid)}
    return {"kind": "user", "uuid": str(user.pk) if user is not None else None}


def imports_for(user):
    """The runs of `user`'s organization's feeds, sent or received, newest first."""
    if user.organization_id is None:
        return Run.objects.none()
    mine = Q(sending_organization=user.organization_id) | Q(receiving_organization=user.organization_id)
    return Run.objects.filter(mine).select_related("feed__integration", "reported_by__api_key")


TROUBLED_SHOWN = 10


def troubled_feeds(now: datetime) -> dict:
    """The feeds late or failing now, longest first, with how many there are: one query."""
    troubled = list(
        Feed.objects.filter(health__in=[Feed.Health.LATE, Feed.Health.FAILING])
        .annotate(troubled=Window(Count("pk")), since=Coalesce("late_since", "last_run_at"))
        .order_by(F("since").asc(nulls_last=True), "integration_id")
        .values(
            "connection_id",
            "connection__retailer_name",
            "connection__supplier_name",
            "integration__integration_type",
            "health",
            "since",
            "troubled",
        )[:TROUBLED_SHOWN]
    )
    return {"feeds": troubled, "count": troubled[0]["troubled"] if troubled else 0}
