import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def empty_queue(db):
    """The queue's tables are the worker's, not Django's models, so a flush leaves them as a
    test that commits left them: emptied before and after each test."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_jobs")
    yield
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_jobs")
