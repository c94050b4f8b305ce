"""`events_concurrent`: 32 writers, each committing events as fast as it can for 20 seconds
(with a pause inside each transaction, so that commits come out of id order), while one client
polls the events feed over HTTP with `after`. Every event must be seen once."""

import json
import random
import threading
import time
import urllib.request

WRITERS = 32
SECONDS = 20


def measure(base: str, user, token: str) -> dict:
    from django.db import connection, transaction

    from events.models import EventAudience
    from events.services import publish

    stop = threading.Event()

    def write(writer: int) -> None:
        try:
            n = 0
            while not stop.is_set():
                with transaction.atomic():
                    publish("users/invited", audience=[user.organization_id], data={"writer": writer, "n": n})
                    time.sleep(random.uniform(0, 0.005))
                n += 1
        finally:
            connection.close()

    def page(after: int) -> tuple[list[int], int]:
        request = urllib.request.Request(
            f"{base}/timp/events/?after={after}&limit=1000",
            headers={"Authorization": f"Token {token}", "X-Forwarded-Proto": "https"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            body = json.loads(answer.read())
        return [event["id"] for event in body["events"]], body["next_after"] or after

    seen, after = [], 0
    writers = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in writers:
        thread.start()
    deadline = time.monotonic() + SECONDS
    try:
        while time.monotonic() < deadline:
            ids, after = page(after)
            seen += ids
    finally:
        stop.set()
        for thread in writers:
            thread.join()
    written = set(EventAudience.objects.filter(organization=user.organization_id).values_list("event_id", flat=True))
    settle = time.monotonic() + 30
    while len(set(seen)) < len(written) and time.monotonic() < settle:
        ids, after = page(after)
        seen += ids
    return {
        "writers": WRITERS,
        "seconds": SECONDS,
        "events": len(written),
        "seen": len(seen),
        "lost": len(written - set(seen)),
        "repeated": len(seen) - len(set(seen)),
    }
