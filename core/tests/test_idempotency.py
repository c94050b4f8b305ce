import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.utils import timezone

from connections.models import ConnectionRequest
from core.models import IdempotencyRecord
from files.models import UploadedFile

REQUESTS = "/timp/organizations/connections/request/"
UPLOAD = "/timp/organizations/files/upload/"
BODY = {"organization_name": "Acme", "primary_contact_name": "Ann", "integrations": [{"type": "items"}]}

pytestmark = pytest.mark.django_db


def test_a_retry_returns_the_first_response_and_creates_nothing(client_for, retailer_user):
    client = client_for(retailer_user)

    first = client.post(REQUESTS, BODY, HTTP_IDEMPOTENCY_KEY="order-42")
    retry = client.post(REQUESTS, BODY, HTTP_IDEMPOTENCY_KEY="order-42")

    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert retry["Location"] == first["Location"]
    assert retry["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert ConnectionRequest.objects.count() == 1


def test_a_retry_on_the_unprefixed_alias_path_is_the_same_request(client_for, retailer_user):
    client = client_for(retailer_user)

    first = client.post(REQUESTS, BODY, HTTP_IDEMPOTENCY_KEY="order-43")
    retry = client.post("/organizations/connections/request/", BODY, HTTP_IDEMPOTENCY_KEY="order-43")

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.json() == first.json()
    assert retry["Idempotent-Replayed"] == "true"
    assert ConnectionRequest.objects.count() == 1


def test_the_same_key_with_another_body_is_422(client_for, retailer_user):
    client = client_for(retailer_user)
    client.post(REQUESTS, BODY, HTTP_IDEMPOTENCY_KEY="order-42")

    response = client.post(REQUESTS, {**BODY, "organization_name": "Other"}, HTTP_IDEMPOTENCY_KEY="order-42")

    assert response.status_code == 422
    assert "different request" in response.json()["detail"]
    assert ConnectionRequest.objects.count() == 1


def test_keys_belong_to_an_organization(client_for, retailer_user, other_retailer_user):
    client_for(retailer_user).post(REQUESTS, BODY, HTTP_IDEMPOTENCY_KEY="shared-key")

    response = client_for(other_retailer_user).post(REQUESTS, BODY, HTTP_IDEMPOTENCY_KEY="shared-key")

    assert response.status_code == 201
    assert ConnectionRequest.objects.count() == 2


def test_a_failed_request_leaves_the_key_free(client_for, retailer_user):
    client = client_for(retailer_user)

    assert client.post(REQUESTS, {"organization_name": "Acme"}, HTTP_IDEMPOTENCY_KEY="k1").status_code == 400
    assert client.post(REQUESTS, BODY, HTTP_IDEMPOTENCY_KEY="k1").status_code == 201
    assert not IdempotencyRecord.objects.filter(status_code=400).exists()


def test_without_the_header_every_post_counts(client_for, retailer_user):
    client = client_for(retailer_user)
    client.post(REQUESTS, BODY)

    assert client.post(REQUESTS, BODY).status_code == 422  # the second pending request to Acme
    assert not IdempotencyRecord.objects.exists()


@pytest.mark.parametrize("key", ["has space", "x" * 201, "tab\there", "caf\u00e9"])
def test_malformed_keys_are_400(client_for, retailer_user, key):
    response = client_for(retailer_user).post(REQUESTS, BODY, HTTP_IDEMPOTENCY_KEY=key)

    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()
    assert not ConnectionRequest.objects.exists()


def test_upload_retries_store_one_file(client_for, retailer_user, media_root):
    client = client_for(retailer_user)

    def upload(content: bytes):
        file = SimpleUploadedFile("items.csv", content)
        return client.post(UPLOAD, {"file": file}, format="multipart", HTTP_IDEMPOTENCY_KEY="upload-1")

    first, retry = upload(b"sku,qty\nA,1\n"), upload(b"sku,qty\nA,1\n")
    other = upload(b"sku,qty\nB,2\n")

    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert other.status_code == 422
    assert UploadedFile.objects.count() == 1
    assert len([p for p in media_root.rglob("*") if p.is_file()]) == 1


def test_the_database_enforces_one_record_per_key(retailer_user):
    fields = {"scope": retailer_user.organization_id, "key": "k", "fingerprint": "f", "created_at": timezone.now()}
    IdempotencyRecord.objects.create(**fields)

    with pytest.raises(IntegrityError):
        IdempotencyRecord.objects.create(**fields)
