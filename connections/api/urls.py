from django.urls import include, path

from connections.api.views import ConnectionViewSet
from timp_api.routers import UUIDRouter

router = UUIDRouter()
router.register("", ConnectionViewSet, basename="connection")

urlpatterns = [
    path("request/", include("connections.api.request_urls")),
    *router.urls,
]
