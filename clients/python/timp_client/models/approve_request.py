from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="ApproveRequest")



@_attrs_define
class ApproveRequest:
    """ 
        Attributes:
            organization_uuid (UUID | Unset): An existing organization to connect (a request that names its counterpart
                needs none); without it, one is created from the request.
            create_organization (bool | Unset): Create a new organization even though organizations of the same name exist.
                Default: False.
     """

    organization_uuid: UUID | Unset = UNSET
    create_organization: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        organization_uuid: str | Unset = UNSET
        if not isinstance(self.organization_uuid, Unset):
            organization_uuid = str(self.organization_uuid)

        create_organization = self.create_organization


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if organization_uuid is not UNSET:
            field_dict["organization_uuid"] = organization_uuid
        if create_organization is not UNSET:
            field_dict["create_organization"] = create_organization

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _organization_uuid = d.pop("organization_uuid", UNSET)
        organization_uuid: UUID | Unset
        if isinstance(_organization_uuid,  Unset):
            organization_uuid = UNSET
        else:
            organization_uuid = UUID(_organization_uuid)




        create_organization = d.pop("create_organization", UNSET)

        approve_request = cls(
            organization_uuid=organization_uuid,
            create_organization=create_organization,
        )


        approve_request.additional_properties = d
        return approve_request

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
