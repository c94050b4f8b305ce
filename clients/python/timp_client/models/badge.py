from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feed_health_enum import FeedHealthEnum






T = TypeVar("T", bound="Badge")



@_attrs_define
class Badge:
    """ 
        Attributes:
            status (FeedHealthEnum): * `new` - New
                * `up` - Up
                * `late` - Late
                * `failing` - Failing
                * `paused` - Paused
            feeds (int):
     """

    status: FeedHealthEnum
    feeds: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        feeds = self.feeds


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "feeds": feeds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeedHealthEnum(d.pop("status"))




        feeds = d.pop("feeds")

        badge = cls(
            status=status,
            feeds=feeds,
        )


        badge.additional_properties = d
        return badge

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
