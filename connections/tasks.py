"""The worker's periodic jobs of connection requests and their integrations."""

from procrastinate.contrib.django import app

from connections import imports, services
from core.worker import in_worker


@app.periodic(cron="15 * * * *")
@app.task(queue="maintenance", queueing_lock="expire_requests")
@in_worker
def expire_requests(timestamp: int) -> int:
    """Pending requests older than REQUEST_EXPIRY_DAYS expire."""
    return services.expire_requests()


@app.periodic(cron="*/5 * * * *")
@app.task(queue="maintenance", queueing_lock="refresh_schedules")
@in_worker
def refresh_schedules(timestamp: int) -> int:
    """Integrations' next run times that have passed move on."""
    return services.refresh_schedules()


@app.task(queue="imports")
@in_worker
def run_import(import_uuid: str) -> None:
    """A file of connection requests, imported from where it stopped, a batch a transaction."""
    imports.run(import_uuid)
