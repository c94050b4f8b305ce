"""Who may act: the permission classes every view uses. Who may *see* is decided apart, by
each model's `visible_to(user)` queryset method, so an object of another organization is a
404 before any of these is asked."""

from rest_framework.permissions import BasePermission, IsAdminUser


class IsMember(BasePermission):
    """Acts for an organization. Staff (the platform's account managers) belong to none."""

    message = "Staff accounts do not belong to an organization and cannot do this."

    def has_permission(self, request, view) -> bool:
        return request.user.is_authenticated and request.user.organization_id is not None


class IsStaff(IsAdminUser):
    message = "Only the platform's account managers (staff) can do this."


class IsOwner(BasePermission):
    """The object belongs to the caller's organization (it made the request, uploaded the file)."""

    message = "Only the organization that owns this can do this."

    def has_object_permission(self, request, view, obj) -> bool:
        return request.user.organization_id is not None and obj.organization_id == request.user.organization_id


class IsOwnerOrStaff(BasePermission):
    message = IsOwner.message

    def has_object_permission(self, request, view, obj) -> bool:
        return request.user.is_staff or IsOwner().has_object_permission(request, view, obj)


def requires(permission: str) -> type[BasePermission]:
    """The permission class for one permission of the catalogue: a 403 that names it."""

    class Requires(BasePermission):
        message = f"You need the permission {permission} to do this."

        def has_permission(self, request, view) -> bool:
            return request.user.is_authenticated and request.user.may(permission)

    Requires.__name__ = Requires.__qualname__ = f"Requires_{permission}"
    Requires.permission = permission
    return Requires


class ActionPermissionsMixin:
    """A view's rules, in one table: `action_permissions` maps an action of a viewset (or an
    HTTP method, lower case, of a plain view) to the permission classes it needs besides the
    view's own `permission_classes`."""

    action_permissions: dict[str, tuple] = {}

    def get_permissions(self):
        action = getattr(self, "action", None) or self.request.method.lower()
        classes = (*self.permission_classes, *self.action_permissions.get(action, ()))
        return [permission() for permission in classes]
