"""Writing events (in the transaction of the change), and managing webhook endpoints."""

import base64
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta

import orjson
from django.db import transaction
from django.utils import timezone

from core.exceptions import InvalidState
from core.json_sql import execute_prepared
from events import urls_allowed
from events.models import Event, WebhookDelivery, WebhookEndpoint, WebhookSecret

# pg_advisory_xact_lock key: "events" in ASCII. Held from an event's insert to its commit, it
# makes event ids grow in commit order, and lets the fan-out wait for the events being written.
EVENTS_LOCK = 0x6576656E7473
FAN_OUT_TASK = "events.tasks.fan_out"
# The fan-out job's queueing lock: at most one waits in the queue, whatever the events.
FAN_OUT_LOCK = "fan_out"


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
    made by PostgreSQL before the event is written: the events lock, which every writer waits
    for, is then held only for the inserts and the commit. Two statements in all.

    The wake-up is a fan-out job queued only when none is waiting (its queueing lock): the job
    fans out every event written before it runs, so a waiting one will take this event too,
    and the queue's insert, triggers and notifications are paid once per wait, not per event."""
    if shape is not None:
        ((_, text),) = shape.fetch("= %s", (pk,))
    else:
        text = orjson.dumps(data).decode()
    sql = """
        WITH locked AS (SELECT pg_advisory_xact_lock(%s)),
        event AS (
            INSERT INTO events_event (type, created_at, data, for_staff)
            SELECT %s, statement_timestamp(), %s::jsonb, %s FROM locked
            RETURNING id
        ),
        audience AS (
            INSERT INTO events_eventaudience (event_id, organization_id)
            SELECT event.id, member FROM event, unnest(%s::uuid[]) AS member
        )
        INSERT INTO procrastinate_jobs (queue_name, task_name, priority, queueing_lock, args)
        SELECT 'events', %s, 0, %s, '{}' FROM event
        ON CONFLICT DO NOTHING
        RETURNING id
    """
    audience = [str(pk) for pk in set(audience)]
    params = (EVENTS_LOCK, event_type, text, for_staff, audience, FAN_OUT_TASK, FAN_OUT_LOCK)
    execute_prepared(sql, params)


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


@transaction.atomic
def create_endpoint(*, organization, url: str, event_types: list[str], description: str = "") -> tuple:
    """A new endpoint and its secret, shown this once."""
    urls_allowed.check(url)
    endpoint = WebhookEndpoint.objects.create(
        organization=organization, url=url, event_types=event_types, description=description
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
    from events import tasks

    if not endpoint.is_active:
        raise InvalidState("This endpoint is disabled; turn it on (PATCH is_active) first.")
    event = Event.objects.create(
        type="webhooks/ping",
        created_at=timezone.now(),
        data={"endpoint": str(endpoint.uuid), "message": "A test event from TIMP."},
        fanned_out=True,  # it goes to this endpoint alone
    )
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event=event, next_attempt_at=timezone.now())
    tasks.queue_deliveries([delivery.uuid])
    return delivery


# Attempts of one event to one endpoint, automatic and asked for together.
MAX_ATTEMPTS = 50


@transaction.atomic
def retry_delivery(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """A new attempt now, whatever happened to this one: while the endpoint still takes the
    event's type, no attempt of it is waiting, and fewer than MAX_ATTEMPTS were made. The
    endpoint's row is locked, so two retries at once make one attempt."""
    from events import tasks

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
    tasks.queue_deliveries([retry.uuid])
    return retry
