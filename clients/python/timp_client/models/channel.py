from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.notification_frequency_enum import NotificationFrequencyEnum
from ..models.notification_via_enum import NotificationViaEnum






T = TypeVar("T", bound="Channel")



@_attrs_define
class Channel:
    """ 
        Attributes:
            notification_via (NotificationViaEnum): * `Dashboard` - Dashboard
                * `email` - Email
            notification_frequency (NotificationFrequencyEnum): * `Real-time` - Real Time
                * `Twice a day` - Twice A Day
                * `Daily` - Daily
            enabled (bool):
     """

    notification_via: NotificationViaEnum
    notification_frequency: NotificationFrequencyEnum
    enabled: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        notification_via = self.notification_via.value

        notification_frequency = self.notification_frequency.value

        enabled = self.enabled


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "notification_via": notification_via,
            "notification_frequency": notification_frequency,
            "enabled": enabled,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        notification_via = NotificationViaEnum(d.pop("notification_via"))




        notification_frequency = NotificationFrequencyEnum(d.pop("notification_frequency"))




        enabled = d.pop("enabled")

        channel = cls(
            notification_via=notification_via,
            notification_frequency=notification_frequency,
            enabled=enabled,
        )


        channel.additional_properties = d
        return channel

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
