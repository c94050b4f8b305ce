from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.permission_uuids_enum import PermissionUuidsEnum
from typing import cast






T = TypeVar("T", bound="PermissionChangeRequest")



@_attrs_define
class PermissionChangeRequest:
    """ 
        Attributes:
            permission_uuids (list[PermissionUuidsEnum]):
     """

    permission_uuids: list[PermissionUuidsEnum]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        permission_uuids = []
        for permission_uuids_item_data in self.permission_uuids:
            permission_uuids_item = permission_uuids_item_data.value
            permission_uuids.append(permission_uuids_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "permission_uuids": permission_uuids,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        permission_uuids = []
        _permission_uuids = d.pop("permission_uuids")
        for permission_uuids_item_data in (_permission_uuids):
            permission_uuids_item = PermissionUuidsEnum(permission_uuids_item_data)



            permission_uuids.append(permission_uuids_item)


        permission_change_request = cls(
            permission_uuids=permission_uuids,
        )


        permission_change_request.additional_properties = d
        return permission_change_request

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
