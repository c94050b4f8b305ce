"""Connection request routes: served under /timp/organizations/connections/request/ and at
the older, unprefixed /organizations/connections/request/."""

from django.urls import path

from connections.api.views import (
    CommentsView,
    ConnectionRequestViewSet,
    ImportDetailView,
    ImportErrorsView,
    ImportListView,
)
from core.routers import UUIDRouter

router = UUIDRouter()
router.register("", ConnectionRequestViewSet, basename="connection-request")
urlpatterns = [
    path("imports/", ImportListView.as_view(), name="request-import-list"),
    path("imports/<uuid:import_uuid>/", ImportDetailView.as_view(), name="request-import-detail"),
    path("imports/<uuid:import_uuid>/errors.csv", ImportErrorsView.as_view(), name="request-import-errors"),
    path("<uuid:pk>/comments/", CommentsView.as_view(), name="request-comments"),
    *router.urls,
]
