"""The read queries of connections and requests: which rows a user reads (the visibility
rule and the fixed ordering), and what the read shapes built by PostgreSQL leave to Python."""

from uuid import UUID

import orjson
from django.utils import timezone

from connections.cron import next_run
from connections.models import Connection, ConnectionRequest
from core.fields import iso_datetime
from core.masking import mask_url_credentials
from organizations.api.serializers import RetailerSerializer, SupplierSerializer


def connections_for(user):
    return Connection.objects.visible_to(user).order_by("-created_date", "uuid")


def requests_for(user):
    return ConnectionRequest.objects.visible_to(user).order_by("-request_date", "uuid")


def finish_integrations(requests: list[dict]) -> list[dict]:
    """What SQL leaves to Python: passwords in file locations masked (by the one masking rule
    the logs use too), and a stored next run time that has passed since the last refresh
    moved on, from one clock for the whole response."""
    now = timezone.now()
    # Both are written in the API's one timestamp format, so they compare as text.
    now_text = iso_datetime(now)
    for connection_request in requests:
        for integration in connection_request["integrations"]:
            integration["feed_source_file_locations"] = mask_url_credentials(integration["feed_source_file_locations"])
            schedule, stored = integration["update_frequency"], integration["next_run_at"]
            if schedule and (stored is None or stored <= now_text):
                integration["next_run_at"] = iso_datetime(next_run(schedule, int(now.timestamp())))
    return requests


def with_roles(connections: list[dict]) -> list[dict]:
    """Puts each connection's retailer and supplier in place. A page of a partner's connections
    names its own organization on every row, so each one is built once per response."""
    retailers = {row["retailer"] for row in connections}
    suppliers = {row["supplier"] for row in connections}
    if not connections:
        return connections
    pairs = [
        *RetailerSerializer.fetch("= ANY(%s)", ([UUID(pk) for pk in retailers],)),
        *SupplierSerializer.fetch("= ANY(%s)", ([UUID(pk) for pk in suppliers],)),
    ]
    roles = {str(pk): orjson.loads(text) for pk, text in pairs}
    for row in connections:
        row["retailer"], row["supplier"] = roles[row["retailer"]], roles[row["supplier"]]
    return connections
