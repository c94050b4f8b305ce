from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_types_enum import EventTypesEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookEndpointRequest")



@_attrs_define
class WebhookEndpointRequest:
    """ 
        Attributes:
            url (str):
            event_types (list[EventTypesEnum]):
            description (str | Unset):  Default: ''.
            is_active (bool | Unset): False once disabled (by you, or after five days of failures).
            rate_limit_per_second (int | None | Unset): At most this many deliveries start in any second; null (the default)
                for no limit.
     """

    url: str
    event_types: list[EventTypesEnum]
    description: str | Unset = ''
    is_active: bool | Unset = UNSET
    rate_limit_per_second: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)



        description = self.description

        is_active = self.is_active

        rate_limit_per_second: int | None | Unset
        if isinstance(self.rate_limit_per_second, Unset):
            rate_limit_per_second = UNSET
        else:
            rate_limit_per_second = self.rate_limit_per_second


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "url": url,
            "event_types": event_types,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if rate_limit_per_second is not UNSET:
            field_dict["rate_limit_per_second"] = rate_limit_per_second

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in (_event_types):
            event_types_item = EventTypesEnum(event_types_item_data)



            event_types.append(event_types_item)


        description = d.pop("description", UNSET)

        is_active = d.pop("is_active", UNSET)

        def _parse_rate_limit_per_second(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rate_limit_per_second = _parse_rate_limit_per_second(d.pop("rate_limit_per_second", UNSET))


        webhook_endpoint_request = cls(
            url=url,
            event_types=event_types,
            description=description,
            is_active=is_active,
            rate_limit_per_second=rate_limit_per_second,
        )


        webhook_endpoint_request.additional_properties = d
        return webhook_endpoint_request

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
