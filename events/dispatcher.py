"""The webhook dispatcher, run in each worker (`python manage.py worker`): it claims due
deliveries in batches, sends them concurrently, and writes their outcomes back in batches.

- A claim holds each delivery until `locked_until`, renewed while it is sent; a dispatcher
  that dies lets its deliveries go when that time passes, and another sends them (at least
  once). No two dispatchers hold one delivery at the same time (FOR UPDATE SKIP LOCKED, and
  none sends what it no longer holds).
- Endpoints are isolated: at most DISPATCHER_PER_ENDPOINT deliveries to one endpoint are in
  flight, so a slow or failing endpoint takes only its own share; an endpoint's
  `rate_limit_per_second` spaces the starts of its deliveries, whichever dispatcher sends them.
- It sleeps until a delivery is due or one is made (LISTEN on `DELIVERIES_CHANNEL`), never
  polling more often than a lease."""

import asyncio
import contextlib
import logging
import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

import django.db
import orjson
import psycopg
from django.conf import settings
from django.db import connection
from procrastinate.contrib.django.utils import connector_params

from core.worker import in_worker
from events import services
from events.models import Event
from events.sending import Outcome, Sender
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


# Deliveries claimed at most at once, and looked at to find them (those of endpoints with no
# room left are passed over).
BATCH = 64
SCAN = 4 * BATCH
# Outcomes are written together once this many are waiting, or after this pause.
WRITE_BATCH = 64
WRITE_PAUSE = 0.002
# After a delivery ends, the dispatcher waits this long for others before it claims again.
CLAIM_PAUSE = 0.002
RECONNECT_SECONDS = 5

CLAIM = """
    WITH candidates AS (
        SELECT uuid, endpoint_id, next_attempt_at FROM events_webhookdelivery
        WHERE status = 'pending' AND next_attempt_at <= now()
          AND (locked_until IS NULL OR locked_until < now())
          AND endpoint_id <> ALL(%(full)s::uuid[])
        ORDER BY next_attempt_at
        LIMIT %(scan)s
        FOR UPDATE SKIP LOCKED
    ),
    ranked AS (
        SELECT c.uuid, c.next_attempt_at,
            row_number() OVER (PARTITION BY c.endpoint_id ORDER BY c.next_attempt_at) AS n,
            coalesce(busy.room, least(%(cap)s, coalesce(ep.rate_limit_per_second, %(cap)s))) AS room
        FROM candidates c
        JOIN events_webhookendpoint ep ON ep.uuid = c.endpoint_id
        LEFT JOIN unnest(%(busy)s::uuid[], %(rooms)s::int[]) AS busy(endpoint_id, room) USING (endpoint_id)
    ),
    chosen AS (
        SELECT uuid FROM ranked WHERE n <= room ORDER BY next_attempt_at LIMIT %(limit)s
    )
    UPDATE events_webhookdelivery d SET locked_until = now() + %(lease)s * interval '1 second'
    FROM chosen, events_webhookendpoint ep
    WHERE d.uuid = chosen.uuid AND ep.uuid = d.endpoint_id
    RETURNING d.uuid, d.attempt, d.event_id, ep.uuid, ep.url, ep.is_active, ep.rate_limit_per_second,
        (SELECT array_agg(s.secret ORDER BY s.created_at DESC) FROM events_webhooksecret s
         WHERE s.endpoint_id = ep.uuid AND (s.expires_at IS NULL OR s.expires_at > now()))
"""

# The next starts of a rate-limited endpoint's deliveries: `n` of them, 1/rate apart, after
# the last one given to any dispatcher. Two dispatchers asking at once take turns on the row.
PACE = """
    UPDATE events_webhookendpoint SET rate_next_at =
        greatest(coalesce(rate_next_at, now()), now()) + %(n)s * interval '1 second' / rate_limit_per_second
    WHERE uuid = %(endpoint)s
    RETURNING rate_next_at - %(n)s * interval '1 second' / rate_limit_per_second - now()
"""

RENEW = """
    UPDATE events_webhookdelivery SET locked_until = now() + %s * interval '1 second'
    WHERE uuid = ANY(%s::uuid[]) AND status = 'pending'
"""

# Each outcome on its attempt; a retry after a failure unless the event is too old; the
# endpoint's first failure since its last success noted, or forgotten. Returns the endpoints
# failing for longer than DISABLE_AFTER, to turn off.
WRITE = """
    WITH outcome AS (
        SELECT * FROM unnest(
            %(uuids)s::uuid[], %(ok)s::bool[], %(statuses)s::int[], %(bodies)s::text[], %(errors)s::text[],
            %(durations)s::int[], %(retry_seconds)s::float8[]
        ) AS o(uuid, ok, response_status, body, error, duration_ms, retry_seconds)
    ),
    done AS (
        UPDATE events_webhookdelivery d SET
            status = CASE WHEN o.ok THEN 'succeeded' ELSE 'failed' END,
            response_status = o.response_status, response_body = o.body, error = o.error,
            duration_ms = o.duration_ms, locked_until = NULL,
            next_attempt_at = CASE
                WHEN o.ok OR o.retry_seconds IS NULL OR ev.created_at < now() - %(retry_for)s * interval '1 second'
                THEN NULL ELSE now() + o.retry_seconds * interval '1 second' END
        FROM outcome o, events_event ev
        WHERE d.uuid = o.uuid AND d.status = 'pending' AND ev.id = d.event_id
        RETURNING d.endpoint_id, d.event_id, d.attempt, d.next_attempt_at, o.ok
    ),
    failed_only AS (
        SELECT DISTINCT endpoint_id FROM done WHERE NOT ok
        EXCEPT SELECT endpoint_id FROM done WHERE ok
    ),
    disabling AS (
        SELECT uuid FROM events_webhookendpoint
        WHERE uuid IN (SELECT endpoint_id FROM failed_only) AND is_active
          AND failing_since <= now() - %(disable_after)s * interval '1 second'
    ),
    retries AS (
        INSERT INTO events_webhookdelivery
            (uuid, endpoint_id, event_id, attempt, status, response_body, error, created_at, next_attempt_at)
        SELECT gen_random_uuid(), endpoint_id, event_id, attempt + 1, 'pending', '', '', now(), next_attempt_at
        FROM done WHERE NOT ok AND next_attempt_at IS NOT NULL AND endpoint_id NOT IN (SELECT uuid FROM disabling)
        ON CONFLICT DO NOTHING
    ),
    healthy AS (
        UPDATE events_webhookendpoint SET failing_since = NULL
        WHERE uuid IN (SELECT endpoint_id FROM done WHERE ok) AND failing_since IS NOT NULL
    ),
    failing AS (
        UPDATE events_webhookendpoint SET failing_since = now()
        WHERE uuid IN (SELECT endpoint_id FROM failed_only) AND failing_since IS NULL
    )
    SELECT uuid FROM disabling
"""

# Seconds until the next delivery not held falls due (none: null).
NEXT_DUE = """
    SELECT extract(epoch FROM min(next_attempt_at) - now()) FROM events_webhookdelivery
    WHERE status = 'pending' AND next_attempt_at > now()
"""


@dataclass
class Claimed:
    uuid: str
    attempt: int
    event_id: int
    endpoint: str
    url: str
    is_active: bool
    rate_limit: int | None
    secrets: list[str]
    held_until: float  # on the loop's clock
    start_in: float = 0.0  # seconds to wait before sending (a rate limit)


@in_worker
def bodies(event_ids: list[int]) -> dict[int, bytes]:
    """Each event's body as sent ({type, timestamp, data}), finished as the feed finishes it."""
    sent = as_sent(list(Event.objects.filter(pk__in=event_ids)))
    return {
        item["id"]: orjson.dumps({"type": item["type"], "timestamp": item["created_at"], "data": item["data"]})
        for item in sent
    }


@in_worker
def disable(endpoint_uuid) -> None:
    services.disable_failing(endpoint_uuid)


class Dispatcher:
    def __init__(self) -> None:
        self.concurrency = settings.DISPATCHER_CONCURRENCY
        self.per_endpoint = settings.DISPATCHER_PER_ENDPOINT
        self.lease = settings.DELIVERY_LEASE_SECONDS
        self.in_flight: dict[str, Claimed] = {}
        self.by_endpoint: dict[str, int] = {}
        self.limits: dict[str, int] = {}  # endpoints' deliveries in flight at most
        self.outcomes: list[tuple[Claimed, Outcome]] = []
        self.writing = False
        self.sending: set[asyncio.Task] = set()
        self.wake = asyncio.Event()
        self.written = asyncio.Event()
        self.stopping = False

    async def run(self, *, until_idle: bool = False) -> None:
        """Sends deliveries until stopped (`stop`), or, with `until_idle`, until none is due.
        A lost connection to the database lets go of what is in flight (sent again once its
        lease has passed) and starts over RECONNECT_SECONDS later."""
        while True:
            try:
                await self.session(until_idle)
                return
            except (psycopg.OperationalError, django.db.OperationalError) as error:  # the ORM's, on its thread
                if until_idle or self.stopping:
                    raise
                logger.warning(
                    "The dispatcher lost the database (%s); it starts again in %s s", error, RECONNECT_SECONDS
                )
                await self.abandon()
                await asyncio.sleep(RECONNECT_SECONDS)

    async def session(self, until_idle: bool) -> None:
        params = connector_params()
        # Django's ORM (bodies, disabling) runs on a thread of its own, with a connection of its own.
        self.django = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dispatcher")
        async with (
            await psycopg.AsyncConnection.connect(**params, autocommit=True) as self.db,
            await psycopg.AsyncConnection.connect(**params, autocommit=True) as self.writing_db,
            await psycopg.AsyncConnection.connect(**params, autocommit=True) as listening,
            Sender() as self.sender,
        ):
            await listening.execute(f"LISTEN {services.DELIVERIES_CHANNEL}")
            helpers = [
                asyncio.create_task(self.listen(listening)),
                asyncio.create_task(self.renew()),
                asyncio.create_task(self.write()),
            ]
            dispatching = asyncio.create_task(self.dispatch(until_idle))
            try:
                await asyncio.wait([dispatching, *helpers], return_when=asyncio.FIRST_COMPLETED)
                for helper in helpers:
                    if helper.done():  # it ends only when its connection does
                        helper.result()
                        raise psycopg.OperationalError("A connection of the dispatcher ended.")
                dispatching.result()
                while self.in_flight or self.outcomes or self.writing:
                    await asyncio.sleep(0.01)
            finally:
                for task in (dispatching, *helpers):
                    task.cancel()
                await asyncio.gather(dispatching, *helpers, return_exceptions=True)
                self.django.submit(connection.close)  # its thread's own
                self.django.shutdown(wait=False)

    async def abandon(self) -> None:
        """Lets go of what is in flight: its attempts are sent again once their lease has passed."""
        for sending in list(self.sending):
            sending.cancel()
        await asyncio.gather(*self.sending, return_exceptions=True)
        self.outcomes.clear()

    def stop(self) -> None:
        """Claims no more; what is in flight is sent and written first."""
        self.stopping = True
        self.wake.set()

    async def dispatch(self, until_idle: bool) -> None:
        while not self.stopping:
            self.wake.clear()
            room = self.concurrency - len(self.in_flight)
            claimed = await self.claim(min(room, BATCH)) if room > 0 else 0
            if claimed and claimed == min(room, BATCH):
                continue  # more may be due
            if until_idle and not claimed and not self.in_flight and not self.outcomes:
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), await self.next_due())
            await asyncio.sleep(CLAIM_PAUSE)

    async def next_due(self) -> float:
        (seconds,) = await (await self.db.execute(NEXT_DUE)).fetchone()
        return max(0.01, min(float(seconds) if seconds is not None else self.lease, self.lease))

    async def claim(self, limit: int) -> int:
        full = [endpoint for endpoint, count in self.by_endpoint.items() if count >= self.room_of(endpoint)]
        busy = [endpoint for endpoint in self.by_endpoint if endpoint not in full]
        parameters = {
            "full": full,
            "busy": busy,
            "rooms": [self.room_of(endpoint) - self.by_endpoint[endpoint] for endpoint in busy],
            "cap": self.per_endpoint,
            "scan": SCAN,
            "limit": limit,
            "lease": self.lease,
        }
        rows = await (await self.db.execute(CLAIM, parameters)).fetchall()
        if not rows:
            return 0
        held_until = asyncio.get_running_loop().time() + self.lease
        claimed = [Claimed(*row[:7], secrets=row[7] or [], held_until=held_until) for row in rows]
        await self.pace(claimed)
        loop = asyncio.get_running_loop()
        sent = await loop.run_in_executor(self.django, bodies, sorted({c.event_id for c in claimed}))
        for delivery in claimed:
            delivery.uuid, delivery.endpoint = str(delivery.uuid), str(delivery.endpoint)
            self.limits[delivery.endpoint] = min(self.per_endpoint, delivery.rate_limit or self.per_endpoint)
            self.in_flight[delivery.uuid] = delivery
            self.by_endpoint[delivery.endpoint] = self.by_endpoint.get(delivery.endpoint, 0) + 1
            sending = asyncio.create_task(self.send(delivery, sent.get(delivery.event_id)))
            self.sending.add(sending)  # held until done, as the loop keeps only weak references
            sending.add_done_callback(self.sending.discard)
        return len(claimed)

    def room_of(self, endpoint: str) -> int:
        return self.limits.get(endpoint, self.per_endpoint)

    async def pace(self, claimed: list[Claimed]) -> None:
        """Spaces the starts of rate-limited endpoints' deliveries 1/rate apart."""
        limited: dict[str, list[Claimed]] = {}
        for delivery in claimed:
            if delivery.rate_limit and delivery.is_active:
                limited.setdefault(delivery.endpoint, []).append(delivery)
        for endpoint, deliveries in limited.items():
            cursor = await self.db.execute(PACE, {"n": len(deliveries), "endpoint": endpoint})
            (first,) = await cursor.fetchone()
            for n, delivery in enumerate(deliveries):
                delivery.start_in = first.total_seconds() + n / delivery.rate_limit

    async def send(self, delivery: Claimed, body: bytes | None) -> None:
        loop = asyncio.get_running_loop()
        try:
            if delivery.start_in > 0:
                await asyncio.sleep(delivery.start_in)
            if loop.time() > delivery.held_until - 1:
                return  # no longer held: another dispatcher may send it
            if not delivery.is_active:
                outcome = Outcome(ok=False, error="The endpoint is disabled.")
            elif body is None:
                outcome = Outcome(ok=False, error="The event is gone.")
            else:
                outcome = await self.sender.send(
                    delivery.url, message_id=f"evt_{delivery.event_id}", body=body, secrets=delivery.secrets
                )
            self.outcomes.append((delivery, outcome))
            self.written.set()
        finally:
            del self.in_flight[delivery.uuid]
            count = self.by_endpoint[delivery.endpoint] - 1
            if count:
                self.by_endpoint[delivery.endpoint] = count
            else:
                del self.by_endpoint[delivery.endpoint]
            self.wake.set()

    async def write(self) -> None:
        """Writes outcomes in batches, WRITE_BATCH at most, each batch one statement."""
        while True:
            while not self.outcomes:
                self.written.clear()
                await self.written.wait()
            if len(self.outcomes) < WRITE_BATCH:
                await asyncio.sleep(WRITE_PAUSE)
            batch, self.outcomes = self.outcomes[:WRITE_BATCH], self.outcomes[WRITE_BATCH:]
            self.writing = True
            try:
                await self.write_batch(batch)
            except psycopg.OperationalError:
                raise  # the connection is gone: the dispatcher starts over
            except psycopg.Error:
                logger.exception("Outcomes of %s deliveries not written; they will be sent again", len(batch))
            finally:
                self.writing = False
            self.wake.set()

    async def write_batch(self, batch: list[tuple[Claimed, Outcome]]) -> None:
        parameters = {
            "uuids": [delivery.uuid for delivery, _ in batch],
            "ok": [outcome.ok for _, outcome in batch],
            "statuses": [outcome.status for _, outcome in batch],
            "bodies": [outcome.body.replace("\x00", "") for _, outcome in batch],
            "errors": [outcome.error for _, outcome in batch],
            "durations": [outcome.duration_ms for _, outcome in batch],
            "retry_seconds": [
                None if outcome.ok or not delivery.is_active else retry_delay(delivery.attempt).total_seconds()
                for delivery, outcome in batch
            ],
            "retry_for": RETRY_FOR.total_seconds(),
            "disable_after": DISABLE_AFTER.total_seconds(),
        }
        to_disable = await (await self.writing_db.execute(WRITE, parameters)).fetchall()
        loop = asyncio.get_running_loop()
        for (endpoint,) in to_disable:
            await loop.run_in_executor(self.django, disable, endpoint)

    async def renew(self) -> None:
        """Every third of a lease, the deliveries in flight are held a lease longer."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(self.lease / 3)
            held = list(self.in_flight.values())
            if not held:
                continue
            renewed_at = loop.time()
            await self.db.execute(RENEW, [self.lease, [delivery.uuid for delivery in held]])
            for delivery in held:
                delivery.held_until = renewed_at + self.lease

    async def listen(self, listening: psycopg.AsyncConnection) -> None:
        async for _ in listening.notifies():
            self.wake.set()
