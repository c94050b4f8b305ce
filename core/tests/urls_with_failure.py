"""The project's URLs plus one view that fails, to see what a server error looks like."""

from django.urls import path

from timp_api.urls import handler404, handler500
from timp_api.urls import urlpatterns as project_urlpatterns


def failing_view(request):
    raise RuntimeError("this view always fails")


urlpatterns = [path("timp/failing/", failing_view), *project_urlpatterns]

__all__ = ["handler404", "handler500", "urlpatterns"]
