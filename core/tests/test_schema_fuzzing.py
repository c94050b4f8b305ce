"""Schemathesis against the project's own OpenAPI schema, with positive and negative data,
authenticated as a sandbox retailer: no server errors, every response as documented, and
every schema-valid request accepted, but for the answers listed in STATE_DEPENDENT with their
reasons (what the database holds, or what no schema can say).

Every check Schemathesis has runs (`--checks all`): negative data must be refused, and the
schema says what the API accepts that a stricter reading would not (an empty query parameter
or form field is as if left out: `allowEmptyValue`, a blank-allowed field).

The suite runs a bounded number of examples per operation (FUZZ_EXAMPLES, default 25); for a
longer run: FUZZ_EXAMPLES=1000 make test PYTEST_ARGS="-k fuzz"."""

import os
from io import StringIO

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from knox.models import AuthToken
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    ensure_resource_availability,
    ignored_auth,
    missing_required_header,
    negative_data_rejection,
    object_level_authorization,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
    use_after_free,
)

from organizations.models import User
from timp_api.wsgi import application

schema = schemathesis.openapi.from_wsgi("/timp/schema/?format=json", application)
# Schema-valid requests that the API refuses because of what the database holds when the
# example runs, not because of what was sent: (operation, status, what the answer says, why).
STATE_DEPENDENT = [
    (
        "POST /timp/organizations/connections/request/",
        422,
        "already exists",
        "an earlier example left a pending request to the same name",
    ),
    (
        "POST /timp/organizations/connections/request/",
        400,
        '"update_frequency"',
        "a cron schedule's meaning (field ranges, names, firing at all) is more than a schema can say",
    ),
    (
        "PATCH /timp/organizations/connections/request/{id}/",
        400,
        '"update_frequency"',
        "as for a new request",
    ),
    (
        "POST /timp/organizations/connections/request/",
        400,
        "No file of your organization",
        "a generated UUID names no file the caller uploaded",
    ),
    (
        "POST /timp/organizations/connections/request/",
        400,
        "No organization that you can name",
        "a generated UUID names no member the caller can find in discovery",
    ),
    (
        "POST /timp/organizations/files/upload/",
        400,
        '"non_field_errors"',
        "an upload's type is read from its bytes (and must agree with its name), which no schema describes",
    ),
    (
        "POST /timp/organizations/files/upload/",
        400,
        "No file was submitted",
        "a generated binary part may come without a file name: a form field, not a file (RFC 7578)",
    ),
    (
        "POST /timp/organizations/files/upload/",
        400,
        "The submitted file is empty",
        "a schema's binary string may be empty; a stored file may not",
    ),
    *(
        ("POST /timp/organizations/connections/request/imports/", status, says, why)
        for status, says, why in (
            (400, '"non_field_errors"', "a file's type is read from its bytes, which no schema describes"),
            (415, "an import reads CSV or XLSX", "as above: a file of an allowed type that is no table"),
            (400, '"file"', "a table's header and rows are more than a schema can say"),
            (400, "No file was submitted", "a binary part without a file name is a form field (RFC 7578)"),
            (400, "The submitted file is empty", "a schema's binary string may be empty"),
        )
    ),
    (
        "POST /timp/organizations/api-keys/",
        400,
        "Must be in the future",
        "an expiry must lie ahead of the clock, which a schema cannot say",
    ),
    (
        "POST /timp/organizations/users/invite/",
        400,
        "A user of your organization has this email already",
        "an earlier example invited the same email",
    ),
    (
        "POST /timp/webhooks/",
        400,
        '"url"',
        "a webhook's host must resolve to public addresses only, which depends on DNS, not on the schema",
    ),
    *(
        (operation, 422, "already used with a different request", "an earlier example used the Idempotency-Key")
        for operation in ("POST /timp/organizations/connections/request/", "POST /timp/organizations/files/upload/")
    ),
]


@schemathesis.check
def positive_data_accepted(ctx, response, case):
    """Schemathesis's positive_data_acceptance, less the answers listed in STATE_DEPENDENT."""
    for operation, status, says, _why in STATE_DEPENDENT:
        if case.operation.label == operation and response.status_code == status and says in response.text:
            return None
    return positive_data_acceptance(ctx, response, case)


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    positive_data_accepted,
    allow_header_conformance,
    ensure_resource_availability,
    ignored_auth,
    missing_required_header,
    negative_data_rejection,
    object_level_authorization,
    response_headers_conformance,
    unsupported_method,
    use_after_free,
]


@pytest.fixture
def wsgi_in_test_transaction():
    """As Django's test client does: a request ending must not close the test's connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def sandbox_retailer(db, settings, wsgi_in_test_transaction):
    settings.TIMP_SANDBOX = True
    call_command("seed_sandbox", "--json", stdout=StringIO())
    return User.objects.get(username="sandbox-retailer")


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    # The suite's run is the same every time; a longer run (FUZZ_EXAMPLES set) explores anew.
    derandomize="FUZZ_EXAMPLES" not in os.environ,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_fuzz_the_api(case, sandbox_retailer):
    # A fresh token per example: fuzzing the logout operation must not lock out the rest.
    _, key = AuthToken.objects.create(user=sandbox_retailer)

    case.call_and_validate(headers={"Authorization": f"Token {key}"}, checks=CHECKS)
