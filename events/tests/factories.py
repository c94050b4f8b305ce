"""Events, notifications and webhook endpoints of a user's organization, for tests."""

from django.utils import timezone

from events.models import Event, EventAudience, Notification, WebhookDelivery, WebhookEndpoint, WebhookSecret
from events.services import new_secret


def event_for(organization, event_type: str = "connections/confirmed", data: dict | None = None) -> Event:
    event = Event.objects.create(type=event_type, created_at=timezone.now(), data=data or {"uuid": "x"})
    EventAudience.objects.create(event=event, event_xid=event.xid, organization=organization)
    return event


def notification_for(user) -> Notification:
    return Notification.objects.create(user=user, event=event_for(user.organization), title="Something happened")


def endpoint_for(user, url: str = "https://hooks.example.com/timp", event_types=("*",)) -> WebhookEndpoint:
    """An endpoint saved as is (its URL is not resolved)."""
    endpoint = WebhookEndpoint.objects.create(organization=user.organization, url=url, event_types=list(event_types))
    WebhookSecret.objects.create(endpoint=endpoint, secret=new_secret())
    return endpoint


def delivery_for(user) -> WebhookDelivery:
    return WebhookDelivery.objects.create(endpoint=endpoint_for(user), event=event_for(user.organization))
