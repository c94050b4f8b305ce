from django.utils import timezone

from connections import services as connections
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
