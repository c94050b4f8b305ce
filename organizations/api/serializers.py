from rest_framework import serializers

from organizations.models import AccountManager, Organization, Person


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["uuid", "first_name", "last_name", "email", "phone", "job_title"]


class AccountManagerSerializer(serializers.ModelSerializer):
    person = PersonSerializer()

    class Meta:
        model = AccountManager
        fields = ["uuid", "person"]


class OrganizationSerializer(serializers.ModelSerializer):
    """Needs `account_manager__person`, `retailer` and `supplier` fetched with the organization."""

    account_manager = AccountManagerSerializer(allow_null=True)
    retailer_uuid = serializers.CharField(read_only=True, help_text='The retailer UUID, or "" for a supplier.')
    supplier_uuid = serializers.CharField(read_only=True, help_text='The supplier UUID, or "" for a retailer.')

    class Meta:
        model = Organization
        fields = [
            "uuid",
            "name",
            "website",
            "org_type",
            "status",
            "created_date",
            "active_date",
            "account_manager",
            "retailer_uuid",
            "supplier_uuid",
        ]


class RoleSerializer(serializers.Serializer):
    """A Retailer or Supplier: its own UUID, its organization and the organization's contact."""

    uuid = serializers.UUIDField()
    organization = OrganizationSerializer()
    contact = PersonSerializer(source="organization.primary_contact")


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False, write_only=True)


class LoginResponseSerializer(serializers.Serializer):
    auth_token = serializers.CharField()
    org_uuid = serializers.UUIDField(allow_null=True)
    user_uuid = serializers.UUIDField()
    retailer_uuid = serializers.CharField(help_text='The retailer UUID, or "" when not a retailer.')
    supplier_uuid = serializers.CharField(help_text='The supplier UUID, or "" when not a supplier.')
    org_type = serializers.ChoiceField(choices=Organization.Type.choices, allow_null=True)
    expires_at = serializers.DateTimeField()
