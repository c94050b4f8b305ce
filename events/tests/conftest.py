import asyncio
import threading

import pytest
from django.db import connection

from events.dispatcher import Dispatcher


@pytest.fixture(autouse=True)
def empty_queue(db):
    """The queue's tables are the worker's, not Django's models, so a flush leaves them as a
    test that commits left them: emptied before and after each test."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_jobs")
    yield
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_jobs")


def dispatch_once() -> None:
    """A dispatcher in this process sends every delivery due, then stops. It reads through
    connections of its own: what it sends must be committed (a transactional test)."""
    asyncio.run(Dispatcher().run(until_idle=True))


def in_thread(work) -> threading.Thread:
    """`work` in a thread of its own, with a database connection of its own."""

    def run():
        try:
            work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread
