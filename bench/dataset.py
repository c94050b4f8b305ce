"""A realistic data set, built with bulk inserts: 2,000 organizations (half retailers, half
suppliers) with contacts and account managers, connections added in stages up to 20,000,
and 20,000 connection requests with 3 integrations each.

The benchmark's own retailer ("bench-retailer") has 100 connections from the first stage on,
so its first page of 50 is full whatever the size of the table around it."""

import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from knox.models import AuthToken

from connections.models import Connection, ConnectionRequest, Integration, RequestStatusChange
from organizations import services
from organizations.models import AccountManager, Organization, Participation, Person, Retailer, Supplier, User

ORGANIZATIONS_PER_SIDE = 1000
ACCOUNT_MANAGERS = 20
BENCH_CONNECTIONS = 100
REQUESTS = 20_000
BATCH = 5000
SCHEDULES = ["30 6,12 * * *", "33 * * * *", "* 30 12 * * 2"]
# The members whose request lists carry many schedules: requests of integrations each.
COSTLY_REQUESTS = 100
COSTLY_INTEGRATIONS = 50


def person(n: int, role: str) -> Person:
    return Person(
        first_name=f"{role}{n}",
        last_name="Contact",
        email=f"{role}{n}@example.com",
        phone="801-555-0100",
        job_title="Integration Lead",
    )


@transaction.atomic
def create_organizations() -> dict:
    """Organizations, their records and the benchmark's users; returns what later stages need."""
    managers_people = Person.objects.bulk_create(person(n, "manager") for n in range(ACCOUNT_MANAGERS))
    managers = AccountManager.objects.bulk_create(AccountManager(person=p) for p in managers_people)
    contacts = Person.objects.bulk_create(person(n, "owner") for n in range(2 * ORGANIZATIONS_PER_SIDE))
    now = timezone.now()
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"{'Retailer' if n < ORGANIZATIONS_PER_SIDE else 'Supplier'} {n:04d}",
            website=f"org{n}.example",
            org_type=Organization.Type.RETAILER if n < ORGANIZATIONS_PER_SIDE else Organization.Type.SUPPLIER,
            status=Organization.Status.ACTIVE,
            active_date=now,
            account_manager=managers[n % ACCOUNT_MANAGERS],
            primary_contact=contacts[n],
        )
        for n in range(2 * ORGANIZATIONS_PER_SIDE)
    )
    retailers = Retailer.objects.bulk_create(Retailer(organization=o) for o in organizations[:ORGANIZATIONS_PER_SIDE])
    suppliers = Supplier.objects.bulk_create(Supplier(organization=o) for o in organizations[ORGANIZATIONS_PER_SIDE:])
    bench_user = services.welcome_member(user=User.objects.create_user("bench-retailer", organization=organizations[0]))
    return {"retailers": retailers, "suppliers": suppliers, "managers": managers, "user": bench_user}


def connection_pairs(total: int):
    """20,000 distinct retailer-supplier pairs in a fixed order: first the benchmark retailer's
    100, then the others spread evenly."""
    for s in range(BENCH_CONNECTIONS):
        yield 0, s
    n = 0
    while True:
        r = 1 + n % (ORGANIZATIONS_PER_SIDE - 1)
        s = (n // (ORGANIZATIONS_PER_SIDE - 1) + 3 * r) % ORGANIZATIONS_PER_SIDE
        n += 1
        yield r, s
        if BENCH_CONNECTIONS + n >= total:
            return


@transaction.atomic
def grow_connections(world: dict, *, to: int) -> None:
    """Adds connections until the table holds `to` of them."""
    have = Connection.objects.count()
    pairs = list(connection_pairs(to))[have:to]
    for start in range(0, len(pairs), BATCH):
        Connection.objects.bulk_create(
            Connection(
                retailer=world["retailers"][r],
                supplier=world["suppliers"][s],
                status=Connection.Status.ACTIVE,
                requested_by=Organization.Type.RETAILER,
                account_manager=world["managers"][(r + s) % ACCOUNT_MANAGERS],
                suppliers_retailer_account_number=f"R{r}-S{s}",
            )
            for r, s in pairs[start : start + BATCH]
        )


@transaction.atomic
def create_requests(world: dict) -> ConnectionRequest:
    """20,000 pending requests with 3 integrations and a history entry each; returns one of
    the benchmark retailer's."""
    organizations = [r.organization for r in world["retailers"]]
    for start in range(0, REQUESTS, BATCH):
        requests = ConnectionRequest.objects.bulk_create(
            ConnectionRequest(
                uuid=uuid.uuid4(),
                organization=organizations[n % len(organizations)],
                org_name=f"Prospect {n}",
                contact_name="Pat Prospect",
                contact_email=f"pat{n}@prospect.example",
                account_number=f"A{n}",
                additional_information="Sample feeds attached.",
            )
            for n in range(start, min(start + BATCH, REQUESTS))
        )
        Integration.objects.bulk_create(
            scheduled(
                Integration(
                    request=request,
                    integration_type=kind,
                    update_frequency=SCHEDULES[position],
                    file_locations=f"sftp://feeds:secret@ftp{position}.example/{kind}.csv",
                    file_specs="Pipe-delimited, UTF-8.",
                    rules="Full refresh nightly.",
                    position=position,
                )
            )
            for request in requests
            for position, kind in enumerate(["item", "order", "tracking"])
        )
        RequestStatusChange.objects.bulk_create(
            RequestStatusChange(request=request, status=ConnectionRequest.Status.PENDING) for request in requests
        )
    return ConnectionRequest.objects.filter(organization=organizations[0]).order_by("request_date").first()


def scheduled(integration: Integration) -> Integration:
    """As the API stores it: with its next run time."""
    integration.schedule(timezone.now())
    return integration


def costly_schedule(n: int) -> str:
    """Distinct schedules that croniter takes long over: the 29th of February, at a minute and
    hour of their own, on lists of weekdays."""
    weekdays = ["*", "1", "1,3", "2,4,6", "0,5"][n // 1440 % 5]
    return f"{n % 60} {n // 60 % 24} 29 2 {weekdays}"


@transaction.atomic
def create_member_with_schedules(name: str, schedule) -> User:
    """A retailer with COSTLY_REQUESTS requests of COSTLY_INTEGRATIONS integrations each, whose
    schedules `schedule(n)` gives; returns its user."""
    organization = Organization.objects.create(
        name=name,
        org_type=Organization.Type.RETAILER,
        status=Organization.Status.ACTIVE,
        primary_contact=Person.objects.create(first_name=name),
    )
    Retailer.objects.create(organization=organization)
    requests = ConnectionRequest.objects.bulk_create(
        ConnectionRequest(organization=organization, org_name=f"Prospect {n}", contact_name="Pat Prospect")
        for n in range(COSTLY_REQUESTS)
    )
    Integration.objects.bulk_create(
        scheduled(
            Integration(
                request=request,
                integration_type="item",
                update_frequency=schedule(r * COSTLY_INTEGRATIONS + position),
                position=position,
            )
        )
        for r, request in enumerate(requests)
        for position in range(COSTLY_INTEGRATIONS)
    )
    return services.welcome_member(
        user=User.objects.create_user(f"bench-{name.lower().replace(' ', '-')}", organization=organization)
    )


def token_for(user: User) -> str:
    return AuthToken.objects.create(user=user, expiry=timedelta(hours=12))[1]


def api_key_for(user: User) -> str:
    """A key of the user's organization, made as the API makes them."""
    return services.create_api_key(organization=user.organization, name="Benchmark", created_by=user)[1]


@transaction.atomic
def join_discovery(organizations: list[Organization]) -> None:
    """Every organization given takes part in discovery, joined over the last year."""
    today = timezone.localdate()
    Participation.objects.bulk_create(
        (
            Participation(organization=organization, is_participating=True, date_joined=today - timedelta(days=n % 365))
            for n, organization in enumerate(organizations)
        ),
        batch_size=BATCH,
    )


@transaction.atomic
def create_organizations_in_bulk(count: int, *, org_type: str, prefix: str, first: int = 0) -> list[Organization]:
    """`count` ACTIVE organizations of one type, each with its contact and its role record."""
    contacts = Person.objects.bulk_create(
        (person(first + n, prefix.lower().replace(" ", "")) for n in range(count)), batch_size=BATCH
    )
    now = timezone.now()
    organizations = Organization.objects.bulk_create(
        (
            Organization(
                name=f"{prefix} {first + n:06d}",
                website=f"{prefix.lower().replace(' ', '-')}{first + n}.example",
                org_type=org_type,
                status=Organization.Status.ACTIVE,
                active_date=now,
                primary_contact=contact,
            )
            for n, contact in enumerate(contacts)
        ),
        batch_size=BATCH,
    )
    role_model = Retailer if org_type == Organization.Type.RETAILER else Supplier
    role_model.objects.bulk_create((role_model(organization=o) for o in organizations), batch_size=BATCH)
    return organizations


def grow_discovery(world: dict, *, to: int) -> None:
    """More members in discovery, half of each type, until `to` organizations take part."""
    have = Participation.objects.count()
    for org_type, prefix in (
        (Organization.Type.RETAILER, "Grown Retailer"),
        (Organization.Type.SUPPLIER, "Grown Supplier"),
    ):
        join_discovery(create_organizations_in_bulk((to - have) // 2, org_type=org_type, prefix=prefix))


@transaction.atomic
def create_large_member(connections: int) -> User:
    """A retailer connected to `connections` suppliers of its own; returns its user."""
    (retailer,) = create_organizations_in_bulk(1, org_type=Organization.Type.RETAILER, prefix="Large Retailer")
    suppliers = create_organizations_in_bulk(connections, org_type=Organization.Type.SUPPLIER, prefix="Large Supplier")
    roles = Supplier.objects.filter(organization__in=suppliers).values_list("pk", flat=True)
    Connection.objects.bulk_create(
        (
            Connection(
                retailer=retailer.retailer,
                supplier_id=role,
                status=Connection.Status.ACTIVE,
                requested_by=Organization.Type.RETAILER,
            )
            for role in roles.iterator(chunk_size=BATCH)
        ),
        batch_size=BATCH,
    )
    return services.welcome_member(user=User.objects.create_user("bench-large-member", organization=retailer))
