from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.permission_uuids_enum import PermissionUuidsEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="InvitationRequest")



@_attrs_define
class InvitationRequest:
    """ 
        Attributes:
            email (str):
            first_name (str):
            permission_uuids (list[PermissionUuidsEnum] | Unset): The permissions the user starts with; none when left out.
            last_name (str | Unset):  Default: ''.
            job_title (None | str | Unset):
     """

    email: str
    first_name: str
    permission_uuids: list[PermissionUuidsEnum] | Unset = UNSET
    last_name: str | Unset = ''
    job_title: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        first_name = self.first_name

        permission_uuids: list[str] | Unset = UNSET
        if not isinstance(self.permission_uuids, Unset):
            permission_uuids = []
            for permission_uuids_item_data in self.permission_uuids:
                permission_uuids_item = permission_uuids_item_data.value
                permission_uuids.append(permission_uuids_item)



        last_name = self.last_name

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
            "first_name": first_name,
        })
        if permission_uuids is not UNSET:
            field_dict["permission_uuids"] = permission_uuids
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if job_title is not UNSET:
            field_dict["job_title"] = job_title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        first_name = d.pop("first_name")

        _permission_uuids = d.pop("permission_uuids", UNSET)
        permission_uuids: list[PermissionUuidsEnum] | Unset = UNSET
        if _permission_uuids is not UNSET:
            permission_uuids = []
            for permission_uuids_item_data in _permission_uuids:
                permission_uuids_item = PermissionUuidsEnum(permission_uuids_item_data)



                permission_uuids.append(permission_uuids_item)


        last_name = d.pop("last_name", UNSET)

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))


        invitation_request = cls(
            email=email,
            first_name=first_name,
            permission_uuids=permission_uuids,
            last_name=last_name,
            job_title=job_title,
        )


        invitation_request.additional_properties = d
        return invitation_request

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
