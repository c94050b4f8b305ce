from django.apps import AppConfig


class ConnectionsConfig(AppConfig):
    name = "connections"

    def ready(self) -> None:
        from connections.selectors import finish_integrations, with_roles
        from events.shapes import finish_with

        # Events carry the read shapes of requests and connections, finished as the API finishes them.
        finish_with("connection_requests/", finish_integrations)
        finish_with("connections/", with_roles)
