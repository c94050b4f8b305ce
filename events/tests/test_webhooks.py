"""Webhook endpoints: the API, the URL rules, retries and disabling."""

import asyncio
from datetime import timedelta

import pytest
from django.utils import timezone

from events import sending
from events.dispatcher import RETRY_FOR, retry_delay
from events.models import WebhookDelivery, WebhookEndpoint
from events.services import MAX_ATTEMPTS
from events.tests.factories import endpoint_for, event_for
from events.tests.receiver import Receiver
from organizations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WEBHOOKS = "/timp/webhooks/"
PUBLIC = "https://93.184.216.34/hooks"  # an address literal: nothing to resolve


def test_an_endpoint_shows_its_secret_once(client_for, retailer_user):
    client = client_for(retailer_user)

    created = client.post(WEBHOOKS, {"url": PUBLIC, "event_types": ["connections/confirmed"]}, format="json")

    assert created.status_code == 201
    assert created.json()["secret"].startswith("whsec_")
    (listed,) = client.get(WEBHOOKS).json()
    assert "secret" not in listed
    assert listed["event_types"] == ["connections/confirmed"]
    changed = client.patch(f"{WEBHOOKS}{listed['uuid']}/", {"is_active": False}, format="json").json()
    assert (changed["is_active"], changed["disabled_at"] is not None) == (False, True)
    assert client.post(f"{WEBHOOKS}{listed['uuid']}/test/").status_code == 422
    assert client.delete(f"{WEBHOOKS}{listed['uuid']}/").status_code == 204
    assert client.get(WEBHOOKS).json() == []


@pytest.mark.parametrize(
    "url",
    [
        "http://93.184.216.34/hooks",
        "https://127.0.0.1/hooks",
        "https://localhost/hooks",
        "https://10.1.2.3/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hooks",
        "https://0.0.0.0/hooks",
        "https://user:secret@93.184.216.34/hooks",
        "ftp://93.184.216.34/hooks",
    ],
)
def test_private_or_plain_urls_are_refused(client_for, retailer_user, url):
    response = client_for(retailer_user).post(WEBHOOKS, {"url": url, "event_types": ["*"]}, format="json")

    assert response.status_code == 400
    assert "url" in response.json()
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "https://[::127.0.0.1]/hooks",  # IPv4-compatible
        "https://[::ffff:127.0.0.1]/hooks",  # IPv4-mapped
        "https://[64:ff9b::7f00:1]/hooks",  # NAT64 of 127.0.0.1
        "https://[64:ff9b::a9fe:a9fe]/latest/meta-data",  # NAT64 of 169.254.169.254
        "https://[64:ff9b:1::5db8:d822]/hooks",  # local-use NAT64, whatever it embeds
        "https://[2002:7f00:1::]/hooks",  # 6to4 of 127.0.0.1
        "https://[2002:a9fe:a9fe::1]/hooks",  # 6to4 of 169.254.169.254
        "https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/hooks",  # Teredo of 10.0.0.1
        "https://224.0.0.1/hooks",  # multicast
        "https://[ff0e::1]/hooks",  # global-scope multicast
        "https://93.184.216.34:22/hooks",
        "https://93.184.216.34:6379/hooks",
        "https://93.184.216.34:5432/hooks",
        "https://93.184.216.34:99999/hooks",
    ],
)
def test_addresses_that_reach_a_private_network_or_a_port_that_is_no_receiver_are_refused(
    client_for, retailer_user, url
):
    response = client_for(retailer_user).post(WEBHOOKS, {"url": url, "event_types": ["*"]}, format="json")

    assert response.status_code == 400, response.content
    assert "url" in response.json()
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "https://93.184.216.34/hooks",
        "https://93.184.216.34:8443/hooks",
        "https://[2606:2800:220:1:248:1893:25c8:1946]/hooks",
        "https://[64:ff9b::5db8:d822]/hooks",  # NAT64 of the public 93.184.216.34
        "https://[2002:5db8:d822::1]/hooks",  # 6to4 of the same
    ],
)
def test_public_addresses_on_the_allowed_ports_are_accepted(client_for, retailer_user, url):
    assert (
        client_for(retailer_user).post(WEBHOOKS, {"url": url, "event_types": ["*"]}, format="json").status_code == 201
    )


def test_the_allowed_ports_are_a_setting(client_for, retailer_user, settings):
    settings.WEBHOOK_ALLOWED_PORTS = [443, 9443]
    client = client_for(retailer_user)

    assert (
        client.post(WEBHOOKS, {"url": "https://93.184.216.34:9443/", "event_types": ["*"]}, format="json").status_code
        == 201
    )
    assert (
        client.post(WEBHOOKS, {"url": "https://93.184.216.34:8443/", "event_types": ["*"]}, format="json").status_code
        == 400
    )


def test_local_sandboxes_may_allow_private_networks(client_for, retailer_user, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True

    response = client_for(retailer_user).post(
        WEBHOOKS, {"url": "http://127.0.0.1:9/hooks", "event_types": ["*"]}, format="json"
    )

    assert response.status_code == 201


def test_unknown_event_types_are_400(client_for, retailer_user):
    response = client_for(retailer_user).post(WEBHOOKS, {"url": PUBLIC, "event_types": ["nope"]}, format="json")

    assert response.status_code == 400


def test_webhooks_need_manage_webhooks(client_for, retailer_user):
    without = client_for(UserFactory(organization=retailer_user.organization, permissions=[]))

    response = without.post(WEBHOOKS, {"url": PUBLIC, "event_types": ["*"]}, format="json")

    assert response.status_code == 403
    assert "manage_webhooks" in response.json()["detail"]


def send(url: str, body: bytes = b"{}") -> sending.Outcome:
    async def sent():
        async with sending.Sender() as sender:
            return await sender.send(url, message_id="evt_1", body=body, secrets=[])

    return asyncio.run(sent())


@pytest.mark.parametrize("url", ["https://127.0.0.1/hooks", "https://[::ffff:10.0.0.1]/hooks"])
def test_a_delivery_is_refused_at_sending_time_when_the_address_is_private(settings, url):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False

    outcome = send(url)

    assert not outcome.ok
    assert "not a public address" in outcome.error


def test_a_name_that_resolves_to_a_private_address_by_then_is_refused(settings):
    """A name is resolved again as it is sent, and the connection is made only to an address
    found allowed: here `localhost`, which resolves to loopback."""
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    receiver = Receiver()
    url = receiver.url.replace("127.0.0.1", "localhost")
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    settings.WEBHOOK_ALLOWED_PORTS = [receiver.server.server_port]
    try:
        outcome = send(url.replace("http://", "https://"))
    finally:
        receiver.close()

    assert not outcome.ok
    assert "not a public address" in outcome.error
    assert receiver.received == []


def test_redirects_are_not_followed(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    receiver = Receiver(statuses=[302])
    try:
        outcome = send(receiver.url, b'{"a": 1}')
    finally:
        receiver.close()

    assert (outcome.ok, outcome.status) == (False, 302)
    assert len(receiver.received) == 1


def test_at_most_64_kb_of_an_answer_is_read(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    receiver = Receiver(answer=b"x" * 200_000)
    try:
        outcome = send(receiver.url)
    finally:
        receiver.close()

    assert outcome.ok
    assert len(outcome.body) == sending.MAX_RESPONSE_BYTES


def test_retries_back_off_with_jitter_for_at_least_three_days():
    first = [retry_delay(1).total_seconds() for _ in range(50)]
    assert min(first) >= 3.75
    assert max(first) <= 6.25
    assert len({round(delay, 3) for delay in first}) > 1  # jittered

    waited, attempt = timedelta(), 1
    while waited < RETRY_FOR:
        waited += retry_delay(attempt)
        attempt += 1
    assert 15 < attempt < 40  # about 5 s doubling to 6 hours, then every 6 hours


# Retries asked for


def retry(client, delivery) -> object:
    return client.post(f"/timp/webhooks/deliveries/{delivery.uuid}/retry/")


def test_a_retry_is_refused_while_an_attempt_waits(client_for, retailer_user):
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint_for(retailer_user), event=event_for(retailer_user.organization)
    )
    client = client_for(retailer_user)

    assert retry(client, delivery).status_code == 422  # the first attempt itself waits
    WebhookDelivery.objects.update(status="failed")
    assert retry(client, delivery).status_code == 202
    refused = retry(client, delivery)
    assert refused.status_code == 422
    assert "waiting" in refused.json()["detail"]
    assert WebhookDelivery.objects.count() == 2


def test_a_retry_follows_the_types_the_endpoint_takes_now(client_for, retailer_user):
    endpoint = endpoint_for(retailer_user, event_types=["connections/confirmed"])
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event=event_for(retailer_user.organization), status="failed"
    )
    endpoint.event_types = ["files/shared"]
    endpoint.save()

    refused = retry(client_for(retailer_user), delivery)

    assert refused.status_code == 422
    assert "connections/confirmed" in refused.json()["detail"]
    assert WebhookDelivery.objects.count() == 1


def test_retries_end_at_the_most_attempts_there_may_be(client_for, retailer_user):
    endpoint, event = endpoint_for(retailer_user), event_for(retailer_user.organization)
    WebhookDelivery.objects.bulk_create(
        [
            WebhookDelivery(endpoint=endpoint, event=event, attempt=n, status="failed")
            for n in range(1, MAX_ATTEMPTS + 1)
        ]
    )

    refused = retry(client_for(retailer_user), WebhookDelivery.objects.get(attempt=1))

    assert refused.status_code == 422
    assert WebhookDelivery.objects.count() == MAX_ATTEMPTS


def test_a_retried_creation_with_its_idempotency_key_creates_one_endpoint(client_for, retailer_user):
    client = client_for(retailer_user)
    body = {"url": PUBLIC, "event_types": ["*"]}

    first = client.post(WEBHOOKS, body, format="json", HTTP_IDEMPOTENCY_KEY="create-hook-1")
    retried = client.post(WEBHOOKS, body, format="json", HTTP_IDEMPOTENCY_KEY="create-hook-1")

    assert first.status_code == retried.status_code == 201
    assert retried["Idempotent-Replayed"] == "true"
    assert retried.json() == first.json()
    assert WebhookEndpoint.objects.count() == 1


# Stats and recovery


def attempts(endpoint, event, *rows) -> None:
    """Attempts of `event` to `endpoint`: (attempt, status, duration_ms, hours ago)."""
    for attempt, status, duration_ms, hours_ago in rows:
        made = WebhookDelivery.objects.create(
            endpoint=endpoint, event=event, attempt=attempt, status=status, duration_ms=duration_ms
        )
        WebhookDelivery.objects.filter(pk=made.pk).update(created_at=timezone.now() - timedelta(hours=hours_ago))


def test_stats_count_the_last_24_hours_attempts_made(client_for, retailer_user, django_assert_num_queries):
    endpoint, organization = endpoint_for(retailer_user), retailer_user.organization
    attempts(endpoint, event_for(organization), (1, "failed", 10_000, 2), (2, "succeeded", 40, 1))
    attempts(endpoint, event_for(organization), (1, "succeeded", 20, 1), (2, "pending", None, 0))
    attempts(endpoint, event_for(organization), (1, "failed", 500, 30))  # too old
    client = client_for(retailer_user)
    client.get(f"{WEBHOOKS}{endpoint.uuid}/stats/")

    with django_assert_num_queries(5):  # token and user; throttle; its permission; the endpoint; the figures
        stats = client.get(f"{WEBHOOKS}{endpoint.uuid}/stats/").json()

    assert stats == {
        "attempts": 3,
        "succeeded": 2,
        "failed": 1,
        "success_rate": 0.6667,
        "p50_ms": 40.0,
        "p99_ms": 9800.8,  # interpolated: 40 + 0.98 x (10,000 - 40)
    }


def test_stats_of_an_endpoint_never_tried_have_no_rates(client_for, retailer_user):
    stats = client_for(retailer_user).get(f"{WEBHOOKS}{endpoint_for(retailer_user).uuid}/stats/").json()

    assert stats == {"attempts": 0, "succeeded": 0, "failed": 0, "success_rate": None, "p50_ms": None, "p99_ms": None}


def test_recover_queues_again_each_event_that_failed_since(client_for, retailer_user):
    endpoint, organization = endpoint_for(retailer_user), retailer_user.organization
    failed_twice, recovered, waiting, old = (event_for(organization) for _ in range(4))
    attempts(endpoint, failed_twice, (1, "failed", 5, 3), (2, "failed", 5, 2))
    attempts(endpoint, recovered, (1, "failed", 5, 3), (2, "succeeded", 5, 2))
    attempts(endpoint, waiting, (1, "failed", 5, 3), (2, "pending", None, 3))
    WebhookDelivery.objects.filter(event=waiting, attempt=2).update(next_attempt_at=timezone.now() + timedelta(hours=1))
    attempts(endpoint, old, (1, "failed", 5, 30))
    since = (timezone.now() - timedelta(hours=12)).isoformat()

    answer = client_for(retailer_user).post(f"{WEBHOOKS}{endpoint.uuid}/recover/", {"since": since}, format="json")

    assert answer.status_code == 202
    assert answer.json() == {"queued": 2}
    again = WebhookDelivery.objects.get(event=failed_twice, attempt=3)
    assert again.status == "pending"
    assert again.next_attempt_at <= timezone.now()
    assert WebhookDelivery.objects.get(event=waiting, attempt=2).next_attempt_at <= timezone.now()
    assert not WebhookDelivery.objects.filter(event__in=[recovered, old], status="pending").exists()


@pytest.mark.parametrize("body", [{}, {"since": "yesterday"}, {"since": None}])
def test_recover_needs_a_time(client_for, retailer_user, body):
    endpoint = endpoint_for(retailer_user)

    answer = client_for(retailer_user).post(f"{WEBHOOKS}{endpoint.uuid}/recover/", body, format="json")

    assert answer.status_code == 400
    assert "since" in answer.json()


def test_a_disabled_endpoint_is_not_recovered(client_for, retailer_user):
    endpoint = endpoint_for(retailer_user)
    attempts(endpoint, event_for(retailer_user.organization), (1, "failed", 5, 1))
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(is_active=False)

    answer = client_for(retailer_user).post(
        f"{WEBHOOKS}{endpoint.uuid}/recover/", {"since": timezone.now() - timedelta(days=1)}, format="json"
    )

    assert answer.status_code == 422
    assert WebhookDelivery.objects.count() == 1


@pytest.mark.parametrize("limit", [0, -1, 10_001, "fast"])
def test_a_rate_limit_is_a_positive_number(client_for, retailer_user, limit):
    body = {"url": PUBLIC, "event_types": ["*"], "rate_limit_per_second": limit}

    answer = client_for(retailer_user).post(WEBHOOKS, body, format="json")

    assert answer.status_code == 400
    assert "rate_limit_per_second" in answer.json()
    assert not WebhookEndpoint.objects.exists()


def test_a_rate_limit_is_set_and_lifted(client_for, retailer_user):
    client = client_for(retailer_user)
    created = client.post(WEBHOOKS, {"url": PUBLIC, "event_types": ["*"], "rate_limit_per_second": 20}, format="json")
    assert created.json()["rate_limit_per_second"] == 20

    lifted = client.patch(f"{WEBHOOKS}{created.json()['uuid']}/", {"rate_limit_per_second": None}, format="json")

    assert lifted.json()["rate_limit_per_second"] is None
    assert WebhookEndpoint.objects.get().rate_limit_per_second is None
