"""What happened (events, in the order they committed), who hears of it (dashboard
notifications, email, webhooks), and each attempt to tell a webhook."""

import uuid

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Exists, Func, Q
from django.db.models.expressions import RawSQL

from organizations.models import Organization, PermissionAssignment, User

# Every event type, with what the notification settings call it.
EVENT_TYPES = {
    "connection_requests/created": "A connection request was made",
    "connection_requests/updated": "A connection request was changed",
    "connection_requests/cancelled": "A connection request was cancelled",
    "connection_requests/approved": "A connection request was approved",
    "connection_requests/denied": "A connection request was denied",
    "connection_requests/expired": "A connection request expired",
    "connection_requests/commented": "A connection request has a new comment",
    "connections/created": "A connection was created",
    "connections/confirmed": "A connection was confirmed",
    "connections/deactivated": "A connection was deactivated",
    "connections/account_numbers_changed": "A connection's account numbers changed",
    "files/shared": "A file was shared with you",
    "imports/finished": "An import of connection requests finished",
    "integrations/updated": "A feed's settings changed",
    "integrations/stage_changed": "A feed moved to another stage",
    "integrations/late": "A feed's expected run did not come within its grace",
    "integrations/failed": "A feed's run failed",
    "integrations/recovered": "A late or failing feed is healthy again",
    "users/invited": "A user was invited",
    "webhooks/disabled": "A webhook endpoint was disabled",
}
PING = "webhooks/ping"
# Event types whose object takes a permission to read (the users API, the webhooks API): the
# feed and the notifications give them only to those who hold it. The others' objects are
# read with none.
READ_PERMISSIONS = {"users/invited": "view_org_users", "webhooks/disabled": "manage_webhooks"}


def readable_by(user: User) -> Q:
    """A condition on events (as `event__` lookups) that `user` may read, checked in the query
    that reads them, so that a read costs no query of the caller's permissions."""
    condition = Q()
    for event_type, permission in READ_PERMISSIONS.items():
        held = PermissionAssignment.objects.filter(user=user.pk, name=permission)
        condition &= ~Q(event__type=event_type) | Exists(held)
    return condition


class CurrentTransaction(Func):
    """The id of the transaction that writes the row (64 bits: it never wraps around)."""

    template = "(pg_current_xact_id()::text::bigint)"
    output_field = models.BigIntegerField()


# The events a reader may be given: those of transactions older than every transaction still
# running (which are all committed or rolled back, so no event can appear before them later),
# and its own. A reader that takes them in (xid, id) order, after the last it saw, never misses
# or repeats one, whatever the number of writers, and no writer waits for another.
SETTLED = (
    "({xid} < pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
    " OR {xid} = pg_current_xact_id_if_assigned()::text::bigint)"
)
# Where an event id stands in that order: after its own transaction's earlier events (an id
# since pruned, or never given, stands after the nearest event below it).
POSITION = "(coalesce((SELECT xid FROM events_event WHERE id <= %s ORDER BY id DESC LIMIT 1), 0), %s)"


def settled_after(table: str, xid: str, event_id: str, after: int) -> RawSQL:
    """A condition on rows of `table` that name an event by its transaction and id: the events
    settled (`SETTLED`) and after event `after` in their order."""
    settled = SETTLED.format(xid=f'"{table}"."{xid}"')
    sql = f'("{table}"."{xid}", "{table}"."{event_id}") > {POSITION} AND {settled}'
    return RawSQL(sql, (after, after), output_field=models.BooleanField())  # noqa: S611 (names from code)


class Event(models.Model):
    """A state change, written in the transaction that made it. Read in the order of their
    transactions (`SETTLED`): a reader that asks for those after the last it saw never misses
    one."""

    id = models.BigAutoField(primary_key=True)
    xid = models.BigIntegerField(db_default=CurrentTransaction(), editable=False, help_text="Its transaction.")
    type = models.CharField(max_length=60)
    created_at = models.DateTimeField()
    data = models.JSONField(help_text="The object's read shape at that moment.")
    for_staff = models.BooleanField(default=False, help_text="The platform's account managers see it too.")
    fanned_out = models.BooleanField(
        default=False, db_default=False, help_text="Its notifications and deliveries are made (`events.tasks.fan_out`)."
    )
    # An event that could not be fanned out is set aside, so that it holds back no other, and
    # tried again from `fan_out_after` on.
    fan_out_failures = models.PositiveSmallIntegerField(default=0, db_default=0)
    fan_out_error = models.TextField(blank=True, default="", db_default="")
    fan_out_after = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["created_at"]),
            models.Index(fields=["xid", "id"], condition=Q(for_staff=True), name="staff_events"),
            models.Index(fields=["id"], condition=Q(fanned_out=False), name="events_to_fan_out"),
        ]

    def __str__(self) -> str:
        return f"{self.id} {self.type}"


class EventAudience(models.Model):
    """An organization that the event's object is visible to, with the event's transaction:
    an organization's feed is one range of their index.

    Written only with its event, in the event's statement (`events.services.publish`), and
    deleted with it or its organization by Django (`on_delete`): its references have no
    constraint in the database, whose checks at commit cost every write of the platform a
    third of what its event costs PostgreSQL (bench/README.md). An organization deleted while
    an event for it commits may leave a row that no feed reads."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="audience", db_constraint=False)
    event_xid = models.BigIntegerField()
    # Its index is the constraint's, which starts with it.
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "event_xid", "event"], name="event_heard_once"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} → {self.organization_id}"


class NotificationSetting(models.Model):
    """How a user hears of one event type; a type without a row is heard of on the dashboard,
    in real time, and not by email."""

    class Via(models.TextChoices):
        DASHBOARD = "Dashboard"
        EMAIL = "email"

    class Frequency(models.TextChoices):
        REAL_TIME = "Real-time"
        TWICE_A_DAY = "Twice a day"
        DAILY = "Daily"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notification_settings")
    event_type = models.CharField(max_length=60)
    via = models.CharField(max_length=9, choices=Via.choices)
    enabled = models.BooleanField()
    frequency = models.CharField(max_length=11, choices=Frequency.choices, default=Frequency.REAL_TIME)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "event_type", "via"], name="one_setting_per_channel")]

    def __str__(self) -> str:
        return f"{self.user} {self.event_type} by {self.via}: {'on' if self.enabled else 'off'}"


class Notification(models.Model):
    """An event as one user hears of it: on the dashboard, and (later, in a digest) by email."""

    uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    on_dashboard = models.BooleanField(default=True)
    digest = models.CharField(
        max_length=11,
        choices=NotificationSetting.Frequency.choices,
        blank=True,
        help_text="The email digest it waits for, if any; emptied once sent.",
    )

    class Meta:
        ordering = ["-created_at", "uuid"]
        indexes = [
            models.Index(fields=["user", "-created_at"], condition=Q(on_dashboard=True), name="dashboard"),
            models.Index(fields=["digest", "user"], condition=~Q(digest=""), name="waiting_for_digest"),
        ]
        constraints = [models.UniqueConstraint(fields=["user", "event"], name="notified_once")]

    def __str__(self) -> str:
        return self.title


class WebhookEndpoint(models.Model):
    uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="webhook_endpoints")
    url = models.URLField(max_length=2000)
    description = models.CharField(max_length=500, blank=True)
    event_types = ArrayField(models.CharField(max_length=60), help_text='The types it receives, or ["*"].')
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    failing_since = models.DateTimeField(null=True, blank=True, help_text="The first failure since the last success.")
    disabled_at = models.DateTimeField(null=True, blank=True)
    rate_limit_per_second = models.PositiveIntegerField(
        null=True, blank=True, help_text="At most this many deliveries start in any second; none when null."
    )
    # When the next delivery of a rate-limited endpoint may start, whichever dispatcher sends it.
    rate_next_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "uuid"]
        indexes = [models.Index(fields=["organization"], condition=Q(is_active=True), name="active_endpoints")]

    def __str__(self) -> str:
        return self.url

    def receives(self, event_type: str) -> bool:
        return event_type == PING or "*" in self.event_types or event_type in self.event_types


class WebhookSecret(models.Model):
    """A signing secret (`whsec_…`). The current one has no end; a rotated one signs beside
    the new one until `expires_at`. Kept as given: signing needs the secret itself."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="secrets")
    secret = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.secret[:10]}… of {self.endpoint_id}"


class WebhookDelivery(models.Model):
    """One attempt to deliver one event to one endpoint. A dispatcher sending it holds it until
    `locked_until` (renewed while it sends); one that died lets it go when that time passes."""

    class Status(models.TextChoices):
        PENDING = "pending"
        SUCCEEDED = "succeeded"
        FAILED = "failed"

    uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    attempt = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.PENDING)
    response_status = models.PositiveIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True, help_text="The first 64 KB.")
    error = models.CharField(max_length=500, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-attempt"]
        indexes = [
            models.Index(fields=["endpoint", "-created_at"]),
            models.Index(fields=["next_attempt_at"], condition=Q(status="pending"), name="pending_deliveries"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "event", "attempt"], name="one_delivery_per_attempt"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} to {self.endpoint_id}, attempt {self.attempt}: {self.status}"
