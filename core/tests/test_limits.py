import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from knox.models import AuthToken

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

    hits = [ThrottleBucket.objects.hit("token:shared", window) for _ in range(3)]

    assert hits == [1, 2, 3]
    assert ThrottleBucket.objects.hit("token:shared", window + 60) == 1


def test_prune_expired_removes_only_what_is_over(retailer_user, settings):
    live, _ = AuthToken.objects.create(user=retailer_user)
    AuthToken.objects.create(user=retailer_user, expiry=timedelta(seconds=-1))
    ThrottleBucket.objects.hit("old", int(time.time()) - 2 * 24 * 60 * 60)
    ThrottleBucket.objects.hit("current", int(time.time()) // 60 * 60)
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
