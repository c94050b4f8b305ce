"""The sandbox's own endpoints: sign-up and the simulated other side. Outside a sandbox
deployment (TIMP_SANDBOX off) each of them is a 404."""

from django.conf import settings
from django.db import transaction
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from connections.models import Connection, ConnectionRequest
from connections.selectors import with_roles
from connections.shapes import ConnectionSerializer
from core.fields import StrictCharField
from core.permissions import ActionPermissionsMixin, IsMember, requires
from core.throttling import SignUpRateThrottle
from feeds import selectors as feed_selectors
from feeds.api.serializers import SandboxRunSerializer
from feeds.shapes import RunSerializer
from organizations.models import Organization
from organizations.shapes import OrganizationSerializer
from sandbox import services


class SandboxOnly:
    """Every sandbox path is a 404 outside a sandbox deployment, before anything else is asked."""

    def initial(self, request, *args, **kwargs):
        if not settings.TIMP_SANDBOX:
            raise NotFound()
        super().initial(request, *args, **kwargs)


class SignUpSerializer(serializers.Serializer):
    company_name = StrictCharField(max_length=150)
    email = serializers.EmailField(max_length=200)
    org_type = serializers.ChoiceField(choices=Organization.Type.choices)


class CredentialsSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField()
    token = serializers.CharField()
    auth_token = serializers.CharField(help_text="The same token, by the name the login answer gives it.")


class AccountSerializer(serializers.Serializer):
    organization = OrganizationSerializer()
    users = CredentialsSerializer(many=True)
    counterparts = OrganizationSerializer(many=True)


@method_decorator(never_cache, name="dispatch")
@extend_schema(tags=["sandbox"])
class SignUpView(SandboxOnly, APIView):
    """Your own private sandbox: your organization and two counterparts only you can find.
    The password and token are shown this once."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (SignUpRateThrottle,)

    @extend_schema(
        operation_id="sandbox_sign_up", auth=[], request=SignUpSerializer, responses={201: AccountSerializer}
    )
    def post(self, request):
        body = SignUpSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        account = services.sign_up(**body.validated_data)
        return Response(account_answer(account), status=status.HTTP_201_CREATED)


def account_answer(account: dict) -> dict:
    (organization,) = OrganizationSerializer.rows([account["organization"].pk])
    return {
        "organization": organization,
        "users": [
            {
                "username": account["user"].username,
                "password": account["password"],
                "token": account["token"],
                "auth_token": account["token"],
            }
        ],
        "counterparts": OrganizationSerializer.rows([o.pk for o in account["counterparts"]]),
    }


class ReasonSerializer(serializers.Serializer):
    reason = StrictCharField(max_length=5000, required=False, default="Denied in the sandbox simulation.")


class Simulation(SandboxOnly, ActionPermissionsMixin, APIView):
    permission_classes = (IsAuthenticated, IsMember)

    def tenant_of(self, request):
        tenant = request.user.organization.sandbox_tenant_id
        if tenant is None:
            raise PermissionDenied("Simulations are for sandbox accounts: sign up with POST /timp/sandbox/accounts/.")
        return tenant

    def own_request(self, request, request_uuid) -> ConnectionRequest:
        self.tenant_of(request)
        found = ConnectionRequest.objects.filter(organization=request.user.organization_id, pk=request_uuid).first()
        if found is None:
            raise NotFound()
        return found

    @staticmethod
    def connection_answer(connection: Connection) -> Response:
        return Response(with_roles(ConnectionSerializer.rows([connection.pk]))[0])


@extend_schema(tags=["sandbox"])
class ApproveView(Simulation):
    """Approve your pending request as the account manager would: it links the counterpart it
    names (or makes the organization it asks for, in your sandbox)."""

    action_permissions = {"post": (requires("request_connections"),)}

    @extend_schema(operation_id="sandbox_request_approve", request=None, responses={200: ConnectionSerializer})
    def post(self, request, request_uuid):
        return self.connection_answer(services.approve(connection_request=self.own_request(request, request_uuid)))


@extend_schema(tags=["sandbox"])
class DenyView(Simulation):
    """Deny your pending request as the account manager would."""

    action_permissions = {"post": (requires("request_connections"),)}

    @extend_schema(operation_id="sandbox_request_deny", request=ReasonSerializer, responses={204: None})
    def post(self, request, request_uuid):
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.deny(connection_request=self.own_request(request, request_uuid), reason=body.validated_data["reason"])
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["sandbox"])
class ConfirmView(Simulation):
    """Confirm your connection as the counterpart would."""

    action_permissions = {"post": (requires("manage_connections"),)}

    @extend_schema(
        operation_id="sandbox_connection_confirm",
        request=None,
        responses={200: ConnectionSerializer, 422: OpenApiResponse(description="Not waiting for confirmation.")},
    )
    def post(self, request, connection_uuid):
        self.tenant_of(request)
        connection = (
            Connection.objects.visible_to(request.user)
            .select_related("retailer", "supplier")
            .filter(pk=connection_uuid)
            .first()
        )
        if connection is None:
            raise NotFound()
        with transaction.atomic():
            confirmed = services.confirm(connection=connection, user=request.user)
        return self.connection_answer(confirmed)


@extend_schema(tags=["sandbox"])
class FeedRunView(Simulation):
    """Report a run of a feed your counterpart sends, as it would: its late and recovered alerts
    reach your notifications and webhooks without a second company."""

    action_permissions = {"post": (requires("manage_connections"),)}

    @extend_schema(
        operation_id="sandbox_feed_run",
        request=SandboxRunSerializer,
        responses={
            201: RunSerializer,
            409: OpenApiResponse(description="Your side sends this feed."),
            422: OpenApiResponse(description="The feed is not live."),
        },
    )
    def post(self, request, record_uuid):
        self.tenant_of(request)
        feed = feed_selectors.feeds_for(request.user).filter(pk=record_uuid).first()
        if feed is None:
            raise NotFound()
        body = SandboxRunSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        run = services.report_run(feed=feed, user=request.user, **body.validated_data)
        return Response(RunSerializer(run).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["sandbox"])
class ResetView(Simulation):
    """Remove your sandbox's requests, connections, files and events (your organization, users,
    keys and webhooks stay)."""

    action_permissions = {
        "post": (requires("request_connections"), requires("manage_connections"), requires("manage_files"))
    }

    @extend_schema(operation_id="sandbox_reset", request=None, responses={204: None})
    def post(self, request):
        services.reset(tenant_id=self.tenant_of(request))
        return Response(status=status.HTTP_204_NO_CONTENT)
