"""The console as an account manager sees it: its names, and the dashboard that is its index."""

import re
import statistics
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib import admin
from django.test import Client

from connections.models import ConnectionRequest, RequestImport
from connections.services import comment_on, deny_request
from connections.tests.factories import connection_request
from feeds.models import Feed
from feeds.tests.factories import owned_feed
from organizations.tests.factories import AccountManagerFactory, UserFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
# The session and its user, the user's permissions and its groups', then one query per figure.
DASHBOARD_QUERIES = 2 + 2 + 6


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(admin.site, "now", lambda: NOW)
    return NOW


def test_the_console_is_titled_and_sectioned_for_the_work(account_manager_console):
    html = account_manager_console.get("/admin/").content.decode()

    assert "<title>The work | TIMP console</title>" in html
    assert "Django administration" not in html
    assert "Django site admin" not in html
    sections = re.findall(r'class="section"[^>]*>([^<]+)</a>', html)
    assert sections[:5] == ["Requests", "Connections &amp; feeds", "Members", "People &amp; access", "Access"]
    access = html[html.index(">Access</a>") : html.index("</table>", html.index(">Access</a>"))]
    assert "Auth tokens" in access
    assert "Api keys" in access


def test_an_apps_own_page_still_lists_its_models(account_manager_console):
    html = account_manager_console.get("/admin/connections/").content.decode()

    assert "Connection requests" in html
    assert "TIMP console" in html


def text_of(html: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}"[^>]*>(.*?)</', html, re.S)
    assert found, f"no #{element_id} on the page"
    return found.group(1).strip()


def requested_at(connection_request: ConnectionRequest, at: datetime, decided_at: datetime | None = None) -> None:
    ConnectionRequest.objects.filter(pk=connection_request.pk).update(request_date=at, decided_at=decided_at)


def make_work(retailer_user, staff_user, batch: int = 0) -> dict:
    """Requests over the last weeks, some decided; a late and a failing feed; a running
    import; threads answered and not."""
    pending = [connection_request(user=retailer_user, organization_name=f"Pending {batch}-{n}") for n in range(3)]
    for request, days in zip(pending, [40, 2, 0], strict=True):
        requested_at(request, NOW - timedelta(days=days, hours=1))
    decided = [connection_request(user=retailer_user, organization_name=f"Decided {batch}-{n}") for n in range(3)]
    for request, hours in zip(decided, [5, 30, 70], strict=True):
        deny_request(connection_request=request, user=staff_user, reason="No.")
        requested_at(request, NOW - timedelta(days=3), decided_at=NOW - timedelta(days=3) + timedelta(hours=hours))
    late, failing, fine = (owned_feed(UserFactory(organization=retailer_user.organization)) for _ in range(3))
    Feed.objects.filter(pk=late.pk).update(stage="live", health="late", late_since=NOW - timedelta(hours=3))
    Feed.objects.filter(pk=failing.pk).update(stage="live", health="failing", last_run_at=NOW - timedelta(hours=1))
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
    comment_on(connection_request=asked, user=retailer_user, body="Any news?")
    comment_on(connection_request=answered, user=retailer_user, body="Is it approved?")
    comment_on(connection_request=answered, user=staff_user, body="Tomorrow.")
    comment_on(connection_request=noted, user=retailer_user, body="Still waiting.")
    comment_on(connection_request=noted, user=staff_user, body="Ask legal.", internal=True)
    return {"late": late, "failing": failing}


def test_the_dashboard_shows_the_work_as_the_database_has_it(account_manager_console, clock, retailer_user, staff_user):
    feeds = make_work(retailer_user, staff_user)

    html = account_manager_console.get("/admin/").content.decode()

    pending = ConnectionRequest.objects.filter(status="pending").order_by("request_date")
    assert text_of(html, "pending-count") == str(pending.count()) == "3"
    assert text_of(html, "pending-oldest") == "1\xa0month, 1\xa0week"  # 40 days and an hour
    in_window = ConnectionRequest.objects.filter(request_date__range=(datetime(2026, 10, 22, tzinfo=UTC), NOW))
    assert text_of(html, "new-requests") == str(in_window.count()) == "5"
    bars = re.findall(r"<rect class=\"bar\"[^>]*><title>([^<]+)</title>", html)
    assert len(bars) == 30
    assert bars[-1] == "Fri 20 Nov: 1"
    assert bars[-3] == "Wed 18 Nov: 1"
    assert bars[-4] == "Tue 17 Nov: 3"
    decided = ConnectionRequest.objects.filter(decided_at__range=(NOW - timedelta(days=30), NOW))
    waits = [decision.decided_at - decision.request_date for decision in decided]
    assert statistics.median(waits) == timedelta(hours=30)
    assert text_of(html, "median-decision") == "1\xa0day, 6\xa0hours"
    assert text_of(html, "decided-count") == "3"
    assert text_of(html, "troubled-count") == "2"
    troubled = html[html.index('id="troubled-feeds"') :]
    assert troubled.index(f"/admin/connections/connection/{feeds['late'].connection_id}/change/") < troubled.index(
        f"/admin/connections/connection/{feeds['failing'].connection_id}/change/"
    )
    assert '<progress value="120" max="500"' in html
    awaiting = html[html.index('id="awaiting-answer"') : html.index("</ul>", html.index('id="awaiting-answer"'))]
    assert re.findall(r"<blockquote>([^<]+)</blockquote>", awaiting) == ["Still waiting.", "Any news?"]


def test_each_figure_is_one_query_whatever_the_data(
    account_manager_console, clock, retailer_user, staff_user, django_assert_num_queries
):
    make_work(retailer_user, staff_user)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        account_manager_console.get("/admin/")
    make_work(retailer_user, staff_user, batch=1)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        assert account_manager_console.get("/admin/").status_code == 200


def test_a_staff_user_sees_only_the_figures_of_its_permissions(clock, retailer_user, staff_user):
    make_work(retailer_user, staff_user)
    browser = Client()
    browser.force_login(AccountManagerFactory().user)  # staff, in no group

    html = browser.get("/admin/").content.decode()

    assert 'class="panels"' in html
    assert "pending-count" not in html
    assert "Any news?" not in html


def test_members_never_see_the_dashboard(retailer_user):
    browser = Client()
    browser.force_login(retailer_user)

    response = browser.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
