from rest_framework import parsers
from rest_framework.exceptions import ParseError

# No body of this API nests deeper than four levels; deep nesting only costs stack (and a
# RecursionError once a message echoes it). Well below Python's recursion limit.
MAX_JSON_DEPTH = 32


def nesting_depth(value) -> int:
    """How deeply arrays and objects nest in `value`, without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser; a body nested deeper than MAX_JSON_DEPTH is a 400, never a server error."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            data = None
        else:
            if nesting_depth(data) <= MAX_JSON_DEPTH:
                return data
        raise ParseError(f"JSON parse error - nested deeper than {MAX_JSON_DEPTH} levels.")
