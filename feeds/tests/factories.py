from datetime import datetime, timedelta

from django.utils import timezone

from connections import services as connections
from connections.models import ConnectionRequest, RequestComment, RequestImport
from connections.tests.factories import connection_request
from feeds import services
from feeds.models import Check, Feed
from organizations.tests.factories import AccountManagerFactory, SupplierOrganizationFactory, UserFactory


def connected_feeds(retailer_user, supplier_user, staff_user, integrations=None) -> list[Feed]:
    """The feeds of a connection between the two users' organizations, as approval opens them
    (in setup); `integrations` as a request names them."""
    body = {"organization_name": supplier_user.organization.name}
    if integrations is not None:
        body["requested_integrations"] = integrations
    asked = connection_request(user=retailer_user, **body)
    connection = connections.approve_request(
        connection_request=asked, user=staff_user, organization=supplier_user.organization
    )
    return list(Feed.objects.filter(connection=connection).select_related("integration", "connection"))


def passing_check(feed: Feed) -> Check:
    return Check.objects.create(feed=feed, file_name="ok.csv", spec="tracking", passed=True, rows=1, error_count=0)


def live_feed(feed: Feed, user, now) -> Feed:
    """The feed moved through testing to live at `now`, after a passing check."""
    passing_check(feed)
    services.update_feed(feed=feed, user=user, stage="testing", now=now)
    return services.update_feed(feed=feed, user=user, stage="live", now=now)


def owned_feed(user, *, sent_by_the_other_side: bool = False) -> Feed:
    """A feed of a new connection of `user`'s (retailer) organization, sent by it (orders) or
    by the other side (tracking); its `path_pks` name it in a nested path."""
    supplier = UserFactory(organization=SupplierOrganizationFactory())
    integration = {"integration_type": "tracking" if sent_by_the_other_side else "order", "update_frequency": "@daily"}
    (feed,) = connected_feeds(user, supplier, AccountManagerFactory().user, [integration])
    feed.path_pks = (feed.connection_id, feed.pk)
    return feed


def owned_run(user, *, nested: bool = True):
    """A run of a live feed `user`'s organization sends; `path_pks` as for its feed when
    `nested` (named under its feed), else its UUID alone."""
    feed = live_feed(owned_feed(user), user, timezone.now())
    run = services.report_run(feed=feed, user=user, status="Pending")
    if nested:
        run.path_pks = (feed.connection_id, feed.pk, run.pk)
    return run


def requested_at(connection_request: ConnectionRequest, at: datetime, decided_at: datetime | None = None) -> None:
    ConnectionRequest.objects.filter(pk=connection_request.pk).update(request_date=at, decided_at=decided_at)


def console_work(retailer_user, staff_user, now: datetime, batch: int = 0) -> dict:
    """The console's work as of `now`: requests over the last weeks, some decided; a late and
    a failing feed; a running import; threads answered and not (`batch` names another set)."""
    pending = [connection_request(user=retailer_user, organization_name=f"Pending {batch}-{n}") for n in range(3)]
    for request, days in zip(pending, [40, 2, 0], strict=True):
        requested_at(request, now - timedelta(days=days, hours=1))
    decided = [connection_request(user=retailer_user, organization_name=f"Decided {batch}-{n}") for n in range(3)]
    for request, hours in zip(decided, [5, 30, 70], strict=True):
        connections.deny_request(connection_request=request, user=staff_user, reason="No.")
        requested_at(request, now - timedelta(days=3), decided_at=now - timedelta(days=3) + timedelta(hours=hours))
    late, failing, fine = (owned_feed(UserFactory(organization=retailer_user.organization)) for _ in range(3))
    Feed.objects.filter(pk=late.pk).update(stage="live", health="late", late_since=now - timedelta(hours=3))
    Feed.objects.filter(pk=failing.pk).update(stage="live", health="failing", last_run_at=now - timedelta(hours=1))
    Feed.objects.filter(pk=fine.pk).update(stage="live", health="up")
    RequestImport.objects.create(
        organization=retailer_user.organization,
        file_name="suppliers.csv",
        storage_name="imports/x.csv",
        kind="csv",
        header=["organization_name"],
        status="running",
        total_rows=500,
        processed_rows=120,
    )
    asked, answered, noted = pending
    said = [
        (asked, retailer_user, "Any news?", False),
        (answered, retailer_user, "Is it approved?", False),
        (answered, staff_user, "Tomorrow.", False),
        (noted, retailer_user, "Still waiting.", False),
        (noted, staff_user, "Ask legal.", True),
    ]
    for hours_ago, (on, author, body, internal) in zip(range(len(said), 0, -1), said, strict=True):
        comment = connections.comment_on(connection_request=on, user=author, body=body, internal=internal)
        RequestComment.objects.filter(pk=comment.pk).update(created_at=now - timedelta(hours=hours_ago))
    return {"late": late, "failing": failing}
