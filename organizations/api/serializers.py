"""The bodies of the organizations' API (login, permissions, invitations, resets, API keys)
and the answers only it gives; the read shapes are in organizations/shapes.py."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.fields import StrictCharField
from organizations.catalogue import BY_UUID, PERMISSIONS
from organizations.models import Organization
from organizations.shapes import PermissionAssignmentsSerializer, UserSerializer


@extend_schema_field({"type": "string", "format": "uuid", "enum": [str(p.uuid) for p in PERMISSIONS]})
class PermissionUUIDField(serializers.UUIDField):
    """The UUID of a permission of the catalogue (the schema lists them)."""


def permission_uuids(**kwargs) -> serializers.ListField:
    return serializers.ListField(child=PermissionUUIDField(), max_length=len(PERMISSIONS), **kwargs)


class PermissionChangeSerializer(serializers.Serializer):
    permission_uuids = permission_uuids(min_length=1)
    whole_on_patch = True  # PATCH adds the permissions it names: they are required there too

    def validate_permission_uuids(self, uuids: list) -> list[str]:
        unknown = [str(value) for value in uuids if value not in BY_UUID]
        if unknown:
            raise serializers.ValidationError(f"No permission has the UUID(s): {', '.join(unknown)}.")
        return [BY_UUID[value].name for value in uuids]


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
    permission_assignments = serializers.SerializerMethodField()

    @extend_schema_field(PermissionAssignmentsSerializer)
    def get_permission_assignments(self, login) -> dict:
        return PermissionAssignmentsSerializer.of(login["user"])


class ParticipationChangeSerializer(serializers.Serializer):
    is_participating = serializers.BooleanField()
    discovery_catalog_uuid = serializers.UUIDField(
        required=False, allow_null=True, help_text="Accepted as documented; each participant has one catalog."
    )


class InvitationSerializer(PermissionChangeSerializer):
    email = serializers.EmailField(max_length=150)
    first_name = StrictCharField(max_length=150)
    last_name = StrictCharField(max_length=150, required=False, allow_blank=True, default="")
    job_title = StrictCharField(max_length=200, required=False, allow_null=True, default=None)
    permission_uuids = permission_uuids(
        required=False, default=list, help_text="The permissions the user starts with; none when left out."
    )


class InvitedUserSerializer(UserSerializer):
    invitation_token = serializers.CharField(
        required=False, help_text="Only with DEBUG (never in a sandbox deployment, which is public); otherwise emailed."
    )


class InvitationValiditySerializer(serializers.Serializer):
    email = serializers.EmailField()
    token = serializers.CharField(allow_null=True, help_text="A renewed invitation's new token shows only with DEBUG.")


class PasswordSerializer(serializers.Serializer):
    password = StrictCharField(max_length=128, trim_whitespace=False, write_only=True)


class PasswordResetRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)


class PasswordResetAnswerSerializer(serializers.Serializer):
    reset_token = serializers.CharField(
        required=False, help_text="Only with DEBUG (never in a sandbox deployment, which is public); otherwise emailed."
    )


class PasswordCompletionSerializer(PasswordSerializer):
    token = StrictCharField(max_length=100)


class ResetTokenSerializer(serializers.Serializer):
    email = serializers.EmailField()


class NewApiKeySerializer(PermissionChangeSerializer):
    name = StrictCharField(max_length=200)
    permission_uuids = permission_uuids(
        required=False,
        default=list,
        help_text="The key's permissions, each one you hold yourself; none (read only) when left out.",
    )
    expires_at = serializers.DateTimeField(required=False, allow_null=True, default=None)

    def validate_expires_at(self, expires_at):
        if expires_at is not None and expires_at <= timezone.now():
            raise serializers.ValidationError("Must be in the future.")
        return expires_at
