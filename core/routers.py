from rest_framework.routers import SimpleRouter

# A UUID in a URL; anything else is not a route at all (a JSON 404, never a 400 or 500).
UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


class UUIDRouter(SimpleRouter):
    """Routes with trailing slashes, as the docs write them, and UUID lookups only."""

    def get_lookup_regex(self, viewset, lookup_prefix=""):
        lookup_field = getattr(viewset, "lookup_url_kwarg", None) or getattr(viewset, "lookup_field", "pk")
        return f"(?P<{lookup_prefix}{lookup_field}>{UUID_PATTERN})"
