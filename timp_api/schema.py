from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiParameter

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    location=OpenApiParameter.HEADER,
    required=False,
    description="Retries with the same key and body get the first response and create nothing (kept 24 hours).",
)


def only_documented_paths(endpoints, **kwargs):
    """Document the /timp/ API once: the older unprefixed aliases and the schema views stay out."""
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].startswith("/timp/")
        and not endpoint[0].startswith(("/timp/schema", "/timp/docs", "/timp/redoc"))
    ]


class TokenScheme(OpenApiAuthenticationExtension):
    """Documents `Authorization: Token <key>` for the project's token authentication."""

    target_class = "timp_api.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>`, with the key from user-login.",
        }


ERROR_SCHEMA = {
    "type": "object",
    "description": '`{"detail": "…"}`, or for invalid input an object of field names to messages.',
    "properties": {"detail": {"type": "string"}},
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
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    error_body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result["paths"].values():
        for method, operation in operations.items():
            errors = dict(ERRORS_OF_EVERY_OPERATION)
            if method in {"post", "put", "patch", "delete"}:
                errors.update(ERRORS_OF_WRITES)
            for code, description in errors.items():
                response = operation["responses"].setdefault(code, {"description": description})
                response.setdefault("content", error_body)
    return result
