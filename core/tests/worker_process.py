"""Real worker processes (`manage.py worker`) on the test's database, and waiting for what
they do."""

import subprocess
import sys
import time

from django.conf import settings as django_settings
from django.db import connection


def start_worker(env: dict, *extra: str, stderr=subprocess.DEVNULL) -> subprocess.Popen:
    """A worker process. What it writes to stderr is read only when asked for (`PIPE`): a
    pipe nobody reads fills up, and a worker that logs into it then hangs."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", *extra],
        cwd=django_settings.BASE_DIR,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )


def jobs_due() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')"
            " AND (scheduled_at IS NULL OR scheduled_at <= now())"
        )
        return cursor.fetchone()[0]


def run_worker_once(env: dict) -> None:
    """Runs the jobs due now, and those they queue, then stops."""
    for _ in range(10):
        finished = start_worker(env, "--one-shot", stderr=subprocess.PIPE)
        _, errors = finished.communicate(timeout=60)
        assert finished.returncode == 0, errors.decode()
        if not jobs_due():
            return
    raise AssertionError("jobs keep coming")


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
