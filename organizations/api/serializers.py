"""Read shapes of people, account managers and organizations.

Each shape is a serializer whose declared fields document it (the OpenAPI schema is made
from them) and whose `to_representation` builds the dict directly: DRF's per-field machinery
costs more than the database on the nested connection list. `test_representations.py`
checks that every shape returns exactly its declared fields."""

from rest_framework import serializers

from organizations.models import AccountManager, Organization, Person
from timp_api.fields import iso_datetime


class PersonSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField(allow_null=True)
    job_title = serializers.CharField(allow_null=True)

    def to_representation(self, person: Person) -> dict:
        return person_data(person)


def person_data(person: Person) -> dict:
    return {
        "uuid": str(person.uuid),
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
        "job_title": person.job_title,
    }


class AccountManagerSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    person = PersonSerializer()

    def to_representation(self, manager: AccountManager) -> dict:
        return account_manager_data(manager)


def account_manager_data(manager: AccountManager | None) -> dict | None:
    return None if manager is None else {"uuid": str(manager.uuid), "person": person_data(manager.person)}


class OrganizationSerializer(serializers.Serializer):
    """Needs `account_manager__person`, `retailer` and `supplier` fetched with the organization."""

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

    def to_representation(self, organization: Organization) -> dict:
        return organization_data(organization)


def organization_data(organization: Organization) -> dict:
    return {
        "uuid": str(organization.uuid),
        "name": organization.name,
        "website": organization.website,
        "org_type": organization.org_type,
        "status": organization.status,
        "created_date": iso_datetime(organization.created_date),
        "active_date": iso_datetime(organization.active_date),
        "account_manager": account_manager_data(organization.account_manager),
        "retailer_uuid": organization.retailer_uuid,
        "supplier_uuid": organization.supplier_uuid,
    }


class RoleSerializer(serializers.Serializer):
    """A Retailer or Supplier: its own UUID, its organization and the organization's contact."""

    uuid = serializers.UUIDField()
    organization = OrganizationSerializer()
    contact = PersonSerializer()

    def to_representation(self, role) -> dict:
        return role_data(role)


def role_data(role) -> dict:
    return {
        "uuid": str(role.uuid),
        "organization": organization_data(role.organization),
        "contact": person_data(role.organization.primary_contact),
    }


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
