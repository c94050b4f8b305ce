"""The fan-out that one event cannot stop: titles that fit by construction, an event that fails
set aside while the others go on, the sweep for what was left behind, and what `/readyz` says."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from connections.tests.factories import connection_request
from events import notifying, tasks
from events.models import EVENT_TYPES, READ_PERMISSIONS, Event, Notification, NotificationSetting, WebhookDelivery
from events.tests.factories import endpoint_for, event_for
from organizations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REQUESTS = "/timp/organizations/connections/request/"
LONGEST = "N" * 10_000 + "\r\n" + "tail"


@pytest.mark.parametrize("event_type", [*EVENT_TYPES, "webhooks/ping", "a/type-of-the-future"])
@pytest.mark.parametrize("field", ["org_name", "name"])
def test_every_title_fits_whatever_the_names(event_type, field):
    title = notifying.title_of(Event(type=event_type, data={field: LONGEST}))

    assert len(title) <= Notification._meta.get_field("title").max_length
    assert "\r" not in title
    assert "\n" not in title
    assert title.startswith(EVENT_TYPES.get(event_type, event_type))


def test_a_request_with_the_longest_name_is_fanned_out(client_for, retailer_user):
    created = client_for(retailer_user).post(
        REQUESTS, {"organization_name": "N" * 200, "primary_contact_name": "Bob"}, format="json"
    )
    assert created.status_code == 201

    tasks.drain()

    assert not Event.objects.filter(fanned_out=False).exists()
    (notification,) = Notification.objects.filter(user=retailer_user)
    assert notification.title.endswith("N…")


@pytest.fixture
def one_event_fails(monkeypatch):
    """Notifying of a request named "Poison" fails, as any bug of one event might."""
    notify = notifying.notify

    def failing(events, audiences):
        if any(event.data.get("org_name") == "Poison" for event in events):
            raise RuntimeError("cannot notify of this one")
        return notify(events, audiences)

    monkeypatch.setattr(notifying, "notify", failing)


def test_an_event_that_cannot_be_fanned_out_is_set_aside_and_holds_back_no_other(
    retailer_user, one_event_fails, caplog
):
    endpoint_for(retailer_user)
    connection_request(user=retailer_user, organization_name="Poison")
    connection_request(user=retailer_user, organization_name="Healthy")
    poison, healthy = Event.objects.order_by("id")
    before = timezone.now()

    with caplog.at_level(logging.ERROR, logger="events.tasks"):
        tasks.drain()

    healthy.refresh_from_db()
    poison.refresh_from_db()
    assert healthy.fanned_out
    assert WebhookDelivery.objects.filter(event=healthy).count() == 1
    assert (poison.fanned_out, poison.fan_out_failures) == (False, 1)
    assert "cannot notify of this one" in poison.fan_out_error
    assert poison.fan_out_after >= before + tasks.FIRST_FAN_OUT_RETRY
    assert not WebhookDelivery.objects.filter(event=poison).exists()  # its savepoint rolled back
    assert [record.levelname for record in caplog.records] == ["ERROR"]
    assert str(poison.pk) in caplog.records[0].getMessage()

    tasks.drain()  # too early: it stays aside, and is not counted twice
    poison.refresh_from_db()
    assert poison.fan_out_failures == 1


def test_an_event_set_aside_is_tried_again_when_its_time_comes(retailer_user, one_event_fails, monkeypatch):
    connection_request(user=retailer_user, organization_name="Poison")
    tasks.drain()
    (poison,) = Event.objects.all()
    first_try_again = poison.fan_out_after

    # The clock reaches the time set: tried again, failing again, and set aside twice as long.
    now = first_try_again + timedelta(seconds=1)
    monkeypatch.setattr(tasks.timezone, "now", lambda: now)
    tasks.drain()
    poison.refresh_from_db()
    assert poison.fan_out_failures == 2
    assert poison.fan_out_after == now + 2 * tasks.FIRST_FAN_OUT_RETRY

    # Its cause fixed, the sweep fans it out once its time comes.
    monkeypatch.undo()
    Event.objects.filter(pk=poison.pk).update(fan_out_after=timezone.now() - timedelta(seconds=1))
    tasks.fan_out_left_behind.func.__wrapped__(timestamp=0)
    poison.refresh_from_db()
    assert poison.fanned_out
    assert Notification.objects.filter(event=poison).exists()


def test_the_sweep_fans_out_events_whose_job_was_lost(retailer_user):
    event = event_for(retailer_user.organization)  # written with no fan-out job queued

    tasks.fan_out_left_behind.func.__wrapped__(timestamp=0)

    event.refresh_from_db()
    assert event.fanned_out
    assert Notification.objects.filter(event=event, user=retailer_user).exists()


def test_readyz_reports_events_waiting_too_long(client, retailer_user, settings):
    settings.QUEUE_MAX_LAG_SECONDS = 300
    event = event_for(retailer_user.organization)
    assert client.get("/readyz").status_code == 200

    Event.objects.filter(pk=event.pk).update(created_at=timezone.now() - timedelta(minutes=10))

    late = client.get("/readyz")
    assert late.status_code == 503
    assert late.json()["events_lag_seconds"] >= 600
    assert late.json()["queue_lag_seconds"] == 0


# Events whose object takes a permission to read


def test_the_feed_and_notifications_give_an_event_only_to_who_may_read_its_object(client_for, retailer_user):
    keyless = UserFactory(organization=retailer_user.organization, permissions=[])
    invited = client_for(retailer_user).post(
        "/timp/organizations/users/invite/", {"email": "new@example.com", "first_name": "New"}, format="json"
    )
    assert invited.status_code == 201

    tasks.drain()

    assert "users/invited" in [e["type"] for e in client_for(retailer_user).get("/timp/events/").json()["events"]]
    assert client_for(keyless).get("/timp/events/").json()["events"] == []
    assert client_for(keyless).get("/timp/organizations/users/all/").status_code == 403
    assert Notification.objects.filter(user=retailer_user).exists()
    assert not Notification.objects.filter(user=keyless).exists()
    assert set(READ_PERMISSIONS) <= set(EVENT_TYPES)


# Real-time email from the fan-out


def test_a_line_break_in_a_name_breaks_no_email_of_the_fan_out(retailer_user, mailoutbox):
    colleague = UserFactory(organization=retailer_user.organization)
    for user in (retailer_user, colleague):
        NotificationSetting.objects.create(
            user=user, event_type="connection_requests/created", via="email", enabled=True
        )
    connection_request(user=retailer_user, organization_name="Evil\rBcc: victim@example.com")

    tasks.drain()

    assert sorted(message.to[0] for message in mailoutbox) == sorted([retailer_user.email, colleague.email])
    for message in mailoutbox:
        assert "\r" not in message.subject
        assert message.bcc == []
