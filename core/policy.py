"""Who may act, in one place: the rule of each action on a connection request, a connection, a
file, and what only one side of the network does. Each rule names the permission of the
catalogue it needs, if any, and who may take it. Views get their permission classes from here
(`view_rules`); services ask `authorize(user, action, obj)` before a change, so the API, the
admin, the sandbox and the worker follow the same rules. Who may *see* an object stays each
model's `visible_to(user)`: an object the caller cannot see is a 404 before any rule is asked.

Objects are named by their model's label, so this layer imports none of the apps."""

from collections.abc import Callable
from dataclasses import dataclass

from core.exceptions import NotAllowed, WrongOrganizationType
from core.permissions import IsMember, IsOwner, IsOwnerOrStaff, IsStaff, requires


@dataclass(frozen=True)
class Who:
    """Who may act: `allows(user, obj)`; `view_class`, the permission class a view checks it
    with (None where visibility, or the service, decides); `refusal`, what anyone else gets."""

    allows: Callable[[object, object], bool]
    view_class: type | None
    refusal: Callable[[object, object], Exception]


def refused(message: str) -> Callable[[object, object], Exception]:
    return lambda user, obj: NotAllowed(message)


def is_side(user, connection) -> bool:
    return connection.side_of(user.organization_id) is not None


ANYONE = Who(lambda user, obj: True, None, refused("This is not possible."))
MEMBER = Who(lambda user, obj: user.organization_id is not None, IsMember, refused(IsMember.message))
STAFF = Who(lambda user, obj: user.is_staff, IsStaff, refused(IsStaff.message))
OWNER = Who(lambda user, obj: obj.organization_id == user.organization_id, IsOwner, refused(IsOwner.message))
OWNER_OR_STAFF = Who(
    lambda user, obj: user.is_staff or obj.organization_id == user.organization_id,
    IsOwnerOrStaff,
    refused(IsOwner.message),
)
SIDE_OR_STAFF = Who(
    lambda user, connection: user.is_staff or is_side(user, connection),
    None,
    refused("Only the two sides of a connection (or staff) can do this."),
)
FEED_SIDE_OR_STAFF = Who(
    lambda user, feed: user.is_staff or is_side(user, feed.connection),
    None,
    refused("Only the two sides of a connection (or staff) can do this."),
)
# The side that did not ask confirms a connection.
COUNTERPART_OR_STAFF = Who(
    lambda user, connection: (
        user.is_staff
        or (is_side(user, connection) and connection.side_of(user.organization_id) != connection.requested_by)
    ),
    None,
    lambda user, connection: WrongOrganizationType(
        "Your organization asked for this connection; the other side confirms it."
    ),
)


def of_type(org_type: str, doing: str) -> Who:
    """What only an organization of this type does; the others are the wrong side (409)."""
    return Who(
        lambda user, organization: organization.org_type == org_type,
        None,
        lambda user, organization: WrongOrganizationType(
            doing.format(caller=organization.org_type.lower(), named_as=f"{organization.other_side}_uuid")
        ),
    )


@dataclass(frozen=True)
class Rule:
    who: Who
    permission: str | None = None  # of the catalogue; staff hold every one


FINDS = "This lists what a {finder} finds; your organization is a {{caller}}."
NAMES = "Your organization is a {caller}: name the counterpart with {named_as}."

POLICY: dict[str, dict[str, Rule]] = {
    "connections.ConnectionRequest": {
        "create": Rule(MEMBER, "request_connections"),
        "update": Rule(OWNER_OR_STAFF, "request_connections"),
        "cancel": Rule(OWNER, "request_connections"),
        "approve": Rule(STAFF),
        "deny": Rule(STAFF),
        "candidates": Rule(STAFF),
        # Whoever sees a request (its visibility decides) writes on its thread.
        "comment": Rule(ANYONE, "request_connections"),
    },
    "connections.Connection": {
        "update": Rule(SIDE_OR_STAFF, "manage_connections"),
        "confirm": Rule(COUNTERPART_OR_STAFF, "manage_connections"),
        "deactivate": Rule(SIDE_OR_STAFF, "manage_connections"),
    },
    "feeds.Feed": {
        "update": Rule(FEED_SIDE_OR_STAFF, "manage_connections"),
        "check": Rule(FEED_SIDE_OR_STAFF, "manage_connections"),
        "report_run": Rule(FEED_SIDE_OR_STAFF, "manage_connections"),
    },
    "files.UploadedFile": {
        "upload": Rule(MEMBER, "manage_files"),
        "delete": Rule(OWNER_OR_STAFF, "manage_files"),
    },
    # What one side of the network does, asked of the caller's organization.
    "organizations.Organization": {
        "find_suppliers": Rule(
            of_type("RETAILER", "This lists what a retailer finds; your organization is a {caller}.")
        ),
        "find_retailers": Rule(
            of_type("SUPPLIER", "This lists what a supplier finds; your organization is a {caller}.")
        ),
        "name_supplier": Rule(of_type("RETAILER", NAMES)),
        "name_retailer": Rule(of_type("SUPPLIER", NAMES)),
    },
}


def authorize(user, action: str, obj) -> None:
    """Returns if `user` may take `action` on `obj`; raises the rule's refusal otherwise (403
    naming a missing permission, 403 or 409 for who may not)."""
    rule = POLICY[obj._meta.label][action]
    if rule.permission is not None and not user.may(rule.permission):
        raise NotAllowed(requires(rule.permission).message)
    if not rule.who.allows(user, obj):
        raise rule.who.refusal(user, obj)


def view_rules(label: str, **actions: str) -> dict[str, tuple]:
    """A view's `action_permissions` from the policy: {the view's action: its permission
    classes}, for `view_action=policy_action` pairs."""
    rules = {}
    for view_action, action in actions.items():
        rule = POLICY[label][action]
        who = (rule.who.view_class,) if rule.who.view_class is not None else ()
        rules[view_action] = (*who, *((requires(rule.permission),) if rule.permission else ()))
    return rules
