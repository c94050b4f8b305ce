"""An event as clients receive it: the shape PostgreSQL stored, finished as the API finishes
that kind of object (credentials masked, partners filled in), a whole page at once."""

from collections.abc import Callable

from core.fields import iso_datetime

# How the app that owns a kind of event finishes its data, by type prefix. The app registers
# its finisher when it is ready (`finish_with`), so events depend on no app above them.
FINISHERS: dict[str, Callable[[list[dict]], object]] = {}


def finish_with(prefix: str, finisher: Callable[[list[dict]], object]) -> None:
    """`finisher` completes, in place and in a fixed number of queries, the data of every event
    of a page whose type starts with `prefix`."""
    FINISHERS[prefix] = finisher


def as_sent(events: list) -> list[dict]:
    """[{id, type, created_at, data}]: what the feed lists and webhooks carry; a fixed number
    of queries for any number of events."""
    sent = [
        {"id": event.id, "type": event.type, "created_at": iso_datetime(event.created_at), "data": event.data}
        for event in events
    ]
    for prefix, finish in FINISHERS.items():
        finish([item["data"] for item in sent if item["type"].startswith(prefix)])
    return sent
