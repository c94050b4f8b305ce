"""Partners' private sandbox tenants: signing up, the simulated other side, reset, expiry."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from knox.models import AuthToken

from connections import services as connections
from connections.models import Connection, ConnectionRequest
from core.exceptions import WrongOrganizationType
from events.models import Event
from feeds import selectors
from feeds import services as feeds
from feeds.models import Feed, Run
from files.models import UploadedFile
from files.services import delete_file
from organizations import services as organizations
from organizations.models import OTHER_TYPE, ApiKey, Organization, Participation, Person, SandboxTenant, User

SIMULATOR = "sandbox-simulator"


def new_password() -> str:
    return secrets.token_urlsafe(18)


def make_user(organization: Organization, username: str, email: str) -> tuple[User, str]:
    password = new_password()
    user = User.objects.create_user(username=username, email=email, password=password, organization=organization)
    organizations.welcome_member(user=user)
    return user, password


@transaction.atomic
def sign_up(*, company_name: str, email: str, org_type: str) -> dict:
    """A private tenant: the partner's ACTIVE organization with one user (its password and
    token returned), and two ACTIVE counterparts of the other type in discovery, each with a
    user of its own that the simulations act as."""
    tenant = SandboxTenant.objects.create(email=email)
    key = tenant.uuid.hex[:12]
    partner = organizations.create_organization(
        name=company_name,
        org_type=org_type,
        status=Organization.Status.ACTIVE,
        contact={**organizations.split_full_name(email.split("@")[0]), "email": email},
        sandbox_tenant_id=tenant.pk,
    )
    tenant.partner = partner
    tenant.save(update_fields=["partner"])
    user, password = make_user(partner, f"sandbox-{key}", email)
    token = organizations.issue_token(user=user)[1]
    other = OTHER_TYPE[org_type]
    counterparts = []
    for letter in "AB":
        counterpart = organizations.create_organization(
            name=f"Test {other.title()} {letter} ({company_name})",
            org_type=other,
            status=Organization.Status.ACTIVE,
            contact={
                "first_name": f"Test {letter}",
                "last_name": "Contact",
                "email": f"test-{letter.lower()}-{key}@sandbox.invalid",
            },
            description=f"A {other.lower()} that only your sandbox account can find.",
            sandbox_tenant_id=tenant.pk,
        )
        Participation.objects.create(organization=counterpart, is_participating=True, date_joined=timezone.localdate())
        make_user(counterpart, f"sandbox-{key}-{letter.lower()}", counterpart.primary_contact.email)
        counterparts.append(counterpart)
    return {"organization": partner, "user": user, "password": password, "token": token, "counterparts": counterparts}


def tenant_organizations(tenant_id: uuid.UUID):
    return Organization.objects.filter(sandbox_tenant=tenant_id)


def simulator() -> User:
    """The platform's account manager in the simulations."""
    user, created = User.objects.get_or_create(
        username=SIMULATOR, defaults={"is_staff": True, "first_name": "Sandbox", "last_name": "Simulator"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def approve(*, connection_request: ConnectionRequest) -> Connection:
    """As the account manager: links the named counterpart, or makes the organization asked for
    (in the tenant)."""
    return connections.approve_request(
        connection_request=connection_request,
        user=simulator(),
        create_organization=connection_request.counterpart_id is None,
    )


def deny(*, connection_request: ConnectionRequest, reason: str) -> None:
    connections.deny_request(connection_request=connection_request, user=simulator(), reason=reason)


def counterpart_of(connection: Connection, user: User) -> User:
    """A user of the other side of the caller's connection (made if it has none, as for an
    organization an approval created)."""
    caller_side = connection.side_of(user.organization_id)
    retailer, supplier = connection.retailer.organization, connection.supplier.organization
    other = supplier if caller_side == Organization.Type.RETAILER else retailer
    acting = User.objects.filter(organization=other, is_active=True, api_key__isnull=True).first()
    if acting is None:
        acting, _ = make_user(other, f"sandbox-{uuid.uuid4().hex[:12]}", other.primary_contact.email)
    return acting


def confirm(*, connection: Connection, user: User) -> Connection:
    """As the other side of the caller's connection."""
    return connections.confirm_connection(connection=connection, user=counterpart_of(connection, user))


def report_run(*, feed: Feed, user: User, **run) -> Run:
    """A run of a feed the caller's counterpart sends, reported as that side would."""
    if selectors.sends(user, feed):
        raise WrongOrganizationType("Your side sends this feed: report its runs with its runs/ or its ping URL.")
    return feeds.report_run(feed=feed, user=counterpart_of(feed.connection, user), **run)


@transaction.atomic
def reset(*, tenant_id: uuid.UUID) -> None:
    """The tenant's requests, connections, files and events are gone; its organizations, users,
    keys and webhooks stay. The tenant's row is locked first: two resets run one after the other."""
    tenant = SandboxTenant.objects.select_for_update().get(pk=tenant_id)
    members = tenant_organizations(tenant_id)
    ConnectionRequest.objects.filter(Q(organization__in=members) | Q(counterpart__in=members)).delete()
    Connection.objects.filter(Q(retailer__organization__in=members) | Q(supplier__organization__in=members)).delete()
    for uploaded in UploadedFile.objects.filter(organization__in=members):
        delete_file(uploaded_file=uploaded)
    Event.objects.filter(audience__organization__in=members).delete()
    # Organizations an approval made in the tenant go too: the partner and its two counterparts stay.
    kept = Q(participation__is_participating=True) | Q(pk=tenant.partner_id)
    remove_organizations(members.exclude(kept))


def remove_organizations(members) -> None:
    members = list(members)
    contacts = [organization.primary_contact_id for organization in members]
    users = User.objects.filter(organization__in=members)
    ApiKey.objects.filter(organization__in=members).delete()
    AuthToken.objects.filter(user__in=users).delete()
    persons = list(users.exclude(person__isnull=True).values_list("person", flat=True))
    users.delete()
    Organization.objects.filter(pk__in=[o.pk for o in members]).delete()
    Person.objects.filter(pk__in=[*contacts, *persons]).delete()


@transaction.atomic
def remove(*, tenant: SandboxTenant) -> None:
    reset(tenant_id=tenant.pk)
    remove_organizations(tenant_organizations(tenant.pk))
    tenant.delete()


def remove_idle(*, now=None) -> int:
    """Tenants unused for SANDBOX_TENANT_TTL_DAYS are removed; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SANDBOX_TENANT_TTL_DAYS)
    idle = list(SandboxTenant.objects.filter(last_used_at__lt=cutoff))
    for tenant in idle:
        remove(tenant=tenant)
    return len(idle)
