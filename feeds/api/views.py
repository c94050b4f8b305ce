"""Feeds of a connection, their runs, checks and health; the imports list; ping URLs and
badges (no authentication: the key in the address is the authority)."""

from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from connections.models import Connection
from core.idempotency import idempotent
from core.pagination import HeaderPagination, StartLimitPagination
from core.parsers import JSONParser
from core.permissions import ActionPermissionsMixin, requires
from core.schema import IDEMPOTENCY_KEY, IDEMPOTENT_REPLAYED, X_TOTAL_COUNT
from core.throttling import PingRateThrottle
from feeds import badges, health, selectors, services
from feeds.api.serializers import (
    FAILURE_MESSAGE_LENGTH,
    CheckRequestSerializer,
    FeedChangeSerializer,
    RunEndSerializer,
    RunReportSerializer,
)
from feeds.models import Check, Feed, Run
from feeds.shapes import CheckSerializer, FeedSerializer, RunSerializer, ping_url
from files.selectors import files_for

MANAGE_CONNECTIONS = (requires("manage_connections"),)
WRONG_STATE = OpenApiResponse(description="Not possible in the feed's current stage.")
WRONG_SIDE = OpenApiResponse(description="Your side does not send this feed's files.")


def shaped(request, feeds: list[Feed]) -> list[dict]:
    ready = selectors.prepared(feeds, now=timezone.now(), viewer=request.user, ping_url=lambda f: ping_url(request, f))
    return FeedSerializer(ready, many=True).data


class FeedMixin(ActionPermissionsMixin):
    permission_classes = (IsAuthenticated,)
    action_permissions = {"post": MANAGE_CONNECTIONS, "patch": MANAGE_CONNECTIONS}

    def feed(self, request, connection_uuid, record_uuid) -> Feed:
        found = selectors.feed_of(request.user, connection_uuid, record_uuid)
        if found is None:
            raise NotFound()
        return found


@extend_schema(tags=["feeds"])
class FeedListView(FeedMixin, APIView):
    @extend_schema(operation_id="feed_list", responses={200: FeedSerializer(many=True)})
    def get(self, request, connection_uuid):
        """The connection's feeds: its integrations, with their stage and health."""
        connection = get_object_or_404(Connection.objects.visible_to(request.user), pk=connection_uuid)
        return Response(shaped(request, list(selectors.feeds_with_connections().filter(connection=connection))))


@extend_schema(tags=["feeds"])
class FeedDetailView(FeedMixin, APIView):
    @extend_schema(operation_id="feed_retrieve", responses={200: FeedSerializer})
    def get(self, request, connection_uuid, record_uuid):
        """One feed."""
        return Response(shaped(request, [self.feed(request, connection_uuid, record_uuid)])[0])

    @extend_schema(
        operation_id="feed_update",
        request=FeedChangeSerializer,
        responses={200: FeedSerializer, 422: WRONG_STATE},
    )
    def patch(self, request, connection_uuid, record_uuid):
        """Change the schedule, its time zone, the grace, the sender of an `other` feed, or the
        stage (`live` needs a passing file check)."""
        feed = self.feed(request, connection_uuid, record_uuid)
        body = FeedChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        updated = services.update_feed(feed=feed, user=request.user, **body.validated_data)
        return Response(shaped(request, [updated])[0])


class CheckPagination(StartLimitPagination):
    results_key = "checks"


@extend_schema(tags=["feeds"])
class FeedChecksView(FeedMixin, GenericAPIView):
    pagination_class = CheckPagination
    serializer_class = CheckSerializer
    queryset = Check.objects.none()
    parser_classes = (JSONParser, MultiPartParser)

    @extend_schema(operation_id="feed_check_list", responses={200: CheckSerializer(many=True)})
    def get(self, request, connection_uuid, record_uuid):
        """The feed's file checks, newest first."""
        feed = self.feed(request, connection_uuid, record_uuid)
        return self.get_paginated_response(
            CheckSerializer(self.paginate_queryset(selectors.checks_of(feed)), many=True).data
        )

    @extend_schema(
        operation_id="feed_check_create",
        request={"multipart/form-data": CheckRequestSerializer, "application/json": CheckRequestSerializer},
        responses={
            201: CheckSerializer,
            413: OpenApiResponse(description="The file is larger than UPLOAD_MAX_BYTES."),
            415: OpenApiResponse(description="The file is neither CSV nor XLSX (its detected type is named)."),
        },
    )
    def post(self, request, connection_uuid, record_uuid):
        """Check a file against the feed's specification (the platform's file guide)."""
        feed = self.feed(request, connection_uuid, record_uuid)
        body = CheckRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        if "file" in body.validated_data:
            upload = body.validated_data["file"]
            check = services.check_file(feed=feed, user=request.user, upload=upload, file_name=upload.name)
        else:
            uploaded = files_for(request.user).filter(pk=body.validated_data["file_uuid"]).first()
            if uploaded is None:
                raise ValidationError({"file_uuid": ["No file you can read has this UUID."]})
            with default_storage.open(uploaded.storage_name, "rb") as stored:
                check = services.check_file(feed=feed, user=request.user, upload=stored, file_name=uploaded.name)
        return Response(CheckSerializer(check).data, status=status.HTTP_201_CREATED)


class RunPagination(StartLimitPagination):
    results_key = "runs"


@extend_schema(tags=["feeds"])
class FeedRunsView(FeedMixin, GenericAPIView):
    pagination_class = RunPagination
    serializer_class = RunSerializer
    queryset = Run.objects.none()

    @extend_schema(operation_id="feed_run_list", responses={200: RunSerializer(many=True)})
    def get(self, request, connection_uuid, record_uuid):
        """The feed's runs, newest first."""
        feed = self.feed(request, connection_uuid, record_uuid)
        runs = selectors.runs_for(request.user).filter(feed=feed)
        return self.get_paginated_response(RunSerializer(self.paginate_queryset(runs), many=True).data)

    @extend_schema(
        operation_id="feed_run_report",
        request=RunReportSerializer,
        parameters=[IDEMPOTENCY_KEY, IDEMPOTENT_REPLAYED],
        responses={201: RunSerializer, 409: WRONG_SIDE, 422: WRONG_STATE},
    )
    @idempotent
    def post(self, request, connection_uuid, record_uuid):
        """Report a run of a live feed (the sending side)."""
        feed = self.feed(request, connection_uuid, record_uuid)
        body = RunReportSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        run = services.report_run(feed=feed, user=request.user, **body.validated_data)
        return Response(RunSerializer(run).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["feeds"])
class RunDetailView(FeedMixin, APIView):
    @extend_schema(
        operation_id="feed_run_end", request=RunEndSerializer, responses={200: RunSerializer, 422: WRONG_STATE}
    )
    def patch(self, request, connection_uuid, record_uuid, run_uuid):
        """End a Pending run: Successful or Failed."""
        feed = self.feed(request, connection_uuid, record_uuid)
        run = selectors.runs_for(request.user).filter(feed=feed, pk=run_uuid).first()
        if run is None:
            raise NotFound()
        body = RunEndSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        ended = services.finish_run(run=run, user=request.user, **body.validated_data)
        return Response(RunSerializer(selectors.runs_for(request.user).get(pk=ended.pk)).data)


@extend_schema(tags=["feeds"])
class PingKeyView(FeedMixin, APIView):
    @extend_schema(operation_id="feed_ping_key", request=None, responses={200: FeedSerializer, 409: WRONG_SIDE})
    def post(self, request, connection_uuid, record_uuid):
        """A new ping URL for the feed; the old one stops working."""
        feed = services.new_ping_key(feed=self.feed(request, connection_uuid, record_uuid), user=request.user)
        return Response(shaped(request, [feed])[0])


HealthAnswer = inline_serializer(
    "ConnectionHealth",
    {
        "feeds": FeedSerializer(many=True),
        "days": inline_serializer(
            "HealthDay",
            {
                "date": serializers.DateField(),
                "expected": serializers.IntegerField(),
                "on_time": serializers.IntegerField(),
                "late": serializers.IntegerField(),
                "missed": serializers.IntegerField(),
                "failed": serializers.IntegerField(),
            },
            many=True,
        ),
        "badge_url": serializers.URLField(),
    },
)


@extend_schema(tags=["feeds"])
class HealthView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(operation_id="connection_health", responses={200: HealthAnswer})
    def get(self, request, connection_uuid):
        """The connection's feeds and their last 30 days, day by day (UTC), oldest first."""
        connection = get_object_or_404(Connection.objects.visible_to(request.user), pk=connection_uuid)
        feeds = list(selectors.feeds_with_connections().filter(connection=connection))
        body = shaped(request, feeds)
        return Response(
            {
                "feeds": body,
                "days": health.add_days([feed.record for feed in feeds], timezone.now()),
                "badge_url": badges.url(request, connection),
            }
        )


@extend_schema(tags=["data-integration"])
class ImportListView(GenericAPIView):
    """The runs of your organization's feeds, sent or received, newest first."""

    permission_classes = (IsAuthenticated,)
    pagination_class = HeaderPagination
    serializer_class = RunSerializer
    queryset = Run.objects.none()

    @extend_schema(operation_id="import_list", parameters=[X_TOTAL_COUNT], responses={200: RunSerializer(many=True)})
    def get(self, request):
        runs = selectors.imports_for(request.user)
        return self.get_paginated_response(RunSerializer(self.paginate_queryset(runs), many=True).data)


@extend_schema(tags=["data-integration"])
class ImportDetailView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        operation_id="import_retrieve", responses={200: inline_serializer("ImportDetail", {"detail": RunSerializer()})}
    )
    def get(self, request, run_uuid):
        """One run, as upstream answers it: under `detail`."""
        run = selectors.imports_for(request.user).filter(pk=run_uuid).first()
        if run is None:
            raise NotFound()
        return Response({"detail": RunSerializer(run).data})


PingAnswer = inline_serializer(
    "PingAnswer",
    {
        "run": RunSerializer(),
        "watched": serializers.BooleanField(help_text="False when the feed is not live: the run is kept, unwatched."),
    },
)


def ping_schema(name: str, summary: str):
    """A ping route's two methods, each its own operation."""
    return extend_schema_view(
        get=extend_schema(operation_id=name, summary=summary, request=None, responses={200: PingAnswer}),
        post=extend_schema(
            operation_id=f"{name}_post", summary=summary, request=OpenApiTypes.BINARY, responses={200: PingAnswer}
        ),
    )


@ping_schema("ping", "A delivery done: a Successful run (it ends a started one)")
@extend_schema(tags=["feeds"])
class PingView(APIView):
    """A feed's ping URL, for a cron job: `curl` it when the file is delivered (`…/start/` when
    the delivery begins, `…/fail/` with the error as the body when it fails). An unknown key is
    a 404."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (PingRateThrottle,)
    outcome = Run.Status.SUCCESSFUL

    def get(self, request, key):
        return self.ping(request, key)

    def post(self, request, key):
        return self.ping(request, key)

    def ping(self, request, key):
        message = request.body[:FAILURE_MESSAGE_LENGTH].decode("utf-8", "replace").replace("\x00", "")
        run = services.ping(key=key, outcome=self.outcome, failure_message=message)
        if run is None:
            raise NotFound()
        return Response({"run": RunSerializer(run).data, "watched": run.feed.stage == Feed.Stage.LIVE})


@ping_schema("ping_start", "A delivery begun: a Pending run")
class PingStartView(PingView):
    outcome = Run.Status.PENDING


@ping_schema("ping_fail", "A delivery failed: a Failed run, the body its message")
class PingFailView(PingView):
    outcome = Run.Status.FAILED


@extend_schema(tags=["feeds"])
class BadgeView(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="badge",
        responses={
            (200, "image/svg+xml"): OpenApiTypes.STR,
            (200, "application/json"): inline_serializer(
                "Badge",
                {"status": serializers.ChoiceField(choices=Feed.Health.choices), "feeds": serializers.IntegerField()},
            ),
        },
    )
    def get(self, request, key, extension):
        """A connection's badge: its feeds and their worst health, as SVG or JSON."""
        found = badges.status_of(key)
        if found is None:
            raise NotFound()
        worst, count = found
        if extension == "json":
            return Response({"status": worst, "feeds": count})
        return HttpResponse(badges.svg(worst, count), content_type="image/svg+xml")
