import orjson
from rest_framework.renderers import JSONRenderer as DRFJSONRenderer
from rest_framework.utils.encoders import JSONEncoder


class JSONRenderer(DRFJSONRenderer):
    """DRF's JSON renderer, encoding with orjson (about ten times faster on the nested list).
    What orjson cannot encode itself (lazy translations, Decimal, …) goes through DRF's encoder."""

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        return orjson.dumps(data, default=JSONEncoder().default, option=orjson.OPT_NON_STR_KEYS)
