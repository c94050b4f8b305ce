import hashlib
import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from files.models import UploadedFile
from files.tests.factories import CSV_BYTES, uploaded_file

FILES = "/timp/organizations/files/"
UPLOAD = FILES + "upload/"
FILE_KEYS = {"uuid", "name", "size", "content_type", "sha256", "uploaded_date"}

pytestmark = pytest.mark.django_db


def upload(client, name: str, content: bytes, **fields):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, content), **fields}, format="multipart")


def stored_files(media_root) -> list:
    return [path for path in media_root.rglob("*") if path.is_file()]


def office_zip(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}/document.xml", "<document/>")
    return buffer.getvalue()


def test_upload_round_trip_gives_identical_bytes(client_for, retailer_user, media_root):
    client = client_for(retailer_user)

    created = upload(client, "items.csv", CSV_BYTES)

    assert created.status_code == 201
    body = created.json()
    assert next(iter(body)) == "uuid"
    assert set(body) == FILE_KEYS
    assert body["name"] == "items.csv"
    assert body["size"] == len(CSV_BYTES)
    assert body["content_type"] == "text/csv"
    assert body["sha256"] == hashlib.sha256(CSV_BYTES).hexdigest()
    assert client.get(f"{FILES}{body['uuid']}/").json() == body

    download = client.get(f"{FILES}{body['uuid']}/download/", HTTP_ACCEPT="application/pdf")
    assert download.status_code == 200
    assert download.streaming
    content = b"".join(download.streaming_content)
    assert content == CSV_BYTES
    assert hashlib.sha256(content).hexdigest() == body["sha256"]
    assert download["Content-Disposition"] == 'attachment; filename="items.csv"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Type"] == "text/csv"
    assert len(stored_files(media_root)) == 1
    assert stored_files(media_root)[0].name == body["uuid"]


def test_display_name_and_non_ascii_names_are_kept_safely(client_for, retailer_user):
    client = client_for(retailer_user)

    body = upload(client, "feed.csv", CSV_BYTES, filename="Catálogo de artículos.csv").json()

    assert body["name"] == "Catálogo de artículos.csv"
    disposition = client.get(f"{FILES}{body['uuid']}/download/")["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''Cat%C3%A1logo")


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("spec.pdf", b"%PDF-1.7\n\x00\x01binary\n%%EOF", "application/pdf"),
        ("spec.docx", office_zip("word"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("items.xlsx", office_zip("xl"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("samples.zip", office_zip("samples"), "application/zip"),
        ("items.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "application/vnd.ms-excel"),
        ("orders.json", b'[{"order": 1}]', "application/json"),
        ("orders.xml", b"<?xml version='1.0'?><orders/>", "application/xml"),
        ("orders.edi", b"ISA*00*          *00*          *ZZ*SENDER~", "application/edi-x12"),
        ("items.tsv", b"sku\tqty\nA\t1\n", "text/tab-separated-values"),
        ("notes", "caf\xe9 r\xe8gles\n".encode("cp1252"), "text/plain"),
    ],
)
def test_allowed_types_are_detected_from_the_bytes(client_for, retailer_user, name, content, content_type):
    response = upload(client_for(retailer_user), name, content)

    assert response.status_code == 201, response.json()
    assert response.json()["content_type"] == content_type


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("items.csv", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "not allowed"),
        ("items.csv", b"\x7fELF\x02\x01\x01\x00\x00\x00", "not allowed"),
        ("items.csv", b"<!DOCTYPE html><html><body>hi</body></html>", "active content"),
        ("items.csv", b"sku,qty\n<script>alert(1)</script>\n", "active content"),
        ("run.txt", b"#!/bin/sh\nrm -rf /\n", "active content"),
        (
            "page.xml",
            b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>x</p></html>',
            "active content",
        ),
        ("feed.xml", b'<x:page xmlns:x="http://www.w3.org/1999/xhtml"><x:p>hi</x:p></x:page>', "active content"),
        ("logo.xml", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "active content"),
        ("items.csv", b"<!-- sku,qty --><html><body>hi</body></html>", "active content"),
        ("items.csv", b"sku,qty\n" + b"A1,1\n" * 20_000 + b"<script>alert(1)</script>\n", "active content"),
        ("items.csv", b"sku,qty\n" + b"A1,1\n" * 300_000 + b"<SCRIPT src=x></SCRIPT>\n", "active content"),
        ("items.csv", b"<items><item sku='A1'/></items>", "content is XML, which does not match its name (.csv)"),
        ("items.xml", b'{"items": []}', "content is JSON, which does not match its name (.xml)"),
        ("items.csv", b"%PDF-1.4 pretending", "does not match its name (.csv)"),
        ("setup.msi", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "must be named .doc or .xls"),
        ("items.zip", b"PK\x03\x04 but not really a zip", "cannot be read"),
    ],
)
def test_disallowed_types_are_refused_and_nothing_is_stored(
    client_for, retailer_user, media_root, name, content, message
):
    response = upload(client_for(retailer_user), name, content)

    assert response.status_code == 400
    assert message in str(response.json())
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


def test_empty_file_is_400_and_nothing_is_stored(client_for, retailer_user, media_root):
    response = upload(client_for(retailer_user), "empty.csv", b"")

    assert response.status_code == 400
    assert "empty" in str(response.json()["file"])
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


def test_missing_file_is_400(client_for, retailer_user):
    response = client_for(retailer_user).post(UPLOAD, {"filename": "x.csv"}, format="multipart")

    assert response.status_code == 400
    assert "file" in response.json()


def test_json_body_on_upload_is_415(client_for, retailer_user):
    assert client_for(retailer_user).post(UPLOAD, {"file": "x"}, format="json").status_code == 415


@pytest.mark.parametrize("size", [1001, 200_000], ids=["just-over", "far-over"])
def test_oversized_upload_is_413_and_nothing_is_stored(client_for, retailer_user, media_root, settings, size):
    settings.UPLOAD_MAX_BYTES = 1000

    response = upload(client_for(retailer_user), "big.csv", b"a" * size)

    assert response.status_code == 413
    assert response.json() == {"detail": "The file is larger than the limit of 1000 bytes."}
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


def test_upload_at_the_limit_is_accepted(client_for, retailer_user, settings):
    settings.UPLOAD_MAX_BYTES = 1000

    assert upload(client_for(retailer_user), "fits.csv", b"a" * 1000).status_code == 201


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\evil.csv", "evil.csv"),
        ("a/b/c.csv", "c.csv"),
        (".hidden.csv", "hidden.csv"),
        ("nul\x00byte.csv", "nulbyte.csv"),
    ],
)
def test_dangerous_names_are_stored_sanitized(client_for, retailer_user, media_root, name, stored):
    response = upload(client_for(retailer_user), name, CSV_BYTES)

    assert response.status_code == 201
    assert response.json()["name"] == stored
    assert UploadedFile.objects.get().original_name == stored
    (path,) = stored_files(media_root)
    assert path.parent.parent == media_root / "uploads"
    assert path.name == response.json()["uuid"]


def test_display_name_with_nul_is_400(client_for, retailer_user):
    response = upload(client_for(retailer_user), "a.csv", CSV_BYTES, filename="bad\x00name.csv")

    assert response.status_code == 400
    assert "filename" in response.json()


def test_same_bytes_twice_get_two_uuids(client_for, retailer_user):
    client = client_for(retailer_user)

    first, second = (upload(client, "items.csv", CSV_BYTES).json() for _ in range(2))

    assert first["uuid"] != second["uuid"]
    assert first["sha256"] == second["sha256"]
    assert UploadedFile.objects.count() == 2


@pytest.mark.parametrize("suffix", ["", "download/"])
def test_another_organization_gets_404(client_for, retailer_user, other_retailer_user, suffix):
    mine = uploaded_file(organization=retailer_user.organization)

    response = client_for(other_retailer_user).get(f"{FILES}{mine.uuid}/{suffix}")

    assert response.status_code == 404


def test_another_organization_cannot_delete(client_for, retailer_user, other_retailer_user, media_root):
    mine = uploaded_file(organization=retailer_user.organization)

    assert client_for(other_retailer_user).delete(f"{FILES}{mine.uuid}/").status_code == 404
    assert UploadedFile.objects.filter(pk=mine.pk).exists()
    assert len(stored_files(media_root)) == 1


def test_list_shows_only_the_callers_files(client_for, retailer_user, other_retailer_user):
    mine = uploaded_file(organization=retailer_user.organization)
    uploaded_file(organization=other_retailer_user.organization)

    body = client_for(retailer_user).get(FILES).json()

    assert [entry["uuid"] for entry in body["files"]] == [str(mine.uuid)]
    assert body["pagination"] == {"total_count": 1, "start": 0, "limit": 50}


def test_list_pages_with_start_and_limit(client_for, retailer_user):
    for number in range(5):
        uploaded_file(organization=retailer_user.organization, name=f"f{number}.csv")
    client = client_for(retailer_user)

    page = client.get(FILES, {"start": 3, "limit": 2}).json()

    assert page["pagination"] == {"total_count": 5, "start": 3, "limit": 2}
    assert [entry["name"] for entry in page["files"]] == ["f1.csv", "f0.csv"]
    assert client.get(FILES, {"start": 10}).json()["files"] == []
    assert client.get(FILES, {"limit": 5000}).json()["pagination"]["limit"] == 100
    assert client.get(FILES, {"limit": "ten"}).status_code == 400
    assert client.get(FILES, {"start": -1}).status_code == 400


@pytest.mark.parametrize("count", [1, 30])
def test_list_query_count_does_not_grow(client_for, retailer_user, count, django_assert_num_queries):
    for _ in range(count):
        uploaded_file(organization=retailer_user.organization)
    client = client_for(retailer_user)

    # 1 token + user + organization, 2 throttle counter, 3 count, 4 the page's keys, 5 their shapes
    with django_assert_num_queries(5):
        assert len(client.get(FILES).json()["files"]) == count


def test_staff_can_read_download_and_delete_any_file(
    client_for, retailer_user, staff_user, media_root, django_capture_on_commit_callbacks
):
    theirs = uploaded_file(organization=retailer_user.organization)
    staff = client_for(staff_user)

    assert staff.get(f"{FILES}{theirs.uuid}/").status_code == 200
    assert b"".join(staff.get(f"{FILES}{theirs.uuid}/download/").streaming_content) == CSV_BYTES
    with django_capture_on_commit_callbacks(execute=True):
        assert staff.delete(f"{FILES}{theirs.uuid}/").status_code == 204
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


def test_staff_cannot_upload_without_an_organization(client_for, staff_user):
    response = upload(client_for(staff_user), "items.csv", CSV_BYTES)

    assert response.status_code == 403
    assert not UploadedFile.objects.exists()


def test_delete_removes_record_and_bytes(client_for, retailer_user, media_root, django_capture_on_commit_callbacks):
    mine = uploaded_file(organization=retailer_user.organization)

    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(retailer_user).delete(f"{FILES}{mine.uuid}/").status_code == 204
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


def test_shared_file_is_readable_but_not_deletable_by_the_partner(client_for, retailer_user, supplier_user):
    mine = uploaded_file(organization=retailer_user.organization)
    mine.shared_with.add(supplier_user.organization)
    supplier = client_for(supplier_user)

    assert supplier.get(f"{FILES}{mine.uuid}/").status_code == 200
    assert supplier.delete(f"{FILES}{mine.uuid}/").status_code == 403
    assert UploadedFile.objects.filter(pk=mine.pk).exists()


@pytest.mark.parametrize("path", ["00000000-0000-4000-8000-000000000000/", "not-a-uuid/", "1/"])
def test_unknown_or_malformed_uuid_is_404(client_for, retailer_user, path):
    assert client_for(retailer_user).get(FILES + path).status_code == 404


def test_anonymous_is_401(anonymous):
    assert anonymous.get(FILES).status_code == 401
    assert upload(anonymous, "a.csv", CSV_BYTES).status_code == 401


def test_prune_removes_only_old_unreferenced_uploads(retailer_user, media_root, django_capture_on_commit_callbacks):
    old = uploaded_file(organization=retailer_user.organization, name="old.csv")
    recent = uploaded_file(organization=retailer_user.organization, name="recent.csv")
    UploadedFile.objects.filter(pk=old.pk).update(uploaded_date=timezone.now() - timedelta(days=31))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("prune_uploads", "--days", "30")

    assert list(UploadedFile.objects.all()) == [recent]
    assert [path.name for path in stored_files(media_root)] == [str(recent.uuid)]


def test_markup_words_inside_data_are_not_active_content(client_for, retailer_user):
    feed = b"<order><header>h</header><bodyweight>3</bodyweight><scripture>x</scripture></order>"

    response = upload(client_for(retailer_user), "orders.xml", feed)

    assert response.status_code == 201, response.json()


def test_an_organization_cannot_store_more_than_its_quota(
    client_for, retailer_user, other_retailer_user, settings, media_root
):
    settings.ORGANIZATION_STORAGE_QUOTA_BYTES = 2500
    client = client_for(retailer_user)
    assert upload(client, "a.csv", b"a" * 1000).status_code == 201
    assert upload(client, "b.csv", b"b" * 1000).status_code == 201

    refused = upload(client, "c.csv", b"c" * 1000)

    assert refused.status_code == 413
    assert "2000 of its 2500 bytes" in refused.json()["detail"]
    assert UploadedFile.objects.filter(organization=retailer_user.organization).count() == 2
    assert len(stored_files(media_root)) == 2
    assert upload(client_for(other_retailer_user), "c.csv", b"c" * 1000).status_code == 201
    client.delete(f"{FILES}{UploadedFile.objects.filter(name='a.csv').get().uuid}/")
    assert upload(client, "c.csv", b"c" * 1000).status_code == 201


def test_uploads_are_rate_limited_per_organization(client_for, retailer_user, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "upload": "2/minute"},
    }
    first, second = client_for(retailer_user), client_for(retailer_user)

    statuses = [upload(client, "a.csv", CSV_BYTES).status_code for client in (first, second, first)]

    assert statuses == [201, 201, 429]
    assert first.get(FILES).status_code == 200
    assert UploadedFile.objects.count() == 2
