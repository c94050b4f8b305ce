from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.permission import Permission





T = TypeVar("T", bound="AssignedPermission")



@_attrs_define
class AssignedPermission:
    """ 
        Attributes:
            assigned (bool):
            permission (Permission): A permission of the catalogue, as documented.
     """

    assigned: bool
    permission: Permission
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.permission import Permission # noqa: PLC0415
        assigned = self.assigned

        permission = self.permission.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "assigned": assigned,
            "permission": permission,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.permission import Permission # noqa: PLC0415
        d = dict(src_dict)
        assigned = d.pop("assigned")

        permission = Permission.from_dict(d.pop("permission"))




        assigned_permission = cls(
            assigned=assigned,
            permission=permission,
        )


        assigned_permission.additional_properties = d
        return assigned_permission

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
