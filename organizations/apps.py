from django.apps import AppConfig
from django.db.models.signals import post_migrate

ACCOUNT_MANAGERS_GROUP = "Account managers"
# What account managers work on in the admin.
ACCOUNT_MANAGER_APPS = ["organizations", "connections", "files", "feeds", "knox"]


def grant_account_manager_permissions(sender, using="default", **kwargs) -> None:
    """Keeps the "Account managers" group holding every permission of the apps they run."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.using(using).get_or_create(name=ACCOUNT_MANAGERS_GROUP)
    group.permissions.set(Permission.objects.using(using).filter(content_type__app_label__in=ACCOUNT_MANAGER_APPS))


class OrganizationsConfig(AppConfig):
    name = "organizations"

    def ready(self):
        post_migrate.connect(grant_account_manager_permissions, dispatch_uid="account-manager-permissions")
