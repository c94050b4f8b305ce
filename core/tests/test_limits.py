import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from core import throttling
from core.models import IdempotencyRecord, ThrottleBucket

pytestmark = pytest.mark.django_db


def test_each_token_is_throttled_on_its_own(client_for, retailer_user, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"token": "3/minute"}}
    busy, other = client_for(retailer_user), client_for(retailer_user)

    statuses = [busy.get("/timp/organizations/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    throttled = busy.get("/timp/organizations/")
    assert throttled.json()["detail"].startswith("Request was throttled")
    assert 0 < int(throttled["Retry-After"]) <= 60
    assert other.get("/timp/organizations/").status_code == 200


def test_throttle_counters_are_shared_through_the_database(retailer_user):
    window = int(time.time()) // 60 * 60

    hits = [ThrottleBucket.objects.hit("token:shared", window, 60) for _ in range(3)]

    assert hits == [(1, 0), (2, 0), (3, 0)]
    assert ThrottleBucket.objects.hit("token:shared", window + 60, 60) == (1, 3)  # the window before counts
    assert ThrottleBucket.objects.hit("token:shared", window + 180, 60) == (1, 0)  # not one further back


def test_prune_expired_removes_only_what_is_over(retailer_user, settings):
    live, _ = AuthToken.objects.create(user=retailer_user)
    AuthToken.objects.create(user=retailer_user, expiry=timedelta(seconds=-1))
    ThrottleBucket.objects.hit("old", int(time.time()) - 2 * 24 * 60 * 60, 60)
    ThrottleBucket.objects.hit("current", int(time.time()) // 60 * 60, 60)
    for key, age in (("old-key", 49), ("young-key", 23)):
        IdempotencyRecord.objects.create(
            scope=retailer_user.organization_id,
            key=key,
            fingerprint="f",
            created_at=timezone.now() - timedelta(hours=age),
        )

    call_command("prune_expired", stdout=StringIO())

    assert list(AuthToken.objects.all()) == [live]
    assert list(ThrottleBucket.objects.values_list("key", flat=True)) == ["current"]
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["young-key"]


SIGN_UPS = "/timp/sandbox/accounts/"


@pytest.fixture
def sign_ups(settings):
    """A sandbox whose sign-ups are limited to 10 an hour per address."""
    settings.TIMP_SANDBOX = True
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"signup": "10/hour"}}

    def sign_up(address: str) -> int:
        body = {"company_name": "A", "email": "a@example.com", "org_type": "SUPPLIER"}
        return APIClient(REMOTE_ADDR=address).post(SIGN_UPS, body, format="json").status_code

    return sign_up


@pytest.fixture
def clock(monkeypatch) -> list[float]:
    """The throttles' clock, set by the test: `clock[0] = t`."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(throttling.SharedRateThrottle, "timer", staticmethod(lambda: now[0]))
    return now


HOUR = 1_800_000_000 // 3600 * 3600


def test_a_window_boundary_lets_no_more_through_than_the_rate(sign_ups, clock):
    clock[0] = HOUR + 3590  # ten just before the hour turns
    before = [sign_ups("203.0.113.7") for _ in range(10)]
    clock[0] = HOUR + 3610  # and ten just after
    after = [sign_ups("203.0.113.7") for _ in range(10)]

    assert before == [201] * 10
    assert after == [429] * 10


def test_a_limit_slides_back_to_its_full_rate(sign_ups, clock):
    clock[0] = HOUR + 10
    first = [sign_ups("203.0.113.7") for _ in range(10)]
    clock[0] = HOUR + 3600 + 1800  # half an hour into the next window: half of those still count
    middle = [sign_ups("203.0.113.7") for _ in range(6)]
    clock[0] = HOUR + 3 * 3600 + 1  # a whole window later: none of them
    late = [sign_ups("203.0.113.7") for _ in range(10)]

    assert first == [201] * 10
    assert middle == [201] * 5 + [429]
    assert late == [201] * 10


def test_ipv6_clients_are_counted_per_64(sign_ups):
    same_64 = [sign_ups(f"2001:db8:1:2::{n:x}") for n in range(1, 12)]
    another_64 = sign_ups("2001:db8:1:3::1")

    assert same_64 == [201] * 10 + [429]
    assert another_64 == 201
