from django.core.management.base import BaseCommand

from connections.services import refresh_schedules


class Command(BaseCommand):
    help = "Move every integration's passed next run time on to the schedule's next one."

    def handle(self, *args, **options):
        self.stdout.write(f"Moved {refresh_schedules()} next run time(s) on.")
