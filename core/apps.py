from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    default = True
    name = "core"
    verbose_name = "Shared API pieces"

    def ready(self):
        from django.db.backends.signals import connection_created

        from core import schema  # noqa: F401 -- registers the OpenAPI extension
        from core.json_sql import forget_prepared_statements

        connection_created.connect(forget_prepared_statements, dispatch_uid="forget-prepared-statements")


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin app with the project's admin site (INSTALLED_APPS names it)."""

    default = False
    default_site = "core.admin_site.AdminSite"
