"""The read queries of connections and requests: which rows a user reads (the visibility
rule and the fixed ordering), and what the read shapes built by PostgreSQL leave to Python."""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

import orjson
from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import (
    Aggregate,
    BooleanField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    Q,
    Value,
    Window,
)
from django.db.models.functions import Lower, RowNumber, TruncDate
from django.utils import timezone

from connections.cron import next_run
from connections.models import Connection, ConnectionRequest, ImportFailure, RequestComment, RequestImport
from core.fields import iso_datetime
from core.json_sql import execute_prepared
from core.masking import mask_url_credentials
from organizations.models import ROLE_MODELS, Organization, Participation, normalized, normalized_names
from organizations.shapes import RetailerSerializer, SupplierSerializer


def connections_for(user):
    return Connection.objects.visible_to(user).order_by("-created_date", "uuid")


def requests_for(user):
    return ConnectionRequest.objects.visible_to(user).order_by("-request_date", "uuid")


def finish_integrations(requests: list[dict]) -> list[dict]:
    """What SQL leaves to Python: passwords in file locations masked (by the one masking rule
    the logs use too), and a stored next run time that has passed since the last refresh
    moved on, from one clock for the whole response."""
    now = timezone.now()
    # Both are written in the API's one timestamp format, so they compare as text.
    now_text = iso_datetime(now)
    for connection_request in requests:
        for integration in connection_request["integrations"]:
            integration["feed_source_file_locations"] = mask_url_credentials(integration["feed_source_file_locations"])
            schedule, stored = integration["update_frequency"], integration["next_run_at"]
            if schedule and (stored is None or stored <= now_text):
                integration["next_run_at"] = iso_datetime(next_run(schedule, int(now.timestamp())))
    return requests


def with_roles(connections: list[dict]) -> list[dict]:
    """Puts each connection's retailer and supplier in place. A page of a partner's connections
    names its own organization on every row, so each one is built once per response."""
    retailers = {row["retailer"] for row in connections}
    suppliers = {row["supplier"] for row in connections}
    if not connections:
        return connections
    pairs = [
        *RetailerSerializer.fetch("= ANY(%s)", ([UUID(pk) for pk in retailers],)),
        *SupplierSerializer.fetch("= ANY(%s)", ([UUID(pk) for pk in suppliers],)),
    ]
    roles = {str(pk): orjson.loads(text) for pk, text in pairs}
    for row in connections:
        row["retailer"], row["supplier"] = roles[row["retailer"]], roles[row["supplier"]]
    return connections


class Discovery:
    """The Supplier (for a retailer) or Retailer records of the ACTIVE members of the other type
    that take part in discovery, filtered and in the order asked for: by name (any case)
    unless told otherwise; with a search, the closest names first (trigram similarity).

    Written as SQL, and run as prepared statements (one per combination of filters and order,
    at most 72): building and compiling this query with the ORM cost each search more than
    PostgreSQL took to answer it. Name conditions are on UPPER(name), which the trigram index
    `organization_name_contains` covers (bench/README.md)."""

    def __init__(
        self,
        *,
        caller: Organization,
        initial_character: str | None = None,
        recent: int | None = None,
        search: str | None = None,
        sort: str | None = None,
        dir: str = "asc",
    ) -> None:
        role_model = ROLE_MODELS[caller.other_side]
        conditions, self.params = ["o.status = 'ACTIVE'", "p.is_participating"], []
        # A sandbox partner finds only its own tenant's organizations; everyone else, none of them.
        if caller.sandbox_tenant_id is None:
            conditions.append("o.sandbox_tenant_id IS NULL")
        else:
            conditions.append("o.sandbox_tenant_id = %s")
            self.params.append(caller.sandbox_tenant_id)
        if initial_character == "#":
            conditions.append("o.name ~ '^[0-9]'")
        elif initial_character:
            conditions.append("UPPER(o.name) LIKE UPPER(%s)")
            self.params.append(f"{like_escaped(initial_character)}%")
        if recent is not None:
            conditions.append("p.date_joined >= %s")
            self.params.append(timezone.localdate() - timedelta(days=recent))
        if search:
            conditions.append("UPPER(o.name) LIKE UPPER(%s)")
            self.params.append(f"%{like_escaped(search)}%")
        self.tables = (
            f"{role_model._meta.db_table} role"
            f" JOIN {Organization._meta.db_table} o ON o.uuid = role.organization_id"
            f" JOIN {Participation._meta.db_table} p ON p.organization_id = o.uuid"
            f" WHERE {' AND '.join(conditions)}"
        )
        direction = "DESC" if dir == "desc" else "ASC"
        if search and sort is None:
            self.order, self.order_params = "similarity(o.name, %s) DESC, LOWER(o.name), role.uuid", [search]
        else:
            key = "p.date_joined" if sort == "date_joined" else "LOWER(o.name)"
            self.order, self.order_params = f"{key} {direction}, role.uuid {direction}", []

    def page_sql(self) -> tuple[str, list]:
        sql = f"SELECT role.uuid FROM {self.tables} ORDER BY {self.order} LIMIT %s OFFSET %s"  # noqa: S608
        return sql, [*self.params, *self.order_params]

    def page(self, start: int, limit: int) -> list[UUID]:
        sql, params = self.page_sql()
        return [pk for (pk,) in execute_prepared(sql, (*params, limit, start))]

    def count(self) -> int:
        sql = f"SELECT COUNT(*) FROM {self.tables}"  # noqa: S608
        return execute_prepared(sql, tuple(self.params))[0][0]

    def explain(self, start: int = 0, limit: int = 50) -> str:
        sql, params = self.page_sql()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}", (*params, limit, start))
            return "\n".join(line for (line,) in cursor.fetchall())


def like_escaped(text: str) -> str:
    """`text` to be matched literally inside a LIKE pattern."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# The caller's connection with each found member, and its pending request naming it, computed
# in the shapes' own prepared statement: the whole page is one query.
CALLER_LINKS = """,
    (SELECT c.status FROM {connections} c WHERE c.{side}_id = %s AND c.{other}_id = shaped.pk),
    (SELECT r.uuid::text FROM {requests} r
        WHERE r.organization_id = %s AND r.status = 'pending' AND r.counterpart_id = shaped.organization_id)"""


def discovered(caller: Organization, serializer, page: list) -> list[dict]:
    """The found members of `page`, in its order, shaped, with `connection_status` and
    `pending_request_uuid` for the caller."""
    side, other = caller.side, caller.other_side
    links = CALLER_LINKS.format(
        connections=Connection._meta.db_table, requests=ConnectionRequest._meta.db_table, side=side, other=other
    )
    found = {
        str(pk): (text, status, pending)
        for pk, text, _organization, status, pending in serializer.fetch(
            "= ANY(%s)", (page,), "organization_id", also=links, also_params=(getattr(caller, side).pk, caller.pk)
        )
    }
    rows = []
    for pk in page:
        text, status, pending = found[str(pk)]
        rows.append({**orjson.loads(text), "connection_status": status, "pending_request_uuid": pending})
    return rows


def nameable_roles(caller: Organization):
    """The Supplier (for a retailer) or Retailer records the caller may name in a request:
    ACTIVE, of its sandbox tenant (or none), and in discovery or already connected to it."""
    role_model, side = ROLE_MODELS[caller.other_side], caller.side
    connected = Connection.objects.filter(
        **{f"{side}__organization": caller, role_model.__name__.lower(): OuterRef("pk")}
    )
    return (
        role_model.objects.select_related("organization__primary_contact")
        .filter(organization__status=Organization.Status.ACTIVE, organization__sandbox_tenant=caller.sandbox_tenant_id)
        .filter(Q(organization__participation__is_participating=True) | Exists(connected))
    )


def nameable_counterpart(caller: Organization, role_uuid: UUID) -> Organization | None:
    """The organization whose role record has this UUID, if the caller may name it
    (`nameable_roles`); anything else is None, so that nothing tells one case from another."""
    role = nameable_roles(caller).filter(pk=role_uuid).first()
    return None if role is None else role.organization


def nameable_by_name(caller: Organization, names: Sequence[str]) -> dict[str, list[UUID]]:
    """For each of `names`, the role records the caller may name whose organization's
    normalized name is that name's (`organizations.models.normalized`): two queries."""
    keys = normalized_names(names)
    found: dict[str, list[UUID]] = {}
    roles = nameable_roles(caller).filter(organization__normalized_name__in=set(keys.values()))
    for pk, key in roles.values_list("pk", "organization__normalized_name").order_by("pk"):
        found.setdefault(key, []).append(pk)
    return {name: found.get(key, []) for name, key in keys.items()}


def linked(caller: Organization, counterparts: set, names: set[str]) -> tuple[set, set[str]]:
    """Of these counterparts (organization uuids) and names (lower case), those the caller
    has a pending request to, or (counterparts) a connection with that is not deactivated."""
    pending = (
        ConnectionRequest.objects.filter(organization=caller, status=ConnectionRequest.Status.PENDING)
        .annotate(lower_name=Lower("org_name"))
        .filter(Q(counterpart__in=counterparts) | Q(lower_name__in=names))
    )
    side, other = caller.side, caller.other_side
    connected = Connection.objects.filter(
        **{f"{side}__organization": caller, f"{other}__organization__in": counterparts}
    ).exclude(status=Connection.Status.DEACTIVATED)
    taken, taken_names = set(), set()
    for counterpart, name in pending.values_list("counterpart", "lower_name"):
        taken.add(counterpart)
        taken_names.add(name)
    taken.update(connected.values_list(f"{other}__organization", flat=True))
    taken.discard(None)
    return taken, taken_names


def organizations_that_could_be(connection_request: ConnectionRequest):
    """Organizations of the type a request asks for, that are not duplicates merged away."""
    return Organization.objects.filter(
        org_type=connection_request.organization.other_type, merged_into__isnull=True
    ).annotate(similarity=TrigramSimilarity("name", connection_request.org_name))


def candidate_row(organization: Organization, reasons: list[str] | None = None) -> dict:
    row = {
        "uuid": str(organization.uuid),
        "name": organization.name,
        "org_type": organization.org_type,
        "status": organization.status,
        "similarity": round(organization.similarity, 3),
    }
    return row if reasons is None else {**row, "reasons": reasons}


def same_name(connection_request: ConnectionRequest) -> list[dict]:
    """Organizations whose normalized name is the request's (case, spacing, punctuation and
    legal suffixes aside), on the normalized-name index."""
    matches = organizations_that_could_be(connection_request).filter(
        normalized_name=normalized(Value(connection_request.org_name))
    )
    return [candidate_row(organization) for organization in matches.order_by("name", "uuid")]


CANDIDATES = 10
# Below this trigram similarity a name alone is no evidence.
SIMILAR = 0.3


def candidates(connection_request: ConnectionRequest) -> list[dict]:
    """Up to CANDIDATES organizations the request may mean, best first: the same normalized
    name, then a similar one (PostgreSQL trigram similarity, on the trigram index), with the
    domain of the request's contact email as further evidence (the website's or the contact's)."""
    domain = connection_request.contact_email.rpartition("@")[2].lower()
    same = Q(normalized_name=normalized(Value(connection_request.org_name)))
    domain_matches = (
        Q(website__icontains=domain) | Q(primary_contact__email__iendswith=f"@{domain}") if domain else Q(pk=None)
    )
    found = (
        organizations_that_could_be(connection_request)
        .select_related("primary_contact")
        .filter(same | Q(name__trigram_similar=connection_request.org_name) | domain_matches)
        .annotate(
            same_name=ExpressionWrapper(same, output_field=BooleanField()),
            same_domain=ExpressionWrapper(domain_matches, output_field=BooleanField()),
        )
        .order_by("-same_name", "-same_domain", "-similarity", "name")[:CANDIDATES]
    )
    return [candidate_row(organization, reasons_for(organization, domain)) for organization in found]


def reasons_for(organization: Organization, domain: str) -> list[str]:
    reasons = []
    if organization.same_name:
        reasons.append("same name (ignoring case, punctuation and legal suffixes)")
    elif organization.similarity >= SIMILAR:
        reasons.append(f"similar name ({organization.similarity:.2f})")
    if organization.same_domain:
        reasons.append(f"the contact's email domain ({domain}) is its website's or its contact's")
    return reasons


def imports_for(user):
    """The imports a user may see: its organization's; staff see all. Newest first."""
    if not user.is_authenticated:
        return RequestImport.objects.none()
    found = (
        RequestImport.objects.all()
        if user.is_staff
        else RequestImport.objects.filter(organization=user.organization_id)
    )
    return found.order_by("-created_at", "uuid")


MAX_ERRORS_SHOWN = 100


def with_errors(imports: list[RequestImport]) -> list[RequestImport]:
    """Gives each import its `first_errors` (the first MAX_ERRORS_SHOWN, by row): one query
    for any number of imports."""
    failures = (
        ImportFailure.objects.filter(request_import__in=imports)
        .annotate(place=Window(RowNumber(), partition_by="request_import", order_by=["row"]))
        .filter(place__lte=MAX_ERRORS_SHOWN)
        .order_by("request_import", "row")
    )
    errors: dict = {}
    for failure in failures:
        errors.setdefault(failure.request_import_id, []).extend(
            {"row": failure.row, **error} for error in failure.errors
        )
    for request_import in imports:
        request_import.first_errors = errors.get(request_import.pk, [])[:MAX_ERRORS_SHOWN]
    return imports


def comments_for(connection_request: ConnectionRequest, user):
    """A request's thread, oldest first, with its authors: staff read the internal notes too."""
    comments = connection_request.comments.select_related("author", "organization").order_by("created_at", "uuid")
    return comments if user.is_staff else comments.filter(internal=False)


# The console's dashboard: one query per figure, on an index each, whatever the data size.
DASHBOARD_DAYS = 30
DASHBOARD_ROWS = 10


class Median(Aggregate):
    """PostgreSQL's ordered-set median of an expression."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"


def pending_requests(now: datetime) -> dict:
    """How many requests wait for a decision, and since when the oldest has."""
    return ConnectionRequest.objects.filter(status=ConnectionRequest.Status.PENDING).aggregate(
        count=Count("pk"), oldest=Min("request_date")
    )


def requests_per_day(now: datetime) -> list[tuple[date, int]]:
    """New requests on each of the last DASHBOARD_DAYS days (UTC), today last."""
    first_day = now.astimezone(UTC).date() - timedelta(days=DASHBOARD_DAYS - 1)
    counted = dict(
        ConnectionRequest.objects.filter(
            request_date__gte=datetime.combine(first_day, time(), tzinfo=UTC), request_date__lte=now
        )
        .annotate(day=TruncDate("request_date", tzinfo=UTC))
        .values("day")
        .annotate(count=Count("pk"))
        .values_list("day", "count")
        .order_by()
    )
    days = [first_day + timedelta(days=n) for n in range(DASHBOARD_DAYS)]
    return [(day, counted.get(day, 0)) for day in days]


def decision_time(now: datetime) -> dict:
    """The median time from request to decision of the requests decided in the last
    DASHBOARD_DAYS days, and how many those are."""
    return ConnectionRequest.objects.filter(decided_at__range=(now - timedelta(days=DASHBOARD_DAYS), now)).aggregate(
        decided=Count("pk"),
        median=Median(F("decided_at") - F("request_date"), output_field=DurationField()),
    )


def running_imports(now: datetime) -> list[dict]:
    """The imports queued or running, oldest first."""
    unfinished = [RequestImport.Status.QUEUED, RequestImport.Status.RUNNING]
    return list(
        RequestImport.objects.filter(status__in=unfinished)
        .order_by("created_at", "uuid")
        .values("pk", "file_name", "dry_run", "organization__name", "processed_rows", "total_rows")[:DASHBOARD_ROWS]
    )


def comments_awaiting_answer(now: datetime) -> list[dict]:
    """The newest threads whose last comment that members read is a member's: staff owe them
    an answer (an internal note is none)."""
    answered_later = RequestComment.objects.filter(
        request=OuterRef("request"), internal=False, created_at__gt=OuterRef("created_at")
    )
    return list(
        RequestComment.objects.filter(organization__isnull=False)
        .exclude(Exists(answered_later))
        .order_by("-created_at", "uuid")
        .values("request_id", "request__org_name", "organization__name", "created_at", "body")[:DASHBOARD_ROWS]
    )
