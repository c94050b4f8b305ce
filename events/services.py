"""Writing events (in the transaction of the change), and managing webhook endpoints."""

import base64
import logging
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta

import orjson
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from core.exceptions import InvalidState
from core.json_sql import execute_prepared
from events import urls_allowed
from events.models import Event, WebhookDelivery, WebhookEndpoint, WebhookSecret

logger = logging.getLogger(__name__)

FAN_OUT_TASK = "events.tasks.fan_out"
# The queueing lock of a fan-out queued by a fan-out (after a transaction that outlasted its
# wait): at most one such waits. Writers queue theirs without it (`publish`).
FAN_OUT_LOCK = "fan_out"


# The end of each statement that writes events: a fan-out job, unless one is already waiting.
WAKE_FAN_OUT = """
        INSERT INTO procrastinate_jobs (queue_name, task_name, priority, args)
        SELECT 'events', %s, 0, '{}' FROM event
        WHERE NOT EXISTS (
            SELECT FROM procrastinate_jobs WHERE queue_name = 'events' AND task_name = %s AND status = 'todo'
              AND (scheduled_at IS NULL OR scheduled_at <= now())
        )
        LIMIT 1
        RETURNING id"""


def publish(
    event_type: str,
    *,
    audience: Iterable,
    data: dict | None = None,
    shape=None,
    pk=None,
    for_staff: bool = False,
) -> None:
    """Writes an event in the current transaction (it commits with the change, or not at all),
    for the organizations in `audience`, and wakes the fan-out to notifications and webhooks.
    The data is `data`, or the read shape `shape` (a BuiltByDatabase serializer) of row `pk`,
    made by PostgreSQL in the same statement (`pk` a list: an event for each of those rows). One
    statement in all, and no lock that another writer waits for: the event carries its
    transaction's id, by which readers order it (`models.SETTLED`).

    The wake-up is a fan-out job queued only when none is seen waiting: the job fans out every
    event written before it runs, and waits for the transactions running when it began, so a
    waiting one will take this event too; the queue's insert, triggers and notifications are
    paid about once per fan-out, not per event. It takes no queueing lock: that lock's unique
    index would make each writer wait for the commit of the one whose job it found."""
    if not settings.EVENTS_ENABLED:
        return
    if shape is not None:  # the shape's query, compiled once: its rows are (pk, data)
        shape_sql, shape_params = shape.shape_sql()
        condition = "= ANY(%s)" if isinstance(pk, list) else "= %s"
        data_sql = f"SELECT data FROM ({shape_sql}) AS shaped(pk, data) WHERE pk {condition}"  # noqa: S608
        data_params = (*shape_params, pk)
    else:
        data_sql, data_params = "SELECT %s AS data", (orjson.dumps(data).decode(),)
    # Every fragment is SQL compiled by Django or written here; values travel as parameters.
    sql = f"""
        WITH shaped AS ({data_sql}),
        event AS (
            INSERT INTO events_event (type, created_at, data, for_staff)
            SELECT %s, statement_timestamp(), data::jsonb, %s FROM shaped
            RETURNING id, xid
        ),
        audience AS (
            INSERT INTO events_eventaudience (event_id, event_xid, organization_id)
            SELECT event.id, event.xid, member FROM event, unnest(%s::uuid[]) AS member
        )
        {WAKE_FAN_OUT}
    """  # noqa: S608
    audience = [str(pk) for pk in set(audience)]
    execute_prepared(sql, (*data_params, event_type, for_staff, audience, FAN_OUT_TASK, FAN_OUT_TASK))


def publish_each(event_type: str, events: list[tuple[dict, Iterable]]) -> None:
    """Writes one event of `event_type` for each (data, audience), all in one statement (as
    `publish` writes one): for a periodic job that finds many changes at once."""
    if not settings.EVENTS_ENABLED or not events:
        return
    # Two JSON arrays, not arrays of values: one parameter each, parsed once by PostgreSQL.
    sql = f"""
        WITH given AS MATERIALIZED (
            SELECT nextval(pg_get_serial_sequence('events_event', 'id')) AS id, item.data, members.audience
            FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS item(data, n)
            JOIN jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS members(audience, n) USING (n)
        ),
        event AS (
            INSERT INTO events_event (id, type, created_at, data, for_staff)
            SELECT id, %s, statement_timestamp(), data, false FROM given
            RETURNING id, xid
        ),
        audience AS (
            INSERT INTO events_eventaudience (event_id, event_xid, organization_id)
            SELECT event.id, event.xid, member::uuid
            FROM event JOIN given USING (id), jsonb_array_elements_text(given.audience) AS member
        )
        {WAKE_FAN_OUT}
    """  # noqa: S608
    data = orjson.dumps([item for item, _ in events]).decode()
    members = orjson.dumps([list(dict.fromkeys(str(pk) for pk in audience)) for _, audience in events]).decode()
    execute_prepared(sql, (data, members, event_type, FAN_OUT_TASK, FAN_OUT_TASK))


# The channel on which dispatchers hear of deliveries to send now (`events.dispatcher`).
DELIVERIES_CHANNEL = "webhook_deliveries"


def wake_dispatchers() -> None:
    """Tells the dispatchers, once the current transaction commits, that deliveries are due.
    A notification costs a lock at commit that every notifying transaction shares: it is sent
    by the fan-out once per batch, and by the few writes that make an attempt themselves."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_notify(%s, '')", [DELIVERIES_CHANNEL])


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


@transaction.atomic
def create_endpoint(
    *, organization, url: str, event_types: list[str], description: str = "", rate_limit_per_second=None
) -> tuple:
    """A new endpoint and its secret, shown this once."""
    urls_allowed.check(url)
    endpoint = WebhookEndpoint.objects.create(
        organization=organization,
        url=url,
        event_types=event_types,
        description=description,
        rate_limit_per_second=rate_limit_per_second,
    )
    secret = WebhookSecret.objects.create(endpoint=endpoint, secret=new_secret())
    return endpoint, secret.secret


@transaction.atomic
def update_endpoint(*, endpoint: WebhookEndpoint, **changes) -> WebhookEndpoint:
    """Changes the URL, types, description, or turns it on or off (on again: failures forgotten)."""
    if "url" in changes:
        urls_allowed.check(changes["url"])
    if changes.get("is_active") and not endpoint.is_active:
        changes.update(failing_since=None, disabled_at=None)
    elif changes.get("is_active") is False and endpoint.is_active:
        changes["disabled_at"] = timezone.now()
    for name, value in changes.items():
        setattr(endpoint, name, value)
    endpoint.save()
    return endpoint


ROTATION_OVERLAP = timedelta(hours=24)


@transaction.atomic
def rotate_secret(*, endpoint: WebhookEndpoint) -> str:
    """A new secret; the current one keeps signing beside it for 24 hours (older ones stop)."""
    now = timezone.now()
    endpoint.secrets.filter(expires_at__isnull=True).update(expires_at=now + ROTATION_OVERLAP)
    endpoint.secrets.filter(expires_at__lte=now).delete()
    return WebhookSecret.objects.create(endpoint=endpoint, secret=new_secret()).secret


def signing_secrets(endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    return [s.secret for s in endpoint.secrets.all() if s.expires_at is None or s.expires_at > now]


@transaction.atomic
def ping(*, endpoint: WebhookEndpoint) -> WebhookDelivery:
    """A `webhooks/ping` event, delivered to this endpoint only."""
    if not endpoint.is_active:
        raise InvalidState("This endpoint is disabled; turn it on (PATCH is_active) first.")
    event = Event.objects.create(
        type="webhooks/ping",
        created_at=timezone.now(),
        data={"endpoint": str(endpoint.uuid), "message": "A test event from TIMP."},
        fanned_out=True,  # it goes to this endpoint alone
    )
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event=event, next_attempt_at=timezone.now())
    wake_dispatchers()
    return delivery


# Attempts of one event to one endpoint, automatic and asked for together.
MAX_ATTEMPTS = 50


@transaction.atomic
def retry_delivery(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """A new attempt now, whatever happened to this one: while the endpoint still takes the
    event's type, no attempt of it is waiting, and fewer than MAX_ATTEMPTS were made. The
    endpoint's row is locked, so two retries at once make one attempt."""
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=delivery.endpoint_id)
    if not endpoint.is_active:
        raise InvalidState("This endpoint is disabled; turn it on (PATCH is_active) first.")
    if not endpoint.receives(delivery.event.type):
        raise InvalidState(f"This endpoint no longer receives {delivery.event.type} events.")
    attempts = endpoint.deliveries.filter(event=delivery.event_id)
    if attempts.filter(status=WebhookDelivery.Status.PENDING).exists():
        raise InvalidState("An attempt of this event to this endpoint is waiting to be sent already.")
    last = attempts.order_by("-attempt").first()
    if last.attempt >= MAX_ATTEMPTS:
        raise InvalidState(f"This event was tried {last.attempt} times on this endpoint, the most there may be.")
    retry = WebhookDelivery.objects.create(
        endpoint=delivery.endpoint, event=delivery.event, attempt=last.attempt + 1, next_attempt_at=timezone.now()
    )
    wake_dispatchers()
    return retry


@transaction.atomic
def disable_failing(endpoint_uuid) -> None:
    """Turns off an endpoint that has failed for five days, and tells its organization."""
    endpoint = WebhookEndpoint.objects.select_for_update().filter(pk=endpoint_uuid, is_active=True).first()
    if endpoint is None:
        return
    endpoint.is_active, endpoint.disabled_at = False, timezone.now()
    endpoint.save(update_fields=["is_active", "disabled_at"])
    publish(
        "webhooks/disabled",
        audience=[endpoint.organization_id],
        data={"uuid": str(endpoint.uuid), "url": endpoint.url, "failing_since": endpoint.failing_since.isoformat()},
    )
    logger.warning("Webhook endpoint %s disabled after failing since %s", endpoint.uuid, endpoint.failing_since)


# Every failed delivery of an endpoint since a time, tried again now: a new attempt of each
# event whose last attempt failed, and the retries waiting brought forward. One statement.
RECOVER = """
    WITH latest AS (
        SELECT DISTINCT ON (event_id) event_id, attempt, status FROM events_webhookdelivery
        WHERE endpoint_id = %(endpoint)s AND created_at >= %(since)s
        ORDER BY event_id, attempt DESC
    ),
    again AS (
        INSERT INTO events_webhookdelivery
            (uuid, endpoint_id, event_id, attempt, status, response_body, error, created_at, next_attempt_at)
        SELECT gen_random_uuid(), %(endpoint)s, event_id, attempt + 1, 'pending', '', '', now(), now()
        FROM latest WHERE status = 'failed' AND attempt < %(most)s
        ON CONFLICT DO NOTHING
        RETURNING 1
    ),
    sooner AS (
        UPDATE events_webhookdelivery d SET next_attempt_at = now()
        FROM latest
        WHERE d.endpoint_id = %(endpoint)s AND d.event_id = latest.event_id AND d.attempt = latest.attempt
          AND d.status = 'pending' AND d.attempt > 1 AND d.next_attempt_at > now()
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM again) + (SELECT count(*) FROM sooner)
"""


@transaction.atomic
def recover(*, endpoint: WebhookEndpoint, since: datetime) -> int:
    """Queues again every delivery to `endpoint` that failed since `since`; how many."""
    if not endpoint.is_active:
        raise InvalidState("This endpoint is disabled; turn it on (PATCH is_active) first.")
    with connection.cursor() as cursor:
        cursor.execute(RECOVER, {"endpoint": endpoint.pk, "since": since, "most": MAX_ATTEMPTS})
        (queued,) = cursor.fetchone()
    if queued:
        wake_dispatchers()
    return queued


# The last 24 hours of an endpoint's attempts made (those waiting are not counted).
STATS = """
    SELECT count(*), count(*) FILTER (WHERE status = 'succeeded'), count(*) FILTER (WHERE status = 'failed'),
        percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms),
        percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms)
    FROM events_webhookdelivery
    WHERE endpoint_id = %s AND created_at >= now() - interval '24 hours' AND status <> 'pending'
"""


def stats(endpoint: WebhookEndpoint) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(STATS, [endpoint.pk])
        attempts, succeeded, failed, p50, p99 = cursor.fetchone()
    return {
        "attempts": attempts,
        "succeeded": succeeded,
        "failed": failed,
        "success_rate": round(succeeded / attempts, 4) if attempts else None,
        "p50_ms": None if p50 is None else round(p50, 1),
        "p99_ms": None if p99 is None else round(p99, 1),
    }
