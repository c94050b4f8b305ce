"""Feed routes under /timp/organizations/connections/<connection_uuid>/."""

from django.urls import path

from feeds.api import views

FEED = "integrations/<uuid:record_uuid>/"

urlpatterns = [
    path("integrations/", views.FeedListView.as_view(), name="feed-list"),
    path(FEED, views.FeedDetailView.as_view(), name="feed-detail"),
    path(f"{FEED}checks/", views.FeedChecksView.as_view(), name="feed-checks"),
    path(f"{FEED}runs/", views.FeedRunsView.as_view(), name="feed-runs"),
    path(f"{FEED}runs/<uuid:run_uuid>/", views.RunDetailView.as_view(), name="feed-run-detail"),
    path(f"{FEED}ping-key/", views.PingKeyView.as_view(), name="feed-ping-key"),
    path("health/", views.HealthView.as_view(), name="connection-health"),
]
