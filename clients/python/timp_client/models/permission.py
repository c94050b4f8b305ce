from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.visibility_enum import VisibilityEnum
from uuid import UUID






T = TypeVar("T", bound="Permission")



@_attrs_define
class Permission:
    """ A permission of the catalogue, as documented.

        Attributes:
            uuid (UUID):
            name (str):
            display_name (str):
            description (str):
            visibility (VisibilityEnum): * `SUPPLIER` - SUPPLIER
                * `RETAILER` - RETAILER
                * `BOTH` - BOTH
            grouping (str):
     """

    uuid: UUID
    name: str
    display_name: str
    description: str
    visibility: VisibilityEnum
    grouping: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        name = self.name

        display_name = self.display_name

        description = self.description

        visibility = self.visibility.value

        grouping = self.grouping


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "name": name,
            "display_name": display_name,
            "description": description,
            "visibility": visibility,
            "grouping": grouping,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        name = d.pop("name")

        display_name = d.pop("display_name")

        description = d.pop("description")

        visibility = VisibilityEnum(d.pop("visibility"))




        grouping = d.pop("grouping")

        permission = cls(
            uuid=uuid,
            name=name,
            display_name=display_name,
            description=description,
            visibility=visibility,
            grouping=grouping,
        )


        permission.additional_properties = d
        return permission

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
