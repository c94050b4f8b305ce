"""Operations endpoints and the JSON answers for paths and errors that reach no API view."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.urls import Resolver404, resolve
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt

API_PREFIXES = ("/timp/", "/organizations/")


def healthz(request):
    """The process is up; the database is not touched."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    """The process can serve: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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
