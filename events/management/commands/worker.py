import asyncio

from django.conf import settings
from django.core.management.base import BaseCommand
from procrastinate.contrib.django import app

from events.dispatcher import Dispatcher


class Command(BaseCommand):
    help = (
        "Runs the background worker: the job queue (event fan-out, email, the periodic jobs) and the "
        "webhook dispatcher. Several may run at once, on any number of machines."
    )

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, default=settings.PROCRASTINATE_WORKER_DEFAULTS["concurrency"])
        parser.add_argument(
            "--one-shot", action="store_true", help="Run the jobs waiting now, send the deliveries due, then stop."
        )

    def handle(self, *args, concurrency: int, one_shot: bool, **options):
        with app.replace_connector(app.connector.get_worker_connector()) as worker_app:
            asyncio.run(work(worker_app, concurrency, one_shot))


async def work(worker_app, concurrency: int, one_shot: bool) -> None:
    dispatcher = Dispatcher()
    async with worker_app.open_async():
        jobs = {"concurrency": concurrency, "delete_jobs": "successful"}
        if one_shot:
            await worker_app.run_worker_async(**jobs, wait=False)
            await dispatcher.run(until_idle=True)
            return
        dispatching = asyncio.create_task(dispatcher.run())
        try:
            await worker_app.run_worker_async(**jobs)  # until SIGINT or SIGTERM
        finally:
            dispatcher.stop()
            await dispatching
