"""The worker's jobs of events (`python manage.py worker`): fanning them out, delivering
webhooks, and their periodic work (redeliveries, digests, the prune)."""

import logging
import random
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from procrastinate.contrib.django import app

from core.worker import defer, in_worker
from events import notifying, sending
from events.models import Event, NotificationSetting, WebhookDelivery, WebhookEndpoint
from events.services import EVENTS_LOCK, FAN_OUT_LOCK, publish, signing_secrets
from events.shapes import as_sent

logger = logging.getLogger(__name__)

# Retries: about 5 s first, doubling to at most 6 hours, each ±25%, until the event is three
# days old. An endpoint failing for five days is turned off.
FIRST_RETRY_SECONDS = 5
LONGEST_RETRY_SECONDS = 6 * 60 * 60
RETRY_FOR = timedelta(days=3)
DISABLE_AFTER = timedelta(days=5)


def retry_delay(attempt: int) -> timedelta:
    seconds = min(FIRST_RETRY_SECONDS * 2 ** (attempt - 1), LONGEST_RETRY_SECONDS)
    return timedelta(seconds=seconds * random.uniform(0.75, 1.25))  # noqa: S311 (jitter, not a secret)


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
    wait_for_writers()
    while fan_out_batch(FAN_OUT_BATCH) == FAN_OUT_BATCH:
        pass


def wait_for_writers() -> None:
    """Returns once the transactions writing events now have committed, so that their events
    are there to be read. Each writer holds EVENTS_LOCK from its event to its commit; one that
    found this job waiting, and so queued no other, took the lock before the job started. The
    shared lock is held by this statement alone (autocommit), so no writer waits on the fan-out."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock_shared(%s)", [EVENTS_LOCK])


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
        queue_deliveries(delivery.uuid for delivery in deliveries)
    notifying.notify(event, organizations)


def queue_deliveries(uuids, *, at=None) -> None:
    """A `deliver` job for each attempt, in the current transaction (at `at`, or now)."""
    defer(deliver, ({"delivery": str(uuid)} for uuid in uuids), at=at)


@app.task(queue="webhooks")
@in_worker
def deliver(delivery: str) -> None:
    """One attempt. The row stays locked while it is sent, so no other worker sends it at the
    same time; an attempt already made is not made again."""
    with transaction.atomic():
        attempt = (
            WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("endpoint", "event")
            .filter(pk=delivery, status=WebhookDelivery.Status.PENDING)
            .first()
        )
        if attempt is None:
            return
        endpoint, event, now = attempt.endpoint, attempt.event, timezone.now()
        if not endpoint.is_active:
            attempt.status, attempt.error = WebhookDelivery.Status.FAILED, "The endpoint is disabled."
            attempt.save(update_fields=["status", "error"])
            return
        (sent,) = as_sent([event])
        outcome = sending.send(
            endpoint.url,
            message_id=f"evt_{event.id}",
            payload={"type": sent["type"], "timestamp": sent["created_at"], "data": sent["data"]},
            secrets=signing_secrets(endpoint, now),
        )
        attempt.status = WebhookDelivery.Status.SUCCEEDED if outcome.ok else WebhookDelivery.Status.FAILED
        attempt.response_status, attempt.response_body = outcome.status, outcome.body
        attempt.error, attempt.duration_ms, attempt.next_attempt_at = outcome.error, outcome.duration_ms, None
        if outcome.ok:
            WebhookEndpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=False).update(failing_since=None)
        else:
            failed(attempt, endpoint, event, now)
        attempt.save()


def failed(attempt: WebhookDelivery, endpoint: WebhookEndpoint, event: Event, now) -> None:
    """After a failed attempt: the next one, unless the event is too old; the endpoint off
    after five days of failures."""
    since = endpoint.failing_since or now
    if endpoint.failing_since is None:
        WebhookEndpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=True).update(failing_since=now)
    elif now - since >= DISABLE_AFTER:
        disable(endpoint, now)
        return
    if now - event.created_at >= RETRY_FOR:
        return
    later = now + retry_delay(attempt.attempt)
    attempt.next_attempt_at = later
    retry = WebhookDelivery(endpoint=endpoint, event=event, attempt=attempt.attempt + 1, next_attempt_at=later)
    if WebhookDelivery.objects.bulk_create([retry], ignore_conflicts=True):
        queue_deliveries([retry.uuid], at=later)


def disable(endpoint: WebhookEndpoint, now) -> None:
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(is_active=False, disabled_at=now)
    publish(
        "webhooks/disabled",
        audience=[endpoint.organization_id],
        data={"uuid": str(endpoint.uuid), "url": endpoint.url, "failing_since": endpoint.failing_since.isoformat()},
    )
    logger.warning("Webhook endpoint %s disabled after failing since %s", endpoint.uuid, endpoint.failing_since)


@app.periodic(cron="* * * * * */15")
@app.task(queue="maintenance", queueing_lock="redeliver_overdue")
@in_worker
def redeliver_overdue(timestamp: int) -> int:
    """Attempts still pending DELIVERY_OVERDUE_SECONDS after their time (their worker died, or
    their job was lost): queued again, every 15 seconds. Sending twice is possible (at least
    once), losing one is not."""
    overdue = WebhookDelivery.objects.filter(
        status=WebhookDelivery.Status.PENDING,
        next_attempt_at__lt=timezone.now() - timedelta(seconds=settings.DELIVERY_OVERDUE_SECONDS),
    ).values_list("uuid", flat=True)[:1000]
    overdue = list(overdue)
    if overdue:
        queue_deliveries(overdue)
    return len(overdue)


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
