from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from files import services
from files.models import UploadedFile


class Command(BaseCommand):
    help = "Delete uploads (records and bytes) that no connection request uses, once they are N days old."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.UPLOAD_RETENTION_DAYS)

    def handle(self, *args, days: int, **options):
        cutoff = timezone.now() - timedelta(days=days)
        stale = UploadedFile.objects.unreferenced().filter(uploaded_date__lt=cutoff)
        count = 0
        for uploaded_file in stale.iterator():
            services.delete_file(uploaded_file=uploaded_file)
            count += 1
        self.stdout.write(f"Deleted {count} unreferenced upload(s) older than {days} days.")
