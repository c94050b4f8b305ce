"""The monitor: a periodic job that finds the feeds gone late."""

from procrastinate.contrib.django import app

from core.worker import in_worker
from feeds import services


@app.periodic(cron="* * * * *")
@app.task(queue="maintenance", queueing_lock="watch_feeds")
@in_worker
def watch_feeds(timestamp: int) -> int:
    """Live feeds whose expected run has not come within their grace become late, a batch a
    transaction."""
    return services.watch_all()
