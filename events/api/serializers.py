from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers

from core.fields import StrictCharField
from events.models import EVENT_TYPES, NotificationSetting, WebhookDelivery
from events.shapes import KINDS
from organizations.shapes import OrgUserSerializer


class EventsField(serializers.ListField):
    """Events, each `{id, type, created_at, data}` whose `data` is the read shape of its type's
    object when it happened: the schema makes it a union discriminated by `type`
    (`TypedEvents`), from the kinds the apps declare (`events.shapes.KINDS`)."""


def kind_serializer(kind) -> serializers.Serializer:
    """The schema of one kind of event."""
    name = kind.shape.__name__.removesuffix("Serializer")
    fields = {
        "id": serializers.IntegerField(),
        "type": serializers.ChoiceField(choices=[(name, name) for name in kind.types]),
        "created_at": serializers.DateTimeField(),
        "data": kind.shape(help_text="The object's read shape when the event happened."),
        "__module__": __name__,
    }
    return type(f"{name}EventSerializer", (serializers.Serializer,), fields)()


class EventPageSerializer(serializers.Serializer):
    events = EventsField()
    next_after = serializers.IntegerField(
        allow_null=True, help_text="Ask with `after` set to this for the next events; null when none came."
    )


class EventQuerySerializer(serializers.Serializer):
    after = serializers.IntegerField(min_value=0, default=0, help_text="The last event id you have seen.")
    limit = serializers.IntegerField(min_value=1, max_value=1000, default=100)


class NotificationSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = serializers.CharField()
    created_at = serializers.DateTimeField()
    type = serializers.CharField(default="Dashboard")
    read_at = serializers.DateTimeField(allow_null=True)


class ChannelSerializer(serializers.Serializer):
    notification_via = serializers.ChoiceField(choices=NotificationSetting.Via.choices)
    notification_frequency = serializers.ChoiceField(choices=NotificationSetting.Frequency.choices)
    enabled = serializers.BooleanField()


class NotificationSettingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(help_text="The notification's: the same for every user and deployment.")
    notification_display_name = serializers.CharField()
    notification_name = serializers.CharField()
    notification_domain = serializers.CharField()
    notification_type = ChannelSerializer(many=True)
    org_user = OrgUserSerializer()


class NotificationSettingChangeSerializer(ChannelSerializer):
    uuid = serializers.UUIDField()
    notification_frequency = serializers.ChoiceField(
        choices=NotificationSetting.Frequency.choices, required=False, help_text="Unchanged when left out."
    )


EVENT_TYPE_CHOICES = ["*", *EVENT_TYPES]


class WebhookEndpointSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    url = serializers.URLField(max_length=2000)
    event_types = serializers.ListField(
        child=serializers.ChoiceField(choices=EVENT_TYPE_CHOICES), min_length=1, max_length=len(EVENT_TYPE_CHOICES)
    )
    description = StrictCharField(max_length=500, required=False, allow_blank=True, default="")
    is_active = serializers.BooleanField(
        required=False, help_text="False once disabled (by you, or after five days of failures)."
    )
    rate_limit_per_second = serializers.IntegerField(
        min_value=1,
        max_value=10_000,
        required=False,
        allow_null=True,
        help_text="At most this many deliveries start in any second; null (the default) for no limit.",
    )
    created_at = serializers.DateTimeField(read_only=True)
    failing_since = serializers.DateTimeField(read_only=True, allow_null=True)
    disabled_at = serializers.DateTimeField(read_only=True, allow_null=True)


class CreatedWebhookEndpointSerializer(WebhookEndpointSerializer):
    secret = serializers.CharField(read_only=True, help_text="Shown this once: sign checks use it (whsec_…).")


class SecretSerializer(serializers.Serializer):
    secret = serializers.CharField(help_text="The new secret, shown this once; the old one signs too for 24 hours.")


class DeliverySerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    event_id = serializers.IntegerField()
    event_type = serializers.CharField(source="event.type")
    attempt = serializers.IntegerField()
    status = serializers.ChoiceField(choices=WebhookDelivery.Status.choices)
    response_status = serializers.IntegerField(allow_null=True)
    duration_ms = serializers.IntegerField(allow_null=True)
    error = serializers.CharField()
    created_at = serializers.DateTimeField()
    next_attempt_at = serializers.DateTimeField(allow_null=True)


class WebhookStatsSerializer(serializers.Serializer):
    """The attempts made in the last 24 hours (those waiting are not counted)."""

    attempts = serializers.IntegerField()
    succeeded = serializers.IntegerField()
    failed = serializers.IntegerField()
    success_rate = serializers.FloatField(allow_null=True, help_text="succeeded / attempts; null with no attempt.")
    p50_ms = serializers.FloatField(allow_null=True, help_text="The median time to an answer.")
    p99_ms = serializers.FloatField(allow_null=True)


class RecoverSerializer(serializers.Serializer):
    since = serializers.DateTimeField(help_text="Every delivery that failed from this time on is queued again.")


class RecoveredSerializer(serializers.Serializer):
    queued = serializers.IntegerField(help_text="The attempts queued: one per event whose delivery failed.")


class TypedEvents(OpenApiSerializerFieldExtension):
    """Documents an `EventsField` as a list of events discriminated by `type`."""

    target_class = EventsField

    def map_serializer_field(self, auto_schema, direction):
        kinds = [(kind, kind_serializer(kind)) for kind in KINDS.values()]
        union = PolymorphicProxySerializer(
            component_name="Event",
            serializers={name: serializer for kind, serializer in kinds for name in kind.types},
            resource_type_field_name="type",
        )
        return {"type": "array", "items": auto_schema.resolve_serializer(union, direction).ref}
