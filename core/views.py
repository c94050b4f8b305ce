"""Operations endpoints and the JSON answers for paths and errors that reach no API view."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.urls import Resolver404, resolve
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt

API_PREFIXES = ("/timp/", "/organizations/")


def healthz(request):
    """The process is up; the database is not touched."""
    return JsonResponse({"status": "ok"})


# How long the oldest job due in the queue has waited, and the oldest event not yet fanned
# out (set aside after a failure, or left behind), in seconds (0 with none). The second walks
# the partial index of events to fan out.
QUEUE_LAG = """
    SELECT
        (SELECT COALESCE(EXTRACT(EPOCH FROM now() - MIN(COALESCE(scheduled_at, now()))), 0)
         FROM procrastinate_jobs WHERE status = 'todo' AND (scheduled_at IS NULL OR scheduled_at <= now())),
        COALESCE(EXTRACT(EPOCH FROM now() - (
            SELECT created_at FROM events_event WHERE NOT fanned_out ORDER BY id LIMIT 1
        )), 0)
"""


def readyz(request):
    """The process can serve: the database answers, the queue's oldest due job has waited no
    longer than QUEUE_MAX_LAG_SECONDS, and no event has waited that long for its fan-out (else
    the workers are missing or behind, or an event is set aside)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(QUEUE_LAG)
            lags = cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    queue_lag, events_lag = (round(float(lag), 1) for lag in lags)
    answer = {"database": "ok", "queue_lag_seconds": queue_lag, "events_lag_seconds": events_lag}
    if max(queue_lag, events_lag) > settings.QUEUE_MAX_LAG_SECONDS:
        return JsonResponse({"status": "unavailable", **answer}, status=503)
    return JsonResponse({"status": "ok", **answer})


@csrf_exempt  # answers every method on unknown API paths; it changes nothing
def not_found(request, exception=None):
    detail = "Not found."
    if not request.path.endswith("/"):
        try:
            resolve(request.path + "/")
            detail = f"Not found. Did you mean {request.path}/ (with a trailing slash)?"
        except Resolver404:
            pass
    return JsonResponse({"detail": detail}, status=404)


def bad_request(request, exception=None):
    """A request Django itself refuses (a Host it does not serve, too many form fields): JSON
    on the API's paths, Django's page elsewhere."""
    if request.path.startswith(API_PREFIXES):
        return JsonResponse({"detail": "Bad request."}, status=400)
    return defaults.bad_request(request, exception)


def server_error(request):
    return JsonResponse({"detail": "Internal server error.", "request_id": request.request_id}, status=500)
