from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from organizations.tests.factories import PASSWORD

LOGIN = "/timp/organizations/user-login/"
LOGOUT = "/timp/organizations/user-logout/"
ORGANIZATION = "/timp/organizations/"

pytestmark = pytest.mark.django_db


def log_in(client, username, password=PASSWORD):
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_returns_a_token_that_works(anonymous, retailer_user):
    response = log_in(anonymous, retailer_user.username)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "auth_token",
        "org_uuid",
        "user_uuid",
        "retailer_uuid",
        "supplier_uuid",
        "org_type",
        "expires_at",
        "permission_assignments",
    }
    assert body["org_uuid"] == str(retailer_user.organization.uuid)
    assert body["user_uuid"] == str(retailer_user.pk)
    assert body["retailer_uuid"] == str(retailer_user.organization.retailer.uuid)
    assert body["supplier_uuid"] == ""
    assert body["org_type"] == "RETAILER"
    anonymous.credentials(HTTP_AUTHORIZATION=f"Token {body['auth_token']}")
    assert anonymous.get(ORGANIZATION).status_code == 200


def test_token_expires_after_two_hours_by_default(anonymous, retailer_user):
    before = timezone.now()
    log_in(anonymous, retailer_user.username)

    token = AuthToken.objects.get(user=retailer_user)
    assert timedelta(hours=2) <= token.expiry - before < timedelta(hours=2, minutes=1)


def test_token_is_stored_only_as_a_hash(anonymous, retailer_user):
    key = log_in(anonymous, retailer_user.username).json()["auth_token"]

    token = AuthToken.objects.get(user=retailer_user)
    assert key not in (token.digest, token.token_key)
    assert token.token_key == key[:15]


@pytest.mark.parametrize(
    ("username", "password"), [("known", "wrong password"), ("nobody-by-this-name", PASSWORD)], ids=["wrong", "unknown"]
)
def test_wrong_credentials_are_401(anonymous, retailer_user, username, password):
    response = log_in(anonymous, retailer_user.username if username == "known" else username, password)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "auth_token" not in response.json()
    assert not AuthToken.objects.exists()


def test_login_without_password_is_400(anonymous, retailer_user):
    response = anonymous.post(LOGIN, {"username": retailer_user.username})

    assert response.status_code == 400
    assert "password" in response.json()


def test_missing_header_is_401_with_www_authenticate(anonymous, retailer_user):
    response = anonymous.get(ORGANIZATION)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {"detail": "Authentication credentials were not provided."}


@pytest.mark.parametrize("header", ["Token nonsense", "Token ", "Token a b", "Token \u00e9t\u00e9"])
def test_malformed_or_unknown_token_is_401(anonymous, header):
    anonymous.credentials(HTTP_AUTHORIZATION=header)

    response = anonymous.get(ORGANIZATION)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_expired_token_is_401(client_for, retailer_user):
    client = client_for(retailer_user)
    AuthToken.objects.filter(user=retailer_user).update(expiry=timezone.now() - timedelta(seconds=1))

    response = client.get(ORGANIZATION)

    assert response.status_code == 401
    assert not AuthToken.objects.filter(user=retailer_user).exists()


def test_logout_revokes_only_the_token_used(client_for, retailer_user):
    first, second = client_for(retailer_user), client_for(retailer_user)

    assert first.post(LOGOUT).status_code == 204

    assert first.get(ORGANIZATION).status_code == 401
    assert second.get(ORGANIZATION).status_code == 200


def test_logout_needs_a_token(anonymous):
    assert anonymous.post(LOGOUT).status_code == 401


def test_login_is_throttled(anonymous, retailer_user, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"login": "3/minute"}}

    statuses = [log_in(anonymous, retailer_user.username, "wrong").status_code for _ in range(4)]

    assert statuses == [401, 401, 401, 429]
    throttled = log_in(anonymous, retailer_user.username)
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) <= 60
    assert "throttled" in throttled.json()["detail"].lower()


@pytest.fixture
def login_limit_of_three(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"login": "3/minute"}}


def test_a_forged_x_forwarded_for_does_not_bypass_the_login_limit(anonymous, retailer_user, login_limit_of_three):
    statuses = [
        anonymous.post(
            LOGIN, {"username": retailer_user.username, "password": "wrong"}, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}"
        ).status_code
        for n in range(5)
    ]

    assert statuses == [401, 401, 401, 429, 429]


def test_a_forged_x_forwarded_for_cannot_lock_out_its_victim(anonymous, retailer_user, login_limit_of_three):
    victim = "198.51.100.7"
    for _ in range(5):
        anonymous.post(LOGIN, {"username": "x", "password": "y"}, HTTP_X_FORWARDED_FOR=victim, REMOTE_ADDR="192.0.2.1")

    response = anonymous.post(LOGIN, {"username": retailer_user.username, "password": PASSWORD}, REMOTE_ADDR=victim)

    assert response.status_code == 200


def test_behind_a_trusted_proxy_the_forwarded_client_is_limited(
    anonymous, retailer_user, login_limit_of_three, settings
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]

    def attempt(client_address: str) -> int:
        return anonymous.post(
            LOGIN,
            {"username": retailer_user.username, "password": "wrong"},
            REMOTE_ADDR="10.1.2.3",
            HTTP_X_FORWARDED_FOR=f"6.6.6.6, {client_address}, 10.9.9.9",
        ).status_code

    assert [attempt("203.0.113.5") for _ in range(4)] == [401, 401, 401, 429]
    assert attempt("203.0.113.6") == 401


def test_only_login_attempts_count(anonymous, retailer_user, login_limit_of_three):
    for method in (anonymous.get, anonymous.options, anonymous.head):
        for _ in range(3):
            method(LOGIN)

    assert log_in(anonymous, retailer_user.username).status_code == 200


def test_an_overlong_forwarded_header_is_not_a_server_error(anonymous, retailer_user, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.0/8"]

    response = anonymous.post(
        LOGIN, {"username": retailer_user.username, "password": PASSWORD}, HTTP_X_FORWARDED_FOR="9" * 5000
    )

    assert response.status_code == 200


def test_an_admin_login_refused_in_a_windows_last_second_says_to_wait_a_second(
    staff_user, login_limit_of_three, monkeypatch
):
    """Retry-After is whole seconds, rounded up: 0.4 s before the window ends is 1, never 0."""
    from core import throttling

    monkeypatch.setattr(throttling.SharedRateThrottle, "timer", staticmethod(lambda: 1_800_000_059.6))
    browser = Client()
    wrong = {"username": staff_user.username, "password": "wrong", "next": "/admin/"}
    for _ in range(3):
        browser.post("/admin/login/", wrong)

    refused = browser.post("/admin/login/", wrong)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "1"
    assert "Try again in 1 seconds" in refused.content.decode()


def test_admin_login_shares_the_login_limit(retailer_user, staff_user, login_limit_of_three):
    browser = Client()
    wrong = {"username": staff_user.username, "password": "wrong", "next": "/admin/"}
    statuses = [browser.post("/admin/login/", wrong).status_code for _ in range(4)]
    right = browser.post("/admin/login/", {**wrong, "password": PASSWORD})

    assert statuses == [200, 200, 200, 429]
    assert right.status_code == 429
    assert 0 < int(right["Retry-After"]) <= 60
    assert "_auth_user_id" not in browser.session
    assert browser.get("/admin/login/").status_code == 200
    assert log_in(APIClient(), retailer_user.username).status_code == 429


def test_bearer_means_the_same_as_token(anonymous, retailer_user):
    key = log_in(anonymous, retailer_user.username).json()["auth_token"]

    for header, status in ((f"Bearer {key}", 200), (f"bearer {key}", 200), ("Bearer", 401), (f"Bearer {key} x", 401)):
        anonymous.credentials(HTTP_AUTHORIZATION=header)
        assert anonymous.get(ORGANIZATION).status_code == status, header
