import copy
from datetime import UTC, datetime

from rest_framework import serializers


def iso_datetime(value: datetime | None) -> str | None:
    """A timestamp as the API writes them: ISO 8601 in UTC, with microseconds and Z."""
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class StrictCharField(serializers.CharField):
    """A JSON string and nothing else: numbers and booleans are a 400, not quietly made text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ShallowFieldCopies:
    """A serializer that copies its declared fields one level deep: DRF deep-copies each of them
    for every serializer it makes, down to their validators, which cost a create of a request
    a tenth of its time. A plain field's copy needs only its own attributes (binding it sets
    the rest, on the copy); a field with a child, or a nested serializer, is still copied whole,
    so that no child stays bound to another serializer."""

    def get_fields(self):
        return {
            name: copy.deepcopy(field)
            if hasattr(field, "child") or hasattr(field, "_declared_fields")
            else copy.copy(field)
            for name, field in self._declared_fields.items()
        }


class AliasedFieldsMixin:
    """Accepts other spellings of fields (`aliases`: alias → field), because the published
    docs use both. The same value under both spellings is fine; different values are a 400."""

    aliases: dict[str, str] = {}

    def to_internal_value(self, data):
        if isinstance(data, dict) and any(alias in data for alias in self.aliases):
            data = dict(data)
            errors = {}
            for alias, field in self.aliases.items():
                if alias not in data:
                    continue
                value = data.pop(alias)
                if field in data and data[field] != value:
                    errors[alias] = [f"Conflicts with {field}: send one of the two, or the same value in both."]
                else:
                    data[field] = value
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


class PositionalErrorsListSerializer(serializers.ListSerializer):
    """A list's errors as a list, one entry per item and `{}` for valid ones, which is the
    shape the contract documents (DRF itself now keys them by index)."""

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as error:
            detail = error.detail
            if isinstance(detail, dict) and detail and all(isinstance(key, int) for key in detail):
                raise serializers.ValidationError([detail.get(index, {}) for index in range(len(data))]) from None
            raise
