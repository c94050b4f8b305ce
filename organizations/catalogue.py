"""The permissions a member's user (or API key) may hold, with UUIDs that are the same on every
deployment: the platform's published UUID where it has one, else one derived from the name."""

import uuid
from dataclasses import dataclass

NAMESPACE = uuid.UUID("2f6c7a4e-5b1d-4c8e-9a3f-6d0e1b2c3a4f")


@dataclass(frozen=True)
class Permission:
    name: str
    display_name: str
    description: str
    grouping: str
    visibility: str = "BOTH"
    published_uuid: str | None = None

    @property
    def uuid(self) -> uuid.UUID:
        return uuid.UUID(self.published_uuid) if self.published_uuid else uuid.uuid5(NAMESPACE, self.name)


PERMISSIONS = (
    Permission(
        "view_org_users",
        "View Users",
        "Ability to see the users in an organization",
        "ORGUSERS",
        published_uuid="68b1647d-b6a7-48b1-9ec2-bf2f1003b6cc",
    ),
    Permission("edit_org_users", "Edit Users", "Ability to invite users and change their permissions", "ORGUSERS"),
    Permission(
        "view_notifications_settings",
        "View Notification Settings",
        "Ability to see notification settings",
        "NOTIFICATIONS",
    ),
    Permission(
        "edit_email_notifications_preferences",
        "Edit Email Notifications",
        "Ability to change which notifications are emailed, and how often",
        "NOTIFICATIONS",
    ),
    Permission(
        "request_connections",
        "Request Connections",
        "Ability to create, edit and cancel connection requests, and to ask to join discovery",
        "CONNECTIONS",
    ),
    Permission(
        "manage_connections",
        "Manage Connections",
        "Ability to confirm and deactivate connections and to set account numbers",
        "CONNECTIONS",
    ),
    Permission("manage_files", "Manage Files", "Ability to upload and delete sample files", "FILES"),
    Permission("manage_webhooks", "Manage Webhooks", "Ability to add, change and remove webhook endpoints", "WEBHOOKS"),
    Permission("manage_api_keys", "Manage API Keys", "Ability to create and revoke API keys", "API_KEYS"),
)
BY_NAME = {permission.name: permission for permission in PERMISSIONS}
BY_UUID = {permission.uuid: permission for permission in PERMISSIONS}
NAMES = tuple(BY_NAME)
