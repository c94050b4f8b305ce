"""Merging duplicate organizations: everything moves in one transaction, or nothing does."""

from io import StringIO

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import CommandError, call_command

from connections.models import Connection, ConnectionRequest
from connections.services import merge_organizations
from connections.tests.factories import ConnectionFactory, connection_request
from connections.tests.test_discovery import participating
from core.exceptions import InvalidState
from files.models import UploadedFile
from files.tests.factories import uploaded_file
from organizations.models import Organization, Participation
from organizations.tests.factories import SupplierOrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    """A supplier and its duplicate, made by an approval that did not link."""
    return SupplierOrganizationFactory(name="Acme"), SupplierOrganizationFactory(name="ACME, Inc.")


def snapshot() -> dict:
    return {
        model.__name__: sorted(map(repr, model.objects.values_list()))
        for model in (Organization, Connection, ConnectionRequest, UploadedFile, Participation)
    }


def test_users_move(pair):
    keep, duplicate = pair
    user = UserFactory(organization=duplicate)

    assert merge_organizations(keep=keep, duplicate=duplicate)["users"] == 1

    user.refresh_from_db()
    assert user.organization == keep


def test_connections_move_to_the_kept_role(pair, retailer_user):
    keep, duplicate = pair
    connection = ConnectionFactory(retailer=retailer_user.organization.retailer, supplier=duplicate.supplier)

    merge_organizations(keep=keep, duplicate=duplicate)

    connection.refresh_from_db()
    assert connection.supplier == keep.supplier


def test_requests_made_and_requests_naming_it_move(pair, retailer_user):
    keep, duplicate = pair
    participating(duplicate)
    made = connection_request(user=UserFactory(organization=duplicate), organization_name="Retailer Co")
    naming = connection_request(user=retailer_user, supplier_uuid=str(duplicate.supplier.uuid))

    moved = merge_organizations(keep=keep, duplicate=duplicate)

    assert (moved["requests"], moved["requests_naming_it"]) == (1, 1)
    made.refresh_from_db()
    naming.refresh_from_db()
    assert made.organization == keep
    assert naming.counterpart == keep


def test_files_and_what_was_shared_with_it_move(pair, retailer_user):
    keep, duplicate = pair
    own = uploaded_file(organization=duplicate)
    shared = uploaded_file(organization=retailer_user.organization)
    shared.shared_with.add(duplicate)

    merge_organizations(keep=keep, duplicate=duplicate)

    own.refresh_from_db()
    assert own.organization == keep
    assert list(shared.shared_with.all()) == [keep]


def test_participation_moves_and_the_duplicate_is_deactivated(pair):
    keep, duplicate = pair
    participating(duplicate, joined_days_ago=3)

    merge_organizations(keep=keep, duplicate=duplicate)

    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert keep.participation.is_participating
    assert not Participation.objects.filter(organization=duplicate).exists()
    assert duplicate.status == Organization.Status.DEACTIVATED
    assert duplicate.merged_into == keep


def test_two_connections_to_one_counterpart_are_refused_and_nothing_changes(pair, retailer_user):
    keep, duplicate = pair
    ConnectionFactory(retailer=retailer_user.organization.retailer, supplier=keep.supplier)
    ConnectionFactory(retailer=retailer_user.organization.retailer, supplier=duplicate.supplier)
    UserFactory(organization=duplicate)
    uploaded_file(organization=duplicate)
    before = snapshot()

    with pytest.raises(InvalidState, match="Both are connected to Retailer Co"):
        merge_organizations(keep=keep, duplicate=duplicate)

    assert snapshot() == before


def test_a_retailer_and_a_supplier_cannot_merge(pair, retailer_user):
    with pytest.raises(InvalidState, match="is a SUPPLIER"):
        merge_organizations(keep=pair[0], duplicate=retailer_user.organization)


def test_the_command_merges_and_explains_refusals(pair, retailer_user):
    keep, duplicate = pair
    out = StringIO()

    call_command("merge_organizations", str(keep.uuid), str(duplicate.uuid), stdout=out)

    assert "Merged ACME, Inc. into Acme" in out.getvalue()
    with pytest.raises(CommandError, match="merged into another organization already"):
        call_command("merge_organizations", str(keep.uuid), str(duplicate.uuid), stdout=out)
    with pytest.raises(CommandError, match="No organization has the UUID nonsense"):
        call_command("merge_organizations", str(keep.uuid), "nonsense", stdout=out)


def test_the_admin_action_asks_which_to_keep_and_merges(pair, account_manager_console):
    keep, duplicate = pair
    console = account_manager_console
    selected = {"action": "merge_duplicates", ACTION_CHECKBOX_NAME: [str(keep.pk), str(duplicate.pk)]}

    question = console.post("/admin/organizations/organization/", selected)
    done = console.post("/admin/organizations/organization/", {**selected, "keep": str(keep.pk)})

    assert question.status_code == 200
    assert "Keep" in question.content.decode()
    assert done.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
