from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.notification_frequency_enum import NotificationFrequencyEnum
from ..models.notification_via_enum import NotificationViaEnum
from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="NotificationSettingChangeRequest")



@_attrs_define
class NotificationSettingChangeRequest:
    """ 
        Attributes:
            notification_via (NotificationViaEnum): * `Dashboard` - Dashboard
                * `email` - Email
            enabled (bool):
            uuid (UUID):
            notification_frequency (NotificationFrequencyEnum | Unset): * `Real-time` - Real Time
                * `Twice a day` - Twice A Day
                * `Daily` - Daily
     """

    notification_via: NotificationViaEnum
    enabled: bool
    uuid: UUID
    notification_frequency: NotificationFrequencyEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        notification_via = self.notification_via.value

        enabled = self.enabled

        uuid = str(self.uuid)

        notification_frequency: str | Unset = UNSET
        if not isinstance(self.notification_frequency, Unset):
            notification_frequency = self.notification_frequency.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "notification_via": notification_via,
            "enabled": enabled,
            "uuid": uuid,
        })
        if notification_frequency is not UNSET:
            field_dict["notification_frequency"] = notification_frequency

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        notification_via = NotificationViaEnum(d.pop("notification_via"))




        enabled = d.pop("enabled")

        uuid = UUID(d.pop("uuid"))




        _notification_frequency = d.pop("notification_frequency", UNSET)
        notification_frequency: NotificationFrequencyEnum | Unset
        if isinstance(_notification_frequency,  Unset):
            notification_frequency = UNSET
        else:
            notification_frequency = NotificationFrequencyEnum(_notification_frequency)




        notification_setting_change_request = cls(
            notification_via=notification_via,
            enabled=enabled,
            uuid=uuid,
            notification_frequency=notification_frequency,
        )


        notification_setting_change_request.additional_properties = d
        return notification_setting_change_request

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
