"""Read shapes built by PostgreSQL: the ORM expressions that make JSON objects, and the
serializer base class whose rows arrive already shaped.

Building a nested object in SQL costs PostgreSQL microseconds; building it in Python from
model instances cost the nested connection list most of its time (see bench/README.md)."""

import hashlib
import re
from collections.abc import Sequence
from functools import cache
from itertools import chain
from uuid import UUID

import orjson
from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Case, F, Func, JSONField, Model, OuterRef, TextField, Value, When
from django.db.models.functions import Cast
from django.db.models.query import get_related_populators
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


PLACEHOLDERS = re.compile(r"%%|%s")


def forget_prepared_statements(sender, connection, **kwargs) -> None:
    """A new database session has no prepared statements (connection_created receiver)."""
    connection.prepared_statements = set()


def execute_prepared(sql: str, params: tuple) -> list[tuple]:
    """Runs `sql` (with %s placeholders) as a server-side prepared statement of this database
    connection: planning a shape query cost PostgreSQL 0.5 ms a read, now paid once per
    connection (and connections are kept, CONN_MAX_AGE). A new connection starts with none
    (`forget_prepared_statements`, on connection_created). Prepared statements live in the
    server session: behind a pooler that pools transactions, `DB_PREPARED_STATEMENTS=false`
    runs the same SQL unprepared."""
    with connection.cursor() as cursor:
        if not settings.DB_PREPARED_STATEMENTS:
            cursor.execute(sql, params)
            return cursor.fetchall()
        name = "shape_" + hashlib.sha256(sql.encode()).hexdigest()[:20]
        if name not in connection.prepared_statements:
            numbers = iter(range(1, len(params) + 1))
            positional = PLACEHOLDERS.sub(lambda m: "%" if m.group() == "%%" else f"${next(numbers)}", sql)
            cursor.execute(f"PREPARE {name} AS {positional}")
            connection.prepared_statements.add(name)
        arguments = f"({', '.join(['%s'] * len(params))})" if params else ""
        cursor.execute(f"EXECUTE {name}{arguments}", params)
        return cursor.fetchall()


@cache
def insertable_fields(model: type[Model]) -> list:
    """The fields `insert_new` writes: all concrete ones but an auto-incremented key. A field
    with a database default would be written as NULL (a JSON row has no DEFAULT), so a model
    with one is refused."""
    meta = model._meta
    fields = [field for field in meta.concrete_fields if field is not meta.auto_field]
    if any(field.has_db_default() or field.generated for field in fields):
        raise TypeError(f"{model.__name__} has fields set by the database: save it with the ORM.")
    return fields


def insert_new(*groups: Sequence[Model]) -> None:
    """Saves new instances, each group of one model, in one prepared statement: a group's rows
    travel as one JSON parameter that jsonb_populate_recordset reads into the table's row type.
    For the rows every create writes: Django compiling an insert per model (and quoting each
    value in Python) cost a create more than PostgreSQL running them. Values are the fields'
    own after `pre_save` (so `auto_now_add` is set); an auto-incremented key is left to its
    sequence and not read back. Constraints are checked as for any insert: a unique one at
    once, a foreign key at commit (Django declares them deferred), so a group may name rows
    of another in any order."""
    inserts, params = [], []
    for objs in filter(None, groups):
        model = type(objs[0])
        fields = insertable_fields(model)
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        table = connection.ops.quote_name(model._meta.db_table)
        inserts.append(
            f"INSERT INTO {table} ({columns}) "  # noqa: S608 (names from the model's meta)
            f"SELECT {columns} FROM jsonb_populate_recordset(NULL::{table}, %s)"
        )
        params.append(
            orjson.dumps([{field.column: field.pre_save(obj, add=True) for field in fields} for obj in objs]).decode()
        )
    if not inserts:
        return
    steps = ", ".join(f"insert_{n} AS ({sql})" for n, sql in enumerate(inserts))
    execute_prepared(f"WITH {steps} SELECT", tuple(params))
    for obj in chain.from_iterable(groups):
        obj._state.adding, obj._state.db = False, connection.alias


class PreparedQuery:
    """A queryset compiled once per process and run as a prepared statement (`execute_prepared`),
    its rows made into model instances as the ORM makes them (`select_related` and annotations
    included: the steps of Django's ModelIterable). For the query that every request runs,
    which cost more to build, compile and plan than to run. `marker`, a value given in the
    queryset, stands for the one each run passes."""

    def __init__(self, queryset, marker: str) -> None:
        self.db, self.marker = queryset.db, marker
        self.compiler = queryset.query.get_compiler(using=self.db)
        self.sql, self.params = self.compiler.as_sql()  # fills select, klass_info, annotation_col_map
        klass_info, select = self.compiler.klass_info, self.compiler.select
        self.model = klass_info["model"]
        self.columns = slice(klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1)
        self.init_list = [column[0].target.attname for column in select[self.columns]]
        self.populators = get_related_populators(klass_info, select, self.db)
        # The columns' conversions from database values, found once (`results_iter` finds them per run).
        self.converters = self.compiler.get_converters([column[0] for column in select[: self.compiler.col_count]])

    def run(self, value) -> list[Model]:
        rows = execute_prepared(self.sql, tuple(value if param == self.marker else param for param in self.params))
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        found = []
        for row in rows:
            instance = self.model.from_db(self.db, self.init_list, row[self.columns])
            for populator in self.populators:
                populator.populate(row, instance)
            for name, position in self.compiler.annotation_col_map.items():
                setattr(instance, name, row[position])
            found.append(instance)
        return found


def timestamp(field: str) -> Func:
    """A timestamp column written as the API writes timestamps (the session's zone is UTC)."""
    return Func(F(field), Value(TIMESTAMP_FORMAT), function="TO_CHAR", output_field=TextField())


def null_when_missing(relation: str, shape) -> Case:
    """`shape` for a nullable relation, or null without one."""
    return Case(When(**{f"{relation}__isnull": True}, then=Value(None)), default=shape, output_field=JSONField())


class BuiltByDatabase(serializers.Serializer):
    """A read shape, declared once: its fields document it (the schema is made from them) and
    `json()` derives the same shape as a SQL expression from them, so the rows it is given
    are already that shape.

    Each field reads its `source` (its name by default; dots follow relations): a timestamp
    is written as the API writes them, a nested shape is built in place (null when a
    nullable relation is missing), and a list of shapes is an array built by a subquery over
    the related rows, in their model's ordering. `computed` names the few fields whose value
    is an expression instead: `{name: function(path) -> expression}`."""

    model: type[Model]
    computed: dict = {}

    @classmethod
    def json(cls, path: str = "") -> JSONBuildObject:
        return JSONBuildObject(
            **{name: cls.expression(name, field, path) for name, field in cls._declared_fields.items()}
        )

    @classmethod
    def expression(cls, name: str, field: serializers.Field, path: str):
        if name in cls.computed:
            return cls.computed[name](path)
        source = path + (field.source or name).replace(".", "__")
        if isinstance(field, serializers.ListSerializer):
            return ArraySubquery(cls.related_rows(source).values(json=type(field.child).json()))
        if isinstance(field, BuiltByDatabase):
            shape = type(field).json(f"{source}__")
            return null_when_missing(source, shape) if field.allow_null else shape
        if isinstance(field, serializers.DateTimeField):
            return timestamp(source)
        return F(source)

    @classmethod
    def related_rows(cls, relation: str):
        """The rows of a one-to-many or many-to-many relation of `model`, for one outer row."""
        field = cls.model._meta.get_field(relation)
        related = field.related_model
        if field.many_to_many and not field.auto_created:
            through = field.remote_field.through._meta
            to_related = through.get_field(field.m2m_reverse_field_name()).related_query_name()
            rows = related.objects.filter(**{f"{to_related}__{field.m2m_field_name()}": OuterRef("pk")})
        else:
            rows = related.objects.filter(**{field.field.name: OuterRef("pk")})
        return rows.order_by(*related._meta.ordering)

    @classmethod
    @cache
    def shape_sql(cls, *columns: str) -> tuple[str, tuple]:
        """SQL selecting every row of the model as (pk, its shape as JSON text, *columns).

        Django resolves and compiles this expression tree in more time than PostgreSQL takes
        to run it (1.9 ms against 0.8 ms for a request), and it never changes: it is compiled
        once per process, and each read wraps it with its own condition on `pk`. Its values
        (the shape's keys, formats) are constants: they are written into the SQL, quoted by
        the driver, rather than sent with every read."""
        shaped = cls.model._default_manager.order_by().values_list("pk", Cast(cls.json(), TextField()), *columns)
        sql, params = shaped.query.sql_with_params()
        with connection.cursor() as cursor:
            literal = cursor.mogrify(sql, params)
        return (literal.decode() if isinstance(literal, bytes) else literal).replace("%", "%%"), ()

    @classmethod
    def fetch(
        cls, condition: str, params: tuple, *columns: str, also: str = "", also_params: tuple = ()
    ) -> list[tuple]:
        """(pk, shape text, *columns, *also) of the rows whose `pk` meets `condition`, through a
        prepared statement (PostgreSQL folds the wrapping into one plan). `also` adds values
        computed per row (SQL over `shaped`, starting with a comma)."""
        sql, shape_params = cls.shape_sql(*columns)
        # Every fragment is SQL compiled by Django or written here; values travel as parameters.
        wrapped = f"SELECT shaped.*{also} FROM ({sql}) AS shaped WHERE shaped.pk {condition}"  # noqa: S608
        return execute_prepared(wrapped, (*also_params, *shape_params, *params))

    @classmethod
    def rows(cls, pks: list) -> list[dict]:
        """The shaped rows of these primary keys, in their order."""
        found = {str(pk): text for pk, text in cls.fetch("= ANY(%s)", ([UUID(str(pk)) for pk in pks],))}
        return [orjson.loads(found[str(pk)]) for pk in pks if str(pk) in found]

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

    def shaped_object(self, pk, *columns: str) -> tuple:
        """The object's shape and `columns`, if the user may see it; in one query."""
        visible_sql, visible_params = self.get_queryset().filter(pk=pk).values("pk").query.sql_with_params()
        found = type(self).serializer_class.fetch(f"IN ({visible_sql})", visible_params, *columns)
        if not found:
            raise NotFound()
        _, text, *values = found[0]
        return self.finish([orjson.loads(text)])[0], *values

    def list(self, request, *args, **kwargs):
        page = self.paginator.paginate_queryset(
            self.filter_queryset(self.get_queryset()).values_list("pk", flat=True), request, self
        )
        return self.paginator.get_paginated_response(self.shaped(page))

    def retrieve(self, request, pk=None, *args, **kwargs):
        (row,) = self.shaped_object(pk)
        return Response(row)
