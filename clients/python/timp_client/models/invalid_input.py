from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.invalid_input_additional_property_type_1 import InvalidInputAdditionalPropertyType1





T = TypeVar("T", bound="InvalidInput")



@_attrs_define
class InvalidInput:
    """ What was wrong: `{"detail": "…"}` for the body as a whole, else each field (or header) named with its messages; a
    list's errors are a list, one object per item, `{"requested_integrations": [{}, {"update_frequency": ["…"]}]}`.

        Attributes:
            detail (str | Unset):
     """

    detail: str | Unset = UNSET
    additional_properties: dict[str, InvalidInputAdditionalPropertyType1 | list[Any]] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.invalid_input_additional_property_type_1 import InvalidInputAdditionalPropertyType1 # noqa: PLC0415
        detail = self.detail


        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            
            if isinstance(prop, list):
                field_dict[prop_name] = prop


            else:
                field_dict[prop_name] = prop.to_dict()


        field_dict.update({
        })
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invalid_input_additional_property_type_1 import InvalidInputAdditionalPropertyType1 # noqa: PLC0415
        d = dict(src_dict)
        detail = d.pop("detail", UNSET)

        invalid_input = cls(
            detail=detail,
        )


        additional_properties = {}
        for prop_name, prop_dict in d.items():
            def _parse_additional_property(data: object) -> InvalidInputAdditionalPropertyType1 | list[Any]:
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    additional_property_type_0 = cast(list[Any], data)

                    return additional_property_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                additional_property_type_1 = InvalidInputAdditionalPropertyType1.from_dict(data)



                return additional_property_type_1

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        invalid_input.additional_properties = additional_properties
        return invalid_input

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> InvalidInputAdditionalPropertyType1 | list[Any]:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: InvalidInputAdditionalPropertyType1 | list[Any]) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
