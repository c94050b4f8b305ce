"""Telling people: dashboard notifications and email, by each user's settings."""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from core import mail
from events.models import EVENT_TYPES, READ_PERMISSIONS, Event, Notification, NotificationSetting
from organizations.models import PermissionAssignment, User

Via, Frequency = NotificationSetting.Via, NotificationSetting.Frequency
# How a user hears of an event type it has no setting for: on the dashboard, not by email.
DEFAULT_CHANNELS = {Via.DASHBOARD: (True, Frequency.REAL_TIME), Via.EMAIL: (False, Frequency.REAL_TIME)}


TITLE_LENGTH = Notification._meta.get_field("title").max_length


def title_of(event: Event) -> str:
    """What the event is, and the name of its object (a request names the organization asked
    for; a file or a user its name), cut with an ellipsis to fit a notification's title
    whatever the name's length."""
    name = (event.data.get("org_name") or event.data.get("name")) if isinstance(event.data, dict) else None
    description = EVENT_TYPES.get(event.type, event.type)
    title = f"{description}: {' '.join(str(name).split())}" if name else description
    return title if len(title) <= TITLE_LENGTH else title[: TITLE_LENGTH - 1] + "…"


def channels(users: list[User], event_types: set[str]) -> dict:
    """(user pk, event type) → {via: (enabled, frequency)}, defaults filled in: the dashboard
    on, email off."""
    chosen = defaultdict(lambda: dict(DEFAULT_CHANNELS))
    for setting in NotificationSetting.objects.filter(user__in=users, event_type__in=event_types):
        chosen[setting.user_id, setting.event_type][setting.via] = (setting.enabled, setting.frequency)
    return chosen


def notify(events: list[Event], audiences: dict) -> int:
    """Notifies the people of each event's organizations (`audiences`: event id → organization
    ids) of it, in the caller's transaction, in a fixed number of queries for any number of
    events; real-time email goes when it commits, digests wait. Running twice notifies nobody
    twice. Returns how many were notified."""
    events = [event for event in events if event.type in EVENT_TYPES]
    organizations = {organization for event in events for organization in audiences.get(event.pk, ())}
    if not organizations:
        return 0
    people = list(
        User.objects.filter(organization__in=organizations, is_active=True, api_key__isnull=True).select_related(
            "organization"
        )
    )
    needed = {READ_PERMISSIONS[event.type] for event in events if event.type in READ_PERMISSIONS}
    held = set(
        PermissionAssignment.objects.filter(user__in=people, name__in=needed).values_list("user_id", "name")
        if needed
        else ()
    )
    by_organization = defaultdict(list)
    for user in people:
        by_organization[user.organization_id].append(user)
    chosen = channels(people, {event.type for event in events})
    notifications, emails = [], []
    for event in events:
        title, permission = title_of(event), READ_PERMISSIONS.get(event.type)
        for organization in audiences[event.pk]:
            for user in by_organization[organization]:
                if permission and (user.pk, permission) not in held:
                    continue
                choice = chosen[user.pk, event.type]
                dashboard, (email_on, frequency) = choice[Via.DASHBOARD][0], choice[Via.EMAIL]
                email_on = email_on and bool(user.email)
                digest = frequency if email_on and frequency != Frequency.REAL_TIME else ""
                if dashboard or digest:
                    notifications.append(
                        Notification(user=user, event=event, title=title, on_dashboard=dashboard, digest=digest)
                    )
                if email_on and frequency == Frequency.REAL_TIME:
                    emails.append((user, event, title))
    created = Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    mail.send_all(
        [
            mail.render(
                "events/email/notification",
                to=person.email,
                contained=person.email_contained,
                context={"user": person, "title": title, "event": event},
            )
            for person, event, title in emails
        ]
    )
    return len(created)


def send_digests(frequency: str) -> int:
    """One email per user with the notifications waiting for this digest; returns how many
    emails were sent."""
    sent = 0
    waiting = (
        Notification.objects.filter(digest=frequency)
        .select_related("user__organization")
        .order_by("user", "created_at")
    )
    by_user = defaultdict(list)
    for notification in waiting:
        by_user[notification.user].append(notification)
    for user, items in by_user.items():
        with transaction.atomic():
            taken = Notification.objects.filter(pk__in=[n.pk for n in items], digest=frequency).update(digest="")
            if taken:
                mail.send(
                    "events/email/digest",
                    to=user.email,
                    contained=user.email_contained,
                    context={"user": user, "notifications": items, "frequency": frequency, "now": timezone.now()},
                )
                sent += 1
    return sent
