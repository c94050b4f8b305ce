from django.apps import AppConfig


class TimpApiConfig(AppConfig):
    name = "timp_api"
    verbose_name = "API plumbing"

    def ready(self):
        from django.db.backends.signals import connection_created

        from timp_api import schema  # noqa: F401 -- registers the OpenAPI extension
        from timp_api.json_sql import forget_prepared_statements

        connection_created.connect(forget_prepared_statements, dispatch_uid="forget-prepared-statements")
