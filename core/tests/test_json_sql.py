"""The statements built beside the ORM: new rows of several models saved in one (`insert_new`),
querysets compiled once and run prepared (`PreparedQuery`)."""

import pytest
from django.db import IntegrityError, transaction
from rest_framework import serializers

from connections.api.serializers import IntegrationWriteSerializer
from connections.models import ConnectionRequest, Integration, RequestStatusChange
from connections.tests.factories import connection_request
from core.fields import ShallowFieldCopies
from core.json_sql import PreparedQuery, insert_new
from events.models import Event

pytestmark = pytest.mark.django_db


def new_request(user, name: str) -> ConnectionRequest:
    return ConnectionRequest(
        organization=user.organization,
        requested_by=user,
        org_name=name,
        contact_name="Sam",
        contact_email="s@x.example",
    )


def test_rows_of_several_models_are_saved_in_one_statement_as_the_orm_would(retailer_user, django_assert_num_queries):
    made = new_request(retailer_user, "Acme")
    integrations = [
        Integration(request=made, integration_type="item", update_frequency="@daily", position=n) for n in range(2)
    ]
    history = [RequestStatusChange(request=made, status=made.status, by=retailer_user)]

    # The rows that name others come first: foreign keys are checked at commit.
    with django_assert_num_queries(1):
        insert_new(integrations, history, [made])

    saved = ConnectionRequest.objects.get(pk=made.pk)
    assert (saved.org_name, saved.organization_id, saved.request_date) == (
        "Acme",
        retailer_user.organization_id,
        made.request_date,
    )
    assert saved.request_date is not None  # auto_now_add, set as `save` sets it
    assert list(saved.integrations.order_by("position").values_list("uuid", flat=True)) == [
        i.uuid for i in integrations
    ]
    assert saved.history.get().by == retailer_user  # its key from the sequence
    assert not made._state.adding  # a save now updates
    made.contact_name = "Kim"
    made.save(update_fields=["contact_name"])
    assert ConnectionRequest.objects.get(pk=made.pk).contact_name == "Kim"


def test_a_row_that_breaks_a_constraint_saves_nothing(retailer_user):
    insert_new([new_request(retailer_user, "Acme")])
    second = new_request(retailer_user, "Acme")  # a second pending request to one name
    integration = Integration(request=second, integration_type="item", update_frequency="@daily", position=0)

    with pytest.raises(IntegrityError, match="one_pending_request"), transaction.atomic():
        insert_new([integration], [second])

    assert not ConnectionRequest.objects.filter(pk=second.pk).exists()
    assert not Integration.objects.filter(pk=integration.pk).exists()
    assert second._state.adding


def test_a_model_with_database_defaults_is_refused():
    with pytest.raises(TypeError, match="Event has fields set by the database"):
        insert_new([Event(type="x", created_at=None, data={})])


def test_a_prepared_query_converts_columns_as_the_orm_does(retailer_user):
    connection_request(user=retailer_user)
    event = Event.objects.latest("id")
    query = PreparedQuery(Event.objects.filter(type="marker").order_by(), "marker")

    found = query.run(event.type)

    # JSON arrives as text from the driver; the field's converter makes it a dict.
    assert [row.data for row in found] == [row.data for row in Event.objects.filter(type=event.type)]
    assert isinstance(found[0].data, dict)


def test_shallow_copies_bind_each_serializer_its_own_fields():
    first, second = IntegrationWriteSerializer(), IntegrationWriteSerializer()

    declared = IntegrationWriteSerializer._declared_fields["update_frequency"]
    assert first.fields["update_frequency"] is not second.fields["update_frequency"]
    assert first.fields["update_frequency"].parent is first
    assert second.fields["update_frequency"].parent is second
    assert declared.parent is None  # the declaration itself is never bound


def test_fields_with_children_are_copied_whole():
    class Listing(ShallowFieldCopies, serializers.Serializer):
        names = serializers.ListField(child=serializers.CharField())

    first, second = Listing(data={"names": ["a", "b"]}), Listing(data={"names": "a"})

    assert first.fields["names"].child is not second.fields["names"].child
    assert first.fields["names"].child.parent is first.fields["names"]
    assert first.is_valid()
    assert first.validated_data == {"names": ["a", "b"]}
    assert not second.is_valid()
    assert "names" in second.errors
