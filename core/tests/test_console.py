"""The console as an account manager sees it: its names, and the dashboard that is its index."""

import re
import statistics
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib import admin
from django.contrib.auth import backends
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from connections.models import ConnectionRequest
from feeds.tests.factories import console_work
from organizations.apps import ACCOUNT_MANAGERS_GROUP
from organizations.tests.factories import AccountManagerFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
# The session, its user, the user's permissions with its groups', then one query per figure
# (none while the figures are kept).
PAGE_QUERIES = 3
DASHBOARD_QUERIES = PAGE_QUERIES + 6


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """The dashboard's clock, at NOW until a test moves it; no statistic kept from another test."""
    cache.clear()
    given = Clock(NOW)
    monkeypatch.setattr(admin.site, "now", given)
    return given


def test_the_console_is_titled_and_sectioned_for_the_work(account_manager_console):
    html = account_manager_console.get("/admin/").content.decode()

    assert "<title>The work | TIMP console</title>" in html
    assert "Django administration" not in html
    assert "Django site admin" not in html
    sections = re.findall(r'class="section"[^>]*>([^<]+)</a>', html)
    assert sections[:5] == ["Requests", "Connections &amp; feeds", "Members", "People &amp; access", "Access"]
    access = html[html.index(">Access</a>") : html.index("</ul>", html.index(">Access</a>"))]
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


def test_the_dashboard_shows_the_work_as_the_database_has_it(account_manager_console, clock, retailer_user, staff_user):
    feeds = console_work(retailer_user, staff_user, NOW)

    html = account_manager_console.get("/admin/").content.decode()

    pending = ConnectionRequest.objects.filter(status="pending").order_by("request_date")
    assert text_of(html, "pending-count") == str(pending.count()) == "3"
    assert text_of(html, "pending-oldest") == "1\xa0month, 1\xa0week"  # 40 days and an hour
    oldest_first = account_manager_console.get(
        re.search(r'href="([^"]+)">The pending requests, oldest first', html)[1].replace("&amp;", "&")
    )
    assert oldest_first.context["cl"].result_list[0] == pending.first()
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
    console_work(retailer_user, staff_user, NOW)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        account_manager_console.get("/admin/")
    console_work(retailer_user, staff_user, NOW, batch=1)
    cache.clear()
    with django_assert_num_queries(DASHBOARD_QUERIES):
        assert account_manager_console.get("/admin/").status_code == 200


def test_the_figures_are_kept_for_their_period(
    account_manager_console, clock, retailer_user, staff_user, settings, django_assert_num_queries
):
    settings.DASHBOARD_SECONDS = 60  # NOW is 15:30:00, the start of a period
    first = account_manager_console.get("/admin/").content.decode()
    console_work(retailer_user, staff_user, NOW)

    clock.now = NOW + timedelta(seconds=59)
    with django_assert_num_queries(PAGE_QUERIES):
        kept = account_manager_console.get("/admin/").content.decode()
    clock.now = NOW + timedelta(seconds=60)
    anew = account_manager_console.get("/admin/").content.decode()

    assert text_of(first, "pending-count") == text_of(kept, "pending-count") == "0"
    assert "Any news?" not in kept
    assert text_of(anew, "pending-count") == "3"
    assert "Any news?" in anew


def test_an_account_manager_who_just_wrote_through_the_console_reads_the_figures_anew(
    account_manager_console, clock, retailer_user, staff_user, settings
):
    settings.DASHBOARD_SECONDS = 60
    console_work(retailer_user, staff_user, NOW)
    asked = ConnectionRequest.objects.get(org_name="Pending 0-0")
    assert "Any news?" in account_manager_console.get("/admin/").content.decode()

    clock.now = NOW + timedelta(seconds=10)
    account_manager_console.post(f"/admin/connections/connectionrequest/{asked.pk}/reply/", {"body": "Tomorrow."})
    mine = account_manager_console.get("/admin/").content.decode()
    clock.now = NOW + timedelta(seconds=70)
    later = account_manager_console.get("/admin/").content.decode()

    assert "Any news?" not in mine
    assert "Any news?" not in later
    assert "Still waiting." in mine


def test_the_figures_read_anew_for_a_writer_are_kept_for_everyone(
    account_manager_console, clock, retailer_user, staff_user, settings
):
    settings.DASHBOARD_SECONDS = 60
    console_work(retailer_user, staff_user, NOW)
    asked = ConnectionRequest.objects.get(org_name="Pending 0-0")
    other = Client()
    other.force_login(staff_user)  # the same person in another browser: a session of its own
    assert "Any news?" in other.get("/admin/").content.decode()

    account_manager_console.post(f"/admin/connections/connectionrequest/{asked.pk}/reply/", {"body": "Tomorrow."})

    assert "Any news?" not in account_manager_console.get("/admin/").content.decode()
    assert "Any news?" not in other.get("/admin/").content.decode()  # the fresh figures are kept for all


def test_a_staff_user_sees_only_the_figures_of_its_permissions(clock, retailer_user, staff_user):
    console_work(retailer_user, staff_user, NOW)
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


@pytest.mark.parametrize("page", ["dashboard", "request"])
def test_the_new_pages_give_account_managers_no_power_over_staff_groups_or_permissions(
    account_manager_console, clock, retailer_user, staff_user, page
):
    console_work(retailer_user, staff_user, NOW)
    pending = ConnectionRequest.objects.filter(status="pending").first()
    url = "/admin/" if page == "dashboard" else f"/admin/connections/connectionrequest/{pending.pk}/change/"

    html = account_manager_console.get(url).content.decode()

    assert not staff_user.is_superuser
    assert "/admin/auth/" not in html
    assert "user_permissions" not in html
    assert account_manager_console.get("/admin/auth/group/").status_code == 403
    assert account_manager_console.get("/admin/auth/group/add/").status_code == 403


def test_a_users_own_permissions_and_its_groups_count_alike(staff_user, django_assert_num_queries):
    staff_user.groups.add(Group.objects.get(name=ACCOUNT_MANAGERS_GROUP))
    staff_user.user_permissions.add(Permission.objects.get(codename="change_group"))
    user = type(staff_user).objects.get(pk=staff_user.pk)

    with django_assert_num_queries(1):
        granted = user.get_all_permissions()
    by_django = backends.ModelBackend().get_all_permissions(type(staff_user).objects.get(pk=staff_user.pk))

    assert granted == by_django
    assert "auth.change_group" in granted
    assert "connections.change_connectionrequest" in granted
    assert "auth.delete_group" not in granted
    user.is_active = False
    assert not user.has_perm("auth.change_group")


def sections_of(html: str) -> list[str]:
    return re.findall(r'class="section"[^>]*>([^<]+)</a>', html)


def test_each_set_of_permissions_sees_its_own_sections(account_manager_console, clock):
    narrow = AccountManagerFactory().user
    narrow.user_permissions.add(Permission.objects.get(codename="view_connectionrequest"))
    browser = Client()
    browser.force_login(narrow)

    full = sections_of(account_manager_console.get("/admin/").content.decode())
    assert sections_of(browser.get("/admin/").content.decode()) == ["Requests"]
    narrow.user_permissions.add(Permission.objects.get(codename="view_connection"))
    widened = sections_of(browser.get("/admin/").content.decode())

    assert widened == ["Requests", "Connections &amp; feeds"]
    assert len(full) > len(widened)
    assert sections_of(account_manager_console.get("/admin/").content.decode()) == full


@pytest.mark.parametrize("ending", ["expired", "unknown", "deactivated"])
def test_a_session_that_ended_opens_no_page(account_manager_console, staff_user, ending):
    session = Session.objects.get()
    if ending == "expired":
        Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    elif ending == "unknown":
        session.delete()
    else:
        type(staff_user).objects.filter(pk=staff_user.pk).update(is_active=False)

    response = account_manager_console.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
