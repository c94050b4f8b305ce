"""Permission changes that race, on real PostgreSQL: each side in a thread with its own
connection, the first held open in its transaction while the second starts."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from knox.models import AuthToken
from rest_framework.test import APIClient

from core.exceptions import InvalidState
from organizations import services
from organizations.catalogue import BY_NAME
from organizations.models import User
from organizations.tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def waiting_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        return cursor.fetchone()[0] > 0


def wait_until(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_two_editors_revoking_each_other_at_once_leave_one_editor():
    organization = OrganizationFactory()
    alice = UserFactory(organization=organization, permissions=["edit_org_users"])
    bob = UserFactory(organization=organization, permissions=["edit_org_users"])
    first_revoked, commit_first = threading.Event(), threading.Event()
    outcome = {}

    def revoke_bob_and_hold():
        try:
            with transaction.atomic():
                services.revoke_permissions(user=User.objects.get(pk=bob.pk), names=["edit_org_users"])
                first_revoked.set()
                commit_first.wait(10)
        finally:
            connections.close_all()

    def revoke_alice():
        try:
            services.revoke_permissions(user=User.objects.get(pk=alice.pk), names=["edit_org_users"])
            outcome["second"] = "revoked"
        except InvalidState:
            outcome["second"] = "refused"
        finally:
            connections.close_all()

    first = threading.Thread(target=revoke_bob_and_hold)
    first.start()
    assert first_revoked.wait(10)
    second = threading.Thread(target=revoke_alice)
    second.start()
    wait_until(lambda: waiting_for_a_lock() or not second.is_alive())
    commit_first.set()
    first.join(10)
    second.join(10)

    assert outcome == {"second": "refused"}
    editors = User.objects.filter(organization=organization, permission_assignments__name="edit_org_users")
    assert list(editors) == [alice]


def test_two_revocations_through_the_api_at_the_same_moment_never_remove_every_editor():
    organization = OrganizationFactory()
    alice = UserFactory(organization=organization, permissions=["edit_org_users"])
    bob = UserFactory(organization=organization, permissions=["edit_org_users"])
    body = {"permission_uuids": [str(BY_NAME["edit_org_users"].uuid)]}
    start, statuses = threading.Barrier(2), {}

    def revoke(actor: User, target: User):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=actor)[1]}")
        try:
            start.wait()
            path = f"/timp/organizations/users/permissions/{target.pk}/"
            statuses[actor.username] = client.delete(path, body, format="json").status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=revoke, args=pair) for pair in ((alice, bob), (bob, alice))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(statuses.values()) == [200, 422]
    assert User.objects.filter(organization=organization, permission_assignments__name="edit_org_users").count() == 1
