from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feed_stage_enum import FeedStageEnum
from ..models.sender_enum import SenderEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedFeedChangeRequest")



@_attrs_define
class PatchedFeedChangeRequest:
    """ 
        Attributes:
            update_frequency (None | str | Unset):
            schedule_timezone (str | Unset):
            grace_minutes (int | Unset):
            sender (SenderEnum | Unset): * `RETAILER` - RETAILER
                * `SUPPLIER` - SUPPLIER
            stage (FeedStageEnum | Unset): * `setup` - Setup
                * `testing` - Testing
                * `live` - Live
                * `paused` - Paused
     """

    update_frequency: None | str | Unset = UNSET
    schedule_timezone: str | Unset = UNSET
    grace_minutes: int | Unset = UNSET
    sender: SenderEnum | Unset = UNSET
    stage: FeedStageEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        update_frequency: None | str | Unset
        if isinstance(self.update_frequency, Unset):
            update_frequency = UNSET
        else:
            update_frequency = self.update_frequency

        schedule_timezone = self.schedule_timezone

        grace_minutes = self.grace_minutes

        sender: str | Unset = UNSET
        if not isinstance(self.sender, Unset):
            sender = self.sender.value


        stage: str | Unset = UNSET
        if not isinstance(self.stage, Unset):
            stage = self.stage.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if update_frequency is not UNSET:
            field_dict["update_frequency"] = update_frequency
        if schedule_timezone is not UNSET:
            field_dict["schedule_timezone"] = schedule_timezone
        if grace_minutes is not UNSET:
            field_dict["grace_minutes"] = grace_minutes
        if sender is not UNSET:
            field_dict["sender"] = sender
        if stage is not UNSET:
            field_dict["stage"] = stage

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_update_frequency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        update_frequency = _parse_update_frequency(d.pop("update_frequency", UNSET))


        schedule_timezone = d.pop("schedule_timezone", UNSET)

        grace_minutes = d.pop("grace_minutes", UNSET)

        _sender = d.pop("sender", UNSET)
        sender: SenderEnum | Unset
        if isinstance(_sender,  Unset):
            sender = UNSET
        else:
            sender = SenderEnum(_sender)




        _stage = d.pop("stage", UNSET)
        stage: FeedStageEnum | Unset
        if isinstance(_stage,  Unset):
            stage = UNSET
        else:
            stage = FeedStageEnum(_stage)




        patched_feed_change_request = cls(
            update_frequency=update_frequency,
            schedule_timezone=schedule_timezone,
            grace_minutes=grace_minutes,
            sender=sender,
            stage=stage,
        )


        patched_feed_change_request.additional_properties = d
        return patched_feed_change_request

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
