"""The worker's jobs of events (`python manage.py worker`): fanning them out to notifications
and webhook deliveries (which the dispatcher sends, `events.dispatcher`), and their periodic
work (digests, the prune)."""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from procrastinate.contrib.django import app

from core.worker import defer, in_worker
from events import notifying
from events.models import Event, NotificationSetting, WebhookDelivery, WebhookEndpoint
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


def drain() -> None:
    """Fans out every waiting event, then those of the transactions that were running when it
    began. A writer that found this job waiting queued no other, and its event may have been
    uncommitted when the first pass read: it is taken once that writer has ended. A transaction
    that runs longer than FAN_OUT_WAIT leaves it to another fan-out, a second later."""
    running = writers_running()
    fan_out_waiting()
    if running:
        ended = wait_for_writers(running, FAN_OUT_WAIT)
        fan_out_waiting()
        if not ended:
            defer(fan_out, [{}], at=timezone.now() + timedelta(seconds=1))


def fan_out_waiting() -> None:
    while fan_out_batch(FAN_OUT_BATCH) == FAN_OUT_BATCH:
        pass


# The transactions open in this database, but for this session's own (each by its session
# and its start), and how many of them are open still.
RUNNING = """
    SELECT pid, xact_start FROM pg_stat_activity
    WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()
"""
STILL_RUNNING = """
    SELECT count(*) FROM pg_stat_activity a JOIN unnest(%s::int[], %s::timestamptz[]) AS r(pid, xact_start)
    ON a.pid = r.pid AND a.xact_start = r.xact_start
"""
FAN_OUT_WAIT = timedelta(seconds=2)


def writers_running() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(RUNNING)
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
    it commits, so two workers never fan out one event at the same time. Each event's work is
    a savepoint of its own: one that fails is rolled back alone, recorded, logged as an error
    and set aside, and the others go on. Returns how many were taken."""
    now = timezone.now()
    with transaction.atomic():
        waiting = (
            Event.objects.select_for_update(skip_locked=True)
            .filter(Q(fan_out_after__isnull=True) | Q(fan_out_after__lte=now), fanned_out=False)
            .order_by("id")
        )
        events = list(waiting[:limit])
        done = []
        for event in events:
            try:
                with transaction.atomic():
                    distribute(event)
            except Exception as error:  # whatever it is, it must not stop the others
                set_aside(event, error, now)
            else:
                done.append(event.pk)
        Event.objects.filter(pk__in=done).update(fanned_out=True)
    return len(events)


def set_aside(event: Event, error: Exception, now) -> None:
    delay = min(FIRST_FAN_OUT_RETRY * 2**event.fan_out_failures, LONGEST_FAN_OUT_RETRY)
    logger.error(
        "Event %s (%s) was not fanned out, and is set aside until %s", event.pk, event.type, now + delay, exc_info=error
    )
    Event.objects.filter(pk=event.pk).update(
        fan_out_failures=event.fan_out_failures + 1, fan_out_error=repr(error)[:2000], fan_out_after=now + delay
    )


def distribute(event: Event) -> None:
    """An event committed: its notifications, and one delivery per endpoint that wants it, in
    the caller's transaction. Running twice makes nothing twice."""
    organizations = list(event.audience.values_list("organization_id", flat=True))
    now = timezone.now()
    # Locked for key share until the batch commits: an endpoint deleted meanwhile waits for it
    # (and its deliveries go with it), rather than failing the deliveries' insert.
    endpoints = WebhookEndpoint.objects.raw(
        "SELECT * FROM events_webhookendpoint WHERE organization_id = ANY(%s::uuid[]) AND is_active FOR KEY SHARE",
        [[str(pk) for pk in organizations]],
    )
    deliveries = [
        WebhookDelivery(endpoint=endpoint, event=event, next_attempt_at=now)
        for endpoint in endpoints
        if endpoint.receives(event.type)
    ]
    WebhookDelivery.objects.bulk_create(deliveries, ignore_conflicts=True)
    if deliveries:
        wake_dispatchers()
    notifying.notify(event, organizations)


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
