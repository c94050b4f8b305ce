from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.permission_uuids_enum import PermissionUuidsEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="NewApiKeyRequest")



@_attrs_define
class NewApiKeyRequest:
    """ 
        Attributes:
            name (str):
            permission_uuids (list[PermissionUuidsEnum] | Unset): The key's permissions, each one you hold yourself; none
                (read only) when left out.
            expires_at (datetime.datetime | None | Unset):
     """

    name: str
    permission_uuids: list[PermissionUuidsEnum] | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        permission_uuids: list[str] | Unset = UNSET
        if not isinstance(self.permission_uuids, Unset):
            permission_uuids = []
            for permission_uuids_item_data in self.permission_uuids:
                permission_uuids_item = permission_uuids_item_data.value
                permission_uuids.append(permission_uuids_item)



        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if permission_uuids is not UNSET:
            field_dict["permission_uuids"] = permission_uuids
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        _permission_uuids = d.pop("permission_uuids", UNSET)
        permission_uuids: list[PermissionUuidsEnum] | Unset = UNSET
        if _permission_uuids is not UNSET:
            permission_uuids = []
            for permission_uuids_item_data in _permission_uuids:
                permission_uuids_item = PermissionUuidsEnum(permission_uuids_item_data)



                permission_uuids.append(permission_uuids_item)


        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))


        new_api_key_request = cls(
            name=name,
            permission_uuids=permission_uuids,
            expires_at=expires_at,
        )


        new_api_key_request.additional_properties = d
        return new_api_key_request

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
