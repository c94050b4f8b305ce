from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.discovered_retailer import DiscoveredRetailer
  from ..models.pagination import Pagination





T = TypeVar("T", bound="DiscoveredRetailersList")



@_attrs_define
class DiscoveredRetailersList:
    """ 
        Attributes:
            retailers (list[DiscoveredRetailer]):
            pagination (Pagination): The `pagination` object of a paged answer.
     """

    retailers: list[DiscoveredRetailer]
    pagination: Pagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.discovered_retailer import DiscoveredRetailer # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        retailers = []
        for retailers_item_data in self.retailers:
            retailers_item = retailers_item_data.to_dict()
            retailers.append(retailers_item)



        pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "retailers": retailers,
            "pagination": pagination,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.discovered_retailer import DiscoveredRetailer # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        retailers = []
        _retailers = d.pop("retailers")
        for retailers_item_data in (_retailers):
            retailers_item = DiscoveredRetailer.from_dict(retailers_item_data)



            retailers.append(retailers_item)


        pagination = Pagination.from_dict(d.pop("pagination"))




        discovered_retailers_list = cls(
            retailers=retailers,
            pagination=pagination,
        )


        discovered_retailers_list.additional_properties = d
        return discovered_retailers_list

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
