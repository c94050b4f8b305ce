"""Read shapes of people, account managers, organizations, permissions, users and API keys:
what the API answers and what events carry (the BuiltByDatabase ones are built by PostgreSQL,
see core/json_sql.py). Services, selectors and the API import them from here."""

from django.db.models import TextField, Value
from django.db.models.functions import Cast, Coalesce
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.json_sql import BuiltByDatabase
from organizations.catalogue import PERMISSIONS
from organizations.models import Organization, Person, Retailer, Supplier, User


class PersonSerializer(BuiltByDatabase):
    model = Person
    uuid = serializers.UUIDField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField(allow_null=True)
    job_title = serializers.CharField(allow_null=True)


def person_of(person: Person | None) -> dict | None:
    """A Person record in PersonSerializer's shape, built in Python (for the few single reads)."""
    return None if person is None else {name: getattr(person, name) for name in PersonSerializer._declared_fields}


class AccountManagerSerializer(BuiltByDatabase):
    uuid = serializers.UUIDField()
    person = PersonSerializer()


def role_uuid(column: str) -> Coalesce:
    """The role's UUID as text, or "" for an organization without that role."""
    return Coalesce(Cast(column, TextField()), Value(""))


class OrganizationSerializer(BuiltByDatabase):
    model = Organization
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    website = serializers.CharField()
    org_type = serializers.ChoiceField(choices=Organization.Type.choices)
    status = serializers.ChoiceField(choices=Organization.Status.choices)
    created_date = serializers.DateTimeField()
    active_date = serializers.DateTimeField(allow_null=True)
    account_manager = AccountManagerSerializer(allow_null=True)
    retailer_uuid = serializers.CharField(help_text='The retailer UUID, or "" for a supplier.')
    supplier_uuid = serializers.CharField(help_text='The supplier UUID, or "" for a retailer.')

    computed = {
        "retailer_uuid": lambda path: role_uuid(f"{path}retailer__uuid"),
        "supplier_uuid": lambda path: role_uuid(f"{path}supplier__uuid"),
    }


class RoleSerializer(BuiltByDatabase):
    """A Retailer or Supplier: its own UUID, its organization and the organization's contact."""

    uuid = serializers.UUIDField()
    organization = OrganizationSerializer()
    contact = PersonSerializer(source="organization.primary_contact")


class RetailerSerializer(RoleSerializer):
    model = Retailer


class SupplierSerializer(RoleSerializer):
    model = Supplier


class PermissionSerializer(serializers.Serializer):
    """A permission of the catalogue, as documented."""

    uuid = serializers.UUIDField()
    name = serializers.CharField()
    display_name = serializers.CharField()
    description = serializers.CharField()
    visibility = serializers.ChoiceField(choices=["SUPPLIER", "RETAILER", "BOTH"])
    grouping = serializers.CharField()


class AssignedPermissionSerializer(serializers.Serializer):
    assigned = serializers.BooleanField()
    permission = PermissionSerializer()


class OrgUserSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()


class PermissionAssignmentsSerializer(serializers.Serializer):
    """Every permission of the catalogue, and whether the user holds it."""

    permissions = AssignedPermissionSerializer(many=True)
    org_user = OrgUserSerializer()

    @classmethod
    def of(cls, user) -> dict:
        """The user's assignments, as the API shows them."""
        held = user.permission_names
        return cls(
            {
                "permissions": [{"assigned": p.name in held, "permission": p} for p in PERMISSIONS],
                "org_user": {"uuid": user.pk},
            }
        ).data


class ParticipationSerializer(serializers.Serializer):
    """An organization's participation in discovery; `supplier_uuid` or `retailer_uuid`
    names its role, as the documented object does."""

    supplier_uuid = serializers.UUIDField(required=False, help_text="For a supplier: the Supplier's UUID.")
    retailer_uuid = serializers.UUIDField(required=False, help_text="For a retailer: the Retailer's UUID.")
    is_participating = serializers.BooleanField()
    discovery_catalog_uuid = serializers.UUIDField(allow_null=True, help_text="Null while not participating.")
    date_joined = serializers.DateField(allow_null=True, help_text="When it last became visible in discovery.")
    requested_by = PersonSerializer(allow_null=True, help_text="Who asked for it to be found.")
    approved_by = AccountManagerSerializer(allow_null=True, help_text="The account manager who put it in.")

    def to_representation(self, participation):
        organization = participation.organization
        role = f"{organization.side}_uuid"
        manager = participation.approved_by
        return {
            role: str(getattr(organization, role)),
            "is_participating": participation.is_participating,
            "discovery_catalog_uuid": participation.discovery_catalog_uuid if participation.is_participating else None,
            "date_joined": participation.date_joined,
            "requested_by": person_of(participation.requested_by),
            "approved_by": None if manager is None else {"uuid": manager.uuid, "person": person_of(manager.person)},
        }


class UserSerializer(serializers.Serializer):
    """A user of the organization, as documented (`token` is never shown: always null)."""

    uuid = serializers.UUIDField(source="pk")
    person = PersonSerializer(allow_null=True)
    permission_assignments = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=User.Status.choices)
    token = serializers.CharField(allow_null=True, default=None, help_text="Always null.")

    @extend_schema_field(PermissionAssignmentsSerializer)
    def get_permission_assignments(self, user) -> dict:
        return PermissionAssignmentsSerializer.of(user)

    def to_representation(self, user):
        return {
            "uuid": str(user.pk),
            "person": person_of(user.person),
            "permission_assignments": self.get_permission_assignments(user),
            "status": user.status,
            "token": None,
        }


class ApiKeySerializer(serializers.Serializer):
    """An API key as listed: never the key itself."""

    uuid = serializers.UUIDField()
    name = serializers.CharField()
    prefix = serializers.CharField(help_text="The key's first characters.")
    permissions = PermissionSerializer(many=True)
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True, help_text="To the minute.")
    expires_at = serializers.DateTimeField(allow_null=True, help_text="Null: the key does not expire.")


class CreatedApiKeySerializer(ApiKeySerializer):
    key = serializers.CharField(help_text="Shown this once: only its hash is kept.")
