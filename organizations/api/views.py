import secrets

from django.contrib.auth import authenticate, logout
from django.contrib.auth.signals import user_logged_in
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from knox.models import AuthToken
from rest_framework import generics, status
from rest_framework.exceptions import AuthenticationFailed, NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import InvalidState
from core.permissions import ActionPermissionsMixin, IsMember, IsStaff, requires
from core.throttling import LoginRateThrottle, TokenCheckRateThrottle
from core.worker import defer
from organizations import services, tasks
from organizations.api.serializers import (
    InvitationSerializer,
    InvitationValiditySerializer,
    InvitedUserSerializer,
    LoginResponseSerializer,
    LoginSerializer,
    NewApiKeySerializer,
    ParticipationChangeSerializer,
    PasswordCompletionSerializer,
    PasswordResetAnswerSerializer,
    PasswordResetRequestSerializer,
    PasswordSerializer,
    PermissionChangeSerializer,
    ResetTokenSerializer,
)
from organizations.catalogue import PERMISSIONS
from organizations.models import ApiKey, OneTimeToken, Organization, Participation, User
from organizations.shapes import (
    ApiKeySerializer,
    CreatedApiKeySerializer,
    OrganizationSerializer,
    ParticipationSerializer,
    PermissionAssignmentsSerializer,
    PermissionSerializer,
    UserSerializer,
)


@method_decorator(never_cache, name="dispatch")
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

    @extend_schema(
        operation_id="user_logout",
        request=None,
        responses={204: None, 422: OpenApiResponse(description="An API key: revoke it instead.")},
    )
    def post(self, request):
        if hasattr(request.user, "api_key"):
            raise InvalidState(
                "An API key does not log out: revoke it with DELETE /timp/organizations/api-keys/<uuid>/."
            )
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
        services.grant_permissions(user=user, names=names, granted_by=request.user)
        return self.answer(user)

    @extend_schema(
        operation_id="user_permissions_remove",
        request=None,
        parameters=[
            OpenApiParameter(
                "permission_uuids",
                OpenApiTypes.UUID,
                many=True,
                required=True,
                explode=True,
                description="The permissions to remove, repeated: `?permission_uuids=…&permission_uuids=…`"
                " (a JSON body `{permission_uuids: [...]}` is read too, as documented).",
            )
        ],
        responses={200: PermissionAssignmentsSerializer, 422: OpenApiResponse(description="The last editor of users.")},
    )
    def delete(self, request, user_uuid):
        user, names = colleague(request, user_uuid), self.names(request)
        services.revoke_permissions(user=user, names=names)
        return self.answer(user)

    @staticmethod
    def names(request) -> list[str]:
        """The permissions named: in the body, or (a DELETE, which generated clients send
        without one) in the query."""
        data = request.data
        if request.method == "DELETE" and not data:
            data = {"permission_uuids": request.query_params.getlist("permission_uuids")}
        body = PermissionChangeSerializer(data=data)
        body.is_valid(raise_exception=True)
        return body.validated_data["permission_uuids"]


def colleagues(request):
    """The people of the caller's organization (not its API keys), with what their shape needs,
    in two queries."""
    return (
        User.objects.filter(organization=request.user.organization_id, api_key__isnull=True)
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


@method_decorator(never_cache, name="dispatch")
@extend_schema(tags=["users"])
class InvitationView(ActionPermissionsMixin, generics.GenericAPIView):
    """Invite a person to your organization (`edit_org_users`): the user is INVITED until it
    chooses a password through the link emailed to it, then logs in with its email."""

    serializer_class = InvitationSerializer
    permission_classes = (IsAuthenticated, IsMember)
    action_permissions = {"post": (requires("edit_org_users"),)}

    @extend_schema(operation_id="user_invite", responses={201: InvitedUserSerializer})
    def post(self, request):
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        user, token = services.invite_user(
            organization=request.user.organization,
            email=fields["email"],
            first_name=fields["first_name"],
            last_name=fields["last_name"],
            job_title=fields["job_title"],
            permissions=fields["permission_uuids"],
            invited_by=request.user,
        )
        answer = UserSerializer(colleague(request, user.pk)).data
        if services.shows_secrets():
            answer["invitation_token"] = token
        return Response(answer, status=status.HTTP_201_CREATED)


def one_time_token(token: str, purpose: str) -> OneTimeToken:
    found = services.find_one_time_token(token, purpose)
    if found is None:
        raise NotFound("No such token: it is wrong, or it was used or replaced.")
    return found


@method_decorator(never_cache, name="dispatch")
@extend_schema(tags=["users"])
class AcceptInvitationView(generics.GenericAPIView):
    """Check an invitation (an expired one is renewed and emailed again: 201), or accept it by
    choosing a password."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (TokenCheckRateThrottle,)
    serializer_class = PasswordSerializer

    @extend_schema(
        operation_id="invitation_validate",
        auth=[],
        responses={200: InvitationValiditySerializer, 201: InvitationValiditySerializer, 404: None},
    )
    def get(self, request, token):
        invitation = one_time_token(token, OneTimeToken.Purpose.INVITATION)
        if not invitation.has_expired:
            return Response({"email": invitation.user.email, "token": token})
        renewed = services.send_invitation(user=invitation.user)
        return Response(
            {"email": invitation.user.email, "token": renewed if services.shows_secrets() else None},
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        operation_id="invitation_accept",
        auth=[],
        responses={204: None, 404: None, 422: OpenApiResponse(description="The invitation has expired.")},
    )
    def post(self, request, token):
        invitation = one_time_token(token, OneTimeToken.Purpose.INVITATION)
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.accept_invitation(invitation=invitation, password=body.validated_data["password"])
        return Response(status=status.HTTP_204_NO_CONTENT)


@method_decorator(never_cache, name="dispatch")
@extend_schema(tags=["users"])
class PasswordResetView(generics.GenericAPIView):
    """Ask for a password reset: the token is emailed. The answer is the same whether or not
    the email belongs to a user."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (LoginRateThrottle,)
    serializer_class = PasswordResetRequestSerializer

    @extend_schema(operation_id="password_reset", auth=[], responses={200: PasswordResetAnswerSerializer})
    def post(self, request):
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        email = body.validated_data["email"]
        if services.shows_secrets():
            # A development answer carries a token for any email: one that works for a known
            # email, one that works nowhere for an unknown one.
            token = services.request_password_reset(email=email) or secrets.token_urlsafe(24)
            return Response({"reset_token": token})
        defer(tasks.reset_password, [{"email": email}])
        return Response({})


def live_reset(token: str) -> OneTimeToken:
    reset = one_time_token(token, OneTimeToken.Purpose.PASSWORD_RESET)
    if reset.has_expired:
        raise NotFound("This reset token has expired: ask for a new one.")
    return reset


@method_decorator(never_cache, name="dispatch")
@extend_schema(tags=["users"])
class CompletePasswordView(generics.GenericAPIView):
    """Check a reset token, or set the new password with it (every token of the user stops
    working)."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (TokenCheckRateThrottle,)
    serializer_class = PasswordCompletionSerializer

    @extend_schema(
        operation_id="password_reset_validate",
        auth=[],
        parameters=[OpenApiParameter("token", str, required=True, description="The emailed reset token.")],
        responses={200: ResetTokenSerializer, 404: None},
    )
    def get(self, request):
        token = request.query_params.get("token", "")
        return Response({"email": live_reset(token).user.email})

    @extend_schema(operation_id="password_reset_complete", auth=[], responses={204: None, 404: None})
    def post(self, request):
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        reset = live_reset(body.validated_data["token"])
        services.complete_password_reset(reset=reset, password=body.validated_data["password"])
        return Response(status=status.HTTP_204_NO_CONTENT)


def api_keys(request):
    return (
        ApiKey.objects.filter(organization=request.user.organization_id, revoked_at__isnull=True)
        .select_related("user")
        .prefetch_related("user__permission_assignments")
    )


@method_decorator(never_cache, name="dispatch")
@extend_schema(tags=["api keys"])
class ApiKeyListView(ActionPermissionsMixin, generics.GenericAPIView):
    """Keys for machines (`manage_api_keys`): sent as `Authorization: Token <key>`, they act for
    your organization with their own permissions."""

    serializer_class = NewApiKeySerializer
    queryset = ApiKey.objects.none()  # for the schema: the view's model
    permission_classes = (IsAuthenticated, IsMember)
    action_permissions = {"get": (requires("manage_api_keys"),), "post": (requires("manage_api_keys"),)}

    @extend_schema(operation_id="api_key_list", request=None, responses={200: ApiKeySerializer(many=True)})
    def get(self, request):
        return Response(ApiKeySerializer(api_keys(request), many=True).data)

    @extend_schema(operation_id="api_key_create", responses={201: CreatedApiKeySerializer})
    def post(self, request):
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        api_key, key = services.create_api_key(
            organization=request.user.organization,
            name=fields["name"],
            permissions=fields["permission_uuids"],
            expires_at=fields["expires_at"],
            created_by=request.user,
        )
        api_key.key = key
        return Response(CreatedApiKeySerializer(api_key).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["api keys"])
class ApiKeyDetailView(ActionPermissionsMixin, APIView):
    """Revoke a key (`manage_api_keys`): it stops working at once."""

    permission_classes = (IsAuthenticated, IsMember)
    action_permissions = {"delete": (requires("manage_api_keys"),)}

    @extend_schema(operation_id="api_key_revoke", responses={204: None})
    def delete(self, request, key_uuid):
        api_key = api_keys(request).filter(pk=key_uuid).first()
        if api_key is None:
            raise NotFound()
        services.revoke_api_key(api_key=api_key)
        return Response(status=status.HTTP_204_NO_CONTENT)
