"""Tenant isolation, generated from the URL patterns: for every route that names an object
by UUID and every method it serves, a user of another organization gets 404 (or 403 where
only staff may act at all) and nothing changes. A new route needs an entry in OWNERS."""

import json
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from connections.api.views import (
    CommentsView,
    ConnectionRequestViewSet,
    ConnectionViewSet,
    ImportDetailView,
    ImportErrorsView,
)
from connections.models import (
    Connection,
    ConnectionRequest,
    ImportFailure,
    Integration,
    RequestComment,
    RequestFile,
    RequestImport,
    RequestStatusChange,
)
from connections.tests.factories import ConnectionFactory, connection_request, owned_import
from core.models import IdempotencyRecord
from core.permissions import IsStaff
from events.api import views as event_views
from events.models import Event, Notification, WebhookDelivery, WebhookEndpoint, WebhookSecret
from events.tests.factories import delivery_for, endpoint_for, notification_for
from feeds.api import views as feed_views
from feeds.models import Badge, Check, Feed, Run
from feeds.tests.factories import owned_feed, owned_run
from files.api.views import FileViewSet
from files.models import UploadedFile
from files.tests.factories import uploaded_file
from organizations import services
from organizations.api.views import ApiKeyDetailView, ParticipationView, PermissionAssignmentsView, UserDetailView
from organizations.catalogue import BY_NAME
from organizations.models import ApiKey, OneTimeToken, Organization, Participation, PermissionAssignment, User
from organizations.tests.factories import UserFactory
from sandbox import services as sandbox_services
from sandbox.api import views as sandbox_views

# How to make an object of each view's kind, owned by the given user's organization.
OWNERS = {
    FileViewSet: lambda user: uploaded_file(organization=user.organization),
    ConnectionRequestViewSet: lambda user: connection_request(user=user),
    ConnectionViewSet: lambda user: ConnectionFactory(retailer=user.organization.retailer),
    CommentsView: lambda user: connection_request(user=user),
    ImportDetailView: owned_import,
    ImportErrorsView: owned_import,
    ParticipationView: lambda user: user.organization,
    PermissionAssignmentsView: lambda user: user,
    UserDetailView: lambda user: user,
    ApiKeyDetailView: lambda user: services.create_api_key(organization=user.organization, name="k", created_by=user)[
        0
    ],
    event_views.NotificationReadView: notification_for,
    event_views.WebhookDetailView: endpoint_for,
    event_views.WebhookRotateView: endpoint_for,
    event_views.WebhookTestView: endpoint_for,
    event_views.DeliveryListView: endpoint_for,
    event_views.WebhookStatsView: endpoint_for,
    event_views.WebhookRecoverView: endpoint_for,
    event_views.DeliveryRetryView: delivery_for,
    sandbox_views.ApproveView: lambda user: connection_request(user=user),
    sandbox_views.DenyView: lambda user: connection_request(user=user),
    sandbox_views.ConfirmView: lambda user: ConnectionFactory(retailer=user.organization.retailer),
    sandbox_views.FeedRunView: lambda user: owned_feed(user, sent_by_the_other_side=True),
    feed_views.FeedListView: lambda user: owned_feed(user).connection,
    feed_views.HealthView: lambda user: owned_feed(user).connection,
    feed_views.FeedDetailView: owned_feed,
    feed_views.FeedChecksView: owned_feed,
    feed_views.FeedRunsView: owned_feed,
    feed_views.PingKeyView: owned_feed,
    feed_views.RunDetailView: owned_run,
    feed_views.ImportDetailView: lambda user: owned_run(user, nested=False),
}
ANY_BODY = {
    "permission_uuids": [str(BY_NAME["manage_files"].uuid)],
    "additional_information": "x",
    "reason": "x",
    "retailers_supplier_account_number": "x",
    "is_participating": True,
}
# A router's `(?P<pk>…)` or a path's `<uuid:…>`.
UUID_GROUP = re.compile(r"\(\?P<pk>[^)]*\)|<uuid:\w+>")
HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def address(path: str, owned) -> str:
    """The path naming `owned`: an object in a nested path (a feed in its connection) says
    which UUID goes where (`path_pks`), outermost first."""
    for pk in getattr(owned, "path_pks", (owned.pk,)):
        path = path.replace("{uuid}", str(pk), 1)
    return path


def view_class(callback):
    return getattr(callback, "cls", None) or callback.view_class


def actions_of(callback) -> dict[str, str]:
    """HTTP method → what `action_permissions` calls it: a viewset's action, a plain view's method."""
    actions = getattr(callback, "actions", None)
    return actions or {method: method for method in HTTP_METHODS if hasattr(callback.view_class, method)}


def api_routes() -> list[tuple[str, str, object]]:
    """(path, HTTP method, view) for every route of a DRF view; a UUID in the path is {uuid}."""

    def walk(patterns, prefix):
        for pattern in patterns:
            text = str(pattern.pattern).lstrip("^").rstrip("$")
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + text)
            elif isinstance(pattern, URLPattern) and hasattr(pattern.callback, "cls"):
                yield "/" + UUID_GROUP.sub("{uuid}", prefix + text), pattern.callback

    return [
        (path, method.upper(), callback)
        for path, callback in walk(get_resolver().url_patterns, "")
        for method in actions_of(callback)
    ]


def uuid_routes() -> list[tuple[str, str, object]]:
    """(path with {uuid}, HTTP method, view) for every route whose path holds a UUID."""
    return [route for route in api_routes() if "{uuid}" in route[0]]


def required_permission(view, method: str) -> str | None:
    """The catalogue permission the view's rules ask for this method, if any."""
    rules = getattr(view_class(view), "action_permissions", {}).get(actions_of(view)[method.lower()], ())
    return next((rule.permission for rule in rules if hasattr(rule, "permission")), None)


WRITES = {"POST", "PUT", "PATCH", "DELETE"}
# POSTs that need no permission of the catalogue: signing in and out, accepting an invitation,
# resetting one's password, marking one's own notification read, signing up to the sandbox, and
# discovery's searches (reads, with the documented body), and a feed's ping URLs (their key is
# the authority, for a cron job that holds no token).
WITHOUT_PERMISSION = {
    "/timp/organizations/user-login/",
    "/timp/organizations/user-logout/",
    "/timp/organizations/accept-invite/<str:token>/",
    "/timp/organizations/reset-password/",
    "/timp/organizations/complete-password/",
    "/timp/notifications/{uuid}/read/",
    "/timp/sandbox/accounts/",
    "/timp/discovery/suppliers/",
    "/timp/discovery/retailers/",
    "/timp/ping/<str:key>/",
    "/timp/ping/<str:key>/start/",
    "/timp/ping/<str:key>/fail/",
}


ROUTES = uuid_routes()


def database_state() -> dict:
    models = (
        ConnectionRequest,
        Integration,
        RequestFile,
        RequestStatusChange,
        RequestImport,
        ImportFailure,
        RequestComment,
        Connection,
        UploadedFile,
        Organization,
        Participation,
        PermissionAssignment,
        IdempotencyRecord,
        User,
        ApiKey,
        OneTimeToken,
        Event,
        Notification,
        WebhookEndpoint,
        WebhookSecret,
        WebhookDelivery,
        Feed,
        Run,
        Check,
        Badge,
    )
    return {model.__name__: sorted(map(repr, model.objects.values_list())) for model in models}


def test_every_uuid_route_has_an_owner_factory():
    assert ROUTES, "no UUID routes found"
    uncovered = {f"{method} {path}" for path, method, view in ROUTES if view_class(view) not in OWNERS}
    assert not uncovered, f"add these views to OWNERS: {uncovered}"


def test_routes_include_the_unprefixed_aliases():
    paths = {path for path, _, _ in ROUTES}
    assert "/organizations/connections/request/{uuid}/" in paths
    assert "/timp/organizations/files/{uuid}/download/" in paths


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "method", "view"), ROUTES, ids=[f"{m} {p}" for p, m, _ in ROUTES])
def test_another_organization_gets_404_and_changes_nothing(
    client_for, retailer_user, other_retailer_user, media_root, path, method, view
):
    owned = OWNERS[view_class(view)](retailer_user)
    before, files_before = database_state(), sorted(media_root.rglob("*"))
    action = actions_of(view)[method.lower()]
    staff_only = IsStaff in getattr(view_class(view), "action_permissions", {}).get(action, ())

    response = client_for(other_retailer_user).generic(
        method, address(path, owned), data=json.dumps(ANY_BODY), content_type="application/json"
    )

    assert response.status_code == (403 if staff_only else 404), response.content
    assert database_state() == before
    assert sorted(media_root.rglob("*")) == files_before


@pytest.mark.parametrize(
    ("path", "method", "view"),
    [route for route in api_routes() if route[1] in WRITES],
    ids=[f"{m} {p}" for p, m, _ in api_routes() if m in WRITES],
)
def test_every_write_needs_a_permission_or_staff(path, method, view):
    rules = getattr(view_class(view), "action_permissions", {}).get(actions_of(view)[method.lower()], ())

    assert path in WITHOUT_PERMISSION or IsStaff in rules or required_permission(view, method), (
        f"{method} {path} declares neither a permission nor staff only"
    )


PERMISSION_ROUTES = [route for route in ROUTES if required_permission(route[2], route[1])]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "method", "view"), PERMISSION_ROUTES, ids=[f"{m} {p}" for p, m, _ in PERMISSION_ROUTES]
)
def test_a_member_without_the_permission_gets_403_naming_it_and_changes_nothing(
    client_for, retailer_user, media_root, settings, path, method, view
):
    settings.TIMP_SANDBOX = True  # the sandbox's simulations too
    owned = OWNERS[view_class(view)](retailer_user)
    colleague = UserFactory(organization=retailer_user.organization, permissions=[])
    before, files_before = database_state(), sorted(media_root.rglob("*"))

    response = client_for(colleague).generic(
        method, address(path, owned), data=json.dumps(ANY_BODY), content_type="application/json"
    )

    assert response.status_code == 403, response.content
    assert required_permission(view, method) in response.json()["detail"]
    assert database_state() == before
    assert sorted(media_root.rglob("*")) == files_before


def tenant_user(name: str):
    account = sandbox_services.sign_up(company_name=name, email=f"{name}@example.com", org_type="RETAILER")
    return account["user"]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "method", "view"), ROUTES, ids=[f"{m} {p}" for p, m, _ in ROUTES])
def test_a_partner_of_another_sandbox_tenant_gets_404_and_changes_nothing(
    client_for, settings, media_root, path, method, view
):
    settings.TIMP_SANDBOX = True
    owner, stranger = tenant_user("owner"), tenant_user("stranger")
    owned = OWNERS[view_class(view)](owner)
    before, files_before = database_state(), sorted(media_root.rglob("*"))
    action = actions_of(view)[method.lower()]
    staff_only = IsStaff in getattr(view_class(view), "action_permissions", {}).get(action, ())

    response = client_for(stranger).generic(
        method, address(path, owned), data=json.dumps(ANY_BODY), content_type="application/json"
    )

    assert response.status_code == (403 if staff_only else 404), response.content
    assert database_state() == before
    assert sorted(media_root.rglob("*")) == files_before
