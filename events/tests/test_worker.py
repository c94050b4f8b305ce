"""Webhooks delivered by real worker processes (`manage.py worker`, with their dispatchers) to
a real receiver on loopback, which checks each one with the `standardwebhooks` package."""

import os
import signal
import threading
import time
from datetime import timedelta

import orjson
import pytest
from django.db import connection, transaction
from django.utils import timezone
from procrastinate.contrib.django import app
from standardwebhooks.webhooks import Webhook

from connections.tests.factories import connection_request
from core.tasks import retry_stalled_jobs
from core.tests.worker_process import jobs_due, run_worker_once, start_worker, wait_for
from core.worker import defer
from events.dispatcher import DISABLE_AFTER, RETRY_FOR
from events.models import Event, WebhookDelivery, WebhookEndpoint
from events.tasks import drain, fan_out, fan_out_batch
from events.tests.conftest import dispatch_once, in_thread
from events.tests.factories import endpoint_for, event_for
from events.tests.receiver import Receiver

pytestmark = pytest.mark.django_db(transaction=True)

REQUESTS = "/timp/organizations/connections/request/"


@pytest.fixture
def receiver():
    receivers = []

    def make(**options) -> Receiver:
        receivers.append(Receiver(**options))
        return receivers[-1]

    yield make
    for made in receivers:
        made.close()


def subscribe(client, url: str) -> dict:
    created = client.post("/timp/webhooks/", {"url": url, "event_types": ["*"]}, format="json")
    assert created.status_code == 201, created.content
    return created.json()


def request_connection(client, name: str = "Acme") -> dict:
    return client.post(REQUESTS, {"organization_name": name, "primary_contact_name": "Bob"}, format="json").json()


def test_an_event_reaches_the_receiver_signed(client_for, retailer_user, worker_env, receiver):
    client = client_for(retailer_user)
    hook = receiver()
    endpoint = subscribe(client, hook.url)
    hook.secret = endpoint["secret"]
    created = request_connection(client)

    run_worker_once(worker_env)

    (delivered,) = hook.received
    assert delivered["refusal"] == ""
    event = Event.objects.get()
    assert delivered["id"] == f"evt_{event.id}"
    assert delivered["verified"]["type"] == "connection_requests/created"
    assert delivered["verified"]["data"]["record_uuid"] == created["uuid"]
    assert set(delivered["body"]) == {"type", "timestamp", "data"}
    (attempt,) = client.get(f"/timp/webhooks/{endpoint['uuid']}/deliveries/").json()
    assert (attempt["status"], attempt["response_status"], attempt["attempt"]) == ("succeeded", 200, 1)
    assert attempt["event_type"] == "connection_requests/created"


def fan_out_jobs() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM procrastinate_jobs WHERE task_name = %s", [fan_out.name])
        return cursor.fetchone()[0]


def test_a_job_deferred_in_the_worker_commits_with_its_transaction(worker_env):
    """The worker's app reaches PostgreSQL through a connection of its own; a job deferred in
    the worker (a fan-out left for later) must still commit, or roll back, with its transaction."""
    with (
        app.replace_connector(app.connector.get_worker_connector()) as worker_app,
        worker_app.open(),
        transaction.atomic(),
    ):
        defer(fan_out, [{}])
        assert fan_out_jobs() == 1  # seen inside the transaction
        transaction.set_rollback(True)

    assert fan_out_jobs() == 0


def test_the_fan_out_waits_for_an_event_whose_writer_found_it_queued(retailer_user):
    """A writer that finds the fan-out job waiting queues no other: the job, once running,
    fans out what is committed, then waits for the writers that were running when it began,
    so that writer's event is not left behind."""
    connection_request(user=retailer_user, organization_name="First")  # queues the job
    written, commit = threading.Event(), threading.Event()

    def write_second():
        with transaction.atomic():
            connection_request(user=retailer_user, organization_name="Second")
            written.set()
            commit.wait(timeout=30)

    writer = in_thread(write_second)
    assert written.wait(timeout=30)
    fanning = in_thread(drain)
    wait_for(lambda: Event.objects.filter(fanned_out=True).exists(), seconds=10)  # the first, at once
    fanning.join(timeout=0.5)
    assert fanning.is_alive()  # waiting for the writer
    commit.set()
    writer.join(timeout=30)
    fanning.join(timeout=30)

    assert not fanning.is_alive()
    assert sorted(Event.objects.filter(fanned_out=True).values_list("data__org_name", flat=True)) == ["First", "Second"]
    assert jobs_due() == 1  # the first one's, never another


def test_a_failure_is_retried_after_about_five_seconds(client_for, retailer_user, worker_env, receiver):
    client = client_for(retailer_user)
    hook = receiver(statuses=[500, 200])
    endpoint = subscribe(client, hook.url)
    request_connection(client)

    run_worker_once(worker_env)
    first, retry = WebhookDelivery.objects.order_by("attempt")
    assert (first.status, first.response_status, retry.status) == ("failed", 500, "pending")
    # 5 s ±25% from the attempt, made after the first row was written and before the retry's.
    assert (retry.next_attempt_at - first.created_at).total_seconds() >= 3.75
    assert (retry.next_attempt_at - retry.created_at).total_seconds() <= 6.25
    WebhookDelivery.objects.filter(pk=retry.pk).update(next_attempt_at=timezone.now())  # the retry's time comes
    run_worker_once(worker_env)

    assert [item["id"] for item in hook.received] == [hook.received[0]["id"]] * 2
    statuses = [a["status"] for a in client.get(f"/timp/webhooks/{endpoint['uuid']}/deliveries/").json()]
    assert statuses == ["succeeded", "failed"]


def test_a_rotated_secret_signs_beside_the_new_one(client_for, retailer_user, worker_env, receiver):
    client = client_for(retailer_user)
    old_hook = receiver()
    endpoint = subscribe(client, old_hook.url)
    new_secret = client.post(f"/timp/webhooks/{endpoint['uuid']}/rotate-secret/").json()["secret"]
    assert client.post(f"/timp/webhooks/{endpoint['uuid']}/test/").status_code == 202

    run_worker_once(worker_env)

    (ping,) = old_hook.received
    body = orjson.dumps(ping["body"])
    for secret in (endpoint["secret"], new_secret):
        assert Webhook(secret).verify(body, ping["headers"])["type"] == "webhooks/ping"


def test_a_worker_killed_mid_delivery_loses_nothing(client_for, retailer_user, worker_env, receiver):
    client = client_for(retailer_user)
    hook = receiver(delay=1.5)
    subscribe(client, hook.url)
    for n in range(3):
        request_connection(client, f"Partner {n}")
    expected = {f"evt_{pk}" for pk in Event.objects.values_list("pk", flat=True)}

    first = start_worker(worker_env)
    wait_for(lambda: any(hook.in_flight.values()))
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    assert WebhookDelivery.objects.filter(status="pending").exists()
    again = start_worker(worker_env)
    try:
        wait_for(lambda: not WebhookDelivery.objects.filter(status="pending").exists(), seconds=90)
    finally:
        os.killpg(again.pid, signal.SIGTERM)
        again.wait(timeout=30)

    assert set(hook.ids()) == expected
    assert WebhookDelivery.objects.filter(status="succeeded").count() == 3


def test_a_dispatcher_that_loses_the_database_starts_over(client_for, retailer_user, worker_env, receiver):
    """Every connection of the worker is cut (a database restart, a failover): the next event
    is delivered all the same, once the dispatcher has connected again."""
    client = client_for(retailer_user)
    hook = receiver()
    endpoint = subscribe(client, hook.url)
    running = start_worker(worker_env)
    try:
        client.post(f"/timp/webhooks/{endpoint['uuid']}/test/")
        wait_for(lambda: len(hook.received) == 1)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            assert cursor.fetchone()[0] >= 3  # the dispatcher's three, the job queue's
        client.post(f"/timp/webhooks/{endpoint['uuid']}/test/")
        wait_for(lambda: len(hook.received) == 2, seconds=60)
    finally:
        os.killpg(running.pid, signal.SIGTERM)
        running.wait(timeout=30)

    assert sorted(hook.ids()) == sorted(f"evt_{pk}" for pk in Event.objects.values_list("pk", flat=True))


def test_two_workers_never_send_one_attempt_at_once_even_past_their_lease(
    client_for, retailer_user, worker_env, receiver
):
    """Each answer takes longer than a lease (2 s): the dispatcher sending it renews its hold,
    so the other one, asking all the while, never takes it."""
    client = client_for(retailer_user)
    hook = receiver(delay=2.5)
    endpoint = subscribe(client, hook.url)
    for _ in range(6):
        client.post(f"/timp/webhooks/{endpoint['uuid']}/test/")

    workers = [start_worker(worker_env) for _ in range(2)]
    try:
        wait_for(lambda: not WebhookDelivery.objects.filter(status="pending").exists(), seconds=90)
        time.sleep(2.5)  # what a second sending would take to arrive
    finally:
        for running in workers:
            os.killpg(running.pid, signal.SIGTERM)
            running.wait(timeout=30)

    assert sorted(hook.ids()) == sorted(f"evt_{pk}" for pk in Event.objects.values_list("pk", flat=True))
    assert hook.most_at_once == 1
    assert WebhookDelivery.objects.filter(status="succeeded").count() == 6


def test_a_slow_endpoint_takes_only_its_own_share(client_for, retailer_user, settings, receiver):
    """At most DISPATCHER_PER_ENDPOINT deliveries to one endpoint are in flight: the fast
    endpoint's deliveries all arrive while the slow one has answered only its first two."""
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    settings.DISPATCHER_PER_ENDPOINT = 2
    client = client_for(retailer_user)
    slow, fast = receiver(delay=1.0), receiver()
    subscribe(client, slow.url)
    subscribe(client, fast.url)
    for n in range(6):
        request_connection(client, f"Partner {n}")
    fan_out_batch(100)

    dispatch_once()

    assert len(fast.received) == len(slow.received) == 6
    assert slow.busiest == 2
    third_slow_answer = sorted(item["at"] for item in slow.received)[2]
    assert max(item["at"] for item in fast.received) < third_slow_answer


def test_a_rate_limit_spaces_the_deliveries(client_for, retailer_user, settings, receiver):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    client = client_for(retailer_user)
    hook = receiver()
    endpoint = subscribe(client, hook.url)
    assert (
        client.patch(f"/timp/webhooks/{endpoint['uuid']}/", {"rate_limit_per_second": 4}, format="json").json()[
            "rate_limit_per_second"
        ]
        == 4
    )
    for _ in range(9):
        client.post(f"/timp/webhooks/{endpoint['uuid']}/test/")

    dispatch_once()

    arrivals = sorted(item["arrived"] for item in hook.received)
    assert len(arrivals) == 9
    # no second holds more than 4 starts: the 5th after any one is a second later or more
    assert min(later - first for first, later in zip(arrivals, arrivals[4:], strict=False)) >= 0.95


def test_an_endpoint_failing_for_five_days_is_disabled_and_its_organization_told(retailer_user, settings, receiver):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    hook = receiver(statuses=[500])
    endpoint = endpoint_for(retailer_user, url=hook.url)
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=timezone.now() - DISABLE_AFTER)
    WebhookDelivery.objects.create(
        endpoint=endpoint, event=event_for(retailer_user.organization, "users/invited"), next_attempt_at=timezone.now()
    )

    dispatch_once()

    endpoint.refresh_from_db()
    assert not endpoint.is_active
    assert Event.objects.filter(type="webhooks/disabled").exists()
    assert not WebhookDelivery.objects.filter(attempt=2).exists()
    assert len(hook.received) == 1


def test_an_event_older_than_three_days_is_not_retried(retailer_user, settings, receiver):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    hook = receiver(statuses=[500])
    endpoint = endpoint_for(retailer_user, url=hook.url)
    event = event_for(retailer_user.organization, "users/invited")
    Event.objects.filter(pk=event.pk).update(created_at=timezone.now() - RETRY_FOR)
    WebhookDelivery.objects.create(endpoint=endpoint, event=event, next_attempt_at=timezone.now())

    dispatch_once()

    (attempt,) = WebhookDelivery.objects.all()
    assert (attempt.status, attempt.response_status, attempt.next_attempt_at) == ("failed", 500, None)
    endpoint.refresh_from_db()
    assert endpoint.failing_since is not None


def test_readyz_reports_queue_lag(client, settings):
    settings.QUEUE_MAX_LAG_SECONDS = 300
    assert client.get("/readyz").json()["queue_lag_seconds"] == 0

    ten_minutes_ago = timezone.now() - timedelta(minutes=10)
    fan_out.configure(schedule_at=ten_minutes_ago).defer()

    late = client.get("/readyz")
    assert late.status_code == 503
    assert late.json()["queue_lag_seconds"] >= 600


def lock_waits() -> int:
    """Backends waiting for a lock now (a transaction sees one snapshot of the statistics
    unless it clears it)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        return cursor.fetchone()[0]


def test_an_endpoint_deleted_during_a_fan_out_fails_neither(client_for, retailer_user, monkeypatch):
    """The endpoint is deleted after the fan-out read it and before it wrote its delivery:
    the deletion waits for the fan-out's commit, then takes the delivery with it."""
    client = client_for(retailer_user)
    endpoint = endpoint_for(retailer_user)
    request_connection(client)
    outcome = {}
    bulk_create = WebhookDelivery.objects.bulk_create

    def delete_endpoint():
        try:
            WebhookEndpoint.objects.filter(pk=endpoint.pk).delete()
            outcome["deleted"] = True
        except Exception as error:  # any failure is the test's to report
            outcome["deleted"] = error

    def deleted_meanwhile(rows, **options):
        deleter = in_thread(delete_endpoint)
        wait_for(lambda: lock_waits() or not deleter.is_alive(), seconds=10)
        outcome["deleter"] = deleter
        return bulk_create(rows, **options)

    monkeypatch.setattr(WebhookDelivery.objects, "bulk_create", deleted_meanwhile)
    assert fan_out_batch(100) == 1
    outcome["deleter"].join(timeout=30)

    assert outcome["deleted"] is True
    assert Event.objects.get().fanned_out
    assert not WebhookEndpoint.objects.exists()
    assert not WebhookDelivery.objects.exists()


EMAIL = '{"to": "a@example.com", "subject": "s", "text": "t", "html": "h"}'


def test_a_stalled_fan_out_whose_lock_is_taken_again_is_ended_and_the_others_retried(worker_env):
    """A worker killed while it fanned out leaves its job 'doing'; a change then queues another
    fan-out with the same queueing lock. Retrying the first would break that lock: it is ended,
    and the other stalled jobs are retried all the same."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procrastinate_workers (last_heartbeat) VALUES (now() - interval '10 minutes') RETURNING id"
        )
        (dead_worker,) = cursor.fetchone()
        stalled = []
        for task, lock in (("events.tasks.fan_out", "fan_out"), ("core.tasks.send_email", None)):
            cursor.execute(
                "INSERT INTO procrastinate_jobs (queue_name, task_name, queueing_lock, args, status, worker_id)"
                " VALUES ('events', %s, %s, %s, 'doing', %s) RETURNING id",
                [task, lock, EMAIL if lock is None else "{}", dead_worker],
            )
            stalled.append(cursor.fetchone()[0])
        cursor.execute(
            "INSERT INTO procrastinate_jobs (queue_name, task_name, queueing_lock, args, scheduled_at)"
            " VALUES ('events', 'events.tasks.fan_out', 'fan_out', '{}', now() + interval '1 hour')"
        )
    retry_stalled_jobs.defer(timestamp=0)

    run_worker_once(worker_env)

    with connection.cursor() as cursor:
        cursor.execute("SELECT id, status FROM procrastinate_jobs WHERE id = ANY(%s) ORDER BY id", [stalled])
        left = dict(cursor.fetchall())
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE task_name = %s AND status = 'failed'",
            [retry_stalled_jobs.name],
        )
        (failed_retries,) = cursor.fetchone()
    assert failed_retries == 0
    assert left == {stalled[0]: "failed"}  # the email's job was retried, sent and deleted
