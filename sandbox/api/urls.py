from django.urls import path

from sandbox.api import views

urlpatterns = [
    path("accounts/", views.SignUpView.as_view(), name="sandbox-sign-up"),
    path("requests/<uuid:request_uuid>/approve/", views.ApproveView.as_view(), name="sandbox-approve"),
    path("requests/<uuid:request_uuid>/deny/", views.DenyView.as_view(), name="sandbox-deny"),
    path("connections/<uuid:connection_uuid>/confirm/", views.ConfirmView.as_view(), name="sandbox-confirm"),
    path("feeds/<uuid:record_uuid>/runs/", views.FeedRunView.as_view(), name="sandbox-feed-run"),
    path("reset/", views.ResetView.as_view(), name="sandbox-reset"),
]
