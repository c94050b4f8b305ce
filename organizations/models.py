import uuid
from collections.abc import Iterable
from datetime import timedelta
from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Func, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower, Trim, Upper
from django.db.models.sql import Query
from django.utils import timezone

from organizations.catalogue import NAMES, PERMISSIONS

NAME_LENGTH = 200
PHONE_LENGTH = 20


class Person(models.Model):
    """A contact: an organization's primary contact, or an account manager."""

    uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    first_name = models.CharField(max_length=NAME_LENGTH)
    last_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    email = models.EmailField(max_length=NAME_LENGTH, blank=True)
    # Unknown phone and job title are null, as the published Contact object shows them.
    phone = models.CharField(max_length=PHONE_LENGTH, null=True, blank=True)  # noqa: DJ001
    job_title = models.CharField(max_length=NAME_LENGTH, null=True, blank=True)  # noqa: DJ001

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class AccountManager(models.Model):
    """One of the platform's account managers; `user` is their staff login."""

    uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="account_manager")
    user = models.OneToOneField(
        "organizations.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="account_manager",
        limit_choices_to={"is_staff": True},
    )

    def __str__(self) -> str:
        return str(self.person)


# Legal forms that do not tell two organizations apart: "Acme, Inc." is "Acme Co".
LEGAL_SUFFIXES = (
    "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "co", "corp", "corporation", "company",
    "gmbh", "ag", "plc", "sa", "bv", "nv", "pty",
)  # fmt: skip


def regexp_replace(text, pattern: str, replacement: str = " "):
    return Func(text, Value(pattern), Value(replacement), Value("g"), function="REGEXP_REPLACE")


def normalized(name) -> Trim:
    """A name as PostgreSQL compares names: lower case, punctuation and legal suffixes gone,
    spaces folded. One expression, used by the stored column and by every look-up against it."""
    text = regexp_replace(Lower(name), r"[[:punct:]]+")
    text = regexp_replace(text, rf"\m({'|'.join(LEGAL_SUFFIXES)})\M")
    return Trim(regexp_replace(text, r"\s+"))


def normalized_names(names: Iterable[str]) -> dict[str, str]:
    """Each name's `normalized` form, as the stored column has it: one query for any number."""
    names = list(set(names))
    if not names:
        return {}
    query = Query(Organization)
    given = RawSQL("given.name", (), output_field=models.CharField())
    sql, params = query.get_compiler(connection=connection).compile(normalized(given).resolve_expression(query))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT given.name, {sql} FROM unnest(%s::text[]) AS given(name)", (*params, names))  # noqa: S608
        return dict(cursor.fetchall())


class Organization(models.Model):
    class Type(models.TextChoices):
        RETAILER = "RETAILER"
        SUPPLIER = "SUPPLIER"

    class Status(models.TextChoices):
        PENDING = "PENDING"
        ACTIVE = "ACTIVE"
        DEACTIVATED = "DEACTIVATED"

    uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=NAME_LENGTH)
    website = models.CharField(max_length=NAME_LENGTH, blank=True)
    org_type = models.CharField(max_length=8, choices=Type.choices)
    status = models.CharField(max_length=11, choices=Status.choices, default=Status.PENDING)
    created_date = models.DateTimeField(auto_now_add=True)
    active_date = models.DateTimeField(null=True, blank=True)
    account_manager = models.ForeignKey(
        AccountManager, on_delete=models.SET_NULL, null=True, blank=True, related_name="organizations"
    )
    primary_contact = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="organizations")
    description = models.TextField(blank=True, help_text="What the organization offers, as shown in discovery.")
    normalized_name = models.GeneratedField(
        expression=normalized("name"),
        output_field=models.CharField(max_length=NAME_LENGTH),
        db_persist=True,
        help_text="The name without case, punctuation or legal suffix: how duplicates are recognized.",
    )
    sandbox_tenant = models.ForeignKey(
        "SandboxTenant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        help_text="In a sandbox: the partner's private tenant this organization belongs to.",
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_duplicates",
        help_text="The organization this duplicate was merged into.",
    )

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["org_type", "status"]),
            models.Index(fields=["org_type", "normalized_name"], name="organization_normalized_name"),
            # Lists ordered by a partner's name walk it (a member's connections by supplier_name).
            models.Index(fields=["name"], name="organization_name"),
            # Trigram similarity (`%`, similarity()) of names: the candidates for a request.
            GinIndex(fields=["name"], opclasses=["gin_trgm_ops"], name="organization_name_trgm"),
            # "Name contains, any case" (Django's icontains is UPPER(name) LIKE UPPER(…)): every name
            # search, in discovery and in connection lists, walks this trigram index.
            GinIndex(OpClass(Upper("name"), name="gin_trgm_ops"), name="organization_name_contains"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(org_type__in=["RETAILER", "SUPPLIER"]), name="organization_type_known"),
            models.CheckConstraint(
                condition=Q(status__in=["PENDING", "ACTIVE", "DEACTIVATED"]), name="organization_status_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_org_type_display().lower()})"

    @property
    def is_retailer(self) -> bool:
        return self.org_type == self.Type.RETAILER

    # Which side an organization is on is decided here, once: the field that names its record
    # on a connection ("retailer", "supplier"), the other side's, and the type it connects with.
    @property
    def side(self) -> str:
        return "retailer" if self.is_retailer else "supplier"

    @property
    def other_side(self) -> str:
        return "supplier" if self.is_retailer else "retailer"

    @property
    def other_type(self) -> str:
        return OTHER_TYPE[self.org_type]

    def with_counterpart(self, counterpart: "Organization") -> tuple["Organization", "Organization"]:
        """(retailer, supplier): this organization and one of the other side, in that order."""
        return (self, counterpart) if self.is_retailer else (counterpart, self)

    @property
    def retailer_uuid(self) -> str:
        """The retailer record's UUID, or "" for a supplier."""
        return str(self.retailer.uuid) if self.is_retailer else ""

    @property
    def supplier_uuid(self) -> str:
        """The supplier record's UUID, or "" for a retailer."""
        return "" if self.is_retailer else str(self.supplier.uuid)


# The type an organization of each type connects with.
OTHER_TYPE = {
    Organization.Type.RETAILER: Organization.Type.SUPPLIER,
    Organization.Type.SUPPLIER: Organization.Type.RETAILER,
}


class SandboxTenant(models.Model):
    """A partner's private corner of the sandbox: its organization and two counterparts that
    only it can discover. Removed after SANDBOX_TENANT_TTL_DAYS without use."""

    uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(max_length=NAME_LENGTH)
    partner = models.OneToOneField("Organization", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"sandbox tenant of {self.email}"

    # How often use is noted: at most once an hour per tenant.
    USE_RESOLUTION = timedelta(hours=1)

    def mark_used(self) -> None:
        now = timezone.now()
        if self.last_used_at < now - self.USE_RESOLUTION:
            SandboxTenant.objects.filter(pk=self.pk, last_used_at__lt=now - self.USE_RESOLUTION).update(
                last_used_at=now
            )
            self.last_used_at = now


class Participation(models.Model):
    """An organization's place in discovery: whether other members can find it. A member asks
    to join (`requested_by`); staff decide (`approved_by`)."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, primary_key=True, related_name="participation"
    )
    is_participating = models.BooleanField(default=False)
    discovery_catalog_uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    date_joined = models.DateField(null=True, blank=True, help_text="When it last became visible in discovery.")
    requested_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    approved_by = models.ForeignKey(AccountManager, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["date_joined"], condition=Q(is_participating=True), name="participating_since")]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_participating=False) | Q(date_joined__isnull=False), name="participant_has_join_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization.name}: {'in' if self.is_participating else 'not in'} discovery"


class Retailer(models.Model):
    """An organization in its retailer role, with a UUID of its own (as connections show it)."""

    uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="retailer")

    def __str__(self) -> str:
        return self.organization.name


class Supplier(models.Model):
    """An organization in its supplier role, with a UUID of its own (as connections show it)."""

    uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="supplier")

    def __str__(self) -> str:
        return self.organization.name


# Each side's record of an organization, by the side's name (`Organization.side`).
ROLE_MODELS = {"retailer": Retailer, "supplier": Supplier}


class User(AbstractUser):
    """A login. Partner users belong to exactly one organization and act for it; staff (the
    platform's account managers) belong to none."""

    class Status(models.TextChoices):
        ACTIVE = "ACTIVE"
        INVITED = "INVITED"
        DEACTIVATED = "DEACTIVATED"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    person = models.OneToOneField(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
        help_text="The person behind a member's user, as the users API shows it.",
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        # Password resets find users by email, in any case.
        indexes = [models.Index(Upper("email"), name="user_email")]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_staff=True) | Q(organization__isnull=False), name="user_staff_or_member"
            )
        ]

    def clean(self) -> None:
        super().clean()
        if not self.is_staff and self.organization_id is None:
            raise ValidationError({"organization": "A user who is not staff must belong to an organization."})

    @cached_property
    def permission_names(self) -> frozenset[str]:
        """The permissions this user holds: read once per request, at the first check (reads,
        which need none, never pay for them)."""
        # Through .all(), so that a list of users prefetches them in one query.
        return frozenset(assignment.name for assignment in self.permission_assignments.all())

    def forget_permissions(self) -> None:
        """After a change of assignments: read them anew, prefetched or not."""
        self.__dict__.pop("permission_names", None)
        getattr(self, "_prefetched_objects_cache", {}).pop("permission_assignments", None)

    @property
    def email_contained(self) -> bool:
        """Email to a sandbox tenant's people never reaches a mail server (core.mail): their
        addresses are whatever a stranger typed."""
        return self.organization is not None and self.organization.sandbox_tenant_id is not None

    def may(self, permission: str) -> bool:
        """Staff act for the platform and may do anything; a member what it was given."""
        return self.is_staff or permission in self.permission_names

    @property
    def status(self) -> str:
        """ACTIVE; INVITED until the invitation is accepted (no password was ever set); or
        DEACTIVATED."""
        if self.is_active:
            return self.Status.ACTIVE
        return self.Status.DEACTIVATED if self.has_usable_password() else self.Status.INVITED


class PermissionAssignment(models.Model):
    """A permission of the catalogue (`organizations.catalogue`) held by a member's user."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="permission_assignments")
    name = models.CharField(max_length=50, choices=[(name, name) for name in NAMES])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="permission_assigned_once"),
            models.CheckConstraint(condition=Q(name__in=NAMES), name="permission_known"),
        ]

    def __str__(self) -> str:
        return f"{self.user} may {self.name}"


class OneTimeToken(models.Model):
    """An invitation or a password reset: the link's token, stored as its SHA-256 digest
    (the token itself is random, so a plain hash is enough)."""

    class Purpose(models.TextChoices):
        INVITATION = "invitation"
        PASSWORD_RESET = "password_reset"  # noqa: S105 (a purpose, not a password)

    digest = models.CharField(max_length=64, primary_key=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="one_time_tokens")
    purpose = models.CharField(max_length=14, choices=Purpose.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["user", "purpose"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} for {self.user}"

    @property
    def has_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class ApiKey(models.Model):
    """A key a machine sends instead of a person's token. It acts through a user of its own (the
    holder of its permissions, and the author of what it changes); the secret is a Knox token
    without expiry, stored hashed."""

    uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=NAME_LENGTH)
    user = models.OneToOneField(User, on_delete=models.PROTECT, related_name="api_key")
    token = models.OneToOneField(
        "knox.AuthToken", on_delete=models.SET_NULL, null=True, blank=True, related_name="api_key"
    )
    prefix = models.CharField(max_length=25, help_text="The key's first characters, to recognize it by.")
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "uuid"]
        indexes = [
            models.Index(
                fields=["organization", "-created_at"], condition=Q(revoked_at__isnull=True), name="live_api_keys"
            )
        ]

    def __str__(self) -> str:
        return f"API key “{self.name}” ({self.prefix}…)"

    @property
    def permissions(self) -> list:
        """The permissions of the catalogue that the key holds."""
        return [permission for permission in PERMISSIONS if permission.name in self.user.permission_names]

    # How often last_used_at is written: at most once a minute per key, not on every request.
    USE_RESOLUTION = timedelta(minutes=1)

    def mark_used(self) -> None:
        now = timezone.now()
        if self.last_used_at is None or self.last_used_at < now - self.USE_RESOLUTION:
            stale = Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - self.USE_RESOLUTION)
            ApiKey.objects.filter(stale, pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
