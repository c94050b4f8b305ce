from django.conf import settings
from django.core.validators import RegexValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from connections import selectors
from connections.cron import MAX_LENGTH, validate_cron
from connections.models import Integration
from core.fields import AliasedFieldsMixin, PositionalErrorsListSerializer, ShallowFieldCopies, StrictCharField
from core.pagination import MAX_START
from core.policy import authorize
from files.models import UploadedFile
from organizations.models import Organization

# Discovery pages: 50 members by default, 100 at most (as documented).
DISCOVERY_LIMIT = 50
DISCOVERY_MAX_LIMIT = 100


@extend_schema_field(
    {
        "anyOf": [
            {"$ref": "#/components/schemas/IntegrationTypeEnum"},
            {
                "type": "string",
                "enum": [f"{value}s" for value in Integration.Type.values],
                "deprecated": True,
                "description": 'The plural the published examples use ("items"): the same type.',
            },
        ]
    }
)
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


class IntegrationWriteSerializer(ShallowFieldCopies, AliasedFieldsMixin, serializers.Serializer):
    aliases = {"integration_type": "type", "feed_source_file_locations": "file_locations"}

    record_uuid = serializers.UUIDField(
        source="uuid", required=False, help_text="Only in updates: the integration to change."
    )
    type = IntegrationTypeField(
        source="integration_type", required=False, help_text="item, order, allocation, tracking or other."
    )
    update_frequency = StrictCharField(
        required=False, allow_null=True, max_length=MAX_LENGTH, validators=[validate_cron], help_text="A cron schedule."
    )
    file_locations = StrictCharField(required=False, allow_blank=True, max_length=2000)
    file_specs = StrictCharField(required=False, allow_blank=True, max_length=10000)
    rules = StrictCharField(required=False, allow_blank=True, max_length=10000)

    class Meta:
        list_serializer_class = PositionalErrorsListSerializer

    def validate(self, attrs):
        if "uuid" not in attrs and "integration_type" not in attrs:
            raise serializers.ValidationError({"type": ["This field is required."]})
        return attrs


class NewIntegrationSerializer(IntegrationWriteSerializer):
    """An integration of a new request: its type is required, and it names no existing one."""

    record_uuid = None
    type = IntegrationTypeField(source="integration_type", help_text="item, order, allocation, tracking or other.")

    def to_internal_value(self, data):
        if isinstance(data, dict) and "record_uuid" in data:
            raise serializers.ValidationError({"record_uuid": ["Only updates name an existing integration."]})
        return super().to_internal_value(data)


class ConnectionRequestWriteSerializer(ShallowFieldCopies, AliasedFieldsMixin, serializers.Serializer):
    """The body of an update of a pending request (`NewConnectionRequestSerializer` for a new one):
    every field optional; integrations with a `record_uuid` change that one, others are added."""

    aliases = {
        "integrations": "requested_integrations",
        "retailer_account_number": "organization_account_number",
        "supplier_account_number": "organization_account_number",
    }

    organization_name = StrictCharField(source="org_name", max_length=200, help_text="The organization asked for.")
    primary_contact_name = StrictCharField(source="contact_name", max_length=200)
    primary_contact_phone = StrictCharField(source="contact_phone", required=False, allow_blank=True, max_length=20)
    primary_contact_email = serializers.EmailField(
        source="contact_email", required=False, allow_blank=True, max_length=200
    )
    organization_account_number = StrictCharField(
        source="account_number",
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Your account number in their system.",
    )
    additional_information = StrictCharField(required=False, allow_blank=True, max_length=5000)
    requested_integrations = IntegrationWriteSerializer(
        source="integrations", many=True, required=False, max_length=settings.MAX_INTEGRATIONS_PER_REQUEST
    )
    uploaded_files = serializers.ListField(
        child=FileReferenceField(), required=False, max_length=settings.MAX_FILES_PER_REQUEST
    )

    def validate_requested_integrations(self, items: list[dict]) -> list[dict]:
        if self.instance is None:
            return items
        known = set(self.instance.integrations.values_list("uuid", flat=True))
        errors = [
            {"record_uuid": [f"This request has no integration {item['uuid']}."]}
            if "uuid" in item and item["uuid"] not in known
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


class NewConnectionRequestSerializer(ConnectionRequestWriteSerializer):
    """The body of a new request. Name the counterpart found in discovery with `supplier_uuid`
    (a retailer asking) or `retailer_uuid` (a supplier asking); then `organization_name` and
    `primary_contact_name` may be left out: they come from the counterpart."""

    supplier_uuid = serializers.UUIDField(required=False, help_text="The supplier asked for, as discovery lists it.")
    retailer_uuid = serializers.UUIDField(required=False, help_text="The retailer asked for, as discovery lists it.")
    organization_name = StrictCharField(
        source="org_name",
        required=False,
        max_length=200,
        help_text="The organization asked for; required unless it is named by its UUID.",
    )
    primary_contact_name = StrictCharField(
        source="contact_name", required=False, max_length=200, help_text="Required unless the counterpart is named."
    )
    requested_integrations = NewIntegrationSerializer(
        source="integrations", many=True, required=False, max_length=settings.MAX_INTEGRATIONS_PER_REQUEST
    )

    schema_rules = {
        "if": {"not": {"anyOf": [{"required": ["supplier_uuid"]}, {"required": ["retailer_uuid"]}]}},
        "then": {"required": ["organization_name", "primary_contact_name"]},
    }

    def validate(self, attrs):
        caller = self.context["organization"]
        named_as, other = f"{caller.other_side}_uuid", f"{caller.side}_uuid"
        if other in attrs:
            # Naming one of the caller's own side is the wrong side's action: the policy refuses it.
            authorize(self.context.get("user"), f"name_{caller.side}", caller)
        if named_as in attrs:
            # An import looks up the counterparts of a whole batch first (`context["counterparts"]`).
            named = attrs.pop(named_as)
            counterparts = self.context.get("counterparts")
            counterpart = (
                counterparts.get(named) if counterparts is not None else selectors.nameable_counterpart(caller, named)
            )
            if counterpart is None:
                raise serializers.ValidationError(
                    {named_as: ["No organization that you can name has this UUID: look it up in discovery."]}
                )
            contact = counterpart.primary_contact
            attrs = {
                "org_name": counterpart.name,
                "contact_name": contact.full_name,
                "contact_email": contact.email,
                "contact_phone": contact.phone or "",
                **attrs,
                "counterpart": counterpart,
            }
        missing = {
            name: ["This field is required unless the counterpart is named."]
            for name, source in (("organization_name", "org_name"), ("primary_contact_name", "contact_name"))
            if source not in attrs
        }
        if missing:
            raise serializers.ValidationError(missing)
        return attrs


class CreatedRequestSerializer(serializers.Serializer):
    request_uuid = serializers.UUIDField(source="uuid")
    uuid = serializers.UUIDField()
    request_date = serializers.DateTimeField()


class ApproveSerializer(serializers.Serializer):
    organization_uuid = serializers.UUIDField(
        required=False,
        help_text="An existing organization to connect (a request that names its counterpart needs none); "
        "without it, one is created from the request.",
    )
    create_organization = serializers.BooleanField(
        default=False,
        help_text="Create a new organization even though organizations of the same name exist.",
    )


class CandidateSerializer(serializers.Serializer):
    """An organization a request may mean."""

    uuid = serializers.UUIDField()
    name = serializers.CharField()
    org_type = serializers.ChoiceField(choices=Organization.Type.choices)
    status = serializers.ChoiceField(choices=Organization.Status.choices)
    similarity = serializers.FloatField(help_text="Trigram similarity of the names, 0 to 1.")
    reasons = serializers.ListField(child=serializers.CharField(), help_text="Why it may be the one.")


class SameNameSerializer(serializers.Serializer):
    """An approval that would create an organization whose name others have already."""

    detail = serializers.CharField()
    candidates = CandidateSerializer(many=True)


class DenySerializer(serializers.Serializer):
    reason = StrictCharField(max_length=2000, allow_blank=True, required=False, default="")


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


class DiscoveryFiltersSerializer(serializers.Serializer):
    initial_character = StrictCharField(
        required=False,
        max_length=200,
        validators=[RegexValidator(r"^[A-Za-z0-9#]", "A letter (A-Z), a digit (0-9) or #.")],
        help_text="A letter or digit: names starting with it (any case); `#`: names starting with a digit. "
        "Only the first character counts.",
    )
    recent = serializers.IntegerField(
        required=False, min_value=0, max_value=36500, help_text="Joined discovery in the last N days."
    )
    search = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Name contains (any case); the closest names first. Blank: no search.",
    )

    def validate_initial_character(self, value: str) -> str:
        return value[:1].lower()


class PageSerializer(serializers.Serializer):
    start = serializers.IntegerField(required=False, min_value=0, max_value=MAX_START, default=0)
    limit = serializers.IntegerField(
        required=False, min_value=1, default=DISCOVERY_LIMIT, help_text=f"At most {DISCOVERY_MAX_LIMIT}."
    )

    def validate_limit(self, value: int) -> int:
        return min(value, DISCOVERY_MAX_LIMIT)


SORT_KEYS = ["name", "date_joined"]
SORT_DIRECTIONS = ["asc", "desc"]


class SortSerializer(serializers.Serializer):
    key = serializers.ChoiceField(choices=SORT_KEYS, default="name")
    dir = serializers.ChoiceField(choices=SORT_DIRECTIONS, default="asc")


class DiscoveryBodySerializer(DiscoveryFiltersSerializer):
    """What to find, as the documented body: every part optional."""

    pagination = PageSerializer(required=False)
    sort = SortSerializer(required=False)

    def query(self) -> dict:
        """The filters, the page and the order, in the form the query parameters give them."""
        data = dict(self.validated_data)
        page = data.pop("pagination", None) or PageSerializer(data={}).run_validation({})
        sort = data.pop("sort", None)
        return {**data, **page, **({"sort": sort["key"], "dir": sort["dir"]} if sort else {})}


class DiscoveryQuerySerializer(DiscoveryFiltersSerializer, PageSerializer):
    """What to find, as query parameters."""

    sort = serializers.ChoiceField(required=False, choices=SORT_KEYS)
    dir = serializers.ChoiceField(required=False, choices=SORT_DIRECTIONS, default="asc")

    def query(self) -> dict:
        return dict(self.validated_data)


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="CSV or XLSX: a header row, then a row per request.")
    dry_run = serializers.BooleanField(default=False, help_text="Check every row and create nothing.")


class NewCommentSerializer(serializers.Serializer):
    body = StrictCharField(min_length=1, max_length=5000, help_text="Plain text.")
    internal = serializers.BooleanField(default=False, help_text="Staff only: a note members never see.")
