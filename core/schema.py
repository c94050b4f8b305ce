import inspect
import re

from django.conf import settings
from django.core.validators import RegexValidator
from drf_spectacular import openapi
from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerExtension,
    OpenApiSerializerFieldExtension,
)
from drf_spectacular.utils import OpenApiParameter

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    location=OpenApiParameter.HEADER,
    required=False,
    type={"type": "string", "pattern": r"^[\x21-\x7e]{1,200}$", "minLength": 1, "maxLength": 200},
    description=(
        "1 to 200 printable ASCII characters, no spaces. Retries with the same key and body get the first "
        "response (with `Idempotent-Replayed: true`) and create nothing; keys are kept at least 48 hours "
        "(IDEMPOTENCY_KEY_RETENTION_HOURS)."
    ),
)


def response_header(name: str, description: str, *codes: int, schema: dict | None = None) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        location=OpenApiParameter.HEADER,
        response=list(codes),
        type=schema or {"type": "string"},
        description=description,
    )


def etag(*codes: int) -> OpenApiParameter:
    return response_header("ETag", "The version read; send it back in If-Match to change it.", *codes)


LOCATION = response_header("Location", "The URL of what was created.", 201)
IDEMPOTENT_REPLAYED = response_header(
    "Idempotent-Replayed", "`true` when this is the first response, replayed for a retry with the same key.", 201
)
X_TOTAL_COUNT = response_header(
    "X-Total-Count", "How many items match, on every page.", 200, schema={"type": "integer", "minimum": 0}
)
LINK = response_header("Link", 'RFC 8288 links to the neighbouring pages: `<…>; rel="next"`, `<…>; rel="prev"`.', 200)
CONTENT_DISPOSITION = response_header("Content-Disposition", '`attachment; filename="…"` with the file\'s name.', 200)
RETRY_AFTER = {
    "description": "Seconds to wait before trying again.",
    "schema": {"type": "integer", "minimum": 0},
}

# Operation ids say what the operation does: `connection_request_approve`, `file_get`.
VERBS = {"list": "list", "retrieve": "get", "create": "create", "partial_update": "update", "destroy": "delete"}


class AutoSchema(openapi.AutoSchema):
    def get_operation_id(self) -> str:
        basename, action = getattr(self.view, "basename", None), getattr(self.view, "action", None)
        if basename and action:
            return f"{basename.replace('-', '_')}_{VERBS.get(action, action)}"
        return super().get_operation_id()

    # Only what a view, an action or a serializer says of itself is documented: docstrings of
    # the classes they inherit from are written for developers, not for the API's users.
    def get_description(self) -> str:
        action = getattr(self.view, getattr(self.view, "action", None) or self.method.lower(), None)
        return own_doc(action) or own_doc(type(self.view))

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        schema.pop("description", None)
        if description := own_doc(type(serializer)):
            schema["description"] = description
        return schema

    def _get_request_for_media_type(self, serializer, direction="request"):
        # drf-spectacular documents every PATCH body as partial (DRF's update). A body that a
        # PATCH reads whole (`whole_on_patch`: it names what to add) is documented as it is read.
        whole = self.method == "PATCH" and getattr(serializer, "whole_on_patch", False)
        if whole:
            self.method = "POST"
        try:
            schema, required = super()._get_request_for_media_type(serializer, direction)
        finally:
            if whole:
                self.method = "PATCH"
        # A body whose fields are each optional, but not all at once (`schema_rules`), is required.
        return schema, required or bool(getattr(serializer, "schema_rules", None))


def own_doc(documented) -> str:
    own = getattr(documented, "__dict__", {}).get("__doc__")
    return inspect.cleandoc(own) if own else ""


def only_documented_paths(endpoints, **kwargs):
    """Document the /timp/ API once: the older unprefixed aliases and the schema views stay out,
    and so do the sandbox's own paths outside a sandbox (where they are 404s)."""
    hidden = ("/timp/schema", "/timp/docs", "/timp/redoc", *(() if settings.TIMP_SANDBOX else ("/timp/sandbox/",)))
    return [
        endpoint for endpoint in endpoints if endpoint[0].startswith("/timp/") and not endpoint[0].startswith(hidden)
    ]


class TokenScheme(OpenApiAuthenticationExtension):
    """Documents `Authorization: Token <key>` for the project's token authentication."""

    target_class = "core.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "`Bearer <key>` (or `Token <key>`), with the key from user-login.",
        }


# What DRF trims from text (Python's whitespace), as a character class a schema's regex reads.
TRIMMED = "".join(f"\\u{ord(c):04x}" for c in map(chr, range(0x3001)) if c.isspace())


class StrictText(OpenApiSerializerFieldExtension):
    """Text fields refuse NUL characters (PostgreSQL cannot store them), and one that may not
    be blank needs a character that is not trimmed away: the schema says both."""

    target_class = "core.fields.StrictCharField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        # A field's own pattern (a RegexValidator anchored at the start) keeps applying.
        own = [v.regex.pattern.removeprefix("^") for v in self.target.validators if isinstance(v, RegexValidator)]
        if own and self.target.allow_blank:
            own = [f"(?:{own[0]}|$)"]
        if isinstance(schema.get("type"), list):
            # Nullability is added to what an extension returns: leave it to be added once.
            schema["type"] = next(kind for kind in schema["type"] if kind != "null")
        filled = "" if self.target.allow_blank or not self.target.trim_whitespace else f"(?=[\\s\\S]*[^{TRIMMED}])"
        return {**schema, "pattern": r"^(?=[^\x00]*$)" + filled + (own[0] if own else "")}


class AliasedFields(OpenApiSerializerExtension):
    """Documents each accepted alias of a request body's field beside it. A body sends one
    spelling of each; the schema prefers the field's own name (required ones stay required).
    A serializer's `schema_rules` (JSON Schema keywords) join its request schema."""

    target_class = "core.fields.AliasedFieldsMixin"
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        properties = schema.get("properties", {})
        if direction != "request":
            return schema
        spellings = {}
        for alias, field in self.target.aliases.items():
            if field in properties:
                properties[alias] = {
                    **properties[field],
                    "deprecated": True,
                    "description": f"Another spelling of `{field}` (the published docs use more than one); "
                    "send one of them.",
                }
                spellings.setdefault(field, [field]).append(alias)
        pairs = [
            {"required": [first, second]}
            for names in spellings.values()
            for position, first in enumerate(names)
            for second in names[position + 1 :]
        ]
        if pairs:
            schema["not"] = {"anyOf": pairs}
        # Rules between fields that properties cannot say (`schema_rules` on the serializer).
        schema.update(getattr(self.target, "schema_rules", {}))
        return schema


ERROR_SCHEMA = {
    "type": "object",
    "description": '`{"detail": "…"}`.',
    "properties": {"detail": {"type": "string"}},
}
INVALID_INPUT_SCHEMA = {
    "type": "object",
    "description": (
        'What was wrong: `{"detail": "…"}` for the body as a whole, else each field (or header) named '
        "with its messages; a list's errors are a list, one object per item, "
        '`{"requested_integrations": [{}, {"update_frequency": ["…"]}]}`.'
    ),
    "properties": {"detail": {"type": "string"}},
    # Messages (strings), or per item of a list: an object, or the item's own messages.
    "additionalProperties": {"anyOf": [{"type": "array", "items": {}}, {"type": "object"}]},
}
ERRORS_OF_EVERY_OPERATION = {
    "400": "Invalid input (a query parameter, a header or the body).",
    "401": "Missing, invalid or expired token (`WWW-Authenticate: Token`).",
    "403": "Authenticated, but not allowed to do this.",
    "404": "No such object, or another organization's.",
    "429": "Throttled; `Retry-After` says when to come back.",
}
ERRORS_OF_WRITES = {
    "409": "Your organization is the wrong side for this action.",
    "412": "The object changed since you read it (stale If-Match).",
    "413": "The body or the file is too large.",
    "415": "The body is not in a media type this operation accepts.",
    "422": "Not possible in the object's current state.",
}


def document_error_responses(result, generator, request, public):
    """Every operation documents the JSON errors it can answer, so clients (and the
    conformance tests) know their shape."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"], schemas["InvalidInput"] = ERROR_SCHEMA, INVALID_INPUT_SCHEMA
    for operations in result["paths"].values():
        for method, operation in operations.items():
            errors = dict(ERRORS_OF_EVERY_OPERATION)
            if method in {"post", "put", "patch", "delete"}:
                errors.update(ERRORS_OF_WRITES)
            for code, description in errors.items():
                response = operation["responses"].setdefault(code, {"description": description})
                schema = "InvalidInput" if code == "400" else "Error"
                response.setdefault(
                    "content", {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}
                )
            operation["responses"]["429"].setdefault("headers", {})["Retry-After"] = RETRY_AFTER
    return result


def name_descending_orderings(result, generator, request, public):
    """Generated clients name enum members after their values; `-created_date` has no name of
    its own, so each descending ordering is named `<field>_desc` (`x-enum-varnames`)."""

    def walk(node):
        if isinstance(node, dict):
            values = node.get("enum")
            if isinstance(values, list) and any(isinstance(v, str) and v.startswith("-") for v in values):
                node["x-enum-varnames"] = [f"{v[1:]}_desc" if v.startswith("-") else v for v in values]
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(result)
    return result


EMPTY_TEXT = {"type": "string", "maxLength": 0}


def one_schema_for_blank_text(result, generator, request, public):
    """drf-spectacular writes a text field that may be blank, and has a pattern or a format, as
    `oneOf: [{…}, {"maxLength": 0}]`. Where the first admits "" too (the NUL-refusing pattern
    does), "" matches both branches, which `oneOf` forbids, and strict validators refuse the
    answer: such a field is its first branch alone. Where a format may refuse "" (an email),
    the two are `anyOf`."""

    def simplify(node):
        if isinstance(node, list):
            return [simplify(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: simplify(value) for key, value in node.items()}
        branches = node.get("oneOf")
        if isinstance(branches, list) and len(branches) == 2 and branches[1] == EMPTY_TEXT:
            inner = branches[0]
            if "format" not in inner and not inner.get("minLength") and re.search(inner.get("pattern", ""), ""):
                outer = {key: value for key, value in node.items() if key != "oneOf"}
                return {**inner, **outer}
            node["anyOf"] = node.pop("oneOf")
        return node

    return simplify(result)


def empty_query_values_are_absent(result, generator, request, public):
    """A query parameter given empty (`?status=`) is the same as one left out, everywhere in
    the API (`core.filtering.single_values`, the paginations): each query parameter says so
    (`allowEmptyValue`), so that a client, or a validator, does not take "" for an error."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter.get("in") == "query":
                    parameter["allowEmptyValue"] = True
    return result
