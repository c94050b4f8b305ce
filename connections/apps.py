from django.apps import AppConfig


class ConnectionsConfig(AppConfig):
    name = "connections"

    def ready(self) -> None:
        from connections.selectors import finish_integrations, with_roles
        from connections.services import COMMENTED
        from connections.shapes import (
            CommentEventSerializer,
            ConnectionRequestSerializer,
            ConnectionSerializer,
            ImportSerializer,
        )
        from events.models import EVENT_TYPES
        from events.shapes import declare
        from files.shapes import FileSerializer

        # Events carry the read shapes of requests, connections and shared files, finished as
        # the API finishes them.
        of = [name for name in EVENT_TYPES if name.startswith("connection_requests/") and name != COMMENTED]
        declare(of, ConnectionRequestSerializer, finish_integrations)
        declare([COMMENTED], CommentEventSerializer)
        declare(["imports/finished"], ImportSerializer)
        declare([name for name in EVENT_TYPES if name.startswith("connections/")], ConnectionSerializer, with_roles)
        declare(["files/shared"], FileSerializer)
