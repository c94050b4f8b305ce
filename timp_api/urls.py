from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from core import views
from sandbox.views import getting_started

urlpatterns = [
    path("", getting_started, name="getting-started"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("timp/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("timp/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("timp/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("timp/discovery/participation/", include("organizations.api.participation_urls")),
    path("timp/discovery/", include("connections.api.discovery_urls")),
    path("timp/organizations/files/", include("files.api.urls")),
    path("timp/organizations/connections/<uuid:connection_uuid>/", include("feeds.api.urls")),
    path("timp/organizations/connections/", include("connections.api.urls")),
    path("timp/organizations/", include("organizations.api.urls")),
    path("timp/", include("events.api.urls")),
    path("timp/", include("feeds.api.public_urls")),
    path("timp/sandbox/", include("sandbox.api.urls")),
    # The older, unprefixed paths of the connection requests, as published in the docs.
    path(
        "organizations/connections/request/",
        include(("connections.api.request_urls", "connections"), namespace="unprefixed"),
    ),
    # Any other path under the API's prefixes: a JSON 404 (in DEBUG too).
    re_path(r"^(timp|organizations)/", views.not_found),
]

handler400 = "core.views.bad_request"
handler404 = "core.views.not_found"
handler500 = "core.views.server_error"
