from django.urls import path

from events.api import views

urlpatterns = [
    path("events/", views.EventFeedView.as_view(), name="event-list"),
    path("notifications/", views.NotificationListView.as_view(), name="notification-list"),
    path(
        "notifications/notification-settings/", views.NotificationSettingsView.as_view(), name="notification-settings"
    ),
    path(
        "notifications/<uuid:notification_uuid>/read/", views.NotificationReadView.as_view(), name="notification-read"
    ),
    path("webhooks/", views.WebhookListView.as_view(), name="webhook-list"),
    path("webhooks/deliveries/<uuid:delivery_uuid>/retry/", views.DeliveryRetryView.as_view(), name="delivery-retry"),
    path("webhooks/<uuid:endpoint_uuid>/", views.WebhookDetailView.as_view(), name="webhook-detail"),
    path("webhooks/<uuid:endpoint_uuid>/rotate-secret/", views.WebhookRotateView.as_view(), name="webhook-rotate"),
    path("webhooks/<uuid:endpoint_uuid>/test/", views.WebhookTestView.as_view(), name="webhook-test"),
    path("webhooks/<uuid:endpoint_uuid>/deliveries/", views.DeliveryListView.as_view(), name="webhook-deliveries"),
    path("webhooks/<uuid:endpoint_uuid>/stats/", views.WebhookStatsView.as_view(), name="webhook-stats"),
    path("webhooks/<uuid:endpoint_uuid>/recover/", views.WebhookRecoverView.as_view(), name="webhook-recover"),
]
