import time
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from knox.models import AuthToken

from core.models import IdempotencyRecord, ThrottleBucket


class Command(BaseCommand):
    help = "Delete expired tokens, finished throttle windows and idempotency records past their retention."

    def handle(self, *args, **options):
        now = timezone.now()
        tokens, _ = AuthToken.objects.filter(expiry__lt=now).delete()
        buckets, _ = ThrottleBucket.objects.filter(window_start__lt=int(time.time()) - 24 * 60 * 60).delete()
        keys, _ = IdempotencyRecord.objects.filter(
            created_at__lt=now - timedelta(hours=settings.IDEMPOTENCY_KEY_RETENTION_HOURS)
        ).delete()
        self.stdout.write(
            f"Deleted {tokens} expired token(s), {buckets} throttle counter(s), {keys} idempotency key(s)."
        )
