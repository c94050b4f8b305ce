"""The worker's periodic job of files."""

from django.core.management import call_command
from procrastinate.contrib.django import app

from core.worker import in_worker


@app.periodic(cron="40 3 * * *")
@app.task(queue="maintenance", queueing_lock="prune_uploads")
@in_worker
def prune_uploads(timestamp: int) -> None:
    """Uploads that no request uses, older than UPLOAD_RETENTION_DAYS."""
    call_command("prune_uploads")
