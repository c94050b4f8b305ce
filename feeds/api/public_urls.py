"""Routes that need no sign-in (the key in the address is the authority), and the imports."""

from django.urls import path, re_path

from feeds.api import views

urlpatterns = [
    path("data-integration/imports/", views.ImportListView.as_view(), name="import-list"),
    path("data-integration/imports/<uuid:run_uuid>/", views.ImportDetailView.as_view(), name="import-detail"),
    path("ping/<str:key>/", views.PingView.as_view(), name="feed-ping"),
    path("ping/<str:key>/start/", views.PingStartView.as_view(), name="feed-ping-start"),
    path("ping/<str:key>/fail/", views.PingFailView.as_view(), name="feed-ping-fail"),
    re_path(r"^badges/(?P<key>[A-Za-z0-9_-]+)\.(?P<extension>svg|json)$", views.BadgeView.as_view(), name="badge"),
]
