from django.urls import include, path

from connections.api.views import ConnectionViewSet
from core.routers import UUIDRouter

router = UUIDRouter()
router.register("", ConnectionViewSet, basename="connection")

urlpatterns = [
    path("request/", include("connections.api.request_urls")),
    *router.urls,
]
