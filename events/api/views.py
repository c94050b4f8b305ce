import uuid

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.idempotency import idempotent
from core.permissions import ActionPermissionsMixin, IsMember, requires
from core.schema import IDEMPOTENCY_KEY, IDEMPOTENT_REPLAYED
from events import services
from events.api.serializers import (
    CreatedWebhookEndpointSerializer,
    DeliverySerializer,
    EventPageSerializer,
    EventQuerySerializer,
    NotificationSerializer,
    NotificationSettingChangeSerializer,
    NotificationSettingSerializer,
    RecoveredSerializer,
    RecoverSerializer,
    SecretSerializer,
    WebhookEndpointSerializer,
    WebhookStatsSerializer,
)
from events.models import (
    EVENT_TYPES,
    Event,
    EventAudience,
    Notification,
    NotificationSetting,
    WebhookDelivery,
    WebhookEndpoint,
    readable_by,
    settled_after,
)
from events.notifying import DEFAULT_CHANNELS
from events.shapes import as_sent


@extend_schema(tags=["events"])
class EventFeedView(APIView):
    """What happened to what your organization sees, oldest first: ask again with `after` set to
    `next_after`, and no event is missed or repeated. Kept for EVENT_RETENTION_DAYS (30)."""

    @extend_schema(operation_id="event_list", parameters=[EventQuerySerializer], responses={200: EventPageSerializer})
    def get(self, request):
        query = EventQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        after, limit = query.validated_data["after"], query.validated_data["limit"]
        if request.user.organization_id is None:  # staff: the events meant for them
            staff = Event.objects.filter(settled_after("events_event", "xid", "id", after), for_staff=True)
            events = list(staff.order_by("xid", "id")[:limit])
        else:
            heard = EventAudience.objects.filter(
                settled_after("events_eventaudience", "event_xid", "event_id", after),
                readable_by(request.user),
                organization=request.user.organization_id,
            )
            events = [row.event for row in heard.select_related("event").order_by("event_xid", "event_id")[:limit]]
        return Response({"events": as_sent(events), "next_after": events[-1].id if events else None})


@extend_schema(tags=["notifications"])
class NotificationListView(APIView):
    """Your dashboard notifications, newest first (the latest 100)."""

    permission_classes = (IsAuthenticated, IsMember)

    @extend_schema(operation_id="notification_list", responses={200: NotificationSerializer(many=True)})
    def get(self, request):
        mine = Notification.objects.filter(user=request.user, on_dashboard=True).order_by("-created_at", "uuid")
        return Response(NotificationSerializer(mine[:100], many=True).data)


@extend_schema(tags=["notifications"])
class NotificationReadView(APIView):
    permission_classes = (IsAuthenticated, IsMember)

    @extend_schema(operation_id="notification_read", request=None, responses={204: None})
    def post(self, request, notification_uuid):
        """Mark one of your notifications read."""
        found = Notification.objects.filter(user=request.user, pk=notification_uuid, on_dashboard=True)
        if not found.exists():
            raise NotFound()
        found.filter(read_at__isnull=True).update(read_at=timezone.now())
        return Response(status=status.HTTP_204_NO_CONTENT)


SETTINGS_NAMESPACE = uuid.UUID("6c1f3b9e-2d4a-4e8f-b7a5-0c9d8e7f6a5b")
DOMAINS = {
    "connection_requests": "Connection requests",
    "connections": "Connections",
    "files": "Files",
    "imports": "Imports",
    "integrations": "Feeds",
    "users": "Users",
    "webhooks": "Webhooks",
}
SETTING_UUIDS = {uuid.uuid5(SETTINGS_NAMESPACE, name): name for name in EVENT_TYPES}


@extend_schema(tags=["notifications"])
class NotificationSettingsView(ActionPermissionsMixin, APIView):
    """How you hear of each kind of event: on the dashboard and by email, in real time or in a
    digest twice a day or daily."""

    permission_classes = (IsAuthenticated, IsMember)
    action_permissions = {
        "get": (requires("view_notifications_settings"),),
        "put": (requires("edit_email_notifications_preferences"),),
    }

    def entries(self, user) -> list[dict]:
        mine = NotificationSetting.objects.filter(user=user)
        stored = {(s.event_type, s.via): (s.enabled, s.frequency) for s in mine}
        return [
            {
                "uuid": setting_uuid,
                "notification_display_name": EVENT_TYPES[name],
                "notification_name": name,
                "notification_domain": DOMAINS[name.split("/")[0]],
                "notification_type": [
                    {"notification_via": via, "notification_frequency": frequency, "enabled": enabled}
                    for via, default in DEFAULT_CHANNELS.items()
                    for enabled, frequency in [stored.get((name, via), default)]
                ],
                "org_user": {"uuid": user.pk},
            }
            for setting_uuid, name in SETTING_UUIDS.items()
        ]

    @extend_schema(operation_id="notification_settings_get", responses={200: NotificationSettingSerializer(many=True)})
    def get(self, request):
        return Response(NotificationSettingSerializer(self.entries(request.user), many=True).data)

    @extend_schema(
        operation_id="notification_settings_update",
        request=NotificationSettingChangeSerializer,
        responses={200: NotificationSettingSerializer(many=True)},
    )
    def put(self, request):
        body = NotificationSettingChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        change = body.validated_data
        if change["uuid"] not in SETTING_UUIDS:
            raise NotFound("No notification has this UUID.")
        values = {"enabled": change["enabled"]}
        if "notification_frequency" in change:
            values["frequency"] = change["notification_frequency"]
        NotificationSetting.objects.update_or_create(
            user=request.user, event_type=SETTING_UUIDS[change["uuid"]], via=change["notification_via"], defaults=values
        )
        return Response(NotificationSettingSerializer(self.entries(request.user), many=True).data)


MANAGE_WEBHOOKS = (requires("manage_webhooks"),)


class WebhookMixin(ActionPermissionsMixin):
    permission_classes = (IsAuthenticated, IsMember)
    action_permissions = dict.fromkeys(("get", "post", "patch", "delete"), MANAGE_WEBHOOKS)

    def endpoint(self, request, endpoint_uuid) -> WebhookEndpoint:
        found = WebhookEndpoint.objects.filter(organization=request.user.organization_id, pk=endpoint_uuid).first()
        if found is None:
            raise NotFound()
        return found


@extend_schema(tags=["webhooks"])
class WebhookListView(WebhookMixin, GenericAPIView):
    """Your organization's webhook endpoints (`manage_webhooks`). Deliveries follow the Standard
    Webhooks specification: verify them with any of its libraries and the endpoint's secret."""

    serializer_class = WebhookEndpointSerializer
    queryset = WebhookEndpoint.objects.none()

    @extend_schema(operation_id="webhook_list", responses={200: WebhookEndpointSerializer(many=True)})
    def get(self, request):
        mine = WebhookEndpoint.objects.filter(organization=request.user.organization_id)
        return Response(WebhookEndpointSerializer(mine, many=True).data)

    @extend_schema(
        operation_id="webhook_create",
        parameters=[IDEMPOTENCY_KEY, IDEMPOTENT_REPLAYED],
        responses={201: CreatedWebhookEndpointSerializer},
    )
    @idempotent
    def post(self, request):
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        endpoint, secret = services.create_endpoint(
            organization=request.user.organization,
            url=fields["url"],
            event_types=fields["event_types"],
            description=fields["description"],
            rate_limit_per_second=fields.get("rate_limit_per_second"),
        )
        endpoint.secret = secret
        return Response(CreatedWebhookEndpointSerializer(endpoint).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["webhooks"])
class WebhookDetailView(WebhookMixin, APIView):
    @extend_schema(operation_id="webhook_get", responses={200: WebhookEndpointSerializer})
    def get(self, request, endpoint_uuid):
        return Response(WebhookEndpointSerializer(self.endpoint(request, endpoint_uuid)).data)

    @extend_schema(
        operation_id="webhook_update", request=WebhookEndpointSerializer, responses={200: WebhookEndpointSerializer}
    )
    def patch(self, request, endpoint_uuid):
        endpoint = self.endpoint(request, endpoint_uuid)
        body = WebhookEndpointSerializer(endpoint, data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        services.update_endpoint(endpoint=endpoint, **body.validated_data)
        return Response(WebhookEndpointSerializer(endpoint).data)

    @extend_schema(operation_id="webhook_delete", responses={204: None})
    def delete(self, request, endpoint_uuid):
        self.endpoint(request, endpoint_uuid).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["webhooks"])
class WebhookRotateView(WebhookMixin, APIView):
    @extend_schema(operation_id="webhook_rotate_secret", request=None, responses={200: SecretSerializer})
    def post(self, request, endpoint_uuid):
        """A new secret; the old one keeps signing beside it for 24 hours."""
        return Response({"secret": services.rotate_secret(endpoint=self.endpoint(request, endpoint_uuid))})


@extend_schema(tags=["webhooks"])
class WebhookTestView(WebhookMixin, APIView):
    @extend_schema(
        operation_id="webhook_test",
        request=None,
        responses={202: DeliverySerializer, 422: OpenApiResponse(description="The endpoint is disabled.")},
    )
    def post(self, request, endpoint_uuid):
        """Send a `webhooks/ping` event to this endpoint now."""
        delivery = services.ping(endpoint=self.endpoint(request, endpoint_uuid))
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)


@extend_schema(tags=["webhooks"])
class DeliveryListView(WebhookMixin, APIView):
    @extend_schema(operation_id="webhook_delivery_list", responses={200: DeliverySerializer(many=True)})
    def get(self, request, endpoint_uuid):
        """Every attempt to deliver to this endpoint, newest first (the latest 100)."""
        attempts = self.endpoint(request, endpoint_uuid).deliveries.select_related("event")[:100]
        return Response(DeliverySerializer(attempts, many=True).data)


@extend_schema(tags=["webhooks"])
class DeliveryRetryView(WebhookMixin, APIView):
    @extend_schema(
        operation_id="webhook_delivery_retry",
        request=None,
        responses={
            202: DeliverySerializer,
            422: OpenApiResponse(
                description="The endpoint is disabled or no longer takes the event's type, an attempt is waiting,"
                " or the event was tried the most times there may be."
            ),
        },
    )
    def post(self, request, delivery_uuid):
        """Deliver this attempt's event again, now."""
        delivery = (
            WebhookDelivery.objects.filter(endpoint__organization=request.user.organization_id, pk=delivery_uuid)
            .select_related("endpoint", "event")
            .first()
        )
        if delivery is None:
            raise NotFound()
        retry = services.retry_delivery(delivery=delivery)
        return Response(DeliverySerializer(retry).data, status=status.HTTP_202_ACCEPTED)


@extend_schema(tags=["webhooks"])
class WebhookStatsView(WebhookMixin, APIView):
    @extend_schema(operation_id="webhook_stats", responses={200: WebhookStatsSerializer})
    def get(self, request, endpoint_uuid):
        """How this endpoint's deliveries went in the last 24 hours."""
        return Response(WebhookStatsSerializer(services.stats(self.endpoint(request, endpoint_uuid))).data)


@extend_schema(tags=["webhooks"])
class WebhookRecoverView(WebhookMixin, APIView):
    @extend_schema(
        operation_id="webhook_recover",
        request=RecoverSerializer,
        responses={202: RecoveredSerializer, 422: OpenApiResponse(description="The endpoint is disabled.")},
    )
    def post(self, request, endpoint_uuid):
        """Deliver again, now, every event whose delivery to this endpoint failed since `since`."""
        endpoint = self.endpoint(request, endpoint_uuid)
        body = RecoverSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        queued = services.recover(endpoint=endpoint, since=body.validated_data["since"])
        return Response({"queued": queued}, status=status.HTTP_202_ACCEPTED)
