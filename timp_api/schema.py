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
