import binascii
from functools import cache
from hmac import compare_digest

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from django.utils import timezone
from knox import auth
from knox.crypto import hash_token
from knox.models import get_token_model
from knox.settings import CONSTANTS
from rest_framework import exceptions
from rest_framework.authentication import get_authorization_header
from rest_framework.permissions import SAFE_METHODS

from core.json_sql import PreparedQuery

SCHEMES = {b"token", b"bearer"}
# Stands for the presented token's key in the compiled token query (no key holds a NUL).
KEY_MARKER = "\x00token_key"
# Every API key starts with it (people's tokens are hexadecimal).
API_KEY_PREFIX = "timp_"


@cache
def token_query(*, api_key: bool, tenant: bool, permissions: bool) -> PreparedQuery:
    """The tokens of a key with their user, its organization and role (every view needs
    them); the API key's record for a key; the sandbox tenant in a sandbox (a partner's tenant
    lives while it is used); the user's permission names for a write (reads seldom check one)."""
    found = get_token_model().objects.filter(token_key=KEY_MARKER)
    found = found.select_related("user__organization__retailer", "user__organization__supplier")
    if api_key:
        found = found.select_related("user__api_key")
    if tenant:
        found = found.select_related("user__organization__sandbox_tenant")
    if permissions:
        held = apps.get_model("organizations", "PermissionAssignment").objects.filter(user=OuterRef("user"))
        found = found.annotate(permission_names=ArraySubquery(held.values("name")))
    return PreparedQuery(found, KEY_MARKER)


class TokenAuthentication(auth.TokenAuthentication):
    """Knox's `Authorization: Token <key>` check (`Bearer <key>` too), changed in three ways:

    - the user's organization comes in the same query as the token (every view needs it), and
      so does the API key the token belongs to, if any (its last use is noted, once a minute);
      the query is compiled once and prepared per connection (`token_query`);
    - only the presented token is checked for expiry, where Knox also scans (and deletes)
      every other token of the user on every request: `manage.py prune_expired` does that;
    - a header that is not UTF-8 is an invalid token (401), not a server error.
    """

    def authenticate(self, request):
        # `Bearer <key>` is what most generated clients send; it means the same as `Token <key>`.
        words = get_authorization_header(request).split()
        if not words or words[0].lower() not in SCHEMES:
            return None
        if len(words) != 2:
            raise exceptions.AuthenticationFailed("Invalid token header: send `Token <key>` or `Bearer <key>`.")
        # Writes check a permission: theirs come in the token's query; reads seldom need them.
        return self.authenticate_credentials(words[1], with_permissions=request.method not in SAFE_METHODS)

    def authenticate_credentials(self, token: bytes, *, with_permissions: bool = False):
        invalid = exceptions.AuthenticationFailed("Invalid token.")
        try:
            key = token.decode("utf-8")
            digest = hash_token(key)
        except (UnicodeDecodeError, TypeError, binascii.Error):
            raise invalid from None
        # An API key's record comes along only for a key: a person's token has no prefix.
        is_api_key = key.startswith(API_KEY_PREFIX)
        query = token_query(api_key=is_api_key, tenant=settings.TIMP_SANDBOX, permissions=with_permissions)
        for auth_token in query.run(key[: CONSTANTS.TOKEN_KEY_LENGTH]):
            if compare_digest(digest, auth_token.digest):
                if hasattr(auth_token, "permission_names"):
                    auth_token.user.permission_names = frozenset(auth_token.permission_names)
                if auth_token.expiry is not None and auth_token.expiry < timezone.now():
                    auth_token.delete()
                    raise exceptions.AuthenticationFailed("Token expired.")
                answer = self.validate_user(auth_token)
                if is_api_key:
                    auth_token.user.api_key.mark_used()
                tenant = (
                    settings.TIMP_SANDBOX
                    and auth_token.user.organization
                    and auth_token.user.organization.sandbox_tenant
                )
                if tenant:
                    tenant.mark_used()
                return answer
        raise invalid
