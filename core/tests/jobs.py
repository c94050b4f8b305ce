"""Jobs run in a test's own transaction: what the worker would do with them, without its
process (the worker's own tests start real ones)."""

import inspect
import json

from django.db import connection
from procrastinate.contrib.django import app

EMAIL_TASKS = ("core.tasks.send_email", "organizations.tasks.reset_password")


def run_jobs(*task_names: str) -> int:
    """Runs the queued jobs of these tasks, and those they queue, until none is left; returns
    how many ran. Each is taken off the queue as the worker takes it."""
    ran = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM procrastinate_jobs WHERE status = 'todo' AND task_name = ANY(%s)"
                " RETURNING id, task_name, args",
                [list(task_names)],
            )
            taken = sorted(cursor.fetchall())
        if not taken:
            return ran
        for _, name, args in taken:
            # The function itself: the worker's wrapper would close this test's connection.
            # Django reads jsonb as text.
            inspect.unwrap(app.tasks[name].func)(**json.loads(args))
            ran += 1
