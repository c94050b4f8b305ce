"""Every state change of connection requests and connections: one function each, in one
transaction, recorded in the request's history. The API and the admin both call these."""

from collections.abc import Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from connections import selectors
from connections.models import (
    Connection,
    ConnectionRequest,
    Integration,
    RequestComment,
    RequestFile,
    RequestStatusChange,
)
from connections.shapes import CommentSerializer, ConnectionRequestSerializer, ConnectionSerializer
from core.exceptions import InvalidInput, InvalidState, PreconditionFailed
from core.json_sql import insert_new
from core.policy import authorize
from events.services import publish
from feeds.services import open_feeds, pause_all
from files.models import UploadedFile
from files.services import lock_files, share_files, unshare_files
from files.shapes import FileSerializer
from organizations.models import Organization, Participation, User
from organizations.services import (
    account_manager_for,
    activate_organization,
    create_organization,
    invite_contact,
    split_full_name,
)

INTEGRATION_FIELDS = ("integration_type", "update_frequency", "file_locations", "file_specs", "rules")
REQUEST_FIELDS = (
    "org_name",
    "contact_name",
    "contact_phone",
    "contact_email",
    "account_number",
    "additional_information",
)


def record(connection_request: ConnectionRequest, by: User | None, reason: str = "") -> None:
    RequestStatusChange.objects.create(
        request=connection_request, status=connection_request.status, by=by, reason=reason
    )


def announce_request(event_type: str, connection_request: ConnectionRequest, *, for_staff: bool = False) -> None:
    """The request's event, for the organizations that see it: the requester, and the
    counterpart once approved."""
    audience = [connection_request.organization_id]
    if connection_request.status == ConnectionRequest.Status.APPROVED:
        audience.append(connection_request.counterpart_id)
    publish(
        f"connection_requests/{event_type}",
        audience=audience,
        shape=ConnectionRequestSerializer,
        pk=connection_request.pk,
        for_staff=for_staff,
    )


def announce_connection(event_type: str, connection: Connection) -> None:
    """The connection's event, for both sides."""
    audience = [connection.retailer.organization_id, connection.supplier.organization_id]
    publish(f"connections/{event_type}", audience=audience, shape=ConnectionSerializer, pk=connection.pk)


def ensure_changeable(connection_request: ConnectionRequest, *, expected_version: str | None = None) -> None:
    """A request changes only while pending, and only from the version the caller read
    (`expected_version`, its etag; None: whichever it is now)."""
    if expected_version is not None and expected_version != connection_request.etag:
        raise PreconditionFailed()
    if connection_request.status != ConnectionRequest.Status.PENDING:
        raise InvalidState(f"This request is {connection_request.status}; only a pending request can change.")


def lock_pending(connection_request: ConnectionRequest, *, expected_version: str | None = None) -> ConnectionRequest:
    """The request's row, locked for this transaction, once it is known it can still change."""
    locked = ConnectionRequest.objects.select_for_update().get(pk=connection_request.pk)
    ensure_changeable(locked, expected_version=expected_version)
    return locked


ONE_PENDING_REQUEST = {"one_pending_request_per_pair", "one_pending_request_per_counterpart"}


class AlreadyLinked(InvalidState):
    """The counterpart has a pending request from this organization, or a connection with it:
    a new request is refused (and an import's row skipped)."""


@contextmanager
def one_pending_request(requests: Sequence[ConnectionRequest]):
    """Around the saving of pending requests: a second pending request from one organization
    to the same name or the same named counterpart (the database's constraints) is a 422. The
    error ends the caller's transaction (its atomic block rolls back), so no savepoint is needed."""
    try:
        yield
    except IntegrityError as error:
        if getattr(getattr(error.__cause__, "diag", None), "constraint_name", None) not in ONE_PENDING_REQUEST:
            raise
        names = ", ".join(f'"{connection_request.org_name}"' for connection_request in requests)
        raise AlreadyLinked(f"A pending request from your organization to {names} already exists.") from None


def ensure_not_connected(organization: Organization, counterparts: Sequence[Organization]) -> None:
    """Organizations already connected (waiting or active) need no request: a 422 naming it."""
    if not counterparts:
        return
    side, other = organization.side, organization.other_side
    live = (
        Connection.objects.filter(**{f"{side}__organization": organization, f"{other}__organization__in": counterparts})
        .exclude(status=Connection.Status.DEACTIVATED)
        .first()
    )
    if live is not None:
        raise AlreadyLinked(
            f"{live.retailer_name} and {live.supplier_name} are already connected: connection {live.uuid} "
            f"({live.status})."
        )


def build_integrations(connection_request: ConnectionRequest, items: Sequence[dict], first_position: int) -> list:
    now = timezone.now()
    integrations = [
        Integration(request=connection_request, position=first_position + index, **item)
        for index, item in enumerate(items)
    ]
    for integration in integrations:
        integration.schedule(now)
    return integrations


def attach_files(connection_request: ConnectionRequest, files: Sequence[UploadedFile]) -> None:
    """Attaches files that still exist: their rows are locked until the transaction ends, so
    a deletion racing with this either finished first (the file is missing: 400) or waits."""
    if not files:
        return
    locked = {f.pk for f in lock_files(files)}
    missing = [str(f.pk) for f in files if f.pk not in locked]
    if missing:
        raise InvalidInput(f"No file of your organization has the UUID(s): {', '.join(missing)}.", field="files")
    RequestFile.objects.bulk_create(RequestFile(request=connection_request, uploaded_file=f) for f in files)


def create_request(*, organization: Organization, user: User, **fields) -> ConnectionRequest:
    """A pending request from `organization` (`create_requests` for one)."""
    return create_requests(organization=organization, user=user, requests=[fields])[0]


@transaction.atomic
def create_requests(*, organization: Organization, user: User, requests: Sequence[dict]) -> list[ConnectionRequest]:
    """Pending requests from `organization`, in a fixed number of statements however many. Each
    dict holds REQUEST_FIELDS (`org_name` and `contact_name` required), its `integrations`
    (dicts of Integration fields), `uploaded_files`, and its `counterpart` when the requester
    named it (found in discovery). All are made, or none."""
    authorize(user, "create", ConnectionRequest)
    ensure_not_connected(organization, [fields["counterpart"] for fields in requests if fields.get("counterpart")])
    made = [
        ConnectionRequest(
            organization=organization,
            requested_by=user,
            counterpart=fields.get("counterpart"),
            **{name: fields.get(name, "") for name in REQUEST_FIELDS},
        )
        for fields in requests
    ]
    integrations = [
        integration
        for connection_request, fields in zip(made, requests, strict=True)
        for integration in build_integrations(connection_request, fields.get("integrations", ()), 0)
    ]
    history = [
        RequestStatusChange(request=connection_request, status=connection_request.status, by=user)
        for connection_request in made
    ]
    with one_pending_request(made):
        insert_new(made, integrations, history)
    for connection_request, fields in zip(made, requests, strict=True):
        attach_files(connection_request, fields.get("uploaded_files", ()))
    # Each request's event (`announce_request`'s: a pending request's is the requester's), in one
    # statement; one request's names its row alone, the statement PostgreSQL plans best for it.
    pks = [connection_request.pk for connection_request in made]
    publish(
        "connection_requests/created",
        audience=[organization.pk],
        shape=ConnectionRequestSerializer,
        pk=pks if len(pks) > 1 else pks[0],
        for_staff=True,
    )
    return made


COMMENTED = "connection_requests/commented"


@transaction.atomic
def comment_on(
    *, connection_request: ConnectionRequest, user: User, body: str, internal: bool = False
) -> RequestComment:
    """A comment on the request's thread, and its event for the other parties: the requester,
    the counterpart once approved, but not the author's own organization; and staff. An internal
    note is staff's alone: members never see it or hear of it."""
    authorize(user, "comment", connection_request)
    if internal and not user.is_staff:
        raise InvalidInput("Only staff write internal notes.", field="internal")
    comment = RequestComment.objects.create(
        request=connection_request, author=user, organization_id=user.organization_id, body=body, internal=internal
    )
    parties = {connection_request.organization_id}
    if connection_request.status == ConnectionRequest.Status.APPROVED:
        parties.add(connection_request.counterpart_id)
    audience = [] if internal else sorted(parties - {user.organization_id}, key=str)
    data = {"request_uuid": str(connection_request.pk), "comment": CommentSerializer(comment).data}
    publish(COMMENTED, audience=audience, data=data, for_staff=True)
    return comment


@transaction.atomic
def update_request(
    *,
    connection_request: ConnectionRequest,
    user: User,
    expected_version: str | None = None,
    integrations: Sequence[dict] = (),
    uploaded_files: Sequence[UploadedFile] | None = None,
    **fields,
) -> ConnectionRequest:
    """Changes the given REQUEST_FIELDS. Integrations with a `uuid` are updated (fields left
    out stay), others added; `uploaded_files`, when given, replaces the set."""
    if unknown := set(fields) - set(REQUEST_FIELDS):
        raise TypeError(f"update_request() cannot change {', '.join(sorted(unknown))}")
    authorize(user, "update", connection_request)
    locked = lock_pending(connection_request, expected_version=expected_version)
    for name, value in fields.items():
        setattr(locked, name, value)
    new_items = [item for item in integrations if "uuid" not in item]
    existing = {integration.uuid: integration for integration in locked.integrations.all()}
    if len(existing) + len(new_items) > settings.MAX_INTEGRATIONS_PER_REQUEST:
        raise InvalidInput(
            f"A request has at most {settings.MAX_INTEGRATIONS_PER_REQUEST} integrations.", field="integrations"
        )
    changed = []
    now = timezone.now()
    for item in integrations:
        if "uuid" in item:
            integration = existing[item["uuid"]]
            for field in INTEGRATION_FIELDS:
                if field in item:
                    setattr(integration, field, item[field])
            integration.schedule(now)
            changed.append(integration)
    if changed:
        Integration.objects.bulk_update(changed, [*INTEGRATION_FIELDS, "next_run_at"])
    Integration.objects.bulk_create(build_integrations(locked, new_items, len(existing)))
    if uploaded_files is not None:
        RequestFile.objects.filter(request=locked).delete()
        attach_files(locked, uploaded_files)
    locked.version += 1
    with one_pending_request([locked]):
        locked.save()
    announce_request("updated", locked)
    return locked


@transaction.atomic
def cancel_request(*, connection_request: ConnectionRequest, user: User) -> ConnectionRequest:
    authorize(user, "cancel", connection_request)
    locked = lock_pending(connection_request)
    locked.status = ConnectionRequest.Status.CANCELLED
    locked.version += 1
    locked.save(update_fields=["status", "version"])
    record(locked, user)
    announce_request("cancelled", locked)
    return locked


@transaction.atomic
def deny_request(*, connection_request: ConnectionRequest, user: User, reason: str) -> ConnectionRequest:
    authorize(user, "deny", connection_request)
    locked = lock_pending(connection_request)
    locked.status = ConnectionRequest.Status.DENIED
    locked.decided_by = account_manager_for(user)
    locked.decided_at = timezone.now()
    locked.decision_reason = reason
    locked.version += 1
    locked.save()
    record(locked, user, reason)
    announce_request("denied", locked)
    return locked


def counterpart_for(
    connection_request: ConnectionRequest,
    organization: Organization | None,
    manager,
    *,
    create_organization: bool = False,
) -> Organization:
    """The organization on the other side: the one the request names, or the one staff
    named, or (when neither) a new PENDING one made from the request's name and contact, unless
    organizations of that name exist already: then staff must choose (422 with the candidates)
    or say `create_organization`."""
    requester = connection_request.organization
    other_type = requester.other_type
    named = connection_request.counterpart
    if named is not None and organization is not None and organization.pk != named.pk:
        raise InvalidInput(
            f"This request names {named.name} ({named.uuid}); approve it without another.", field="counterpart"
        )
    organization = named or organization
    if organization is None:
        matches = selectors.same_name(connection_request) if not create_organization else []
        if matches:
            raise InvalidState(
                f'Organizations named like "{connection_request.org_name}" exist already: approve naming one of '
                "them, or create a new organization all the same.",
                extra={"candidates": matches},
            )
        return create_organization_from(connection_request, other_type, manager)
    if organization.org_type != other_type:
        raise InvalidInput(
            f"{organization.name} is a {organization.org_type}; the requester needs a {other_type}.",
            field="counterpart",
        )
    if organization.status == Organization.Status.DEACTIVATED:
        raise InvalidInput(f"{organization.name} is deactivated.", field="counterpart")
    return organization


def create_organization_from(connection_request: ConnectionRequest, org_type: str, manager) -> Organization:
    """A new PENDING organization from the request's name and contact, who is invited."""
    organization = create_organization(
        name=connection_request.org_name,
        org_type=org_type,
        status=Organization.Status.PENDING,
        account_manager=manager,
        sandbox_tenant_id=connection_request.organization.sandbox_tenant_id,
        contact={
            **split_full_name(connection_request.contact_name),
            "email": connection_request.contact_email,
            "phone": connection_request.contact_phone or None,
        },
    )
    invite_contact(organization=organization)
    return organization


@transaction.atomic
def approve_request(
    *,
    connection_request: ConnectionRequest,
    user: User,
    organization: Organization | None = None,
    create_organization: bool = False,
) -> Connection:
    """Turns a pending request into a connection waiting for the counterpart's confirmation:
    integrations, files and the account number carry over. A deactivated connection between
    the same two organizations is revived rather than duplicated."""
    authorize(user, "approve", connection_request)
    locked = lock_pending(connection_request)
    manager = account_manager_for(user)
    requester = locked.organization
    counterpart = counterpart_for(locked, organization, manager, create_organization=create_organization)
    retailer, supplier = requester.with_counterpart(counterpart)
    account_number = locked.account_number or None
    number_field = "suppliers_retailer_account_number" if requester.is_retailer else "retailers_supplier_account_number"
    connection = (
        Connection.objects.select_for_update().filter(retailer=retailer.retailer, supplier=supplier.supplier).first()
    )
    if connection is not None and connection.status != Connection.Status.DEACTIVATED:
        raise InvalidState(f"{retailer.name} and {supplier.name} are already connected (connection {connection.uuid}).")
    if connection is None:
        connection = Connection(retailer=retailer.retailer, supplier=supplier.supplier)
    connection.status = Connection.Status.CONFIRMATION_WAITING
    connection.requested_by = requester.org_type
    connection.account_manager = manager
    connection.deactivated_date = None
    if account_number:
        setattr(connection, number_field, account_number)
    try:
        with transaction.atomic():
            connection.save()
    except IntegrityError:
        raise InvalidState(f"{retailer.name} and {supplier.name} are already connected.") from None
    locked.integrations.update(connection=connection)
    open_feeds(connection)
    files = list(UploadedFile.objects.filter(request_attachments__request=locked))
    connection.uploaded_files.add(*files)
    share_files(files=files, organization=counterpart)
    locked.status = ConnectionRequest.Status.APPROVED
    locked.decided_by = manager
    locked.decided_at = timezone.now()
    locked.counterpart = counterpart
    locked.connection = connection
    locked.version += 1
    locked.save()
    record(locked, user)
    announce_request("approved", locked)
    announce_connection("created", connection)
    for shared in files:
        publish("files/shared", audience=[counterpart.pk], shape=FileSerializer, pk=shared.pk)
    return connection


def lock_connection(connection: Connection) -> Connection:
    return Connection.objects.select_for_update().select_related("retailer", "supplier").get(pk=connection.pk)


@transaction.atomic
def confirm_connection(*, connection: Connection, user: User) -> Connection:
    """The side that did not ask (or staff) confirms; a PENDING counterpart becomes ACTIVE."""
    locked = lock_connection(connection)
    authorize(user, "confirm", locked)
    if locked.status != Connection.Status.CONFIRMATION_WAITING:
        raise InvalidState(f"This connection is {locked.status}; only one waiting for confirmation can be confirmed.")
    locked.status = Connection.Status.ACTIVE
    locked.confirmed_date = timezone.now()
    locked.save(update_fields=["status", "confirmed_date"])
    for role in (locked.retailer, locked.supplier):
        if role.organization.status == Organization.Status.PENDING:
            activate_organization(organization=role.organization)
    announce_connection("confirmed", locked)
    return locked


@transaction.atomic
def deactivate_connection(*, connection: Connection, user: User) -> Connection:
    locked = lock_connection(connection)
    authorize(user, "deactivate", locked)
    if locked.status == Connection.Status.DEACTIVATED:
        raise InvalidState("This connection is already deactivated.")
    locked.status = Connection.Status.DEACTIVATED
    locked.deactivated_date = timezone.now()
    locked.save(update_fields=["status", "deactivated_date"])
    pause_all(locked)
    revoke_shared_files(locked)
    announce_connection("deactivated", locked)
    return locked


def revoke_shared_files(connection: Connection) -> None:
    """A deactivated connection no longer lets either side read the other's files, except
    those another live connection of that side still shares."""
    for organization_id in (connection.retailer.organization_id, connection.supplier.organization_id):
        live = Connection.objects.exclude(status=Connection.Status.DEACTIVATED).filter(
            Q(retailer__organization_id=organization_id) | Q(supplier__organization_id=organization_id)
        )
        still_shared = UploadedFile.objects.filter(connections__in=live)
        unshare_files(files=connection.uploaded_files.exclude(pk__in=still_shared), organization_id=organization_id)


# Each side keeps the number of its own system.
ACCOUNT_NUMBER_OWNER = {
    "retailers_supplier_account_number": Organization.Type.RETAILER,
    "suppliers_retailer_account_number": Organization.Type.SUPPLIER,
}


@transaction.atomic
def update_account_numbers(*, connection: Connection, user: User, **numbers: str | None) -> Connection:
    locked = lock_connection(connection)
    authorize(user, "update", locked)
    side = None if user.is_staff else locked.side_of(user.organization_id)
    errors = {
        field: [f"This is the {owner.lower()}'s number; only the {owner.lower()} (or staff) can set it."]
        for field, owner in ACCOUNT_NUMBER_OWNER.items()
        if field in numbers and side not in (None, owner)
    }
    if errors:
        raise ValidationError(errors)
    for field, value in numbers.items():
        setattr(locked, field, value)
    locked.save(update_fields=list(numbers))
    announce_connection("account_numbers_changed", locked)
    return locked


def expire_requests(*, now: datetime | None = None, batch_size: int = 500) -> int:
    """Pending requests older than REQUEST_EXPIRY_DAYS become expired, each with its event.
    Batches lock with SKIP LOCKED, so that a request being changed right now waits for the
    next run; returns how many expired."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.REQUEST_EXPIRY_DAYS)
    expired = 0
    while True:
        with transaction.atomic():
            batch = list(
                ConnectionRequest.objects.select_for_update(skip_locked=True)
                .filter(status=ConnectionRequest.Status.PENDING, request_date__lt=cutoff)
                .order_by("request_date")[:batch_size]
            )
            for connection_request in batch:
                connection_request.status = ConnectionRequest.Status.EXPIRED
                connection_request.decided_at = now or timezone.now()
                connection_request.decision_reason = f"Pending for more than {settings.REQUEST_EXPIRY_DAYS} days."
                connection_request.version += 1
                connection_request.save(update_fields=["status", "decided_at", "decision_reason", "version"])
                record(connection_request, None, connection_request.decision_reason)
                announce_request("expired", connection_request)
        expired += len(batch)
        if len(batch) < batch_size:
            return expired


def refresh_schedules(*, now: datetime | None = None, batch_size: int = 1000) -> int:
    """Moves every passed `next_run_at` on to the schedule's next time; returns how many moved.
    Run periodically, so that reads seldom find a passed time to compute."""
    now = now or timezone.now()
    moved = 0
    while batch := list(Integration.objects.filter(next_run_at__lte=now).only("pk", "update_frequency")[:batch_size]):
        for integration in batch:
            integration.schedule(now)
        Integration.objects.bulk_update(batch, ["next_run_at"])
        moved += len(batch)
    return moved


@transaction.atomic
def merge_organizations(*, keep: Organization, duplicate: Organization) -> dict[str, int]:
    """Moves everything of `duplicate` into `keep`, in one transaction: its users, the requests
    it made and those naming it, its connections, its files (and what was shared with it) and
    its discovery participation; then marks it DEACTIVATED, `merged_into` keep. Refuses (and
    changes nothing) when both are connected to the same counterpart, or have pending
    requests to the same one. Returns how many of each were moved."""
    first, second = sorted([keep, duplicate], key=lambda organization: str(organization.pk))
    locked = {o.pk: o for o in Organization.objects.select_for_update().filter(pk__in=[first.pk, second.pk])}
    keep, duplicate = locked[keep.pk], locked.get(duplicate.pk)
    if duplicate is None or duplicate.pk == keep.pk:
        raise ValidationError({"duplicate": ["Name two different organizations."]})
    if keep.org_type != duplicate.org_type:
        raise InvalidState(f"{keep.name} is a {keep.org_type} and {duplicate.name} a {duplicate.org_type}.")
    for organization in (keep, duplicate):
        if organization.merged_into_id is not None:
            raise InvalidState(f"{organization.name} was merged into another organization already.")
    side, other = keep.side, keep.other_side
    kept_role, duplicate_role = getattr(keep, side), getattr(duplicate, side)
    moved_connections = Connection.objects.filter(**{side: duplicate_role})
    both = Connection.objects.filter(**{side: kept_role, f"{other}__in": moved_connections.values(other)})
    if both.exists():
        names = ", ".join(sorted({str(getattr(connection, other)) for connection in both.select_related(other)}))
        raise InvalidState(f"Both are connected to {names}: one connection per pair. Nothing was changed.")
    moved = {
        "users": User.objects.filter(organization=duplicate).update(organization=keep),
        "connections": moved_connections.update(**{side: kept_role}),
        "files": UploadedFile.objects.filter(organization=duplicate).update(organization=keep),
    }
    try:
        with transaction.atomic():
            moved["requests"] = ConnectionRequest.objects.filter(organization=duplicate).update(organization=keep)
            moved["requests_naming_it"] = ConnectionRequest.objects.filter(counterpart=duplicate).update(
                counterpart=keep
            )
    except IntegrityError:
        raise InvalidState(
            "Both have pending requests to the same organization (or from the same one): cancel or decide one "
            "first. Nothing was changed."
        ) from None
    moved["shared_files"] = move_shares(duplicate, keep)
    moved["participation"] = move_participation(duplicate, keep)
    duplicate.status = Organization.Status.DEACTIVATED
    duplicate.merged_into = keep
    duplicate.save(update_fields=["status", "merged_into"])
    return moved


def move_shares(duplicate: Organization, keep: Organization) -> int:
    shares = UploadedFile.shared_with.through.objects.filter(organization=duplicate)
    files = list(shares.values_list("uploadedfile_id", flat=True))
    share_files(files=UploadedFile.objects.filter(pk__in=files).exclude(organization=keep), organization=keep)
    shares.delete()
    return len(files)


def move_participation(duplicate: Organization, keep: Organization) -> int:
    """The duplicate's place in discovery goes to the kept organization, unless it has one."""
    theirs = Participation.objects.filter(organization=duplicate).first()
    if theirs is None or Participation.objects.filter(organization=keep, is_participating=True).exists():
        return 0
    Participation.objects.update_or_create(
        organization=keep,
        defaults={
            field: getattr(theirs, field)
            for field in ("is_participating", "date_joined", "requested_by", "approved_by", "discovery_catalog_uuid")
        },
    )
    theirs.delete()
    return 1
