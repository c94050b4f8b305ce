"""A feed is an integration of a connection after approval: its stage (setup → testing → live
⇄ paused), who sends its files, the time zone its cron is read in, the grace a run may be late,
its runs (the platform's "previous imports"), its file checks, and the health the runs and the
schedule give it. The health is kept in columns as runs arrive and by the monitor, so that
finding the feeds gone late is one indexed query (`alert_at`)."""

import secrets
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models import Q

from connections.models import Connection, Integration
from organizations.models import Organization

PING_KEY_BYTES = 24


def new_key() -> str:
    return secrets.token_urlsafe(PING_KEY_BYTES)


class Feed(models.Model):
    class Stage(models.TextChoices):
        SETUP = "setup"
        TESTING = "testing"
        LIVE = "live"
        PAUSED = "paused"

    class Health(models.TextChoices):
        NEW = "new"
        UP = "up"
        LATE = "late"
        FAILING = "failing"
        PAUSED = "paused"

    integration = models.OneToOneField(Integration, primary_key=True, on_delete=models.CASCADE, related_name="feed")
    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="feeds")
    stage = models.CharField(max_length=7, choices=Stage.choices, default=Stage.SETUP)
    sender = models.CharField(max_length=8, choices=Organization.Type.choices)
    schedule_timezone = models.CharField(max_length=64, default="UTC")
    grace_minutes = models.PositiveIntegerField(default=60)
    live_since = models.DateTimeField(null=True, blank=True, help_text="When it last went live.")
    # Shown again to the sending side in every Feed, so kept as it is (like a webhook's URL).
    ping_key = models.CharField(max_length=40, unique=True, default=new_key)
    health = models.CharField(max_length=7, choices=Health.choices, default=Health.PAUSED)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=10, blank=True)
    next_expected_at = models.DateTimeField(null=True, blank=True)
    late_since = models.DateTimeField(null=True, blank=True)
    # next_expected_at + grace while a new or up feed waits for its run; the monitor's query.
    alert_at = models.DateTimeField(null=True, blank=True)
    # The run a ping began (`…/start/`) that the next ping ends.
    ping_started = models.ForeignKey("Run", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["integration__position", "integration__date_created"]
        indexes = [
            models.Index(fields=["alert_at"], condition=Q(alert_at__isnull=False), name="feed_alert_at"),
            # The console's feeds late or failing now.
            models.Index(fields=["health"], condition=Q(health__in=["late", "failing"]), name="feed_troubled"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(stage__in=["setup", "testing", "live", "paused"]), name="feed_stage_known"
            ),
            models.CheckConstraint(condition=Q(grace_minutes__gte=1, grace_minutes__lte=10080), name="feed_grace"),
            models.CheckConstraint(condition=Q(alert_at__isnull=True) | Q(stage="live"), name="only_live_feeds_alert"),
        ]

    def __str__(self) -> str:
        return f"{self.integration} of {self.connection_id}"


class Run(models.Model):
    """One delivery of a feed, in the upstream Previous Imports shape."""

    class Status(models.TextChoices):
        SUCCESSFUL = "Successful"
        PENDING = "Pending"
        FAILED = "Failed"

    uuid = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="runs")
    # Both sides list their runs (/timp/data-integration/imports/): copied from the connection.
    sending_organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    receiving_organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    date_imported = models.DateTimeField()
    file_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    failure_message = models.TextField(blank=True)
    count = models.PositiveIntegerField(null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_ping = models.BooleanField(default=False)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-date_imported", "uuid"]
        indexes = [
            models.Index(fields=["feed", "-date_imported", "uuid"], name="runs_of_feed"),
            models.Index(fields=["sending_organization", "-date_imported", "uuid"], name="runs_sent"),
            models.Index(fields=["receiving_organization", "-date_imported", "uuid"], name="runs_received"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=["Successful", "Pending", "Failed"]), name="run_status_known")
        ]

    def __str__(self) -> str:
        return f"{self.status} run of {self.feed_id}"


class Check(models.Model):
    """A file checked against the feed's specification."""

    uuid = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="checks")
    file_name = models.CharField(max_length=255)
    checked_at = models.DateTimeField(auto_now_add=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    spec = models.CharField(max_length=20)
    passed = models.BooleanField()
    rows = models.PositiveIntegerField()
    error_count = models.PositiveIntegerField()
    errors = models.JSONField(default=list)
    warnings = models.JSONField(default=list)

    class Meta:
        ordering = ["-checked_at", "uuid"]
        indexes = [models.Index(fields=["feed", "-checked_at", "uuid"], name="checks_of_feed")]

    def __str__(self) -> str:
        return f"check of {self.file_name}"


class Badge(models.Model):
    """A connection's secret badge address, for a partner's own dashboards."""

    connection = models.OneToOneField(Connection, primary_key=True, on_delete=models.CASCADE, related_name="badge")
    key = models.CharField(max_length=40, unique=True, default=new_key)

    def __str__(self) -> str:
        return f"badge of {self.connection_id}"
