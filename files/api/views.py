from django.core.files.storage import default_storage
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiRequest, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from core.idempotency import idempotent
from core.json_sql import ShapedReadsMixin
from core.pagination import StartLimitPagination
from core.permissions import ActionPermissionsMixin
from core.policy import view_rules
from core.schema import CONTENT_DISPOSITION, IDEMPOTENCY_KEY, IDEMPOTENT_REPLAYED
from core.throttling import TokenRateThrottle, UploadRateThrottle
from files import services
from files.api.serializers import FileUploadSerializer
from files.detection import DOWNLOAD_TYPES
from files.models import UploadedFile
from files.selectors import files_for
from files.shapes import FileSerializer


class FilePagination(StartLimitPagination):
    results_key = "files"


class AnyAcceptNegotiation(BaseContentNegotiation):
    """A download answers with the file's bytes whatever the client's Accept header says."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


@extend_schema_view(
    list=extend_schema(summary="List uploaded files", description="Newest first."),
    retrieve=extend_schema(summary="An uploaded file's metadata"),
    destroy=extend_schema(
        summary="Delete an uploaded file",
        responses={204: None, 422: OpenApiResponse(description="The file is attached to a connection request.")},
    ),
)
@extend_schema(tags=["files"])
class FileViewSet(ActionPermissionsMixin, ShapedReadsMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    serializer_class = FileSerializer
    pagination_class = FilePagination
    action_permissions = view_rules("files.UploadedFile", upload="upload", destroy="delete")

    def get_queryset(self):
        return files_for(self.request.user)

    def perform_destroy(self, instance: UploadedFile) -> None:
        services.delete_file(uploaded_file=instance)

    @extend_schema(
        summary="Upload a sample file or specification document",
        request={
            "multipart/form-data": OpenApiRequest(
                FileUploadSerializer, encoding={"file": {"contentType": ", ".join(DOWNLOAD_TYPES)}}
            )
        },
        parameters=[IDEMPOTENCY_KEY, IDEMPOTENT_REPLAYED],
        responses={
            201: FileSerializer,
            400: OpenApiResponse(description="Empty file, or a type that is not allowed."),
            413: OpenApiResponse(description="The file is larger than the limit, or than the room left in the quota."),
        },
    )
    @action(
        detail=False,
        methods=["post"],
        parser_classes=[MultiPartParser],
        serializer_class=FileUploadSerializer,
        throttle_classes=[TokenRateThrottle, UploadRateThrottle],
    )
    @idempotent
    def upload(self, request):
        form = FileUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        uploaded_file = services.store_upload(
            organization=request.user.organization,
            uploaded_by=request.user,
            upload=form.validated_data["file"],
            display_name=form.validated_data.get("filename"),
        )
        (row,) = self.shaped_object(uploaded_file.pk)
        return Response(row, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Download an uploaded file",
        description="The bytes, as an attachment, in the type detected when the file was uploaded.",
        parameters=[CONTENT_DISPOSITION],
        # The bytes come in the type detected at upload, one of DOWNLOAD_TYPES; a generic
        # binary type first, so that generated clients read bytes whatever the type.
        responses={
            (200, content_type): OpenApiTypes.BINARY for content_type in ["application/octet-stream", *DOWNLOAD_TYPES]
        },
    )
    @action(detail=True, methods=["get"], content_negotiation_class=AnyAcceptNegotiation)
    def download(self, request, pk=None):
        uploaded_file = self.get_object()
        response = FileResponse(
            default_storage.open(uploaded_file.storage_name, "rb"),
            as_attachment=True,
            filename=uploaded_file.name,
            content_type=uploaded_file.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
