"""Gunicorn settings (`gunicorn -c python:timp_api.gunicorn timp_api.wsgi`), from the environment."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104 -- containers listen on all interfaces
# One worker per core and one more: on two cores shared with PostgreSQL, 2 x cores + 1
# workers gave 40% less throughput on database-bound requests (bench/README.md).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Uploads stream to disk; a slow client must not hold a worker forever.
graceful_timeout = 30
keepalive = 5
# The application logs each request with its request ID; gunicorn's own access log would repeat it.
accesslog = None
errorlog = "-"
