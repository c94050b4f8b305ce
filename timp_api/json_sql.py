"""Read shapes built by PostgreSQL: the ORM expressions that make JSON objects, and the
serializer base class whose rows arrive already shaped.

Building a nested object in SQL costs PostgreSQL microseconds; building it in Python from
model instances cost the nested connection list most of its time (see bench/README.md)."""

from functools import cache

import orjson
from django.db.models import Case, F, Func, JSONField, Model, QuerySet, TextField, Value, When
from django.db.models.functions import Cast
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

# The API's timestamps: ISO 8601 in UTC with microseconds and Z, as `iso_datetime` writes them.
TIMESTAMP_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'


class JSONBuildObject(Func):
    """PostgreSQL's json_build_object: keys stay in the order given (jsonb would sort them)."""

    function = "JSON_BUILD_OBJECT"
    output_field = JSONField()

    def __init__(self, **fields):
        super().__init__(*[part for key, value in fields.items() for part in (Cast(Value(key), TextField()), value)])


def timestamp(field: str) -> Func:
    """A timestamp column written as the API writes timestamps (the session's zone is UTC)."""
    return Func(F(field), Value(TIMESTAMP_FORMAT), function="TO_CHAR", output_field=TextField())


def null_when_missing(relation: str, shape) -> Case:
    """`shape` for a nullable relation, or null without one."""
    return Case(When(**{f"{relation}__isnull": True}, then=Value(None)), default=shape, output_field=JSONField())


class BuiltByDatabase(serializers.Serializer):
    """A read shape: its declared fields document it (the schema is made from them), `json()`
    is the same shape as a SQL expression, and the rows it is given are already that shape."""

    model: type[Model]

    @classmethod
    def json(cls, path: str = ""):
        raise NotImplementedError

    @classmethod
    @cache
    def shaped(cls) -> QuerySet:
        """Every row of the model with its shape. Resolving the expression tree costs more than
        the query, so it is done once per process; callers filter clones of this queryset."""
        return cls.model._default_manager.values_list("pk", Cast(cls.json(), TextField()))

    @classmethod
    def rows(cls, pks: list) -> list[dict]:
        """The shaped rows of these primary keys, in their order."""
        found = dict(cls.shaped().filter(pk__in=pks))
        return [orjson.loads(found[pk]) for pk in pks if pk in found]

    def to_representation(self, row: dict) -> dict:
        return row


class ShapedReadsMixin:
    """`list` and `retrieve` for a viewset whose serializer is `BuiltByDatabase`: the page (or
    the object) comes back from PostgreSQL already shaped; `finish` adds what SQL cannot."""

    def finish(self, rows: list[dict]) -> list[dict]:
        return rows

    def shaped(self, pks: list) -> list[dict]:
        # The viewset's read shape, also inside actions that declare another serializer.
        return self.finish(type(self).serializer_class.rows(pks))

    def shaped_object(self, pk) -> dict:
        rows = self.shaped(list(self.get_queryset().filter(pk=pk).values_list("pk", flat=True)))
        if not rows:
            raise NotFound()
        return rows[0]

    def list(self, request, *args, **kwargs):
        page = self.paginator.paginate_queryset(
            self.filter_queryset(self.get_queryset()).values_list("pk", flat=True), request, self
        )
        return self.paginator.get_paginated_response(self.shaped(page))

    def retrieve(self, request, pk=None, *args, **kwargs):
        return Response(self.shaped_object(pk))
