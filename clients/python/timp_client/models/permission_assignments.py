from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.assigned_permission import AssignedPermission
  from ..models.org_user import OrgUser





T = TypeVar("T", bound="PermissionAssignments")



@_attrs_define
class PermissionAssignments:
    """ Every permission of the catalogue, and whether the user holds it.

        Attributes:
            permissions (list[AssignedPermission]):
            org_user (OrgUser):
     """

    permissions: list[AssignedPermission]
    org_user: OrgUser
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.assigned_permission import AssignedPermission # noqa: PLC0415
        from ..models.org_user import OrgUser # noqa: PLC0415
        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.to_dict()
            permissions.append(permissions_item)



        org_user = self.org_user.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "permissions": permissions,
            "org_user": org_user,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assigned_permission import AssignedPermission # noqa: PLC0415
        from ..models.org_user import OrgUser # noqa: PLC0415
        d = dict(src_dict)
        permissions = []
        _permissions = d.pop("permissions")
        for permissions_item_data in (_permissions):
            permissions_item = AssignedPermission.from_dict(permissions_item_data)



            permissions.append(permissions_item)


        org_user = OrgUser.from_dict(d.pop("org_user"))




        permission_assignments = cls(
            permissions=permissions,
            org_user=org_user,
        )


        permission_assignments.additional_properties = d
        return permission_assignments

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
