from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from events import tasks
from events.models import Event, Notification, WebhookDelivery
from events.tests.factories import endpoint_for
from feeds import selectors, services
from feeds.models import Feed, Run
from feeds.tests.factories import connected_feeds, live_feed
from organizations import services as organizations

pytestmark = pytest.mark.django_db

DAILY = [{"integration_type": "tracking", "update_frequency": "0 6 * * *"}]


@pytest.fixture
def feed(retailer_user, supplier_user, staff_user):
    (found,) = connected_feeds(retailer_user, supplier_user, staff_user, DAILY)
    return found


def runs(feed, tail=""):
    return f"/timp/organizations/connections/{feed.connection_id}/integrations/{feed.pk}/runs/{tail}"


def test_the_sender_reports_a_run_in_the_upstream_shape(client_for, feed, supplier_user):
    live_feed(feed, supplier_user, timezone.now())

    response = client_for(supplier_user).post(runs(feed), {"status": "Successful", "file_name": "t.csv", "count": 12})

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {
        "uuid",
        "date_imported",
        "file_name",
        "imported_to",
        "status",
        "failure_message",
        "count",
        "reported_by",
    }
    assert (body["imported_to"], body["status"], body["count"]) == ("tracking", "Successful", 12)
    assert body["reported_by"] == {"kind": "user", "uuid": str(supplier_user.pk)}
    assert Feed.objects.get(pk=feed.pk).health == "up"


def test_an_api_key_reports_a_run(client_for, feed, supplier_user, anonymous):
    live_feed(feed, supplier_user, timezone.now())
    api_key, secret = organizations.create_api_key(
        organization=supplier_user.organization,
        name="cron",
        created_by=supplier_user,
        permissions=["manage_connections"],
    )
    anonymous.credentials(HTTP_AUTHORIZATION=f"Token {secret}")

    response = anonymous.post(runs(feed), {"status": "Successful"})

    assert response.status_code == 201, response.content
    assert response.json()["reported_by"] == {"kind": "api_key", "uuid": str(api_key.pk)}


def test_the_receiving_side_cannot_report_and_a_feed_not_live_takes_no_run(
    client_for, feed, retailer_user, supplier_user
):
    not_live = client_for(supplier_user).post(runs(feed), {"status": "Successful"})
    live_feed(feed, supplier_user, timezone.now())
    receiver = client_for(retailer_user).post(runs(feed), {"status": "Successful"})

    assert not_live.status_code == 422
    assert receiver.status_code == 409
    assert not Run.objects.exists()


def test_an_idempotency_key_reports_once(client_for, feed, supplier_user):
    live_feed(feed, supplier_user, timezone.now())
    client = client_for(supplier_user)

    first = client.post(runs(feed), {"status": "Successful"}, HTTP_IDEMPOTENCY_KEY="run-1")
    again = client.post(runs(feed), {"status": "Successful"}, HTTP_IDEMPOTENCY_KEY="run-1")

    assert first.json() == again.json()
    assert Run.objects.count() == 1


def test_a_pending_run_ends_once(client_for, feed, supplier_user):
    live_feed(feed, supplier_user, timezone.now())
    client = client_for(supplier_user)
    pending = client.post(runs(feed), {"status": "Pending"}).json()

    ended = client.patch(runs(feed, f"{pending['uuid']}/"), {"status": "Failed", "failure_message": "Corrupt File"})
    again = client.patch(runs(feed, f"{pending['uuid']}/"), {"status": "Successful"})

    assert ended.status_code == 200
    assert (ended.json()["status"], ended.json()["failure_message"]) == ("Failed", "Corrupt File")
    assert again.status_code == 422
    assert Feed.objects.get(pk=feed.pk).health == "failing"


def test_runs_are_listed_newest_first_and_in_the_imports(
    client_for, feed, supplier_user, retailer_user, other_retailer_user
):
    live_feed(feed, supplier_user, timezone.now())
    client = client_for(supplier_user)
    for day in (1, 3, 2):
        client.post(runs(feed), {"status": "Successful", "date_imported": f"2026-07-0{day}T06:00:00Z"})

    listed = client_for(retailer_user).get(runs(feed)).json()
    imports = client_for(retailer_user).get("/timp/data-integration/imports/")
    first = listed["runs"][0]
    detail = client_for(supplier_user).get(f"/timp/data-integration/imports/{first['uuid']}/")
    stranger = client_for(other_retailer_user).get(f"/timp/data-integration/imports/{first['uuid']}/")

    assert [run["date_imported"][:10] for run in listed["runs"]] == ["2026-07-03", "2026-07-02", "2026-07-01"]
    assert [run["uuid"] for run in imports.json()] == [run["uuid"] for run in listed["runs"]]
    assert imports["X-Total-Count"] == "3"
    assert detail.json() == {"detail": first}
    assert stranger.status_code == 404
    assert client_for(other_retailer_user).get("/timp/data-integration/imports/").json() == []


def test_pings_record_runs_and_start_then_complete_one(anonymous, feed, supplier_user):
    live_feed(feed, supplier_user, timezone.now())
    ping = f"/timp/ping/{feed.ping_key}/"

    started = anonymous.post(f"{ping}start/")
    completed = anonymous.get(ping)
    failed = anonymous.generic("POST", f"{ping}fail/", "disk full\x00!", content_type="text/plain")

    assert started.status_code == completed.status_code == failed.status_code == 200
    assert started.json()["run"]["uuid"] == completed.json()["run"]["uuid"]
    assert completed.json()["run"]["status"] == "Successful"
    assert failed.json()["run"]["failure_message"] == "disk full!"
    assert failed.json()["run"]["reported_by"] == {"kind": "ping", "uuid": None}
    assert Run.objects.count() == 2


def test_a_ping_after_its_started_run_ended_elsewhere_records_a_new_one(anonymous, client_for, feed, supplier_user):
    live_feed(feed, supplier_user, timezone.now())
    started = anonymous.post(f"/timp/ping/{feed.ping_key}/start/").json()["run"]
    client_for(supplier_user).patch(runs(feed, f"{started['uuid']}/"), {"status": "Failed"})

    pinged = anonymous.get(f"/timp/ping/{feed.ping_key}/")

    assert pinged.status_code == 200
    assert pinged.json()["run"]["uuid"] != started["uuid"]
    assert Feed.objects.get(pk=feed.pk).health == "up"


def test_a_ping_key_never_reaches_the_log(anonymous, feed, captured_logs):
    anonymous.get(f"/timp/ping/{feed.ping_key}/")
    anonymous.get("/timp/badges/some-unknown-key.svg")  # a 404, which Django logs too
    anonymous.post(f"/timp/ping/{feed.ping_key}//fail/")  # a path that resolves to nothing

    logged = captured_logs.getvalue()
    assert "/timp/ping/***/" in logged
    assert feed.ping_key not in logged
    assert "some-unknown-key" not in logged


def test_a_ping_to_a_paused_feed_is_kept_and_says_so(anonymous, feed):
    response = anonymous.get(f"/timp/ping/{feed.ping_key}/")

    assert response.status_code == 200
    assert response.json()["watched"] is False
    assert Run.objects.count() == 1


def test_an_unknown_or_replaced_ping_key_is_a_404(anonymous, client_for, feed, supplier_user):
    old = feed.ping_key
    path = f"/timp/organizations/connections/{feed.connection_id}/integrations/{feed.pk}/ping-key/"

    replaced = client_for(supplier_user).post(path)

    assert replaced.status_code == 200
    assert anonymous.get(f"/timp/ping/{old}/").status_code == 404
    assert anonymous.get("/timp/ping/nothing-like-a-key/").status_code == 404
    assert anonymous.get(replaced.json()["ping_url"].removeprefix("http://testserver")).status_code == 200


# The monitor, against a given clock.
LIVE_AT = datetime(2026, 7, 1, 12, tzinfo=UTC)  # the first expected run: 2 July 06:00, late at 07:00


def test_a_feed_goes_late_once_recovers_once_and_fails_once(feed, supplier_user):
    live_feed(feed, supplier_user, LIVE_AT)
    before_grace_ends = datetime(2026, 7, 2, 6, 59, tzinfo=UTC)
    after = datetime(2026, 7, 2, 7, 1, tzinfo=UTC)

    assert services.watch(before_grace_ends) == 0
    assert services.watch(after) == 1
    assert services.watch(after + timedelta(minutes=5)) == 0
    services.report_run(feed=feed, user=supplier_user, status="Successful", now=after + timedelta(minutes=10))
    services.report_run(feed=feed, user=supplier_user, status="Failed", now=after + timedelta(hours=1))
    services.report_run(feed=feed, user=supplier_user, status="Failed", now=after + timedelta(hours=2))

    types = list(
        Event.objects.filter(type__in=["integrations/late", "integrations/recovered", "integrations/failed"])
        .order_by("id")
        .values_list("type", flat=True)
    )
    assert types == ["integrations/late", "integrations/recovered", "integrations/failed"]
    late = Event.objects.get(type="integrations/late")
    assert late.data["health"]["status"] == "late"
    assert late.data["health"]["late_since"] == "2026-07-02T07:00:00.000000Z"
    assert late.audience.count() == 2


def test_a_late_feed_reaches_both_sides_notifications_and_webhooks(feed, supplier_user, retailer_user):
    live_feed(feed, supplier_user, LIVE_AT)
    endpoint = endpoint_for(retailer_user, event_types=["integrations/late"])
    services.watch(datetime(2026, 7, 2, 8, tzinfo=UTC))

    tasks.drain()

    late = Event.objects.get(type="integrations/late")
    assert Notification.objects.filter(event=late, user__in=[retailer_user, supplier_user]).count() == 2
    assert WebhookDelivery.objects.filter(endpoint=endpoint, event=late).count() == 1


def test_a_run_in_time_keeps_the_feed_up_and_moves_the_next_expected_time(feed, supplier_user):
    live_feed(feed, supplier_user, LIVE_AT)
    services.report_run(feed=feed, user=supplier_user, status="Successful", now=datetime(2026, 7, 2, 6, 20, tzinfo=UTC))

    assert services.watch(datetime(2026, 7, 2, 8, tzinfo=UTC)) == 0
    found = Feed.objects.get(pk=feed.pk)
    assert (found.health, found.next_expected_at) == ("up", datetime(2026, 7, 3, 6, tzinfo=UTC))


@pytest.mark.parametrize("count", [1, 20])
def test_the_monitor_costs_the_same_queries_whatever_the_number_of_late_feeds(
    count, retailer_user, supplier_user, staff_user, django_assert_num_queries
):
    feeds = connected_feeds(retailer_user, supplier_user, staff_user, DAILY * count)
    for found in feeds:
        live_feed(found, supplier_user, LIVE_AT)

    # 1 savepoint, 2 a batch of late feeds found and locked, with their connections, 3 changed,
    # 4 their runs of 30 days, 5 the events, 6 release
    with django_assert_num_queries(6):
        assert services.watch(datetime(2026, 7, 2, 8, tzinfo=UTC)) == count
    assert Event.objects.filter(type="integrations/late").count() == count


def test_a_backlog_larger_than_a_batch_is_ticked_through_batch_by_batch(
    monkeypatch, retailer_user, supplier_user, staff_user
):
    monkeypatch.setattr(services, "WATCH_BATCH", 3)
    for found in connected_feeds(retailer_user, supplier_user, staff_user, DAILY * 7):
        live_feed(found, supplier_user, LIVE_AT)
    late = datetime(2026, 7, 2, 8, tzinfo=UTC)

    assert services.watch(late) == 3
    assert services.watch_all(late) == 4
    assert Feed.objects.filter(health="late").count() == 7
    assert Event.objects.filter(type="integrations/late").count() == 7


def test_health_counts_the_last_30_days_against_the_schedule(feed, supplier_user):
    live_feed(feed, supplier_user, LIVE_AT)  # expected: 06:00 on 2, 3, 4, 5 and 6 July
    for moment in (
        datetime(2026, 7, 2, 6, 10, tzinfo=UTC),  # on time
        datetime(2026, 7, 3, 8, 0, tzinfo=UTC),  # after the hour of grace: late
        # none on the 4th: missed
        datetime(2026, 7, 5, 6, 30, tzinfo=UTC),  # on time
        datetime(2026, 7, 6, 5, 50, tzinfo=UTC),  # early: on time
    ):
        services.report_run(feed=feed, user=supplier_user, status="Successful", now=moment)
    now = datetime(2026, 7, 6, 12, tzinfo=UTC)

    (found,) = selectors.prepared([Feed.objects.select_related("integration").get(pk=feed.pk)], now=now)

    assert (found.record.missed, found.record.on_time_share) == (1, 0.6)
    days = {day["date"]: day for day in found.record.days}
    assert len(found.record.days) == 30
    assert found.record.days[-1]["date"] == "2026-07-06"
    assert [
        (days[f"2026-07-0{n}"]["on_time"], days[f"2026-07-0{n}"]["late"], days[f"2026-07-0{n}"]["missed"])
        for n in range(1, 7)
    ] == [(0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 0, 0), (1, 0, 0)]


def test_the_health_answer_has_30_days_ending_today(client_for, feed, supplier_user):
    body = client_for(supplier_user).get(f"/timp/organizations/connections/{feed.connection_id}/health/").json()

    assert len(body["days"]) == 30
    assert body["days"][-1]["date"] == timezone.now().date().isoformat()
    assert [feed["record_uuid"] for feed in body["feeds"]] == [str(feed.pk)]


def test_badges_say_the_worst_health(anonymous, client_for, retailer_user, supplier_user, staff_user):
    first, _ = connected_feeds(retailer_user, supplier_user, staff_user, DAILY * 2)
    live_feed(first, supplier_user, LIVE_AT)
    services.watch(datetime(2026, 7, 2, 8, tzinfo=UTC))
    badge_url = (
        client_for(retailer_user)
        .get(f"/timp/organizations/connections/{first.connection_id}/health/")
        .json()["badge_url"]
    )
    key = badge_url.rsplit("/", 1)[1].removesuffix(".svg")

    svg = anonymous.get(f"/timp/badges/{key}.svg")
    as_json = anonymous.get(f"/timp/badges/{key}.json")

    assert svg["Content-Type"] == "image/svg+xml"
    assert b"2 late" in svg.content
    assert as_json.json() == {"status": "late", "feeds": 2}
    assert anonymous.get("/timp/badges/unknown.json").status_code == 404
