"""State changes of organizations, people and tokens."""

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from knox.models import AuthToken

from core import mail
from core.authentication import API_KEY_PREFIX
from core.exceptions import InvalidState, NotAllowed
from events.services import publish
from organizations.catalogue import NAMES
from organizations.models import (
    ROLE_MODELS,
    AccountManager,
    ApiKey,
    OneTimeToken,
    Organization,
    Participation,
    PermissionAssignment,
    Person,
    User,
)
from organizations.shapes import UserSerializer


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
    sandbox_tenant_id: uuid.UUID | None = None,
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
        sandbox_tenant_id=sandbox_tenant_id,
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
    ROLE_MODELS[organization.side].objects.create(organization=organization)


def activate_organization(*, organization: Organization) -> None:
    if organization.status != Organization.Status.ACTIVE:
        organization.status = Organization.Status.ACTIVE
        organization.active_date = timezone.now()
        organization.save(update_fields=["status", "active_date"])


def account_manager_for(user: User) -> AccountManager:
    """The staff user's AccountManager record, created from the user's name on first use (by
    one of several requests at once: the others find it)."""
    try:
        return user.account_manager
    except AccountManager.DoesNotExist:
        pass
    try:
        with transaction.atomic():
            person = Person.objects.create(
                first_name=user.first_name or user.username,
                last_name=user.last_name,
                email=user.email,
                job_title="Account Manager",
            )
            return AccountManager.objects.create(person=person, user=user)
    except IntegrityError:
        return AccountManager.objects.get(user=user)


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
    grant_permissions(user=user, names=permissions, granted_by=None)
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


def check_grantable(*, names: Iterable[str], granted_by: User | None) -> None:
    """The one rule of every grant (an invitation, a change of permissions, an API key): a
    member gives only permissions it holds itself (403 naming the others). Staff, and the
    platform itself (`granted_by` None: a new organization's first user), give any."""
    if granted_by is None or granted_by.is_staff:
        return
    missing = sorted(set(names) - granted_by.permission_names)
    if missing:
        raise NotAllowed(f"You cannot give permissions you do not have: {', '.join(missing)}.")


def grant_permissions(*, user: User, names: Iterable[str], granted_by: User | None) -> None:
    names = set(names)
    check_grantable(names=names, granted_by=granted_by)
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
        # Every revocation of it takes the organization's row first, so two at once run one
        # after the other, and the second counts the editors (in a statement of its own, so
        # seeing what the first committed) only once the first is done.
        Organization.objects.select_for_update().filter(pk=user.organization_id).values_list("pk").first()
        editors = list(
            User.objects.filter(
                organization=user.organization_id,
                is_active=True,
                api_key__isnull=True,
                permission_assignments__name="edit_org_users",
            ).values_list("pk", flat=True)
        )
        if editors == [user.pk]:
            raise InvalidState(f"{user.username} is the last user who can edit this organization's users.")
    PermissionAssignment.objects.filter(user=user, name__in=names).delete()
    user.forget_permissions()


def shows_secrets() -> bool:
    """The docs' "development environment" (DEBUG): answers carry the tokens that otherwise
    only email delivers. Never in a sandbox deployment, which is public: a token in an answer
    there would be anybody's account."""
    return settings.DEBUG


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def issue_one_time_token(*, user: User, purpose: str, ttl_seconds: int) -> str:
    """A new link token for `user`, replacing any earlier one of the same purpose; only its
    digest is kept."""
    OneTimeToken.objects.filter(user=user, purpose=purpose).delete()
    token = secrets.token_urlsafe(24)
    OneTimeToken.objects.create(
        digest=digest_of(token),
        user=user,
        purpose=purpose,
        expires_at=timezone.now() + timedelta(seconds=ttl_seconds),
    )
    return token


def find_one_time_token(token: str, purpose: str) -> OneTimeToken | None:
    return (
        OneTimeToken.objects.select_related("user__organization")
        .filter(digest=digest_of(token), purpose=purpose)
        .first()
    )


def set_password(*, user: User, password: str) -> None:
    """Sets a password that Django's validators accept (400 with their messages otherwise)."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    user.set_password(password)


@transaction.atomic
def invite_user(
    *,
    organization: Organization,
    email: str,
    first_name: str,
    last_name: str = "",
    job_title: str | None = None,
    person: Person | None = None,
    permissions: Iterable[str] = (),
    invited_by: User | None = None,
) -> tuple[User, str]:
    """A new INVITED user of the organization (for `person`, or a new Person), who logs in with
    its email once it has chosen a password through the link emailed to it. Returns the user
    and the invitation token.

    Only the organization's own users are looked at: an email in use elsewhere is invited
    like any other (saying otherwise would tell who uses it, and would keep its organization
    from inviting its own person). Until it is accepted the user's username is its own id;
    the email becomes its username then (`accept_invitation`)."""
    email, permissions = User.objects.normalize_email(email), set(permissions)
    check_grantable(names=permissions, granted_by=invited_by)
    if User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email), organization=organization).exists():
        raise ValidationError({"email": ["A user of your organization has this email already."]})
    person = person or Person.objects.create(
        first_name=first_name, last_name=last_name, email=email, job_title=job_title
    )
    user_id = uuid.uuid4()
    user = User(
        id=user_id,
        username=f"invited-{user_id}",
        email=email,
        first_name=first_name,
        last_name=last_name,
        organization=organization,
        person=person,
        is_active=False,
    )
    user.set_unusable_password()
    user.save()
    grant_permissions(user=user, names=permissions, granted_by=invited_by)
    token = send_invitation(user=user, invited_by=invited_by)
    publish("users/invited", audience=[organization.pk], data=UserSerializer(user).data)
    return user, token


def invite_contact(*, organization: Organization) -> None:
    """The primary contact of an organization the platform made (an approval's new counterpart)
    is invited with every permission, so that somebody there can log in and confirm; unless it
    has no email."""
    contact = organization.primary_contact
    if contact.email:
        invite_user(
            organization=organization,
            email=contact.email,
            first_name=contact.first_name,
            last_name=contact.last_name,
            person=contact,
            permissions=NAMES,
        )


def send_invitation(*, user: User, invited_by: User | None = None) -> str:
    """Emails a new invitation link (an earlier one stops working) and returns its token."""
    token = issue_one_time_token(
        user=user, purpose=OneTimeToken.Purpose.INVITATION, ttl_seconds=settings.INVITATION_TTL_SECONDS
    )
    mail.send(
        "organizations/email/invitation",
        to=user.email,
        contained=user.email_contained,
        context={
            "user": user,
            "organization": user.organization,
            "invited_by": invited_by and (invited_by.get_full_name() or invited_by.username),
            "link": f"{settings.PUBLIC_URL}/timp/organizations/accept-invite/{token}/",
            "hours": settings.INVITATION_TTL_SECONDS // 3600 or 1,
        },
    )
    return token


@transaction.atomic
def accept_invitation(*, invitation: OneTimeToken, password: str) -> User:
    """The invited user chooses its password, becomes ACTIVE, and logs in with its email from
    now on; unless another account has that email as its username already (422: the person
    who holds the link learns only what its own email is used for)."""
    if invitation.has_expired:
        raise InvalidState("This invitation has expired; open its link again for a new one.")
    user = invitation.user
    set_password(user=user, password=password)
    taken = InvalidState(
        "Another account signs in with this email already: sign in with it, or ask to be invited with another email."
    )
    if User.objects.filter(username__iexact=user.email).exclude(pk=user.pk).exists():
        raise taken
    user.username, user.is_active = user.email, True
    try:
        with transaction.atomic():
            user.save(update_fields=["username", "password", "is_active"])
    except IntegrityError:
        raise taken from None
    OneTimeToken.objects.filter(user=user, purpose=OneTimeToken.Purpose.INVITATION).delete()
    return user


@transaction.atomic
def request_password_reset(*, email: str) -> str | None:
    """Emails a reset token to each active person's user with this email. Returns the (last)
    token, or None when no user has the email: the caller must not tell the two apart (the API
    runs this in the worker, `organizations.tasks.reset_password`, so that its answer is the
    same in shape and in time for any email)."""
    token = None
    users = User.objects.filter(email__iexact=email, is_active=True, api_key__isnull=True).select_related(
        "organization"
    )
    for user in users:
        token = issue_one_time_token(
            user=user, purpose=OneTimeToken.Purpose.PASSWORD_RESET, ttl_seconds=settings.PASSWORD_RESET_TTL_SECONDS
        )
        mail.send(
            "organizations/email/password_reset",
            to=user.email,
            contained=user.email_contained,
            context={
                "user": user,
                "token": token,
                "link": f"{settings.PUBLIC_URL}/timp/organizations/complete-password/",
                "hours": settings.PASSWORD_RESET_TTL_SECONDS // 3600 or 1,
            },
        )
    return token


@transaction.atomic
def complete_password_reset(*, reset: OneTimeToken, password: str) -> None:
    """The new password, after which no reset link and no API token of the user works."""
    user = reset.user
    set_password(user=user, password=password)
    user.save(update_fields=["password"])
    OneTimeToken.objects.filter(user=user, purpose=OneTimeToken.Purpose.PASSWORD_RESET).delete()
    AuthToken.objects.filter(user=user).delete()


@transaction.atomic
def create_api_key(
    *,
    organization: Organization,
    name: str,
    permissions: Iterable[str] = (),
    expires_at: datetime | None = None,
    created_by: User,
) -> tuple[ApiKey, str]:
    """A key for machines, with permissions the creator holds itself. Returns the record and the
    key, which is shown this once."""
    permissions = set(permissions)
    check_grantable(names=permissions, granted_by=created_by)
    key_uuid = uuid.uuid4()
    user = User(username=f"api-key-{key_uuid}", organization=organization, first_name=name[:150])
    user.set_unusable_password()
    user.save()
    grant_permissions(user=user, names=permissions, granted_by=created_by)
    lifetime = None if expires_at is None else expires_at - timezone.now()
    token, key = AuthToken.objects.create(user=user, expiry=lifetime, prefix=API_KEY_PREFIX)
    api_key = ApiKey.objects.create(
        uuid=key_uuid,
        organization=organization,
        name=name,
        user=user,
        token=token,
        prefix=token.token_key,
        created_by=created_by,
        expires_at=expires_at,
    )
    return api_key, key


@transaction.atomic
def revoke_api_key(*, api_key: ApiKey) -> None:
    """The key stops working at once; its record stays, so history still names it."""
    AuthToken.objects.filter(user=api_key.user_id).delete()
    User.objects.filter(pk=api_key.user_id).update(is_active=False)
    api_key.revoked_at = timezone.now()
    api_key.save(update_fields=["revoked_at"])
