import asyncio
import multiprocessing
import os
import signal

from django.conf import settings
from django.core.management.base import BaseCommand
from procrastinate.contrib.django import app

from events.dispatcher import Dispatcher


class Command(BaseCommand):
    help = (
        "Runs the background worker: the job queue (event fan-out, email, the periodic jobs) and, in a "
        "process of its own, the webhook dispatcher. Several may run at once, on any number of machines."
    )

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, default=settings.PROCRASTINATE_WORKER_DEFAULTS["concurrency"])
        parser.add_argument(
            "--one-shot", action="store_true", help="Run the jobs waiting now, send the deliveries due, then stop."
        )
        parser.add_argument(
            "--queue",
            action="append",
            dest="queues",
            help="Run only the jobs of this queue (events, email, imports, maintenance); repeat for more. "
            "Default: every queue.",
        )

    def handle(self, *args, concurrency: int, one_shot: bool, queues: list[str] | None, **options):
        # The dispatcher has a process of its own, forked before any connection is opened: a
        # job that keeps Python busy for seconds (a periodic one over many rows) never holds
        # back a delivery.
        dispatcher = None if one_shot else multiprocessing.get_context("fork").Process(target=dispatch, daemon=True)
        if dispatcher is not None:
            dispatcher.start()
        try:
            with app.replace_connector(app.connector.get_worker_connector()) as worker_app:
                asyncio.run(jobs(worker_app, concurrency, one_shot, queues))
            if one_shot:
                asyncio.run(Dispatcher().run(until_idle=True))
        finally:
            if dispatcher is not None and dispatcher.is_alive():
                os.kill(dispatcher.pid, signal.SIGTERM)
                dispatcher.join(timeout=settings.WEBHOOK_TIMEOUT_SECONDS + 5)


# Procrastinate's worker fetches a job when it hears of one, but a notification that comes while
# it fetches is lost (it clears the flag after each fetch): it then finds the job only when it
# next looks. Every 5 s (its default) left the fan-out waiting that long; every 0.25 s costs a
# query that finds nothing.
JOB_POLL_SECONDS = 0.25


async def jobs(worker_app, concurrency: int, one_shot: bool, queues: list[str] | None) -> None:
    async with worker_app.open_async():
        await worker_app.run_worker_async(
            queues=queues,
            concurrency=concurrency,
            delete_jobs="successful",
            wait=not one_shot,
            fetch_job_polling_interval=JOB_POLL_SECONDS,
        )


def dispatch() -> None:
    """The dispatcher's process: until SIGTERM or SIGINT (what is in flight is sent first), or
    until the worker that started it is gone."""
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the worker, which says when to stop

    async def run() -> None:
        dispatcher = Dispatcher()
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, dispatcher.stop)
        orphaned = loop.create_task(watch_parent(parent, dispatcher))
        try:
            await dispatcher.run()
        finally:
            orphaned.cancel()

    asyncio.run(run())


async def watch_parent(parent: int, dispatcher: Dispatcher) -> None:
    while os.getppid() == parent:
        await asyncio.sleep(1)
    dispatcher.stop()
