"""Events written with each change (an outbox), the feed, notifications and their settings."""

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from connections import services as connection_services
from connections.models import ConnectionRequest
from connections.tests.factories import connection_request
from events import notifying
from events.models import Event, EventAudience, Notification, NotificationSetting
from events.tasks import distribute, fan_out, fan_out_batch
from events.tests.factories import event_for
from organizations.tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

FEED = "/timp/events/"
SETTINGS = "/timp/notifications/notification-settings/"


def fan_out_jobs() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM procrastinate_jobs WHERE task_name = %s", [fan_out.name])
        return cursor.fetchone()[0]


def types_in(client, **query) -> list[str]:
    return [event["type"] for event in client.get(FEED, query).json()["events"]]


def test_a_change_writes_its_event_with_the_objects_shape(client_for, retailer_user):
    client = client_for(retailer_user)
    created = client.post(
        "/timp/organizations/connections/request/",
        {"organization_name": "Acme", "primary_contact_name": "Bob Brown"},
        format="json",
    ).json()

    (event,) = client.get(FEED).json()["events"]

    assert event["type"] == "connection_requests/created"
    assert event["data"] == client.get(f"/timp/organizations/connections/request/{created['uuid']}/").json()
    assert list(event) == ["id", "type", "created_at", "data"]


def test_a_change_that_rolls_back_has_no_event(retailer_user):
    def create_then_fail():
        with transaction.atomic():
            connection_request(user=retailer_user)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        create_then_fail()

    assert not Event.objects.exists()
    assert not ConnectionRequest.objects.exists()
    assert fan_out_jobs() == 0


def test_events_wait_for_one_fan_out_job_that_takes_them_all(retailer_user):
    for name in ("First", "Second", "Third"):
        connection_request(user=retailer_user, organization_name=name)

    assert fan_out_jobs() == 1
    assert [fan_out_batch(2), fan_out_batch(2), fan_out_batch(2)] == [2, 1, 0]
    assert not Event.objects.filter(fanned_out=False).exists()
    assert Notification.objects.filter(user=retailer_user).count() == 3


def test_each_organization_hears_only_of_what_it_sees(client_for, retailer_user, supplier_user, staff_user):
    created = connection_request(user=retailer_user, organization_name="Supplier Co")
    connection = connection_services.approve_request(
        connection_request=created, user=staff_user, organization=supplier_user.organization
    )
    connection_services.confirm_connection(connection=connection, user=supplier_user)
    other = UserFactory()

    assert types_in(client_for(retailer_user)) == [
        "connection_requests/created",
        "connection_requests/approved",
        "connections/created",
        "connections/confirmed",
    ]
    assert types_in(client_for(supplier_user)) == [
        "connection_requests/approved",
        "connections/created",
        "connections/confirmed",
    ]
    assert types_in(client_for(staff_user)) == ["connection_requests/created"]
    assert types_in(client_for(other)) == []


def test_polling_with_after_never_misses_or_repeats(client_for, retailer_user, django_assert_num_queries):
    client = client_for(retailer_user)
    for n in range(7):
        connection_request(user=retailer_user, organization_name=f"Partner {n}")
    client.get(FEED, {"limit": 3})

    seen, after = [], 0
    while True:
        # token and user; throttle; the page of events: the same for any size
        with django_assert_num_queries(3):
            page = client.get(FEED, {"after": after, "limit": 3}).json()
        if page["next_after"] is None:
            break
        seen += [event["id"] for event in page["events"]]
        after = page["next_after"]

    assert seen == sorted(set(seen))
    assert len(seen) == 7


@pytest.mark.parametrize("query", [{"after": "-1"}, {"after": "x"}, {"limit": "0"}, {"limit": "1001"}])
def test_bad_feed_parameters_are_400(client_for, retailer_user, query):
    assert client_for(retailer_user).get(FEED, query).status_code == 400


def test_connection_events_carry_both_partners_and_masked_locations(
    client_for, retailer_user, supplier_user, staff_user
):
    created = connection_request(
        user=retailer_user,
        organization_name="Supplier Co",
        requested_integrations=[{"integration_type": "item", "file_locations": "sftp://u:secret@host/in"}],
    )
    connection_services.approve_request(
        connection_request=created, user=staff_user, organization=supplier_user.organization
    )

    events = {e["type"]: e["data"] for e in client_for(supplier_user).get(FEED).json()["events"]}

    assert events["connections/created"]["supplier"]["organization"]["name"] == "Supplier Co"
    location = events["connection_requests/approved"]["integrations"][0]["feed_source_file_locations"]
    assert "secret" not in location


def test_pending_requests_expire_after_the_configured_days(client_for, retailer_user, settings):
    settings.REQUEST_EXPIRY_DAYS = 30
    old = connection_request(user=retailer_user, organization_name="Old")
    fresh = connection_request(user=retailer_user, organization_name="Fresh")
    ConnectionRequest.objects.filter(pk=old.pk).update(request_date=timezone.now() - timedelta(days=31))

    assert connection_services.expire_requests(now=timezone.now()) == 1

    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, fresh.status) == ("expired", "pending")
    assert types_in(client_for(retailer_user))[-1] == "connection_requests/expired"
    # A frozen clock 30 days on expires the other one too.
    assert connection_services.expire_requests(now=timezone.now() + timedelta(days=31)) == 1


# Notifications


def test_people_are_notified_on_the_dashboard_and_mark_them_read(client_for, retailer_user, mailoutbox):
    created = connection_request(user=retailer_user, organization_name="Acme")
    distribute([Event.objects.get()])
    distribute([Event.objects.get()])  # running twice notifies nobody twice
    client = client_for(retailer_user)

    (notification,) = client.get("/timp/notifications/").json()

    assert notification["type"] == "Dashboard"
    assert notification["title"] == "A connection request was made: Acme"
    assert notification["read_at"] is None
    assert client.post(f"/timp/notifications/{notification['uuid']}/read/").status_code == 204
    assert client.get("/timp/notifications/").json()[0]["read_at"] is not None
    assert mailoutbox == []  # email is off by default
    assert created.pk


def test_a_user_without_an_email_still_sees_the_dashboard(client_for, retailer_user):
    type(retailer_user).objects.filter(pk=retailer_user.pk).update(email="")
    connection_request(user=retailer_user, organization_name="Acme")

    distribute([Event.objects.get()])

    assert len(client_for(retailer_user).get("/timp/notifications/").json()) == 1


def test_settings_list_every_event_type_and_change_one(client_for, retailer_user):
    client = client_for(retailer_user)
    entries = client.get(SETTINGS).json()
    made = next(entry for entry in entries if entry["notification_name"] == "connection_requests/created")

    assert made["notification_type"] == [
        {"notification_via": "Dashboard", "notification_frequency": "Real-time", "enabled": True},
        {"notification_via": "email", "notification_frequency": "Real-time", "enabled": False},
    ]
    assert made["org_user"] == {"uuid": str(retailer_user.pk)}
    changed = client.put(
        SETTINGS,
        {"uuid": made["uuid"], "notification_via": "email", "enabled": True, "notification_frequency": "Daily"},
        format="json",
    )
    assert changed.status_code == 200
    after = next(entry for entry in changed.json() if entry["uuid"] == made["uuid"])
    assert after["notification_type"][1] == {
        "notification_via": "email",
        "notification_frequency": "Daily",
        "enabled": True,
    }
    unknown = {"uuid": "00000000-0000-0000-0000-000000000000", "notification_via": "email", "enabled": True}
    assert client.put(SETTINGS, unknown, format="json").status_code == 404


def test_settings_need_their_permissions(client_for, retailer_user):
    without = client_for(UserFactory(organization=retailer_user.organization, permissions=[]))

    assert "view_notifications_settings" in without.get(SETTINGS).json()["detail"]
    refused = without.put(SETTINGS, {}, format="json")
    assert "edit_email_notifications_preferences" in refused.json()["detail"]


def test_real_time_email_and_digests(retailer_user, mailoutbox, django_capture_on_commit_callbacks):
    colleague = UserFactory(organization=retailer_user.organization, email="digest@example.com")
    NotificationSetting.objects.create(
        user=retailer_user, event_type="connection_requests/created", via="email", enabled=True
    )
    NotificationSetting.objects.create(
        user=colleague, event_type="connection_requests/created", via="email", enabled=True, frequency="Daily"
    )
    connection_request(user=retailer_user, organization_name="First")
    connection_request(user=retailer_user, organization_name="Second")

    with django_capture_on_commit_callbacks(execute=True):
        for event in Event.objects.order_by("id"):
            distribute([event])
    assert [message.to for message in mailoutbox] == [[retailer_user.email], [retailer_user.email]]

    with django_capture_on_commit_callbacks(execute=True):
        assert notifying.send_digests("Twice a day") == 0
        assert notifying.send_digests("Daily") == 1
        assert notifying.send_digests("Daily") == 0  # each notification goes in one digest
    digest = mailoutbox[-1]
    assert digest.to == ["digest@example.com"]
    assert "First" in digest.body
    assert "Second" in digest.body
    assert digest.alternatives[0][1] == "text/html"
    assert Notification.objects.filter(user=colleague, digest="").count() == 2


def test_an_events_audience_goes_with_the_event_and_with_its_organization(retailer_user, supplier_user):
    """The audience's references have no constraint in the database: Django deletes its rows."""
    old, kept = event_for(retailer_user.organization), event_for(supplier_user.organization)
    EventAudience.objects.create(event=kept, event_xid=kept.xid, organization=retailer_user.organization)
    Event.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))

    Event.objects.filter(created_at__lt=timezone.now() - timedelta(days=30)).delete()  # as the prune does
    assert set(EventAudience.objects.values_list("event", "organization")) == {
        (kept.pk, supplier_user.organization_id),
        (kept.pk, retailer_user.organization_id),
    }

    organization = OrganizationFactory()
    EventAudience.objects.create(event=kept, event_xid=kept.xid, organization=organization)
    organization.delete()
    assert not EventAudience.objects.filter(organization_id=organization.pk).exists()
    assert EventAudience.objects.filter(event=kept).count() == 2
