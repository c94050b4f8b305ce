from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organization_type_enum import OrganizationTypeEnum
from uuid import UUID






T = TypeVar("T", bound="OrganizationName")



@_attrs_define
class OrganizationName:
    """ 
        Attributes:
            uuid (UUID):
            name (str):
            org_type (OrganizationTypeEnum): * `RETAILER` - Retailer
                * `SUPPLIER` - Supplier
     """

    uuid: UUID
    name: str
    org_type: OrganizationTypeEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        name = self.name

        org_type = self.org_type.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "name": name,
            "org_type": org_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        name = d.pop("name")

        org_type = OrganizationTypeEnum(d.pop("org_type"))




        organization_name = cls(
            uuid=uuid,
            name=name,
            org_type=org_type,
        )


        organization_name.additional_properties = d
        return organization_name

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
