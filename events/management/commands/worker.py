from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Runs the background worker: event fan-out, webhook deliveries, email, and the periodic jobs. "
        "Several may run at once, on any number of machines."
    )

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, default=settings.PROCRASTINATE_WORKER_DEFAULTS["concurrency"])
        parser.add_argument("--one-shot", action="store_true", help="Run the jobs waiting now, then stop.")

    def handle(self, *args, concurrency: int, one_shot: bool, **options):
        arguments = ["worker", "--concurrency", str(concurrency), "--delete-jobs", "successful"]
        call_command("procrastinate", *arguments, *(["--one-shot"] if one_shot else []))
