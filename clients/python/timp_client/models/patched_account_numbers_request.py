from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedAccountNumbersRequest")



@_attrs_define
class PatchedAccountNumbersRequest:
    """ Each side sets only the number in its own system.

        Attributes:
            retailers_supplier_account_number (None | str | Unset): Set by the retailer.
            suppliers_retailer_account_number (None | str | Unset): Set by the supplier.
     """

    retailers_supplier_account_number: None | str | Unset = UNSET
    suppliers_retailer_account_number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        retailers_supplier_account_number: None | str | Unset
        if isinstance(self.retailers_supplier_account_number, Unset):
            retailers_supplier_account_number = UNSET
        else:
            retailers_supplier_account_number = self.retailers_supplier_account_number

        suppliers_retailer_account_number: None | str | Unset
        if isinstance(self.suppliers_retailer_account_number, Unset):
            suppliers_retailer_account_number = UNSET
        else:
            suppliers_retailer_account_number = self.suppliers_retailer_account_number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if retailers_supplier_account_number is not UNSET:
            field_dict["retailers_supplier_account_number"] = retailers_supplier_account_number
        if suppliers_retailer_account_number is not UNSET:
            field_dict["suppliers_retailer_account_number"] = suppliers_retailer_account_number

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_retailers_supplier_account_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        retailers_supplier_account_number = _parse_retailers_supplier_account_number(d.pop("retailers_supplier_account_number", UNSET))


        def _parse_suppliers_retailer_account_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        suppliers_retailer_account_number = _parse_suppliers_retailer_account_number(d.pop("suppliers_retailer_account_number", UNSET))


        patched_account_numbers_request = cls(
            retailers_supplier_account_number=retailers_supplier_account_number,
            suppliers_retailer_account_number=suppliers_retailer_account_number,
        )


        patched_account_numbers_request.additional_properties = d
        return patched_account_numbers_request

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
