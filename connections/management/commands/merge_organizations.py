from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from connections.admin import message_of
from connections.services import merge_organizations
from core.exceptions import ApplicationError
from organizations.models import Organization


class Command(BaseCommand):
    help = (
        "Merge a duplicate organization into the one to keep: its users, requests, connections, files and "
        "discovery participation move, in one transaction; the duplicate is deactivated."
    )

    def add_arguments(self, parser):
        parser.add_argument("keep", help="UUID of the organization to keep")
        parser.add_argument("duplicate", help="UUID of the duplicate")

    def handle(self, *args, keep, duplicate, **options):
        kept, merged = organization(keep), organization(duplicate)
        try:
            moved = merge_organizations(keep=kept, duplicate=merged)
        except (ApplicationError, ValidationError) as error:
            raise CommandError(f"Not merged: {message_of(error)}") from None
        summary = ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in moved.items())
        self.stdout.write(f"Merged {merged.name} into {kept.name}: moved {summary}.")


def organization(uuid: str) -> Organization:
    try:
        return Organization.objects.get(pk=uuid)
    except (Organization.DoesNotExist, ValidationError):
        raise CommandError(f"No organization has the UUID {uuid}.") from None
