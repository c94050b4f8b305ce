"""Every read shape built by PostgreSQL has exactly the fields its serializer declares (which
is what the OpenAPI schema documents), nested shapes included."""

import pytest
from rest_framework import serializers

from connections.selectors import with_roles
from connections.shapes import ConnectionRequestSerializer, ConnectionSerializer
from connections.tests.factories import ConnectionFactory, connection_request
from core.fields import iso_datetime
from files.shapes import FileSerializer
from files.tests.factories import uploaded_file

pytestmark = pytest.mark.django_db


def assert_matches_declared_fields(row, serializer):
    assert list(row) == list(serializer._declared_fields), type(serializer).__name__
    for name, field in serializer._declared_fields.items():
        if isinstance(field, serializers.ListSerializer):
            for item in row[name]:
                assert_matches_declared_fields(item, field.child)
        elif isinstance(field, serializers.Serializer) and row[name] is not None:
            assert_matches_declared_fields(row[name], field)


def test_connection_shape(account_manager):
    connection = ConnectionFactory(account_manager=account_manager)
    connection.retailer.organization.account_manager = account_manager
    connection.retailer.organization.save()

    (row,) = with_roles(ConnectionSerializer.rows([connection.pk]))

    assert_matches_declared_fields(row, ConnectionSerializer())
    assert row["created_date"] == iso_datetime(connection.created_date)
    assert row["retailer"]["organization"]["account_manager"]["person"]["uuid"] == str(account_manager.person.uuid)
    assert row["supplier"]["organization"]["account_manager"] is None


def test_request_shape(retailer_user, staff_user, client_for):
    created = connection_request(
        user=retailer_user, uploaded_files=[uploaded_file(organization=retailer_user.organization)]
    )
    client_for(staff_user).post(f"/timp/organizations/connections/request/{created.uuid}/approve/")

    (row,) = ConnectionRequestSerializer.rows([created.pk])

    assert_matches_declared_fields(row, ConnectionRequestSerializer())
    assert row["approved_by"]["uuid"] == str(staff_user.account_manager.uuid)
    assert [change["status"] for change in row["history"]] == ["pending", "approved"]


def test_file_shape(retailer_user):
    stored = uploaded_file(organization=retailer_user.organization)

    (row,) = FileSerializer.rows([stored.pk])

    assert_matches_declared_fields(row, FileSerializer())
    assert row == {
        "uuid": str(stored.uuid),
        "name": stored.name,
        "size": stored.size,
        "content_type": stored.content_type,
        "sha256": stored.sha256,
        "uploaded_date": iso_datetime(stored.uploaded_date),
    }


@pytest.mark.django_db(transaction=True)
def test_shapes_survive_a_new_database_connection(retailer_user):
    from django.db import connection

    stored = uploaded_file(organization=retailer_user.organization)
    first = FileSerializer.rows([stored.pk])
    assert connection.prepared_statements

    connection.close()  # the server forgets its prepared statements with the connection

    assert FileSerializer.rows([stored.pk]) == first
