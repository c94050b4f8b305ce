"""Discovery participation, under /timp/discovery/participation/."""

from django.urls import path

from organizations.api import views

urlpatterns = [
    path("", views.ParticipationRequestView.as_view(), name="participation-request"),
    path("<uuid:org_uuid>/", views.ParticipationView.as_view(), name="participation-detail"),
]
