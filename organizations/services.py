"""State changes of organizations, people and tokens."""

import uuid
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from knox.models import AuthToken

from core.exceptions import InvalidState
from organizations.catalogue import NAMES
from organizations.models import (
    AccountManager,
    Organization,
    Participation,
    PermissionAssignment,
    Person,
    Retailer,
    Supplier,
    User,
)


@transaction.atomic
def create_organization(
    *,
    name: str,
    org_type: str,
    contact: dict | None = None,
    primary_contact: Person | None = None,
    status: str = Organization.Status.PENDING,
    website: str = "",
    description: str = "",
    account_manager: AccountManager | None = None,
    organization_uuid: uuid.UUID | None = None,
) -> Organization:
    """An organization with its primary contact (an existing Person, or one made from
    `contact`) and its Retailer or Supplier record."""
    organization = Organization(
        uuid=organization_uuid or uuid.uuid4(),
        name=name,
        org_type=org_type,
        status=status,
        website=website,
        description=description,
        account_manager=account_manager,
        primary_contact=primary_contact or Person.objects.create(**contact),
    )
    save_new_organization(organization)
    return organization


@transaction.atomic
def save_new_organization(organization: Organization) -> None:
    """Saves an organization built elsewhere (the admin's form) with what every organization
    has: its Retailer or Supplier record, and its active date when it starts ACTIVE."""
    if organization.status == Organization.Status.ACTIVE:
        organization.active_date = organization.active_date or timezone.now()
    organization.save()
    role_model = Retailer if organization.is_retailer else Supplier
    role_model.objects.create(organization=organization)


def activate_organization(*, organization: Organization) -> None:
    if organization.status != Organization.Status.ACTIVE:
        organization.status = Organization.Status.ACTIVE
        organization.active_date = timezone.now()
        organization.save(update_fields=["status", "active_date"])


def account_manager_for(user: User) -> AccountManager:
    """The staff user's AccountManager record, created from the user's name on first use."""
    try:
        return user.account_manager
    except AccountManager.DoesNotExist:
        person = Person.objects.create(
            first_name=user.first_name or user.username,
            last_name=user.last_name,
            email=user.email,
            job_title="Account Manager",
        )
        return AccountManager.objects.create(person=person, user=user)


def split_full_name(full_name: str) -> dict:
    """ "Bob Brown" → first "Bob", last "Brown"; a single word is a first name."""
    first, _, last = full_name.strip().partition(" ")
    return {"first_name": first, "last_name": last.strip()}


def issue_token(*, user: User) -> tuple[AuthToken, str]:
    """A new token for `user`: the stored record (hash only) and the key, shown once."""
    return AuthToken.objects.create(user=user)


def person_for(user: User) -> Person:
    """The Person behind a user, made from the user's names on first use."""
    if user.person_id is None:
        user.person = Person.objects.create(
            first_name=user.first_name or user.username, last_name=user.last_name, email=user.email
        )
        user.save(update_fields=["person"])
    return user.person


def welcome_member(*, user: User, permissions: Iterable[str] = NAMES) -> User:
    """What every new member's user gets: its Person and its permissions (all, by default)."""
    person_for(user)
    grant_permissions(user=user, names=permissions)
    return user


@transaction.atomic
def request_participation(*, organization: Organization, user: User) -> Participation:
    """A member asks to be found in discovery; staff decide. Asking again changes nothing."""
    participation, _ = Participation.objects.select_for_update().get_or_create(organization=organization)
    if not participation.is_participating and participation.requested_by_id is None:
        participation.requested_by = person_for(user)
        participation.save(update_fields=["requested_by"])
    return participation


@transaction.atomic
def set_participation(*, organization: Organization, is_participating: bool, user: User) -> Participation:
    """Staff put an organization in discovery (from today) or take it out."""
    participation, _ = Participation.objects.select_for_update().get_or_create(organization=organization)
    if is_participating and not participation.is_participating:
        participation.date_joined = timezone.localdate()
        participation.approved_by = account_manager_for(user)
    participation.is_participating = is_participating
    participation.save()
    return participation


def grant_permissions(*, user: User, names: Iterable[str]) -> None:
    PermissionAssignment.objects.bulk_create(
        [PermissionAssignment(user=user, name=name) for name in names], ignore_conflicts=True
    )
    user.forget_permissions()


@transaction.atomic
def revoke_permissions(*, user: User, names: Iterable[str]) -> None:
    """Takes permissions away; the last ACTIVE user who can edit the organization's users keeps
    that permission (422), so that somebody always can."""
    names = set(names)
    if "edit_org_users" in names:
        # Locked in one order, so two revocations at once cannot both take the last editor.
        editors = list(
            User.objects.select_for_update()
            .filter(organization=user.organization_id, is_active=True, permission_assignments__name="edit_org_users")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if editors == [user.pk]:
            raise InvalidState(f"{user.username} is the last user who can edit this organization's users.")
    PermissionAssignment.objects.filter(user=user, name__in=names).delete()
    user.forget_permissions()
