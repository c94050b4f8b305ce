"""The events feed under concurrent writers, none of which waits for another: a poller that
asks for the events after the last it saw never misses or repeats one."""

import random
import threading
import time

import pytest
from django.db import transaction

from events.models import Event
from events.services import publish
from events.tests.conftest import in_thread
from organizations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

FEED = "/timp/events/"


def poll(client, after: int) -> tuple[list[int], int]:
    page = client.get(FEED, {"after": after, "limit": 1000}).json()
    ids = [event["id"] for event in page["events"]]
    return ids, page["next_after"] or after


def poll_until(client, seen: list[int], after: int, count: int) -> None:
    """Polls until `count` events were seen: a transaction of another database of the cluster
    (another test process) may hold them back a while."""
    deadline = time.monotonic() + 30
    while len(seen) < count and time.monotonic() < deadline:
        more, after = poll(client, after)
        seen += more


def test_an_event_committed_after_a_later_one_is_not_skipped(client_for):
    """The first writer's event has the smaller id but commits last, and the second writer does
    not wait for it. Read in id order, a poller would see the second, move past it, and never
    see the first."""
    user = UserFactory()
    client = client_for(user)
    written, commit = threading.Event(), threading.Event()

    def first_writer():
        with transaction.atomic():
            publish("users/invited", audience=[user.organization_id], data={"n": 1})
            written.set()
            commit.wait(timeout=30)

    first = in_thread(first_writer)
    assert written.wait(timeout=30)
    with transaction.atomic():
        publish("users/invited", audience=[user.organization_id], data={"n": 2})
    assert first.is_alive()  # the second writer committed while the first is open: it waited for nothing

    seen, after = poll(client, 0)
    assert seen == []  # the second waits for the first, which may still commit before it
    commit.set()
    first.join(timeout=30)
    poll_until(client, seen, after, 2)

    assert sorted(seen) == sorted(Event.objects.values_list("id", flat=True))
    assert len(seen) == 2


def test_32_concurrent_writers_for_20_seconds_and_a_poller_that_sees_each_event_once(client_for):
    user = UserFactory()
    client = client_for(user)
    stop = threading.Event()

    def write(writer: int):
        n = 0
        while not stop.is_set():
            with transaction.atomic():
                publish("users/invited", audience=[user.organization_id], data={"writer": writer, "n": n})
                time.sleep(random.uniform(0, 0.005))  # noqa: S311 (commits out of id order)
            n += 1

    writers = [in_thread(lambda writer=writer: write(writer)) for writer in range(32)]
    seen, after, deadline = [], 0, time.monotonic() + 20
    try:
        while time.monotonic() < deadline:
            more, after = poll(client, after)
            seen += more
    finally:
        stop.set()
        for writer in writers:
            writer.join(timeout=30)
    written = list(Event.objects.values_list("id", flat=True))
    poll_until(client, seen, after, len(written))

    assert len(written) > 1000
    assert len(seen) == len(set(seen))  # none repeated
    assert set(seen) == set(written)  # none lost
