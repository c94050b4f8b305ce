"""Every change of feeds and their runs, each in one transaction: stages, settings, runs and
the health they give, the monitor's tick. Events go to both sides of the connection."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from connections.cron import validate_cron
from connections.models import Connection, Integration
from core.exceptions import InvalidState, UnsupportedFile, WrongOrganizationType
from core.json_sql import execute_prepared
from core.policy import authorize
from events.services import publish, publish_each
from feeds import checking, schedule, selectors
from feeds.health import grace
from feeds.models import Check, Feed, Run, new_key
from feeds.shapes import FeedSerializer
from files.tables import kind_of

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
    (locked,) = selectors.locking("pk").run(feed.pk)
    return locked


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
def report_run(*, feed: Feed, user, now: datetime | None = None, **run) -> Run:
    """A run of a live feed, reported by the sending side: `status`, and `file_name`, `count`,
    `failure_message`, `date_imported` if given."""
    locked = lock(feed)
    authorize(user, "report_run", locked)
    ensure_sender(user, locked)
    if locked.stage != Feed.Stage.LIVE:
        raise InvalidState(f"This feed is in {locked.stage}; runs are reported for a live feed.")
    return record(locked, now or timezone.now(), reported_by=user, **run)


@transaction.atomic
def finish_run(*, run: Run, user, status: str, failure_message: str = "", count=None, now=None) -> Run:
    """A pending run, ended Successful or Failed."""
    feed = lock(run.feed)
    authorize(user, "report_run", feed)
    ensure_sender(user, feed)
    locked = Run.objects.select_for_update().get(pk=run.pk)
    return end(feed, locked, now or timezone.now(), status=status, failure_message=failure_message, count=count)


@transaction.atomic
def ping(*, key: str, outcome: str, failure_message: str = "", now: datetime | None = None) -> Run | None:
    """A ping to the feed whose key this is (None: no such feed). `Successful` ends the run a
    ping started (`…/start/`) if one is pending, else records one; `Pending` starts one;
    `Failed` ends the pending one, or records one. A feed that is not live keeps the run,
    unwatched."""
    now = now or timezone.now()
    found = selectors.locking("ping_key").run(key)
    if not found:
        return None
    (feed,) = found
    message = failure_message if outcome == Run.Status.FAILED else ""
    if outcome != Run.Status.PENDING and feed.ping_started_id is not None:
        # Still pending, unless someone ended it through the API meanwhile.
        started = Run.objects.select_for_update().filter(pk=feed.ping_started_id, status=Run.Status.PENDING).first()
        feed.ping_started = None
        if started is not None:
            return end(feed, started, now, status=outcome, failure_message=message)
    return record(feed, now, status=outcome, failure_message=message, by_ping=True)


def record(feed: Feed, now: datetime, *, date_imported: datetime | None = None, **fields) -> Run:
    """A new run of the locked `feed`, and what it does to the feed, in one statement
    (`RECORD`)."""
    sending, receiving = audience(feed)
    if feed.sender == "SUPPLIER":
        sending, receiving = receiving, sending
    run = Run(
        feed=feed,
        sending_organization_id=sending,
        receiving_organization_id=receiving,
        date_imported=date_imported or now,
        finished_at=None if fields["status"] == Run.Status.PENDING else now,
        **fields,
    )
    if run.by_ping and run.status == Run.Status.PENDING:
        feed.ping_started = run
    change = observe(feed, run, now)
    values = [getattr(run, column.attname) for column in RUN_COLUMNS]
    execute_prepared(RECORD, (*values, *(getattr(feed, name) for name in OBSERVED_COLUMNS), feed.pk))
    run._state.adding = False
    if change:
        announce(change, feed, now)
    return run


def end(feed: Feed, run: Run, now: datetime, *, status: str, failure_message: str = "", count=None) -> Run:
    """The locked pending `run` of the locked `feed`, ended."""
    if run.status != Run.Status.PENDING:
        raise InvalidState(f"This run is {run.status}; only a Pending run can end.")
    if status == Run.Status.PENDING:
        raise InvalidState("A pending run ends Successful or Failed.")
    run.status, run.finished_at = status, now
    run.failure_message = failure_message or run.failure_message
    if count is not None:
        run.count = count
    run.save(update_fields=["status", "finished_at", "failure_message", "count"])
    change = observe(feed, run, now, at=now)
    feed.save(update_fields=OBSERVED)
    if change:
        announce(change, feed, now)
    return run


# What a run changes of its feed.
OBSERVED = ["last_run_at", "last_status", "health", "late_since", "next_expected_at", "alert_at", "ping_started"]
OBSERVED_COLUMNS = [Feed._meta.get_field(name).attname for name in OBSERVED]
RUN_COLUMNS = Run._meta.concrete_fields
# A run is reported many times a minute by every feed (a ping each delivery): its insert and
# its feed's update are one prepared statement, not two statements compiled by the ORM (which
# cost more Python than PostgreSQL took to run them).
RECORD = f"""
    WITH run AS (
        INSERT INTO feeds_run ({", ".join(column.column for column in RUN_COLUMNS)})
        VALUES ({", ".join(["%s"] * len(RUN_COLUMNS))})
    )
    UPDATE feeds_feed SET {", ".join(f"{Feed._meta.get_field(name).column} = %s" for name in OBSERVED)}
    WHERE integration_id = %s
    RETURNING integration_id
"""  # noqa: S608 -- column names from the models, values as parameters


def observe(feed: Feed, run: Run, now: datetime, at: datetime | None = None) -> str | None:
    """What a run does to its live feed's health (the caller saves it): a failure makes it
    failing, a success up; either moves the next expected time on. Returns the event it
    calls for: `failed` as it starts failing, `recovered` from late or failing."""
    at = at or run.date_imported
    if feed.last_run_at is None or at >= feed.last_run_at:
        feed.last_run_at, feed.last_status = at, run.status
    if feed.stage != Feed.Stage.LIVE or run.status == Run.Status.PENDING:
        return None
    before = feed.health
    feed.health = Feed.Health.FAILING if run.status == Run.Status.FAILED else Feed.Health.UP
    feed.late_since = None
    expect_after(feed, max(at, now) if run.status == Run.Status.SUCCESSFUL else now)
    if feed.health == Feed.Health.FAILING and before != Feed.Health.FAILING:
        return "failed"
    if feed.health == Feed.Health.UP and before in (Feed.Health.LATE, Feed.Health.FAILING):
        return "recovered"
    return None


@transaction.atomic
def new_ping_key(*, feed: Feed, user) -> Feed:
    locked = lock(feed)
    authorize(user, "update", locked)
    ensure_sender(user, locked)
    locked.ping_key = new_key()
    locked.save(update_fields=["ping_key"])
    return locked


# The most late feeds one tick changes: a tick's transaction stays short (the feeds it locks
# wait for it, and so would their pings), and its cost bounded whatever the number that fell
# due at once; the job ticks again at once while a tick finds a full batch.
WATCH_BATCH = 1000


@transaction.atomic
def watch(now: datetime | None = None) -> int:
    """One tick of the monitor: up to WATCH_BATCH live feeds whose expected run has not come by
    its grace become late, found by the `alert_at` index (feeds a run is being recorded for
    right now are skipped: their run decides) and changed by one statement each, whatever
    the number of feeds; one `integrations/late` event each, written together."""
    now = now or timezone.now()
    overdue = Q(alert_at__lte=now, health__in=[Feed.Health.NEW, Feed.Health.UP])
    found = selectors.feeds_with_connections().filter(overdue).order_by("alert_at")[:WATCH_BATCH]
    feeds = list(found.select_for_update(of=("self",), skip_locked=True))
    if not feeds:
        return 0
    Feed.objects.filter(pk__in=[feed.pk for feed in feeds]).update(
        health=Feed.Health.LATE, late_since=F("alert_at"), alert_at=None
    )
    for feed in feeds:  # as the update left them, for their shapes
        feed.health, feed.late_since, feed.alert_at = Feed.Health.LATE, feed.alert_at, None
    publish_each("integrations/late", list(zip(as_data(feeds, now), map(audience, feeds), strict=True)))
    return len(feeds)


def watch_all(now: datetime | None = None) -> int:
    """Ticks until a tick finds less than a full batch: the late feeds, however many."""
    total = 0
    while (found := watch(now)) == WATCH_BATCH:
        total += found
    return total + found


@transaction.atomic
def check_file(*, feed: Feed, user, upload, file_name: str) -> Check:
    """The file checked against the feed's specification, and the check kept."""
    authorize(user, "check", feed)
    ensure_open(feed)
    kind, detected = kind_of(upload, file_name)
    if kind is None:
        raise UnsupportedFile(f"This file is {detected}; a check reads CSV or XLSX files.")
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
