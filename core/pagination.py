from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response

from core.filtering import ONCE, repeated

# Far past any real list, and within what every JSON reader and PostgreSQL's OFFSET take.
MAX_START = 1_000_000_000


class StartLimitPagination(LimitOffsetPagination):
    """`?start=&limit=` paging, answered as `{"<results_key>": [...], "pagination": {...}}`.

    A `limit` above `max_limit` is forced down; a `start` past the end gives an empty page;
    anything that is not a whole number (or is negative) is a 400."""

    offset_query_param = "start"
    default_limit = 50
    max_limit = 100
    results_key = "results"

    def get_limit(self, request) -> int:
        limit = self.read_number(request, self.limit_query_param, self.default_limit, minimum=1)
        return min(limit, self.max_limit)

    def get_offset(self, request) -> int:
        return self.read_number(request, self.offset_query_param, 0, minimum=0, maximum=MAX_START)

    @staticmethod
    def read_number(request, name: str, default: int, *, minimum: int, maximum: int | None = None) -> int:
        if name in repeated(request.query_params):
            raise ValidationError({name: [ONCE]})
        raw = request.query_params.get(name, "")
        if raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise ValidationError({name: ["A whole number is required."]}) from None
        if value < minimum:
            raise ValidationError({name: [f"Must be at least {minimum}."]})
        if maximum is not None and value > maximum:
            raise ValidationError({name: [f"Must be at most {maximum}."]})
        return value

    def get_paginated_response(self, data):
        return Response(
            {
                self.results_key: data,
                "pagination": {"total_count": self.count, "start": self.offset, "limit": self.limit},
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": [self.results_key, "pagination"],
            "properties": {
                self.results_key: schema,
                "pagination": {
                    "type": "object",
                    "required": ["total_count", "start", "limit"],
                    "properties": {
                        "total_count": {"type": "integer"},
                        "start": {"type": "integer"},
                        "limit": {"type": "integer"},
                    },
                },
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.offset_query_param,
                "in": "query",
                "required": False,
                "description": "Index of the first result (default 0).",
                "schema": {"type": "integer", "minimum": 0, "maximum": MAX_START},
            },
            {
                "name": self.limit_query_param,
                "in": "query",
                "required": False,
                "description": f"Page size (default {self.default_limit}, at most {self.max_limit}).",
                "schema": {"type": "integer", "minimum": 1},
            },
        ]


class HeaderPagination(StartLimitPagination):
    """The same paging for endpoints whose body is a bare array: the total is in
    `X-Total-Count` and the neighbouring pages in an RFC 8288 `Link` header."""

    default_limit = 100
    max_limit = 1000

    def get_paginated_response(self, data):
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link()))
            if url
        ]
        headers = {"X-Total-Count": str(self.count)}
        if links:
            headers["Link"] = ", ".join(links)
        return Response(data, headers=headers)

    def get_paginated_response_schema(self, schema):
        return schema


class PaginationSerializer(serializers.Serializer):
    """The `pagination` object of a paged answer."""

    total_count = serializers.IntegerField()
    start = serializers.IntegerField()
    limit = serializers.IntegerField()
