"""Read shapes of connection requests, their integrations, connections and discovered members
(built by PostgreSQL, see core/json_sql.py): what the API answers and what events carry."""

from django.db.models import BooleanField, Case, ExpressionWrapper, F, Func, JSONField, Q, TextField, Value, When
from django.db.models.functions import Cast, NullIf
from rest_framework import serializers

from connections.models import Connection, ConnectionRequest, Integration, RequestImport
from core.json_sql import BuiltByDatabase
from files.shapes import FileSerializer
from organizations.models import Organization, Retailer, Supplier
from organizations.shapes import AccountManagerSerializer, PersonSerializer, RoleSerializer


class IntegrationSerializer(BuiltByDatabase):
    record_uuid = serializers.UUIDField(source="uuid")
    integration_type = serializers.ChoiceField(choices=Integration.Type.choices)
    update_frequency = serializers.CharField(allow_null=True, help_text="A cron schedule, or null.")
    feed_source_file_locations = serializers.CharField(
        source="file_locations", help_text="The file locations; passwords shown as ***."
    )  # masked by finish_integrations
    file_specs = serializers.CharField()
    rules = serializers.CharField()
    date_created = serializers.DateTimeField()
    next_run_at = serializers.DateTimeField(
        allow_null=True, help_text="The next scheduled time (UTC), or null."
    )  # stored; moved on by finish_integrations once passed


class StatusChangeSerializer(BuiltByDatabase):
    status = serializers.ChoiceField(choices=ConnectionRequest.Status.choices)
    at = serializers.DateTimeField()
    by = serializers.UUIDField(source="by_id", allow_null=True, help_text="The user who made the change.")


class OrganizationNameSerializer(BuiltByDatabase):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    org_type = serializers.ChoiceField(choices=Organization.Type.choices)


APPROVED = Q(status=ConnectionRequest.Status.APPROVED)


class ConnectionRequestSerializer(BuiltByDatabase):
    """The Connection Request object: the documented keys, then `status`, `connection_uuid`,
    `history`, `requester` and `counterpart`."""

    model = ConnectionRequest

    record_uuid = serializers.UUIDField(source="uuid")
    org_name = serializers.CharField()
    org_contact_full_name = serializers.CharField(source="contact_name")
    primary_contact_phone = serializers.CharField(source="contact_phone")
    primary_contact_email = serializers.CharField(source="contact_email")
    retailer_account_number = serializers.CharField(
        source="account_number", help_text="The requester's account number in the counterpart's system."
    )
    additional_information = serializers.CharField()
    request_date = serializers.DateTimeField()
    is_approved = serializers.BooleanField()
    approved_by = AccountManagerSerializer(allow_null=True, help_text="The account manager who approved it.")
    integrations = IntegrationSerializer(many=True)
    uploaded_files = FileSerializer(many=True)
    status = serializers.ChoiceField(choices=ConnectionRequest.Status.choices)
    connection_uuid = serializers.UUIDField(source="connection_id", allow_null=True)
    history = StatusChangeSerializer(many=True)
    requester = OrganizationNameSerializer(source="organization")
    counterpart = OrganizationNameSerializer(
        allow_null=True, help_text="The organization asked for, once named (by the requester or by the approval)."
    )

    computed = {
        "is_approved": lambda path: ExpressionWrapper(APPROVED, output_field=BooleanField()),
        # The account manager who decided, shown only once the decision was an approval.
        "approved_by": lambda path: Case(
            When(APPROVED & Q(decided_by__isnull=False), then=AccountManagerSerializer.json("decided_by__")),
            default=Value(None),
            output_field=JSONField(),
        ),
    }


class ConnectionSerializer(BuiltByDatabase):
    """The Connection object exactly as the docs nest it, plus `requested_by` and `created_date`.
    Its retailer and supplier are built separately and put in place by `with_roles`."""

    model = Connection

    uuid = serializers.UUIDField()
    retailer = RoleSerializer()
    supplier = RoleSerializer()
    status = serializers.ChoiceField(choices=Connection.Status.choices)
    account_manager = AccountManagerSerializer(allow_null=True)
    allocation_type = serializers.CharField(allow_null=True)
    suppliers_retailer_account_number = serializers.CharField(allow_null=True)
    retailers_supplier_account_number = serializers.CharField(allow_null=True)
    deactivated_date = serializers.DateTimeField(allow_null=True)
    requested_by = serializers.ChoiceField(choices=Organization.Type.choices, help_text="The side that asked.")
    created_date = serializers.DateTimeField()

    # Each role is built once per response by `with_roles`: here only its key.
    computed = {"retailer": lambda path: F("retailer_id"), "supplier": lambda path: F("supplier_id")}


def no_value(path: str) -> Cast:
    # Typed, so that the shape's prepared statement knows what the parameter is.
    return Cast(Value(None), TextField())


class DiscoveredSerializer(BuiltByDatabase):
    """A member found in discovery, as the documented Discovery Supplier object, plus
    `organization_uuid`, `date_joined`, and the caller's `connection_status` with it and
    `pending_request_uuid` naming it. This product holds no orders or catalog:
    `fulfillment_percentage` and `number_of_skus` are null."""

    uuid = serializers.UUIDField(help_text="The Supplier's (or Retailer's) UUID, as in a Connection.")
    name = serializers.CharField(source="organization.name")
    website = serializers.CharField(source="organization.website")
    description = serializers.CharField(allow_null=True)
    fulfillment_percentage = serializers.FloatField(allow_null=True)
    number_of_skus = serializers.IntegerField(allow_null=True)
    contact = PersonSerializer(source="organization.primary_contact")
    organization_uuid = serializers.UUIDField(source="organization_id")
    date_joined = serializers.DateField(help_text="When it joined discovery.")
    connection_status = serializers.ChoiceField(
        choices=Connection.Status.choices, allow_null=True, help_text="Your connection with it, if any."
    )
    pending_request_uuid = serializers.UUIDField(allow_null=True, help_text="Your pending request naming it.")

    computed = {
        "description": lambda path: NullIf(F(f"{path}organization__description"), Value("")),
        "fulfillment_percentage": no_value,
        "number_of_skus": no_value,
        "date_joined": lambda path: Func(
            F(f"{path}organization__participation__date_joined"), Value("YYYY-MM-DD"), function="TO_CHAR"
        ),
        # Filled for the caller by `selectors.discovered`, in the same statement.
        "connection_status": no_value,
        "pending_request_uuid": no_value,
    }


class DiscoveredSupplierSerializer(DiscoveredSerializer):
    model = Supplier


class DiscoveredRetailerSerializer(DiscoveredSerializer):
    model = Retailer


class ImportErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="The row's number in the file; the header is row 1.")
    field = serializers.CharField(help_text="The column; blank for the row as a whole.")
    message = serializers.CharField()


class ImportSerializer(serializers.Serializer):
    """A file of connection requests and how its import goes. Made in Python from an import
    that `selectors.with_errors` gave its first errors."""

    uuid = serializers.UUIDField()
    status = serializers.ChoiceField(choices=RequestImport.Status.choices)
    file_name = serializers.CharField()
    dry_run = serializers.BooleanField()
    total_rows = serializers.IntegerField()
    processed_rows = serializers.IntegerField()
    created = serializers.IntegerField()
    skipped = serializers.IntegerField(help_text="Rows whose counterpart has a pending request or a connection.")
    failed_rows = serializers.IntegerField()
    errors = ImportErrorSerializer(many=True, source="first_errors", help_text="The first 100, by row.")
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)


class CommentAuthorSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="pk")
    name = serializers.SerializerMethodField()
    organization_uuid = serializers.UUIDField(source="organization_id", allow_null=True, help_text="Null for staff.")

    def get_name(self, user) -> str:
        return user.get_full_name() or user.email or user.username


class CommentSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()
    internal = serializers.BooleanField(help_text="A staff note: members never see it.")
    author = CommentAuthorSerializer(allow_null=True, help_text="Null once the author's user is gone.")


class CommentEventSerializer(serializers.Serializer):
    """What a comment's event carries: the request it is on, and the comment."""

    request_uuid = serializers.UUIDField()
    comment = CommentSerializer()
