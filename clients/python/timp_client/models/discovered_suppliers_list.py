from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.discovered_supplier import DiscoveredSupplier
  from ..models.pagination import Pagination





T = TypeVar("T", bound="DiscoveredSuppliersList")



@_attrs_define
class DiscoveredSuppliersList:
    """ 
        Attributes:
            suppliers (list[DiscoveredSupplier]):
            pagination (Pagination): The `pagination` object of a paged answer.
     """

    suppliers: list[DiscoveredSupplier]
    pagination: Pagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.discovered_supplier import DiscoveredSupplier # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        suppliers = []
        for suppliers_item_data in self.suppliers:
            suppliers_item = suppliers_item_data.to_dict()
            suppliers.append(suppliers_item)



        pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "suppliers": suppliers,
            "pagination": pagination,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.discovered_supplier import DiscoveredSupplier # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        suppliers = []
        _suppliers = d.pop("suppliers")
        for suppliers_item_data in (_suppliers):
            suppliers_item = DiscoveredSupplier.from_dict(suppliers_item_data)



            suppliers.append(suppliers_item)


        pagination = Pagination.from_dict(d.pop("pagination"))




        discovered_suppliers_list = cls(
            suppliers=suppliers,
            pagination=pagination,
        )


        discovered_suppliers_list.additional_properties = d
        return discovered_suppliers_list

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
