"""The worker's jobs of events (`python manage.py worker`): fanning them out to notifications
and webhook deliveries (which the dispatcher sends, `events.dispatcher`), and their periodic
work (digests, the prune)."""

import contextlib
import logging
import time
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from core.worker import defer, in_worker
from events import notifying
from events.models import Event, EventAudience, NotificationSetting, WebhookDelivery, WebhookEndpoint
from events.services import FAN_OUT_LOCK, wake_dispatchers

logger = logging.getLogger(__name__)

# Events fanned out in one transaction: each batch's notifications and deliveries commit together.
FAN_OUT_BATCH = 100


@app.task(queue="events", queueing_lock=FAN_OUT_LOCK)
@in_worker
def fan_out() -> None:
    """Every event committed and not yet fanned out, oldest first (`publish` queues this job
    when none is waiting)."""
    drain()


@app.periodic(cron="* * * * *")
@app.task(queue="maintenance", queueing_lock="fan_out_left_behind")
@in_worker
def fan_out_left_behind(timestamp: int) -> None:
    """Every minute, events that no fan-out job took (its job was lost) and events set aside
    whose time to try again has come."""
    drain()


# pg_try_advisory_lock key ("fan out" in ASCII), held by the one fan-out that runs: fan-outs
# side by side would only fight over the same rows.
FAN_OUT_KEY = 0x66616E206F7574


def drain() -> None:
    """Fans out events until none is waiting, unless another fan-out holds the lock: then that
    one takes them. The one that holds it, once it has let it go, waits for the transactions
    running then and looks again: a writer that found a fan-out job waiting queued no other,
    and its event may have been uncommitted when the last pass read. A transaction that runs
    longer than FAN_OUT_WAIT leaves its event to another fan-out, queued then."""
    with connection.cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [FAN_OUT_KEY])
            if not cursor.fetchone()[0]:
                return
            try:
                while fan_out_waiting():
                    pass
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [FAN_OUT_KEY])
            running = writers_running()
            if running and not wait_for_writers(running, FAN_OUT_WAIT):
                # Due at once: the worker hears of a job when it is queued, not when a later
                # time comes (then it finds it only when it next looks, up to 5 s on), and
                # writers that see it waiting queue no other.
                with contextlib.suppress(AlreadyEnqueued):  # one waits already
                    defer(fan_out, [{}])
            if not waiting(timezone.now()).exists():
                return


def fan_out_waiting() -> int:
    taken = 0
    while (batch := fan_out_batch(FAN_OUT_BATCH)) > 0:
        taken += batch
        if batch < FAN_OUT_BATCH:
            break
    return taken


def waiting(now):
    """Events not fanned out whose time has come (those set aside wait for theirs)."""
    return Event.objects.filter(Q(fan_out_after__isnull=True) | Q(fan_out_after__lte=now), fanned_out=False)


# The clients' transactions open in this database (each by its session and its start), but
# for this session's own and the fan-outs' (which write no event), and how many of them are
# open still.
FAN_OUT_NAME = "timp-fan-out"
RUNNING = """
    SELECT pid, xact_start FROM pg_stat_activity
    WHERE datname = current_database() AND backend_type = 'client backend' AND xact_start IS NOT NULL
      AND pid <> pg_backend_pid() AND application_name <> %s
"""
STILL_RUNNING = """
    SELECT count(*) FROM pg_stat_activity a JOIN unnest(%s::int[], %s::timestamptz[]) AS r(pid, xact_start)
    ON a.pid = r.pid AND a.xact_start = r.xact_start
"""
FAN_OUT_WAIT = timedelta(seconds=2)


def writers_running() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(RUNNING, [FAN_OUT_NAME])
        return cursor.fetchall()


def wait_for_writers(running: list[tuple], longest: timedelta) -> bool:
    """Whether the transactions `running` all ended within `longest` (looked at every 10 ms)."""
    deadline = time.monotonic() + longest.total_seconds()
    pids, starts = [pid for pid, _ in running], [start for _, start in running]
    with connection.cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # a transaction's view would not move
            cursor.execute(STILL_RUNNING, [pids, starts])
            if cursor.fetchone()[0] == 0:
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)


# An event whose fan-out failed is tried again after a minute, then 2, 4, … at most an hour.
FIRST_FAN_OUT_RETRY = timedelta(minutes=1)
LONGEST_FAN_OUT_RETRY = timedelta(hours=1)


def fan_out_batch(limit: int) -> int:
    """Fans out up to `limit` waiting events in one transaction. Their rows stay locked until
    it commits, so two workers never fan out one event at the same time. They are fanned out
    together, in a savepoint; should that fail, each is tried in a savepoint of its own: one
    that fails is rolled back alone, recorded, logged as an error and set aside, and the others
    go on. Returns how many were taken."""
    now = timezone.now()
    with transaction.atomic():
        with connection.cursor() as cursor:  # known to the other fan-outs, which need not wait for it
            cursor.execute("SELECT set_config('application_name', %s, true)", [FAN_OUT_NAME])
        events = list(waiting(now).select_for_update(skip_locked=True).order_by("id")[:limit])
        try:
            with transaction.atomic():
                distribute(events)
            done = events
        except Exception:  # one of them, or all: each is tried alone
            done = []
            for event in events:
                try:
                    with transaction.atomic():
                        distribute([event])
                except Exception as error:  # whatever it is, it must not stop the others
                    set_aside(event, error, now)
                else:
                    done.append(event)
        Event.objects.filter(pk__in=[event.pk for event in done]).update(fanned_out=True)
    return len(events)


def set_aside(event: Event, error: Exception, now) -> None:
    delay = min(FIRST_FAN_OUT_RETRY * 2**event.fan_out_failures, LONGEST_FAN_OUT_RETRY)
    logger.error(
        "Event %s (%s) was not fanned out, and is set aside until %s", event.pk, event.type, now + delay, exc_info=error
    )
    Event.objects.filter(pk=event.pk).update(
        fan_out_failures=event.fan_out_failures + 1, fan_out_error=repr(error)[:2000], fan_out_after=now + delay
    )


def distribute(events: list[Event]) -> None:
    """Events committed: their notifications, and one delivery per endpoint that wants each,
    in the caller's transaction and a fixed number of queries. Running twice makes nothing
    twice."""
    audiences = defaultdict(list)
    for event_id, organization in EventAudience.objects.filter(event__in=events).values_list(
        "event_id", "organization_id"
    ):
        audiences[event_id].append(organization)
    organizations = {organization for members in audiences.values() for organization in members}
    now = timezone.now()
    # Locked for key share until the batch commits: an endpoint deleted meanwhile waits for it
    # (and its deliveries go with it), rather than failing the deliveries' insert.
    endpoints = defaultdict(list)
    for endpoint in WebhookEndpoint.objects.raw(
        "SELECT * FROM events_webhookendpoint WHERE organization_id = ANY(%s::uuid[]) AND is_active FOR KEY SHARE",
        [[str(pk) for pk in organizations]],
    ):
        endpoints[endpoint.organization_id].append(endpoint)
    deliveries = [
        WebhookDelivery(endpoint=endpoint, event=event, next_attempt_at=now)
        for event in events
        for organization in audiences[event.pk]
        for endpoint in endpoints[organization]
        if endpoint.receives(event.type)
    ]
    WebhookDelivery.objects.bulk_create(deliveries, ignore_conflicts=True)
    if deliveries:
        wake_dispatchers()
    notifying.notify(events, audiences)


@app.periodic(cron="0 8,16 * * *")
@app.task(queue="maintenance", queueing_lock="twice_daily_digests")
@in_worker
def twice_daily_digests(timestamp: int) -> int:
    return notifying.send_digests(NotificationSetting.Frequency.TWICE_A_DAY)


@app.periodic(cron="0 8 * * *")
@app.task(queue="maintenance", queueing_lock="daily_digests")
@in_worker
def daily_digests(timestamp: int) -> int:
    return notifying.send_digests(NotificationSetting.Frequency.DAILY)


@app.periodic(cron="30 3 * * *")
@app.task(queue="maintenance", queueing_lock="prune")
@in_worker
def prune(timestamp: int) -> None:
    """Events older than EVENT_RETENTION_DAYS, with their notifications and deliveries."""
    Event.objects.filter(created_at__lt=timezone.now() - timedelta(days=settings.EVENT_RETENTION_DAYS)).delete()
