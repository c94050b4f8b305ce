from django.conf import settings
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from connections.cron import next_run, validate_cron
from connections.models import Connection, ConnectionRequest, Integration, RequestStatusChange
from files.api.serializers import FileSerializer
from files.models import UploadedFile
from organizations.api.serializers import AccountManagerSerializer, RoleSerializer
from timp_api.fields import AliasedFieldsMixin, PositionalErrorsListSerializer, StrictCharField
from timp_api.masking import mask_url_credentials


class IntegrationTypeField(serializers.ChoiceField):
    """One of the integration types; the plural the docs' examples use ("items") is the same type."""

    def __init__(self, **kwargs):
        super().__init__(choices=Integration.Type.choices, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str) and data.endswith("s") and data[:-1] in self.choices:
            data = data[:-1]
        return super().to_internal_value(data)


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "format": "uuid"},
            {"type": "object", "properties": {"uuid": {"type": "string", "format": "uuid"}}, "required": ["uuid"]},
        ]
    }
)
class FileReferenceField(serializers.Field):
    """A file the caller uploaded, named by its UUID or by a File Object `{"uuid": …}`."""

    default_error_messages = {"invalid": "Expected a file UUID or a File Object with a uuid."}

    def to_internal_value(self, data):
        if isinstance(data, dict):
            data = data.get("uuid")
        if not isinstance(data, str):
            self.fail("invalid")
        return serializers.UUIDField().run_validation(data)

    def to_representation(self, value):
        return str(value)


class IntegrationWriteSerializer(AliasedFieldsMixin, serializers.Serializer):
    aliases = {"integration_type": "type", "feed_source_file_locations": "file_locations"}

    record_uuid = serializers.UUIDField(required=False, help_text="Only in updates: the integration to change.")
    type = IntegrationTypeField(required=False, help_text="item, order, allocation, tracking or other.")
    update_frequency = StrictCharField(
        required=False, allow_null=True, max_length=100, validators=[validate_cron], help_text="A cron schedule."
    )
    file_locations = StrictCharField(required=False, allow_blank=True, max_length=2000)
    file_specs = StrictCharField(required=False, allow_blank=True, max_length=10000)
    rules = StrictCharField(required=False, allow_blank=True, max_length=10000)

    class Meta:
        list_serializer_class = PositionalErrorsListSerializer

    def validate(self, attrs):
        creating = self.root.instance is None
        if creating and "record_uuid" in attrs:
            raise serializers.ValidationError({"record_uuid": ["Only updates name an existing integration."]})
        if "record_uuid" not in attrs and "type" not in attrs:
            raise serializers.ValidationError({"type": ["This field is required."]})
        if "type" in attrs:
            attrs["integration_type"] = attrs.pop("type")
        return attrs


class ConnectionRequestWriteSerializer(AliasedFieldsMixin, serializers.Serializer):
    """The body of a new request (every field optional in an update)."""

    aliases = {
        "integrations": "requested_integrations",
        "retailer_account_number": "organization_account_number",
        "supplier_account_number": "organization_account_number",
    }

    organization_name = StrictCharField(max_length=200, help_text="The organization asked for.")
    primary_contact_name = StrictCharField(max_length=200)
    primary_contact_phone = StrictCharField(required=False, allow_blank=True, max_length=20)
    primary_contact_email = serializers.EmailField(required=False, allow_blank=True, max_length=200)
    organization_account_number = StrictCharField(
        required=False, allow_blank=True, max_length=100, help_text="Your account number in their system."
    )
    additional_information = StrictCharField(required=False, allow_blank=True, max_length=5000)
    requested_integrations = IntegrationWriteSerializer(
        many=True, required=False, max_length=settings.MAX_INTEGRATIONS_PER_REQUEST
    )
    uploaded_files = serializers.ListField(
        child=FileReferenceField(), required=False, max_length=settings.MAX_FILES_PER_REQUEST
    )

    def validate_requested_integrations(self, items: list[dict]) -> list[dict]:
        if self.instance is None:
            return items
        known = set(self.instance.integrations.values_list("uuid", flat=True))
        errors = [
            {"record_uuid": [f"This request has no integration {item['record_uuid']}."]}
            if "record_uuid" in item and item["record_uuid"] not in known
            else {}
            for item in items
        ]
        if any(errors):
            raise serializers.ValidationError(errors)
        return items

    def validate_uploaded_files(self, uuids: list) -> list[UploadedFile]:
        """Files of the requesting organization only; unknown and foreign UUIDs get one message."""
        wanted = list(dict.fromkeys(uuids))
        found = {
            f.uuid: f for f in UploadedFile.objects.filter(organization=self.context["organization"], pk__in=wanted)
        }
        missing = [str(uuid) for uuid in wanted if uuid not in found]
        if missing:
            raise serializers.ValidationError(f"No file of your organization has the UUID(s): {', '.join(missing)}.")
        return [found[uuid] for uuid in wanted]


class IntegrationSerializer(serializers.ModelSerializer):
    record_uuid = serializers.UUIDField(source="uuid")
    feed_source_file_locations = serializers.SerializerMethodField()
    next_run_at = serializers.SerializerMethodField()

    class Meta:
        model = Integration
        fields = [
            "record_uuid",
            "integration_type",
            "update_frequency",
            "feed_source_file_locations",
            "file_specs",
            "rules",
            "date_created",
            "next_run_at",
        ]

    def get_feed_source_file_locations(self, integration: Integration) -> str:
        """The file locations, with any password in them shown as ***."""
        return mask_url_credentials(integration.file_locations)

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_next_run_at(self, integration: Integration) -> str | None:
        """The next scheduled time in UTC, or null without a schedule."""
        if not integration.update_frequency:
            return None
        now = self.context.setdefault("now", int(timezone.now().timestamp()))
        return serializers.DateTimeField().to_representation(next_run(integration.update_frequency, now))


class StatusChangeSerializer(serializers.ModelSerializer):
    by = serializers.UUIDField(source="by_id", allow_null=True, help_text="The user who made the change.")

    class Meta:
        model = RequestStatusChange
        fields = ["status", "at", "by"]


class RequesterSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    org_type = serializers.CharField()


class ConnectionRequestSerializer(serializers.ModelSerializer):
    """The Connection Request object: the documented keys, then `status`, `connection_uuid`,
    `history` and `requester`."""

    record_uuid = serializers.UUIDField(source="uuid")
    org_contact_full_name = serializers.CharField(source="contact_name")
    primary_contact_phone = serializers.CharField(source="contact_phone")
    primary_contact_email = serializers.CharField(source="contact_email")
    retailer_account_number = serializers.CharField(
        source="account_number", help_text="The requester's account number in the counterpart's system."
    )
    is_approved = serializers.BooleanField()
    approved_by = AccountManagerSerializer(allow_null=True, help_text="The account manager who approved it.")
    integrations = IntegrationSerializer(many=True)
    uploaded_files = FileSerializer(many=True)
    connection_uuid = serializers.UUIDField(source="connection_id", allow_null=True)
    history = StatusChangeSerializer(many=True)
    requester = RequesterSerializer(source="organization")

    class Meta:
        model = ConnectionRequest
        fields = [
            "record_uuid",
            "org_name",
            "org_contact_full_name",
            "primary_contact_phone",
            "primary_contact_email",
            "retailer_account_number",
            "additional_information",
            "request_date",
            "is_approved",
            "approved_by",
            "integrations",
            "uploaded_files",
            "status",
            "connection_uuid",
            "history",
            "requester",
        ]


class CreatedRequestSerializer(serializers.Serializer):
    request_uuid = serializers.UUIDField(source="uuid")
    uuid = serializers.UUIDField()
    request_date = serializers.DateTimeField()


class ApproveSerializer(serializers.Serializer):
    organization_uuid = serializers.UUIDField(
        required=False, help_text="An existing organization to connect; by default one is created from the request."
    )


class DenySerializer(serializers.Serializer):
    reason = StrictCharField(max_length=2000, allow_blank=True, required=False, default="")


class ConnectionSerializer(serializers.ModelSerializer):
    """The Connection object exactly as the docs nest it, plus `requested_by` and `created_date`."""

    retailer = RoleSerializer()
    supplier = RoleSerializer()
    account_manager = AccountManagerSerializer(allow_null=True)

    class Meta:
        model = Connection
        fields = [
            "uuid",
            "retailer",
            "supplier",
            "status",
            "account_manager",
            "allocation_type",
            "suppliers_retailer_account_number",
            "retailers_supplier_account_number",
            "deactivated_date",
            "requested_by",
            "created_date",
        ]


class AccountNumbersSerializer(serializers.Serializer):
    """Each side sets only the number in its own system."""

    retailers_supplier_account_number = StrictCharField(
        required=False, allow_null=True, allow_blank=True, max_length=100, help_text="Set by the retailer."
    )
    suppliers_retailer_account_number = StrictCharField(
        required=False, allow_null=True, allow_blank=True, max_length=100, help_text="Set by the supplier."
    )

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["Only the two account numbers can be changed."] for name in unknown}
                )
        return super().to_internal_value(data)
