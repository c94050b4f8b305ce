from datetime import datetime
from uuid import UUID, uuid4

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from connections.cron import MAX_LENGTH, next_run, validate_cron
from files.models import UploadedFile
from organizations.models import AccountManager, Organization, Retailer, Supplier


class ConnectionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ConnectionQuerySet":
        """The connections a user may see: its organization's, on either side; staff see all."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        # An organization is on one side only: filtering that side's record lets PostgreSQL walk
        # one index, in the list's order (the role came with the user, in the token's query).
        side = user.organization.side
        return self.filter(**{side: getattr(user.organization, side)})


class Connection(models.Model):
    class Status(models.TextChoices):
        CONFIRMATION_WAITING = "CONFIRMATION WAITING"
        ACTIVE = "ACTIVE"
        DEACTIVATED = "DEACTIVATED"

    uuid = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    retailer = models.ForeignKey(Retailer, on_delete=models.PROTECT, related_name="connections")
    supplier = models.ForeignKey(Supplier, on_delete=models.PROTECT, related_name="connections")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONFIRMATION_WAITING)
    requested_by = models.CharField(
        max_length=8, choices=Organization.Type.choices, help_text="The side that asked; the other side confirms."
    )
    account_manager = models.ForeignKey(
        AccountManager, on_delete=models.SET_NULL, null=True, blank=True, related_name="connections"
    )
    # Null until set, as the published Connection object shows them.
    allocation_type = models.CharField(max_length=50, null=True, blank=True)  # noqa: DJ001
    suppliers_retailer_account_number = models.CharField(  # noqa: DJ001
        max_length=100, null=True, blank=True, help_text="The retailer's account number in the supplier's system."
    )
    retailers_supplier_account_number = models.CharField(  # noqa: DJ001
        max_length=100, null=True, blank=True, help_text="The supplier's account number in the retailer's system."
    )
    created_date = models.DateTimeField(auto_now_add=True)
    confirmed_date = models.DateTimeField(null=True, blank=True)
    deactivated_date = models.DateTimeField(null=True, blank=True)
    uploaded_files = models.ManyToManyField(UploadedFile, blank=True, related_name="connections")
    # Each side's organization name, kept by PostgreSQL (triggers of migration 0005) so that a
    # member's list sorts by its partners' names on an index of its own, however large.
    retailer_name = models.CharField(max_length=200, default="", editable=False)
    supplier_name = models.CharField(max_length=200, default="", editable=False)

    objects = ConnectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_date"]
        indexes = [
            models.Index(fields=["status", "-created_date"]),
            # Each side's list in its order (newest first, then uuid), for any page of any member.
            models.Index(fields=["retailer", "-created_date", "uuid"], name="connection_retailer_list"),
            models.Index(fields=["supplier", "-created_date", "uuid"], name="connection_supplier_list"),
            models.Index(fields=["retailer", "supplier_name", "uuid"], name="connection_retailer_by_name"),
            models.Index(fields=["supplier", "retailer_name", "uuid"], name="connection_supplier_by_name"),
            models.Index(fields=["-created_date"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["retailer", "supplier"], name="one_connection_per_pair"),
            models.CheckConstraint(
                condition=Q(status__in=["CONFIRMATION WAITING", "ACTIVE", "DEACTIVATED"]),
                name="connection_status_known",
            ),
            models.CheckConstraint(
                condition=Q(status="DEACTIVATED", deactivated_date__isnull=False) | ~Q(status="DEACTIVATED"),
                name="deactivated_connection_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.retailer} ↔ {self.supplier}"

    def is_visible_to(self, user) -> bool:
        """`visible_to`'s rule for one connection in hand: either side's members, and staff."""
        return user.is_authenticated and (user.is_staff or self.side_of(user.organization_id) is not None)

    def side_of(self, organization_id) -> str | None:
        """RETAILER or SUPPLIER: the side this organization is on, or None if neither."""
        if organization_id == self.retailer.organization_id:
            return Organization.Type.RETAILER
        if organization_id == self.supplier.organization_id:
            return Organization.Type.SUPPLIER
        return None

    @property
    def originating_request(self) -> "ConnectionRequest | None":
        return self.requests.order_by("request_date").first()


class ConnectionRequestQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ConnectionRequestQuerySet":
        """The requests a user may see: its organization's own, and approved requests naming
        its organization as the counterpart; staff see all."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        return self.filter(
            Q(organization_id=user.organization_id)
            | Q(counterpart_id=user.organization_id, status=ConnectionRequest.Status.APPROVED)
        )


class ConnectionRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        APPROVED = "approved"
        DENIED = "denied"
        CANCELLED = "cancelled"
        EXPIRED = "expired"

    uuid = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="connection_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    org_name = models.CharField(max_length=200, help_text="The organization asked for.")
    contact_name = models.CharField(max_length=200)
    contact_phone = models.CharField(max_length=20, blank=True)
    contact_email = models.EmailField(max_length=200, blank=True)
    account_number = models.CharField(
        max_length=100, blank=True, help_text="The requester's account number in the counterpart's system."
    )
    additional_information = models.TextField(blank=True)
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.PENDING)
    request_date = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised by every change; the ETag is made from it.")
    decided_by = models.ForeignKey(
        AccountManager, on_delete=models.SET_NULL, null=True, blank=True, related_name="decided_requests"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    counterpart = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="counterpart_requests"
    )
    connection = models.ForeignKey(
        Connection, on_delete=models.SET_NULL, null=True, blank=True, related_name="requests"
    )
    uploaded_files = models.ManyToManyField(UploadedFile, through="RequestFile", blank=True, related_name="+")

    objects = ConnectionRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-request_date"]
        indexes = [
            models.Index(fields=["organization", "-request_date"]),
            models.Index(fields=["organization", "status", "-request_date"]),
            models.Index(fields=["status", "-request_date"]),
            models.Index(fields=["-request_date"]),
            models.Index(fields=["counterpart", "status"]),
            # The console's median time to a decision.
            models.Index(fields=["decided_at"], condition=Q(decided_at__isnull=False), name="request_decided"),
        ]
        constraints = [
            models.UniqueConstraint(
                "organization",
                Lower("org_name"),
                condition=Q(status="pending"),
                name="one_pending_request_per_pair",
                violation_error_message="A pending request to this organization already exists.",
            ),
            models.UniqueConstraint(
                fields=["organization", "counterpart"],
                condition=Q(status="pending", counterpart__isnull=False),
                name="one_pending_request_per_counterpart",
                violation_error_message="A pending request to this organization already exists.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "denied", "cancelled", "expired"]),
                name="request_status_known",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "cancelled"]) | Q(decided_at__isnull=False),
                name="decided_request_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(connection__isnull=False), name="approved_request_has_connection"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization.name} → {self.org_name} ({self.status})"

    @property
    def etag(self) -> str:
        return self.etag_for(self.uuid, self.version)

    @staticmethod
    def etag_for(uuid: UUID | str, version: int) -> str:
        return f'"{UUID(str(uuid)).hex[:12]}-{version}"'


class Integration(models.Model):
    """A data feed asked for in a request; after approval it belongs to the connection too."""

    class Type(models.TextChoices):
        ITEM = "item"
        ORDER = "order"
        ALLOCATION = "allocation"
        TRACKING = "tracking"
        OTHER = "other"

    uuid = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    request = models.ForeignKey(ConnectionRequest, on_delete=models.CASCADE, related_name="integrations")
    connection = models.ForeignKey(
        Connection, on_delete=models.SET_NULL, null=True, blank=True, related_name="integrations"
    )
    integration_type = models.CharField(max_length=10, choices=Type.choices)
    update_frequency = models.CharField(  # noqa: DJ001 -- null means "no schedule"
        max_length=MAX_LENGTH, null=True, blank=True, validators=[validate_cron], help_text="A cron schedule."
    )
    file_locations = models.TextField(blank=True, help_text="URLs; credentials inside them are never shown.")
    file_specs = models.TextField(blank=True)
    rules = models.TextField(blank=True)
    date_created = models.DateTimeField(auto_now_add=True)
    position = models.PositiveSmallIntegerField(default=0)
    # Stored, not computed on every read: a page of costly schedules would cost every reader
    # (and every other tenant) CPU. Set on write; `refresh_schedules` moves passed ones on.
    next_run_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["position", "date_created"]
        indexes = [
            models.Index(fields=["next_run_at"], condition=Q(next_run_at__isnull=False), name="integration_next_run")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(integration_type__in=["item", "order", "allocation", "tracking", "other"]),
                name="integration_type_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_integration_type_display()} feed"

    def schedule(self, now: datetime) -> None:
        """Sets `next_run_at` from the cron schedule: the first time after `now`, or None."""
        self.next_run_at = next_run(self.update_frequency, int(now.timestamp())) if self.update_frequency else None


class RequestFile(models.Model):
    """A file attached to a request. PROTECT: a file in use cannot be deleted."""

    request = models.ForeignKey(ConnectionRequest, on_delete=models.CASCADE)
    uploaded_file = models.ForeignKey(UploadedFile, on_delete=models.PROTECT, related_name="request_attachments")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "uploaded_file"], name="request_file_once")]

    def __str__(self) -> str:
        return f"{self.uploaded_file_id} on {self.request_id}"


class RequestStatusChange(models.Model):
    request = models.ForeignKey(ConnectionRequest, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(max_length=9, choices=ConnectionRequest.Status.choices)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.status} at {self.at:%Y-%m-%d %H:%M}"


class RequestImport(models.Model):
    """A file of connection requests, imported by the worker in batches. Each batch commits
    its rows' requests together with the counters below, so a worker stopped anywhere resumes
    (its job retried) at `processed_rows` and creates nothing twice."""

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    uuid = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="request_imports")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    storage_name = models.CharField(max_length=255, help_text="The uploaded file, in the default storage.")
    kind = models.CharField(max_length=4, choices=[("csv", "CSV"), ("xlsx", "XLSX")])
    header = models.JSONField(help_text="The file's columns, in its order.")
    dry_run = models.BooleanField(default=False)
    status = models.CharField(max_length=7, choices=Status.choices, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField()
    processed_rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed_rows = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["organization", "-created_at", "uuid"], name="import_list"),
            models.Index(fields=["-created_at", "uuid"], name="import_list_all"),
            models.Index(
                fields=["created_at"], condition=Q(status__in=["queued", "running"]), name="import_unfinished"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "done", "failed"]), name="import_status_known"
            ),
            models.CheckConstraint(condition=Q(processed_rows__lte=models.F("total_rows")), name="import_progress"),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status}, {self.processed_rows}/{self.total_rows})"


class ImportFailure(models.Model):
    """A row of an import that failed: its cells as uploaded, and why (the errors list and
    errors.csv are read from here)."""

    request_import = models.ForeignKey(RequestImport, on_delete=models.CASCADE, related_name="failures")
    row = models.PositiveIntegerField(help_text="The row's number in the file; the header is row 1.")
    errors = models.JSONField(help_text="[{field, message}]: the column (blank: the row) and what is wrong.")
    cells = models.JSONField(help_text="The row's cells, in the file's column order.")

    class Meta:
        ordering = ["row"]
        constraints = [models.UniqueConstraint(fields=["request_import", "row"], name="one_failure_per_row")]

    def __str__(self) -> str:
        return f"row {self.row}: {self.error}"

    @property
    def error(self) -> str:
        """What is wrong, in one line (the `error` column of errors.csv)."""
        return "; ".join(f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in self.errors)


class RequestComment(models.Model):
    """A message on a request's thread. Internal ones are staff's notes: no member sees them."""

    uuid = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    request = models.ForeignKey(ConnectionRequest, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    # The author's organization when written; null: staff.
    organization = models.ForeignKey(Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    body = models.TextField()
    internal = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "uuid"]
        indexes = [
            models.Index(fields=["request", "created_at", "uuid"], name="comment_thread"),
            # The console's members' comments, newest first.
            models.Index(fields=["-created_at"], condition=Q(organization__isnull=False), name="comment_by_members"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(internal=True) | Q(organization__isnull=True), name="internal_by_staff")
        ]

    def __str__(self) -> str:
        return f"Comment on {self.request_id} at {self.created_at:%Y-%m-%d %H:%M}"
