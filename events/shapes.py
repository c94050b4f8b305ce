"""An event as clients receive it: the shape PostgreSQL stored, finished as the API finishes
that kind of object (credentials masked, partners filled in), a whole page at once; and what
each kind of event's data is, which the schema says type by type."""

from collections.abc import Callable
from dataclasses import dataclass

from rest_framework import serializers

from core.fields import iso_datetime
from organizations.shapes import UserSerializer


@dataclass(frozen=True)
class Kind:
    """Events of these types, whose data is the read shape `shape` (a serializer class);
    `finish` completes a page of their data in place, in a fixed number of queries."""

    types: tuple[str, ...]
    shape: type
    finish: Callable[[list[dict]], object] | None = None


# Every kind of event, by its types. The app that owns a kind declares it when it is ready
# (`declare`), so events depend on no app above them; declaring it again replaces it.
KINDS: dict[tuple[str, ...], Kind] = {}


def declare(types, shape: type, finish: Callable[[list[dict]], object] | None = None) -> None:
    KINDS[tuple(types)] = Kind(tuple(types), shape, finish)


def as_sent(events: list) -> list[dict]:
    """[{id, type, created_at, data}]: what the feed lists and webhooks carry; a fixed number
    of queries for any number of events."""
    sent = [
        {"id": event.id, "type": event.type, "created_at": iso_datetime(event.created_at), "data": event.data}
        for event in events
    ]
    for kind in KINDS.values():
        if kind.finish is not None:
            kind.finish([item["data"] for item in sent if item["type"] in kind.types])
    return sent


class DisabledEndpointSerializer(serializers.Serializer):
    """A webhook endpoint turned off after failing for five days."""

    uuid = serializers.UUIDField()
    url = serializers.CharField()
    failing_since = serializers.DateTimeField()


class PingSerializer(serializers.Serializer):
    """A test event, sent to one endpoint."""

    endpoint = serializers.UUIDField()
    message = serializers.CharField()


declare(["users/invited"], UserSerializer)
declare(["webhooks/disabled"], DisabledEndpointSerializer)
declare(["webhooks/ping"], PingSerializer)
