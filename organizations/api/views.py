from django.contrib.auth import authenticate, logout
from django.contrib.auth.signals import user_logged_in
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.models import AuthToken
from rest_framework import generics, status
from rest_framework.exceptions import AuthenticationFailed, NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import ActionPermissionsMixin, IsMember, IsStaff, requires
from core.throttling import LoginRateThrottle
from organizations import services
from organizations.api.serializers import (
    LoginResponseSerializer,
    LoginSerializer,
    OrganizationSerializer,
    ParticipationChangeSerializer,
    ParticipationSerializer,
    PermissionAssignmentsSerializer,
    PermissionChangeSerializer,
    PermissionSerializer,
    UserSerializer,
)
from organizations.catalogue import PERMISSIONS
from organizations.models import Organization, Participation, User


@extend_schema(tags=["organizations"])
class LoginView(generics.GenericAPIView):
    """Exchange a username and password for an API token."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (LoginRateThrottle,)
    serializer_class = LoginSerializer

    def get_authenticate_header(self, request) -> str:
        return "Token"

    @extend_schema(
        operation_id="user_login",
        auth=[],
        responses={200: LoginResponseSerializer, 401: OpenApiResponse(description="Wrong credentials.")},
    )
    def post(self, request):
        credentials = self.get_serializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request, **credentials.validated_data)
        if user is None:
            raise AuthenticationFailed("Unable to log in with the credentials provided.")
        token, key = services.issue_token(user=user)
        user_logged_in.send(sender=user.__class__, request=request, user=user)
        organization = user.organization
        return Response(
            LoginResponseSerializer(
                {
                    "auth_token": key,
                    "org_uuid": organization.uuid if organization else None,
                    "user_uuid": user.pk,
                    "retailer_uuid": organization.retailer_uuid if organization else "",
                    "supplier_uuid": organization.supplier_uuid if organization else "",
                    "org_type": organization.org_type if organization else None,
                    "expires_at": token.expiry,
                    "user": user,
                }
            ).data
        )


@extend_schema(tags=["organizations"])
class LogoutView(APIView):
    """Revoke the token used for this request (other tokens of the user stay valid)."""

    @extend_schema(operation_id="user_logout", request=None, responses={204: None})
    def post(self, request):
        if isinstance(request.auth, AuthToken):
            request.auth.delete()
        else:
            logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["organizations"])
class OrganizationDetailView(generics.GenericAPIView):
    """The caller's own organization."""

    serializer_class = OrganizationSerializer
    permission_classes = (IsAuthenticated, IsMember)

    @extend_schema(operation_id="organization_get")
    def get(self, request):
        (organization,) = self.serializer_class.rows([request.user.organization_id])
        return Response(organization)


def organization_in_view(request, org_uuid) -> Organization:
    """The organization named in the URL, if the caller may see its participation: staff see
    every organization's, a member only its own (anything else is a 404)."""
    organizations = Organization.objects.select_related("retailer", "supplier")
    if not request.user.is_staff:
        organizations = organizations.filter(pk=request.user.organization_id)
    organization = organizations.filter(pk=org_uuid).first()
    if organization is None:
        raise NotFound()
    return organization


def participation_of(organization: Organization) -> Participation:
    """Its participation; one that was never asked for reads as not participating."""
    found = Participation.objects.select_related("requested_by", "approved_by__person").filter(
        organization=organization
    )
    return found.first() or Participation(organization=organization)


@extend_schema(tags=["discovery"])
class ParticipationView(ActionPermissionsMixin, generics.GenericAPIView):
    """An organization's participation in discovery: staff read and change any organization's;
    a member reads its own."""

    serializer_class = ParticipationSerializer
    action_permissions = {"post": (IsStaff,)}

    @extend_schema(operation_id="participation_get")
    def get(self, request, org_uuid):
        return Response(ParticipationSerializer(participation_of(organization_in_view(request, org_uuid))).data)

    @extend_schema(operation_id="participation_set", request=ParticipationChangeSerializer)
    def post(self, request, org_uuid):
        organization = organization_in_view(request, org_uuid)
        body = ParticipationChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.set_participation(
            organization=organization, is_participating=body.validated_data["is_participating"], user=request.user
        )
        return Response(ParticipationSerializer(participation_of(organization)).data)


@extend_schema(tags=["discovery"])
class ParticipationRequestView(ActionPermissionsMixin, generics.GenericAPIView):
    """Ask for your organization to be found in discovery; the platform's account managers decide."""

    serializer_class = ParticipationSerializer
    permission_classes = (IsAuthenticated, IsMember)
    action_permissions = {"post": (requires("request_connections"),)}

    @extend_schema(operation_id="participation_request", request=None)
    def post(self, request):
        services.request_participation(organization=request.user.organization, user=request.user)
        return Response(ParticipationSerializer(participation_of(request.user.organization)).data)


@extend_schema(tags=["users"])
class PermissionCatalogueView(APIView):
    """Every permission a user may be given, with UUIDs that are the same on every deployment."""

    @extend_schema(operation_id="permission_list", responses={200: PermissionSerializer(many=True)})
    def get(self, request):
        return Response(PermissionSerializer(PERMISSIONS, many=True).data)


@extend_schema(tags=["users"])
class PermissionAssignmentsView(ActionPermissionsMixin, generics.GenericAPIView):
    """A user's permissions: read them (`view_org_users`), add or remove some (`edit_org_users`)."""

    serializer_class = PermissionAssignmentsSerializer
    permission_classes = (IsAuthenticated, IsMember)
    action_permissions = {
        "get": (requires("view_org_users"),),
        "patch": (requires("edit_org_users"),),
        "delete": (requires("edit_org_users"),),
    }

    def answer(self, user: User) -> Response:
        return Response(PermissionAssignmentsSerializer.of(user))

    @extend_schema(operation_id="user_permissions_get")
    def get(self, request, user_uuid):
        return self.answer(colleague(request, user_uuid))

    @extend_schema(
        operation_id="user_permissions_add",
        request=PermissionChangeSerializer,
        responses={200: PermissionAssignmentsSerializer},
    )
    def patch(self, request, user_uuid):
        user, names = colleague(request, user_uuid), self.names(request)
        services.grant_permissions(user=user, names=names)
        return self.answer(user)

    @extend_schema(
        operation_id="user_permissions_remove",
        request=PermissionChangeSerializer,
        responses={200: PermissionAssignmentsSerializer, 422: OpenApiResponse(description="The last editor of users.")},
    )
    def delete(self, request, user_uuid):
        user, names = colleague(request, user_uuid), self.names(request)
        services.revoke_permissions(user=user, names=names)
        return self.answer(user)

    @staticmethod
    def names(request) -> list[str]:
        body = PermissionChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return body.validated_data["permission_uuids"]


def colleagues(request):
    """The users of the caller's organization, with what their shape needs, in two queries."""
    return (
        User.objects.filter(organization=request.user.organization_id)
        .select_related("person")
        .prefetch_related("permission_assignments")
        .order_by("username")
    )


def colleague(request, user_uuid) -> User:
    """A user of the caller's organization; any other is a 404."""
    found = colleagues(request).filter(pk=user_uuid).first()
    if found is None:
        raise NotFound()
    return found


@extend_schema(tags=["users"])
class UserListView(ActionPermissionsMixin, APIView):
    """The users of your organization (`view_org_users`)."""

    permission_classes = (IsAuthenticated, IsMember)
    action_permissions = {"get": (requires("view_org_users"),)}

    @extend_schema(operation_id="user_list", responses={200: UserSerializer(many=True)})
    def get(self, request):
        return Response(UserSerializer(colleagues(request), many=True).data)


@extend_schema(tags=["users"])
class UserDetailView(ActionPermissionsMixin, APIView):
    """One user of your organization (`view_org_users`); any other is a 404."""

    permission_classes = (IsAuthenticated, IsMember)
    action_permissions = {"get": (requires("view_org_users"),)}

    @extend_schema(operation_id="user_get", responses={200: UserSerializer})
    def get(self, request, user_uuid):
        return Response(UserSerializer(colleague(request, user_uuid)).data)
