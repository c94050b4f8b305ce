"""What every app's jobs share: deferring in the caller's transaction, and running Django code
in the worker's threads."""

import functools
from collections.abc import Iterable
from datetime import datetime

from django.db import close_old_connections
from procrastinate import jobs, manager
from procrastinate.contrib.django.django_connector import DjangoConnector

# Jobs deferred through Django's connection commit, or roll back, with the transaction that
# defers them. The worker's app reaches PostgreSQL through a connection of its own: a job it
# deferred inside a transaction could run before that transaction committed, and find nothing.
IN_TRANSACTION = manager.JobManager(DjangoConnector())


def defer(task, arguments: Iterable[dict], *, at: datetime | None = None) -> None:
    """A job of `task` for each dict of keyword arguments, in the current transaction (due at
    `at`, or now): the worker sees them only once it commits."""
    arguments = list(arguments)
    if arguments:
        jobs.JobDeferrer(IN_TRANSACTION, task.configure(schedule_at=at).job).batch_defer(*arguments)


def in_worker(function):
    """A job of Django code run in the worker's threads: it closes the database connections
    it outlived before and after, as a request does."""

    @functools.wraps(function)
    def job(*args, **kwargs):
        close_old_connections()
        try:
            return function(*args, **kwargs)
        finally:
            close_old_connections()

    return job
