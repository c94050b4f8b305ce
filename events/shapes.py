"""An event as clients receive it: the shape PostgreSQL stored, finished as the API finishes
that kind of object (credentials masked, partners filled in), a whole page at once."""

from core.fields import iso_datetime


def as_sent(events: list) -> list[dict]:
    """[{id, type, created_at, data}]: what the feed lists and webhooks carry; a fixed number
    of queries for any number of events."""
    from connections.selectors import finish_integrations, with_roles

    sent = [
        {"id": event.id, "type": event.type, "created_at": iso_datetime(event.created_at), "data": event.data}
        for event in events
    ]
    finish_integrations([item["data"] for item in sent if item["type"].startswith("connection_requests/")])
    with_roles([item["data"] for item in sent if item["type"].startswith("connections/")])
    return sent
