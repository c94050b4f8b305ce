from django.urls import include, path

urlpatterns = [
    path("request/", include("connections.api.request_urls")),
]
