"""Every change of feeds and their runs, each in one transaction: stages, settings, runs and
the health they give, the monitor's tick. Events go to both sides of the connection."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from connections.cron import validate_cron
from connections.models import Connection, Integration
from core.exceptions import ApplicationError, InvalidState, WrongOrganizationType
from core.policy import authorize
from events.services import publish, publish_each
from feeds import checking, schedule, selectors
from feeds.health import grace
from feeds.models import Check, Feed, Run, new_key
from feeds.shapes import FeedSerializer
from files.detection import detect

# Who sends each type's files, as the platform's file guide has it (`other`: set per feed).
SENDER = {
    Integration.Type.ITEM: "SUPPLIER",
    Integration.Type.ORDER: "RETAILER",
    Integration.Type.ALLOCATION: "SUPPLIER",
    Integration.Type.TRACKING: "SUPPLIER",
    Integration.Type.OTHER: "SUPPLIER",
}
# Where each stage may go; `live` also needs a passing check.
NEXT_STAGES = {
    Feed.Stage.SETUP: {Feed.Stage.TESTING},
    Feed.Stage.TESTING: {Feed.Stage.LIVE, Feed.Stage.PAUSED},
    Feed.Stage.LIVE: {Feed.Stage.PAUSED},
    Feed.Stage.PAUSED: {Feed.Stage.TESTING, Feed.Stage.LIVE},
}
MAX_GRACE_MINUTES = 10080


def audience(feed: Feed) -> list:
    return [feed.connection.retailer.organization_id, feed.connection.supplier.organization_id]


def as_data(feeds: list[Feed], now: datetime) -> list[dict]:
    """The Feeds as events carry them (no ping URL: events reach both sides)."""
    return FeedSerializer(selectors.prepared(feeds, now=now), many=True).data


def announce(event_type: str, feed: Feed, now: datetime) -> None:
    publish(f"integrations/{event_type}", audience=audience(feed), data=as_data([feed], now)[0])


def open_feeds(of: Connection) -> None:
    """A feed, in setup, for each integration of the connection that has none yet."""
    integrations = Integration.objects.filter(connection=of, feed__isnull=True)
    Feed.objects.bulk_create(
        Feed(integration=integration, connection=of, sender=SENDER[integration.integration_type])
        for integration in integrations
    )


def pause_all(of: Connection) -> None:
    """A deactivated connection's feeds stop: paused, watched no more."""
    of.feeds.exclude(stage=Feed.Stage.PAUSED).update(
        stage=Feed.Stage.PAUSED, health=Feed.Health.PAUSED, next_expected_at=None, alert_at=None, late_since=None
    )


def lock(feed: Feed) -> Feed:
    return selectors.feeds_for_update().get(pk=feed.pk)


def ensure_open(feed: Feed) -> None:
    if feed.connection.status == Connection.Status.DEACTIVATED:
        raise InvalidState("This connection is deactivated; its feeds cannot change.")


def go_live(feed: Feed, now: datetime) -> None:
    feed.live_since = now
    feed.health = Feed.Health.NEW
    feed.late_since = None
    expect_after(feed, now)


def leave_live(feed: Feed) -> None:
    feed.health = Feed.Health.PAUSED
    feed.next_expected_at = feed.alert_at = feed.late_since = None


def expect_after(feed: Feed, moment: datetime) -> None:
    """The next expected run after `moment`, and when it is late (none for no schedule)."""
    frequency = feed.integration.update_frequency
    feed.next_expected_at = schedule.expected_after(frequency, feed.schedule_timezone, moment) if frequency else None
    failing = feed.health == Feed.Health.FAILING
    feed.alert_at = None if feed.next_expected_at is None or failing else feed.next_expected_at + grace(feed)


def check_settings(feed: Feed, changes: dict) -> None:
    errors = {}
    if "schedule_timezone" in changes and changes["schedule_timezone"] not in schedule.TIME_ZONES:
        errors["schedule_timezone"] = [f'"{changes["schedule_timezone"]}" is not an IANA time zone.']
    if "grace_minutes" in changes and not 1 <= changes["grace_minutes"] <= MAX_GRACE_MINUTES:
        errors["grace_minutes"] = [f"Between 1 and {MAX_GRACE_MINUTES} minutes."]
    if "update_frequency" in changes and changes["update_frequency"] is not None:
        try:
            validate_cron(changes["update_frequency"])
        except ValidationError as error:
            errors["update_frequency"] = error.messages
    if "sender" in changes and feed.integration.integration_type != Integration.Type.OTHER:
        errors["sender"] = ["Only an `other` feed's sender can be set; the file guide names the others'."]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def update_feed(*, feed: Feed, user, now: datetime | None = None, **changes) -> Feed:
    """Changes `update_frequency`, `schedule_timezone`, `grace_minutes`, `sender` (of an
    `other` feed) and `stage`. Events: `integrations/updated` for settings,
    `integrations/stage_changed` for the stage."""
    now = now or timezone.now()
    locked = lock(feed)
    authorize(user, "update", locked)
    ensure_open(locked)
    check_settings(locked, changes)
    stage = changes.pop("stage", locked.stage)
    changed = {name for name, value in changes.items() if value != current(locked, name)}
    if "update_frequency" in changed:
        locked.integration.update_frequency = changes["update_frequency"]
        locked.integration.schedule(now)
        locked.integration.save(update_fields=["update_frequency", "next_run_at"])
    for name in changed - {"update_frequency"}:
        setattr(locked, name, changes[name])
    moved = stage != locked.stage
    if moved:
        move(locked, stage, now)
    elif changed and locked.stage == Feed.Stage.LIVE and locked.health != Feed.Health.LATE:
        expect_after(locked, max(now, locked.last_run_at or now))
    locked.save()
    if changed:
        announce("updated", locked, now)
    if moved:
        announce("stage_changed", locked, now)
    return locked


def current(feed: Feed, name: str):
    return feed.integration.update_frequency if name == "update_frequency" else getattr(feed, name)


def move(feed: Feed, stage: str, now: datetime) -> None:
    if stage not in NEXT_STAGES[feed.stage]:
        allowed = ", ".join(sorted(NEXT_STAGES[feed.stage]))
        raise InvalidState(f"A feed in {feed.stage} can move to {allowed}, not {stage}.")
    if stage == Feed.Stage.LIVE and not Check.objects.filter(feed=feed, passed=True).exists():
        raise InvalidState("A feed goes live after a passing file check: POST a file to its checks/ first.")
    if stage == Feed.Stage.LIVE:
        go_live(feed, now)
    elif feed.stage == Feed.Stage.LIVE:
        leave_live(feed)
    feed.stage = stage


def ensure_sender(user, feed: Feed) -> None:
    if not user.is_staff and not selectors.sends(user, feed):
        raise WrongSide(f"The {feed.sender.lower()} sends this feed's files and reports its runs.")


class WrongSide(WrongOrganizationType):
    """The receiving side asked what only the sending side does."""


@transaction.atomic
def report_run(
    *,
    feed: Feed,
    user=None,
    status: str,
    file_name: str = "",
    count: int | None = None,
    failure_message: str = "",
    date_imported: datetime | None = None,
    now: datetime | None = None,
) -> Run:
    """A run of a live feed, by the sending side (`user`), or by its ping URL (no user: the
    key is the authority, and a feed not live still records it, unwatched)."""
    now = now or timezone.now()
    locked = lock(feed)
    if user is not None:
        authorize(user, "report_run", locked)
        ensure_sender(user, locked)
        if locked.stage != Feed.Stage.LIVE:
            raise InvalidState(f"This feed is in {locked.stage}; runs are reported for a live feed.")
    sending, receiving = audience(locked)
    if locked.sender == "SUPPLIER":
        sending, receiving = receiving, sending
    run = Run.objects.create(
        feed=locked,
        sending_organization_id=sending,
        receiving_organization_id=receiving,
        date_imported=date_imported or now,
        file_name=file_name,
        status=status,
        failure_message=failure_message,
        count=count,
        reported_by=user,
        by_ping=user is None,
        finished_at=None if status == Run.Status.PENDING else now,
    )
    observe(locked, run, now)
    return run


@transaction.atomic
def finish_run(*, run: Run, user=None, status: str, failure_message: str = "", count=None, now=None) -> Run:
    """A pending run, ended Successful or Failed."""
    now = now or timezone.now()
    locked_run = Run.objects.select_for_update().get(pk=run.pk)
    feed = lock(run.feed)
    if user is not None:
        authorize(user, "report_run", feed)
        ensure_sender(user, feed)
    if locked_run.status != Run.Status.PENDING:
        raise InvalidState(f"This run is {locked_run.status}; only a Pending run can end.")
    if status == Run.Status.PENDING:
        raise InvalidState("A pending run ends Successful or Failed.")
    locked_run.status, locked_run.finished_at = status, now
    locked_run.failure_message = failure_message or locked_run.failure_message
    if count is not None:
        locked_run.count = count
    locked_run.save()
    observe(feed, locked_run, now, at=now)
    return locked_run


def observe(feed: Feed, run: Run, now: datetime, at: datetime | None = None) -> None:
    """What a run does to its live feed's health: a failure makes it failing, a success up
    (recovered, from late or failing); either moves the next expected time on."""
    at = at or run.date_imported
    if feed.last_run_at is None or at >= feed.last_run_at:
        feed.last_run_at, feed.last_status = at, run.status
    if feed.stage != Feed.Stage.LIVE or run.status == Run.Status.PENDING:
        feed.save()
        return
    before = feed.health
    feed.health = Feed.Health.FAILING if run.status == Run.Status.FAILED else Feed.Health.UP
    feed.late_since = None
    expect_after(feed, max(at, now) if run.status == Run.Status.SUCCESSFUL else now)
    feed.save()
    if feed.health == Feed.Health.FAILING and before != Feed.Health.FAILING:
        announce("failed", feed, now)
    elif feed.health == Feed.Health.UP and before in (Feed.Health.LATE, Feed.Health.FAILING):
        announce("recovered", feed, now)


@transaction.atomic
def new_ping_key(*, feed: Feed, user) -> Feed:
    locked = lock(feed)
    authorize(user, "update", locked)
    ensure_sender(user, locked)
    locked.ping_key = new_key()
    locked.save(update_fields=["ping_key"])
    return locked


@transaction.atomic
def watch(now: datetime | None = None) -> int:
    """The monitor's tick: every live feed whose expected run has not come by its grace is
    late, found and changed by one statement on the `alert_at` index, whatever the number of
    feeds; one `integrations/late` event each, written together."""
    now = now or timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE feeds_feed SET health = %s, late_since = alert_at, alert_at = NULL
            WHERE alert_at <= %s AND health IN (%s, %s)
            RETURNING integration_id
            """,
            [Feed.Health.LATE, now, Feed.Health.NEW, Feed.Health.UP],
        )
        late = [row[0] for row in cursor.fetchall()]
    if not late:
        return 0
    feeds = list(selectors.feeds_with_connections().filter(pk__in=late))
    publish_each("integrations/late", list(zip(as_data(feeds, now), map(audience, feeds), strict=True)))
    return len(feeds)


def ping(*, feed: Feed, outcome: str, failure_message: str = "", now: datetime | None = None) -> Run:
    """A ping: `Successful` ends the feed's pending run if one was started (`…/start/`), else
    records one; `Pending` starts one; `Failed` ends the pending one, or records one."""
    now = now or timezone.now()
    message = failure_message if outcome == Run.Status.FAILED else ""
    if outcome != Run.Status.PENDING:
        started = feed.runs.filter(status=Run.Status.PENDING, by_ping=True).order_by("-date_imported").first()
        if started is not None:
            return finish_run(run=started, status=outcome, failure_message=message, now=now)
    return report_run(feed=feed, status=outcome, failure_message=message, now=now)


# What a file check reads, by the type detected from the file's bytes.
CHECKED_TYPES = {"text": "csv", "an Excel workbook": "xlsx"}


@transaction.atomic
def check_file(*, feed: Feed, user, upload, file_name: str) -> Check:
    """The file checked against the feed's specification, and the check kept."""
    authorize(user, "check", feed)
    ensure_open(feed)
    detected = detect(upload, file_name)
    kind = CHECKED_TYPES.get(detected.description)
    if kind is None:
        raise UnsupportedFile(f"This file is {detected.description}; a check reads CSV or XLSX files.")
    upload.seek(0)
    result = checking.check(upload, file_name=file_name, kind=kind, integration_type=feed.integration.integration_type)
    return Check.objects.create(
        feed=feed,
        file_name=file_name,
        checked_by=user,
        spec=result.spec,
        passed=result.passed,
        rows=result.rows,
        error_count=result.error_count,
        errors=result.errors,
        warnings=result.warnings,
    )


class UnsupportedFile(ApplicationError):
    status_code = 415
