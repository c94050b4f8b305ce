"""Which connections and requests a user reads: the visibility rule and the fixed ordering."""

from connections.models import Connection, ConnectionRequest


def connections_for(user):
    return Connection.objects.visible_to(user).order_by("-created_date", "uuid")


def requests_for(user):
    return ConnectionRequest.objects.visible_to(user).order_by("-request_date", "uuid")
