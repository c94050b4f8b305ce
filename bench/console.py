"""console_dashboard: the account managers' dashboard (the console's index), read by a logged-in
account manager over the whole data set under the API scenarios' wrk load. The data set's
requests are spread over the last DAYS days and a third of them decided; some live feeds are
late or failing; threads wait for an answer."""

import urllib.request
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.utils import timezone

DAYS = 60
COMMENTS = 2_000
TROUBLED_FEEDS = 30


def prepare(world: dict) -> str:
    """Gives the data set its history; returns the Cookie header of an account manager's session."""
    from connections.models import ConnectionRequest, RequestComment
    from feeds.models import Feed
    from organizations.apps import ACCOUNT_MANAGERS_GROUP
    from organizations.tests.factories import AccountManagerFactory

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE connections_connectionrequest SET request_date = now() - random() * %s * interval '1 day' "
            "WHERE status = 'pending'",
            [DAYS],
        )
        cursor.execute(
            "UPDATE connections_connectionrequest SET status = 'denied', decision_reason = 'Not now.', "
            "decided_at = LEAST(now(), request_date + random() * interval '5 days') "
            "WHERE status = 'pending' AND random() < 0.33"
        )
    asked = list(ConnectionRequest.objects.filter(status="pending").select_related("organization")[:COMMENTS])
    RequestComment.objects.bulk_create(
        RequestComment(request=request, author=world["user"], organization=request.organization, body="Any news?")
        for request in asked
    )
    RequestComment.objects.bulk_create(
        RequestComment(request=request, author=None, body="Soon.") for request in asked[::2]
    )
    live = Feed.objects.filter(stage="live").order_by("pk").values_list("pk", flat=True)[:TROUBLED_FEEDS]
    Feed.objects.filter(pk__in=list(live)).update(health="late", late_since=timezone.now() - timedelta(hours=2))
    manager = AccountManagerFactory().user
    manager.groups.add(Group.objects.get(name=ACCOUNT_MANAGERS_GROUP))
    browser = Client()
    browser.force_login(manager)
    return f"Cookie: {settings.SESSION_COOKIE_NAME}={browser.cookies[settings.SESSION_COOKIE_NAME].value}"


def check(base: str, cookie: str) -> None:
    """The page wrk will read is the dashboard, not a redirect to the login."""
    request = urllib.request.Request(
        f"{base}/admin/", headers={"Cookie": cookie.removeprefix("Cookie: "), "X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        if 'id="pending-count"' not in response.read().decode():
            raise RuntimeError("The dashboard did not open: the session was not taken.")
