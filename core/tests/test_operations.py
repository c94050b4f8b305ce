import io
import json
import logging
import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection

from connections.models import ConnectionRequest

pytestmark = pytest.mark.django_db


def test_healthz_does_not_touch_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_answers_when_the_database_does(client):
    with connection.cursor() as cursor:  # no job waits (an earlier test's may, in this database)
        cursor.execute("DELETE FROM procrastinate_jobs")

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "queue_lag_seconds": 0, "events_lag_seconds": 0}


def test_readyz_is_503_when_the_database_is_unreachable():
    # A real unreachable database: a closed port on loopback, in a fresh process.
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/readyz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://timp:nothing@127.0.0.1:9/timp",
        "DJANGO_SETTINGS_MODULE": "timp_api.settings",
        "DEBUG": "true",
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=True
    )

    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 503, "body": {"status": "unavailable", "database": "unreachable"}}


@pytest.mark.parametrize("path", ["/timp/nothing-here/", "/organizations/nothing/", "/timp/organizations/files/x/y/"])
def test_unknown_api_path_is_json_404(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("Not found")


def test_unknown_api_path_is_json_404_for_writes_too(client):
    response = client.post("/timp/organizations/connections/%C2%84/confirm/", {}, content_type="application/json")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_missing_trailing_slash_gets_a_hint(client):
    response = client.post("/timp/organizations/user-login", {}, content_type="application/json")

    assert response.status_code == 404
    assert "/timp/organizations/user-login/" in response.json()["detail"]


def test_wrong_method_is_json_405(client_for, retailer_user):
    response = client_for(retailer_user).delete("/timp/organizations/")

    assert response.status_code == 405
    assert response.json() == {"detail": 'Method "DELETE" not allowed.'}


def test_non_json_body_is_415(client):
    response = client.post(
        "/timp/organizations/user-login/", "username=a&password=b", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 415
    assert "Unsupported media type" in response.json()["detail"]


def test_malformed_json_is_400(client):
    response = client.post("/timp/organizations/user-login/", '{"username": ', content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON parse error")


def test_deeply_nested_json_is_400(client):
    response = client.post("/timp/organizations/user-login/", "[" * 100_000, content_type="application/json")

    assert response.status_code == 400


@pytest.mark.parametrize("depth", [33, 500, 935, 2000])
def test_nesting_that_parses_but_goes_too_deep_is_400_with_nothing_created(client_for, retailer_user, depth):
    deep_type = "[" * depth + '"items"' + "]" * depth
    body = f'{{"organization_name": "Deep", "primary_contact_name": "D", "integrations": [{{"type": {deep_type}}}]}}'

    response = client_for(retailer_user).post(
        "/timp/organizations/connections/request/", body, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "JSON parse error - nested deeper than 32 levels."}
    assert not ConnectionRequest.objects.exists()


def test_nesting_up_to_the_bound_reaches_the_fields_rules(client_for, retailer_user):
    deep_type = "[" * 29 + '"items"' + "]" * 29
    body = f'{{"organization_name": "Deep", "primary_contact_name": "D", "integrations": [{{"type": {deep_type}}}]}}'

    response = client_for(retailer_user).post(
        "/timp/organizations/connections/request/", body, content_type="application/json"
    )

    assert response.status_code == 400
    assert "type" in response.json()["requested_integrations"][0]


def test_oversized_json_body_is_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    body = json.dumps({"username": "x" * 2000, "password": "y"})

    response = client.post("/timp/organizations/user-login/", body, content_type="application/json")

    assert response.status_code == 413, response.content
    assert "larger than 1024 bytes" in response.json()["detail"]


@pytest.mark.urls("core.tests.urls_with_failure")
def test_server_error_is_json_with_the_request_id(client):
    client.raise_request_exception = False

    response = client.get("/timp/failing/", HTTP_X_REQUEST_ID="trace-500")

    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error.", "request_id": "trace-500"}


def test_every_response_has_a_request_id(client):
    generated = client.get("/healthz")["X-Request-ID"]
    assert uuid.UUID(generated)
    assert client.get("/healthz", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    insane = client.get("/healthz", HTTP_X_REQUEST_ID="<script>" + "x" * 100)["X-Request-ID"]
    assert uuid.UUID(insane)


def test_log_lines_carry_the_request_id():
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    captured = io.StringIO()
    previous = handler.setStream(captured)
    try:
        from django.test import Client

        Client().get("/healthz", HTTP_X_REQUEST_ID="trace-me-123")
    finally:
        handler.setStream(previous)

    lines = [line for line in captured.getvalue().splitlines() if "GET /healthz 200" in line]
    assert len(lines) == 1
    assert "[trace-me-123]" in lines[0]


def test_error_log_lines_carry_the_request_id_too(client_for, retailer_user):
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    captured = io.StringIO()
    previous = handler.setStream(captured)
    try:
        client_for(retailer_user).get(
            "/timp/organizations/files/00000000-0000-4000-8000-000000000000/", HTTP_X_REQUEST_ID="trace-404"
        )
    finally:
        handler.setStream(previous)

    lines = [line for line in captured.getvalue().splitlines() if "Not Found" in line]
    assert len(lines) == 1
    assert "[trace-404]" in lines[0]


@pytest.mark.parametrize(
    "path",
    [
        "/timp/organizations/user-logout/",
        "/timp/organizations/user-login/",
        "/timp/organizations/",
        "/timp/organizations/connections/request/",
    ],
)
def test_options_describes_the_endpoint(client_for, retailer_user, path):
    response = client_for(retailer_user).options(path)

    assert response.status_code == 200
    assert "POST" in response["Allow"] or "GET" in response["Allow"]


def test_log_lines_never_show_url_passwords():
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    captured = io.StringIO()
    previous = handler.setStream(captured)
    try:
        logging.getLogger("timp.test").warning("fetching %s", "ftp://foo:bar@baz.blerg/feed.csv")
    finally:
        handler.setStream(previous)

    assert "ftp://foo:***@baz.blerg/feed.csv" in captured.getvalue()
    assert ":bar@" not in captured.getvalue()


def test_openapi_schema_validates(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))

    assert "/timp/organizations/user-login/" in (tmp_path / "schema.yaml").read_text()


@pytest.mark.parametrize("path", ["/timp/docs/", "/timp/redoc/"])
def test_api_docs_use_local_assets(client, path):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn." not in html


def test_schema_is_served(client):
    response = client.get("/timp/schema/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
    assert response.json()["servers"] == [{"url": django_settings.PUBLIC_URL}]


def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "a-long-random-production-key-" + uuid.uuid4().hex + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "api.timp.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=django_settings.BASE_DIR,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_path_cannot_forge_log_lines(client):
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    captured = io.StringIO()
    previous = handler.setStream(captured)
    try:
        client.get("/timp/nothing%0D%0A2026-11-25 INFO [forged] timp.request: GET /admin/ 200%0A")
    finally:
        handler.setStream(previous)

    lines = captured.getvalue().splitlines()
    assert not [line for line in lines if line.startswith("2026-11-25 INFO [forged]")]
    assert any("/timp/nothing\\r\\n2026-11-25 INFO [forged]" in line for line in lines)


def test_a_host_that_is_not_served_gets_a_json_400_on_api_paths(client):
    response = client.get("/timp/organizations/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert response.json() == {"detail": "Bad request."}
    assert client.get("/admin/login/", HTTP_HOST="evil.example")["Content-Type"].startswith("text/html")


def test_too_many_multipart_fields_is_a_json_400(client_for, retailer_user):
    fields = {f"field{n}": "x" for n in range(1200)}

    response = client_for(retailer_user).post("/timp/organizations/files/upload/", fields, format="multipart")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_database_url_options_are_kept():
    script = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.DATABASES['default']['OPTIONS'])"
    )
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://timp:x@db.example:5432/timp?sslmode=require&application_name=timp",
        "DJANGO_SETTINGS_MODULE": "timp_api.settings",
        "DEBUG": "true",
    }

    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)

    options = result.stdout.strip().splitlines()[-1]
    assert "'sslmode': 'require'" in options
    assert "'application_name': 'timp'" in options
    assert "'connect_timeout': 5" in options
