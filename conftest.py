"""Personas shared by every app's tests: a retailer, a supplier, another retailer, staff."""

import io
import logging
import os
from collections.abc import Sequence
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from knox.models import AuthToken
from rest_framework.test import APIClient

from core.tests.jobs import EMAIL_TASKS, run_jobs
from organizations.apps import ACCOUNT_MANAGERS_GROUP
from organizations.models import User
from organizations.tests.factories import (
    AccountManagerFactory,
    OrganizationFactory,
    SupplierOrganizationFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The production hasher is slow on purpose; tests only need passwords to round-trip.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded bytes go to a fresh folder per test, through the real file-system storage."""
    root = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    return root


@pytest.fixture
def captured_logs():
    """Everything the project's log handler writes, at every level."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous, level = handler.setStream(stream), logging.getLogger().level
    logging.getLogger().setLevel(logging.DEBUG)
    yield stream
    logging.getLogger().setLevel(level)
    handler.setStream(previous)


@pytest.fixture
def account_manager():
    return AccountManagerFactory()


@pytest.fixture
def retailer_user(account_manager) -> User:
    return UserFactory(organization=OrganizationFactory(name="Retailer Co", account_manager=account_manager))


@pytest.fixture
def other_retailer_user() -> User:
    return UserFactory(organization=OrganizationFactory(name="Other Retailer Co"))


@pytest.fixture
def supplier_user(account_manager) -> User:
    return UserFactory(organization=SupplierOrganizationFactory(name="Supplier Co", account_manager=account_manager))


@pytest.fixture
def staff_user(account_manager) -> User:
    return account_manager.user


@pytest.fixture
def account_manager_console(staff_user) -> Client:
    """An account manager's browser: staff, in the Account managers group, not a superuser."""
    staff_user.groups.add(Group.objects.get(name=ACCOUNT_MANAGERS_GROUP))
    browser = Client()
    browser.force_login(staff_user)
    return browser


@pytest.fixture
def client_for():
    """An API client that authenticates as `user` with a real token, or anonymously for None."""

    def make(user: User | None) -> APIClient:
        client = APIClient()
        if user is not None:
            _, key = AuthToken.objects.create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    return make


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def django_assert_num_queries():
    """pytest-django's, counting the queries of the steady state: a prepared statement's first
    use in a database connection adds its PREPARE, once per connection (core.json_sql), and
    which test comes first on a connection must not change a pinned count."""

    @contextmanager
    def assert_num_queries(expected: int):
        with CaptureQueriesContext(connection) as context:
            yield context
        ran = [query["sql"] for query in context.captured_queries if not query["sql"].startswith("PREPARE ")]
        if len(ran) != expected:
            pytest.fail(f"Expected {expected} queries, {len(ran)} ran:\n" + "\n".join(ran))

    return assert_num_queries


class Outbox(Sequence):
    """Django's test outbox as it is once the worker has sent what was queued so far: every
    email is a job (core.mail), run here in the test's transaction when the outbox is read."""

    def sent(self) -> list:
        run_jobs(*EMAIL_TASKS)
        return mail.outbox

    def __getitem__(self, index):
        return self.sent()[index]

    def __len__(self) -> int:
        return len(self.sent())

    def __eq__(self, other) -> bool:
        return list(self.sent()) == other

    __hash__ = None


@pytest.fixture
def mailoutbox(mailoutbox) -> Outbox:
    return Outbox()


@pytest.fixture
def worker_env(settings, media_root) -> dict:
    """The environment of a worker process: this test's database and files, deliveries to loopback."""
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "true",
        "WEBHOOK_ALLOW_PRIVATE_NETWORKS": "true",
        "DELIVERY_LEASE_SECONDS": "2",
        "MEDIA_ROOT": str(media_root),
        "LOG_LEVEL": os.environ.get("WORKER_LOG_LEVEL", "WARNING"),
    }
