from django.apps import AppConfig


class TimpApiConfig(AppConfig):
    name = "timp_api"
    verbose_name = "API plumbing"

    def ready(self):
        from timp_api import schema  # noqa: F401 -- registers the OpenAPI extension
