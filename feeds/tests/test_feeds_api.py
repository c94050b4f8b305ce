import pytest
from django.utils import timezone

from connections import services as connections
from events.models import Event
from feeds.models import Feed
from feeds.tests.factories import connected_feeds, live_feed, passing_check
from organizations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INTEGRATIONS = [
    {"integration_type": "item", "update_frequency": "0 6 * * *", "file_locations": "sftp://u:secret@host/items"},
    {"integration_type": "order", "update_frequency": "@hourly"},
    {"integration_type": "other", "update_frequency": "@daily"},
]


@pytest.fixture
def feeds(retailer_user, supplier_user, staff_user):
    return connected_feeds(retailer_user, supplier_user, staff_user, INTEGRATIONS)


def address(feed, tail=""):
    return f"/timp/organizations/connections/{feed.connection_id}/integrations/{feed.pk}/{tail}"


def test_approval_opens_a_feed_per_integration_sent_by_the_side_the_guide_names(feeds):
    assert {feed.integration.integration_type: (feed.sender, feed.stage) for feed in feeds} == {
        "item": ("SUPPLIER", "setup"),
        "order": ("RETAILER", "setup"),
        "other": ("SUPPLIER", "setup"),
    }


def test_both_sides_list_the_feeds_and_only_the_sender_sees_the_ping_url(
    client_for, feeds, retailer_user, supplier_user
):
    connection = feeds[0].connection_id
    path = f"/timp/organizations/connections/{connection}/integrations/"

    as_retailer = client_for(retailer_user).get(path).json()
    as_supplier = client_for(supplier_user).get(path).json()

    item = next(feed for feed in as_supplier if feed["integration_type"] == "item")
    assert item["feed_source_file_locations"] == "sftp://u:***@host/items"
    assert item["ping_url"] == f"http://testserver/timp/ping/{feeds[0].ping_key}/"
    assert {feed["integration_type"]: feed["ping_url"] is not None for feed in as_retailer} == {
        "item": False,
        "order": True,
        "other": False,
    }
    assert set(as_retailer[0]["health"]) == {
        "status",
        "last_run_at",
        "last_status",
        "next_expected_at",
        "late_since",
        "missed_runs_30d",
        "on_time_30d",
    }
    assert as_retailer[0]["health"]["status"] == "paused"


def test_a_colleague_without_manage_connections_sees_no_ping_url(client_for, feeds, supplier_user):
    colleague = UserFactory(organization=supplier_user.organization, permissions=[])
    path = f"/timp/organizations/connections/{feeds[0].connection_id}/integrations/"

    assert all(feed["ping_url"] is None for feed in client_for(colleague).get(path).json())


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"schedule_timezone": "Mars/Olympus"}, "schedule_timezone"),
        ({"grace_minutes": 0}, "grace_minutes"),
        ({"grace_minutes": 10081}, "grace_minutes"),
        ({"update_frequency": "0 0 30 2 *"}, "update_frequency"),
        ({"sender": "RETAILER"}, "sender"),
        ({"stage": "flying"}, "stage"),
    ],
)
def test_a_bad_change_is_a_400_naming_the_field_and_changes_nothing(client_for, feeds, supplier_user, change, field):
    item = feeds[0]
    before = list(Feed.objects.values_list())

    response = client_for(supplier_user).patch(address(item), change)

    assert response.status_code == 400, response.content
    assert field in response.json()
    assert list(Feed.objects.values_list()) == before


def test_settings_change_and_tell_both_sides(client_for, feeds, supplier_user, retailer_user):
    response = client_for(supplier_user).patch(
        address(feeds[0]), {"schedule_timezone": "Europe/Berlin", "grace_minutes": 30, "update_frequency": "0 7 * * *"}
    )

    assert response.status_code == 200, response.content
    assert response.json()["schedule_timezone"] == "Europe/Berlin"
    assert response.json()["update_frequency"] == "0 7 * * *"
    event = Event.objects.get(type="integrations/updated")
    assert set(event.audience.values_list("organization_id", flat=True)) == {
        retailer_user.organization_id,
        supplier_user.organization_id,
    }
    assert event.data["record_uuid"] == str(feeds[0].pk)
    assert event.data["ping_url"] is None


def test_an_other_feeds_sender_can_be_set(client_for, feeds, supplier_user):
    other = next(feed for feed in feeds if feed.integration.integration_type == "other")

    response = client_for(supplier_user).patch(address(other), {"sender": "RETAILER"})

    assert response.status_code == 200
    assert response.json()["sender"] == "RETAILER"


def test_live_needs_a_passing_check(client_for, feeds, supplier_user):
    client = client_for(supplier_user)
    assert client.patch(address(feeds[0]), {"stage": "testing"}).status_code == 200

    refused = client.patch(address(feeds[0]), {"stage": "live"})
    passing_check(feeds[0])
    accepted = client.patch(address(feeds[0]), {"stage": "live"})

    assert refused.status_code == 422
    assert "passing file check" in refused.json()["detail"]
    assert accepted.status_code == 200
    assert accepted.json()["stage"] == "live"
    assert accepted.json()["health"]["status"] == "new"
    assert accepted.json()["health"]["next_expected_at"] is not None
    assert Event.objects.filter(type="integrations/stage_changed").count() == 2


def test_stages_follow_their_order(client_for, feeds, supplier_user):
    response = client_for(supplier_user).patch(address(feeds[0]), {"stage": "live"})

    assert response.status_code == 422
    assert "setup can move to testing" in response.json()["detail"]


def test_deactivation_pauses_the_feeds_and_then_they_cannot_change(client_for, feeds, supplier_user, staff_user):
    live_feed(feeds[0], supplier_user, timezone.now())
    connection = feeds[0].connection
    connections.deactivate_connection(connection=connection, user=staff_user)

    response = client_for(supplier_user).patch(address(feeds[0]), {"grace_minutes": 5})

    assert response.status_code == 422
    assert set(Feed.objects.values_list("stage", "health", "alert_at")) == {("paused", "paused", None)}


def test_another_organizations_feed_is_a_404(client_for, feeds, other_retailer_user):
    client = client_for(other_retailer_user)

    assert client.get(address(feeds[0])).status_code == 404
    assert client.get(f"/timp/organizations/connections/{feeds[0].connection_id}/integrations/").status_code == 404
    assert client.patch(address(feeds[0]), {"grace_minutes": 5}).status_code == 404
