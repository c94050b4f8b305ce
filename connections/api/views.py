import csv
from itertools import chain
from pathlib import PurePosixPath

from django.http import StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import generics, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from connections import imports, selectors, services
from connections.api.serializers import (
    AccountNumbersSerializer,
    ApproveSerializer,
    CandidateSerializer,
    ConnectionRequestWriteSerializer,
    CreatedRequestSerializer,
    DenySerializer,
    DiscoveryBodySerializer,
    DiscoveryQuerySerializer,
    ImportUploadSerializer,
    NewCommentSerializer,
    NewConnectionRequestSerializer,
    SameNameSerializer,
)
from connections.filters import ConnectionFilter, ConnectionRequestFilter
from connections.models import Connection, ConnectionRequest, RequestImport
from connections.selectors import connections_for, finish_integrations, requests_for, with_roles
from connections.shapes import (
    CommentSerializer,
    ConnectionRequestSerializer,
    ConnectionSerializer,
    DiscoveredRetailerSerializer,
    DiscoveredSerializer,
    DiscoveredSupplierSerializer,
    ImportSerializer,
)
from core.filtering import single_values
from core.idempotency import idempotent
from core.json_sql import ShapedReadsMixin
from core.pagination import HeaderPagination, PaginationSerializer, StartLimitPagination
from core.permissions import ActionPermissionsMixin, IsMember
from core.policy import authorize, view_rules
from core.schema import IDEMPOTENCY_KEY, IDEMPOTENT_REPLAYED, LINK, LOCATION, X_TOTAL_COUNT, etag
from organizations.models import Organization

NO_CONTENT = {204: OpenApiResponse(description="Done.")}
WRONG_STATE = OpenApiResponse(description="Not possible in the object's current state.")
IF_MATCH = OpenApiParameter(
    "If-Match", location=OpenApiParameter.HEADER, required=False, description="The ETag read; a stale one gets 412."
)


def expected_version(request) -> str | None:
    """The version an `If-Match` names: None without one, or for `*` (any version)."""
    if_match = request.headers.get("If-Match")
    if if_match is None or if_match.strip() == "*":
        return None
    return if_match.strip()


class RequestPagination(StartLimitPagination):
    results_key = "requests"


@extend_schema_view(
    list=extend_schema(summary="List connection requests", description="Newest first."),
    retrieve=extend_schema(
        summary="One connection request", description="With an ETag for If-Match.", parameters=[etag(200)]
    ),
)
@extend_schema(tags=["connections"])
class ConnectionRequestViewSet(ActionPermissionsMixin, ShapedReadsMixin, viewsets.GenericViewSet):
    serializer_class = ConnectionRequestSerializer
    pagination_class = RequestPagination
    filterset_class = ConnectionRequestFilter
    http_method_names = ["get", "post", "patch", "head", "options"]
    action_permissions = view_rules(
        "connections.ConnectionRequest",
        create="create",
        partial_update="update",
        cancel="cancel",
        approve="approve",
        candidates="candidates",
        deny="deny",
    )
    # What the bodies call the services' inputs (core.exceptions.InvalidInput).
    input_names = {"files": "uploaded_files", "counterpart": "organization_uuid"}

    def get_queryset(self):
        return requests_for(self.request.user)

    def finish(self, rows: list[dict]) -> list[dict]:
        return finish_integrations(rows)

    def retrieve(self, request, pk=None):
        row, version = self.shaped_object(pk, "version")
        return Response(row, headers={"ETag": ConnectionRequest.etag_for(pk, version)})

    @extend_schema(
        summary="Request a connection",
        request=NewConnectionRequestSerializer,
        parameters=[IDEMPOTENCY_KEY, LOCATION, IDEMPOTENT_REPLAYED],
        responses={201: CreatedRequestSerializer, 422: OpenApiResponse(description="A pending request exists.")},
    )
    @idempotent
    def create(self, request):
        organization = request.user.organization
        body = NewConnectionRequestSerializer(data=request.data, context={"organization": organization})
        body.is_valid(raise_exception=True)
        created = services.create_request(organization=organization, user=request.user, **body.validated_data)
        location = request.build_absolute_uri(reverse("connection-request-detail", args=[created.uuid]))
        return Response(
            CreatedRequestSerializer(created).data, status=status.HTTP_201_CREATED, headers={"Location": location}
        )

    @extend_schema(
        summary="Update a pending connection request",
        request=ConnectionRequestWriteSerializer,
        parameters=[IF_MATCH, etag(204)],
        responses={**NO_CONTENT, 412: OpenApiResponse(description="Stale If-Match."), 422: WRONG_STATE},
    )
    def partial_update(self, request, pk=None):
        connection_request = self.get_object()
        expected = expected_version(request)
        services.ensure_changeable(connection_request, expected_version=expected)
        body = ConnectionRequestWriteSerializer(
            connection_request,
            data=request.data,
            partial=True,
            context={"organization": connection_request.organization},
        )
        body.is_valid(raise_exception=True)
        updated = services.update_request(
            connection_request=connection_request, user=request.user, expected_version=expected, **body.validated_data
        )
        return Response(status=status.HTTP_204_NO_CONTENT, headers={"ETag": updated.etag})

    @extend_schema(summary="Cancel a pending request", request=None, responses={**NO_CONTENT, 422: WRONG_STATE})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        connection_request = self.get_object()
        services.cancel_request(connection_request=connection_request, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Approve a request (staff)",
        request=ApproveSerializer,
        responses={
            200: ConnectionSerializer,
            422: OpenApiResponse(
                SameNameSerializer,
                description="Decided already; or organizations of the same name exist (the candidates).",
            ),
        },
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        connection_request = self.get_object()
        body = ApproveSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        organization = None
        if "organization_uuid" in body.validated_data:
            organization = Organization.objects.filter(pk=body.validated_data["organization_uuid"]).first()
            if organization is None:
                raise ValidationError({"organization_uuid": ["No organization has this UUID."]})
        connection = services.approve_request(
            connection_request=connection_request,
            user=request.user,
            organization=organization,
            create_organization=body.validated_data["create_organization"],
        )
        return Response(with_roles(ConnectionSerializer.rows([connection.pk]))[0])

    @extend_schema(
        summary="Organizations the request may mean (staff)",
        description="Up to 10, best first: the same name, a similar one, the contact's email domain.",
        responses={200: CandidateSerializer(many=True)},
    )
    @action(detail=True, methods=["get"])
    def candidates(self, request, pk=None):
        return Response(selectors.candidates(self.get_object()))

    @extend_schema(summary="Deny a request (staff)", request=DenySerializer, responses={**NO_CONTENT, 422: WRONG_STATE})
    @action(detail=True, methods=["post"])
    def deny(self, request, pk=None):
        connection_request = self.get_object()
        body = DenySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.deny_request(
            connection_request=connection_request, user=request.user, reason=body.validated_data["reason"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(
        summary="List connections",
        description="A bare array; the total is in X-Total-Count and the neighbouring pages in Link.",
        parameters=[X_TOTAL_COUNT, LINK],
    ),
    retrieve=extend_schema(summary="One connection"),
)
@extend_schema(tags=["connections"])
class ConnectionViewSet(ActionPermissionsMixin, ShapedReadsMixin, viewsets.GenericViewSet):
    serializer_class = ConnectionSerializer
    action_permissions = view_rules(
        "connections.Connection", partial_update="update", confirm="confirm", deactivate="deactivate"
    )
    pagination_class = HeaderPagination
    filterset_class = ConnectionFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return connections_for(self.request.user)

    def finish(self, rows: list[dict]) -> list[dict]:
        return with_roles(rows)

    def respond_with(self, connection: Connection) -> Response:
        return Response(self.shaped([connection.pk])[0])

    @extend_schema(
        summary="Change your side's account number",
        request=AccountNumbersSerializer,
        responses={200: ConnectionSerializer},
    )
    def partial_update(self, request, pk=None):
        connection = self.get_object()
        body = AccountNumbersSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        updated = services.update_account_numbers(connection=connection, user=request.user, **body.validated_data)
        return self.respond_with(updated)

    @extend_schema(
        summary="Confirm a connection (the side that did not ask, or staff)",
        request=None,
        responses={200: ConnectionSerializer, 409: OpenApiResponse(description="Your side asked."), 422: WRONG_STATE},
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        return self.respond_with(services.confirm_connection(connection=self.get_object(), user=request.user))

    @extend_schema(
        summary="Deactivate a connection", request=None, responses={200: ConnectionSerializer, 422: WRONG_STATE}
    )
    @action(detail=True, methods=["post"])
    def deactivate(self, request, pk=None):
        return self.respond_with(services.deactivate_connection(connection=self.get_object(), user=request.user))


class DiscoveryView(generics.GenericAPIView):
    """Members of the other type that take part in discovery, with your connection with each
    and your pending request naming it."""

    permission_classes = (IsAuthenticated, IsMember)
    # Set by each subclass: the action of the policy (who may find), the key of the list, the
    # shape of each found member.
    action_of_finding: str
    results_key: str
    serializer_class: type[DiscoveredSerializer]

    def find(self, request, body) -> Response:
        caller = request.user.organization
        authorize(request.user, self.action_of_finding, caller)
        body.is_valid(raise_exception=True)
        query = body.query()
        start, limit = query.pop("start"), query.pop("limit")
        found = selectors.Discovery(caller=caller, **query)
        page = found.page(start, limit)
        # A page that is not full, and found, ends the list: its end is the count.
        last_page = len(page) < limit and (page or start == 0)
        return Response(
            {
                self.results_key: selectors.discovered(caller, self.serializer_class, page),
                "pagination": {
                    "total_count": start + len(page) if last_page else found.count(),
                    "start": start,
                    "limit": limit,
                },
            }
        )

    def get(self, request):
        return self.find(request, DiscoveryQuerySerializer(data=single_values(request.query_params)))

    def post(self, request):
        return self.find(request, DiscoveryBodySerializer(data=request.data))


def discovery_schema(found: str, caller: str, serializer) -> dict:
    response = inline_serializer(
        f"Discovered{found.title()}List",
        {found: serializer(many=True), "pagination": PaginationSerializer()},
    )
    wrong_side = OpenApiResponse(description=f"Your organization is not a {caller}.")
    return {
        "get": extend_schema(
            operation_id=f"discovery_{found}_list",
            summary=f"Find {found} (query parameters)",
            parameters=[DiscoveryQuerySerializer],
            responses={200: response, 409: wrong_side},
        ),
        "post": extend_schema(
            operation_id=f"discovery_{found}_find",
            summary=f"Find {found} (as documented: a body)",
            request=DiscoveryBodySerializer,
            responses={200: response, 409: wrong_side},
        ),
    }


@extend_schema_view(**discovery_schema("suppliers", "retailer", DiscoveredSupplierSerializer))
@extend_schema(tags=["discovery"])
class SupplierDiscoveryView(DiscoveryView):
    action_of_finding = "find_suppliers"
    results_key = "suppliers"
    serializer_class = DiscoveredSupplierSerializer


@extend_schema_view(**discovery_schema("retailers", "supplier", DiscoveredRetailerSerializer))
@extend_schema(tags=["discovery"])
class RetailerDiscoveryView(DiscoveryView):
    action_of_finding = "find_retailers"
    results_key = "retailers"
    serializer_class = DiscoveredRetailerSerializer


class ImportPagination(StartLimitPagination):
    results_key = "imports"


@extend_schema(tags=["onboarding"])
class ImportListView(ActionPermissionsMixin, GenericAPIView):
    permission_classes = (IsAuthenticated,)
    # An import makes requests: a member's, with request_connections, as one request is.
    action_permissions = view_rules("connections.ConnectionRequest", post="create")
    pagination_class = ImportPagination
    serializer_class = ImportSerializer
    parser_classes = (MultiPartParser,)

    def get_queryset(self):
        return selectors.imports_for(self.request.user)

    @extend_schema(operation_id="request_import_list", responses={200: ImportSerializer(many=True)})
    def get(self, request):
        """Your organization's imports of connection requests, newest first (staff: everyone's)."""
        page = selectors.with_errors(self.paginate_queryset(self.get_queryset()))
        return self.get_paginated_response(ImportSerializer(page, many=True).data)

    @extend_schema(
        operation_id="request_import_create",
        request={"multipart/form-data": ImportUploadSerializer},
        parameters=[LOCATION],
        responses={
            202: ImportSerializer,
            400: OpenApiResponse(description="No table, an empty one, or a header without the needed columns."),
            413: OpenApiResponse(description="More rows than IMPORT_MAX_ROWS, or a file over UPLOAD_MAX_BYTES."),
            415: OpenApiResponse(description="The file is neither CSV nor XLSX (its detected type is named)."),
        },
    )
    def post(self, request):
        """Import a file of connection requests (CSV or XLSX), in the background: each row is a
        request, checked as a single one is; follow it at the Location."""
        body = ImportUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        upload = body.validated_data["file"]
        started = imports.start_import(
            organization=request.user.organization,
            user=request.user,
            upload=upload,
            file_name=upload.name,
            dry_run=body.validated_data["dry_run"],
        )
        location = request.build_absolute_uri(reverse("request-import-detail", args=[started.uuid]))
        started.first_errors = []  # none yet: no row has been read
        return Response(ImportSerializer(started).data, status=status.HTTP_202_ACCEPTED, headers={"Location": location})


def import_of(request, import_uuid) -> RequestImport:
    found = selectors.imports_for(request.user).filter(pk=import_uuid).first()
    if found is None:
        raise NotFound()
    return found


@extend_schema(tags=["onboarding"])
class ImportDetailView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(operation_id="request_import_retrieve", responses={200: ImportSerializer})
    def get(self, request, import_uuid):
        """An import and how far it is: `processed_rows` moves while it runs."""
        return Response(ImportSerializer(selectors.with_errors([import_of(request, import_uuid)])[0]).data)


class Echo:
    """A file-like that hands back what is written: the csv module writing a streamed body."""

    def write(self, value: str) -> str:
        return value


@extend_schema(tags=["onboarding"])
class ImportErrorsView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        operation_id="request_import_errors",
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The failed rows.")},
    )
    def get(self, request, import_uuid):
        """The rows that failed, as uploaded, with an `error` column: fix them and upload again."""
        request_import = import_of(request, import_uuid)
        writer = csv.writer(Echo())
        width = len(request_import.header)
        lines = chain(
            [writer.writerow([*request_import.header, "error"])],
            (
                writer.writerow([*(failure.cells + [""] * width)[:width], failure.error])
                for failure in request_import.failures.order_by("row").iterator(chunk_size=1000)
            ),
        )
        stem = PurePosixPath(request_import.file_name).stem or "import"
        return StreamingHttpResponse(
            lines,
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{stem}-errors.csv"'},
        )


@extend_schema(tags=["connections"])
class CommentsView(ActionPermissionsMixin, APIView):
    permission_classes = (IsAuthenticated,)
    action_permissions = view_rules("connections.ConnectionRequest", post="comment")

    def connection_request(self, request, pk) -> ConnectionRequest:
        found = requests_for(request.user).filter(pk=pk).first()
        if found is None:
            raise NotFound()
        return found

    @extend_schema(operation_id="request_comment_list", responses={200: CommentSerializer(many=True)})
    def get(self, request, pk):
        """The request's comments, oldest first (staff read the internal notes too)."""
        comments = selectors.comments_for(self.connection_request(request, pk), request.user)
        return Response(CommentSerializer(comments, many=True).data)

    @extend_schema(
        operation_id="request_comment_create", request=NewCommentSerializer, responses={201: CommentSerializer}
    )
    def post(self, request, pk):
        """Comment on the request: the other parties hear of it (an internal note: staff only)."""
        connection_request = self.connection_request(request, pk)
        body = NewCommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        comment = services.comment_on(connection_request=connection_request, user=request.user, **body.validated_data)
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)
