from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.feed import Feed
  from ..models.health_day import HealthDay





T = TypeVar("T", bound="ConnectionHealth")



@_attrs_define
class ConnectionHealth:
    """ 
        Attributes:
            feeds (list[Feed]):
            days (list[HealthDay]):
            badge_url (str):
     """

    feeds: list[Feed]
    days: list[HealthDay]
    badge_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.feed import Feed # noqa: PLC0415
        from ..models.health_day import HealthDay # noqa: PLC0415
        feeds = []
        for feeds_item_data in self.feeds:
            feeds_item = feeds_item_data.to_dict()
            feeds.append(feeds_item)



        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)



        badge_url = self.badge_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "feeds": feeds,
            "days": days,
            "badge_url": badge_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feed import Feed # noqa: PLC0415
        from ..models.health_day import HealthDay # noqa: PLC0415
        d = dict(src_dict)
        feeds = []
        _feeds = d.pop("feeds")
        for feeds_item_data in (_feeds):
            feeds_item = Feed.from_dict(feeds_item_data)



            feeds.append(feeds_item)


        days = []
        _days = d.pop("days")
        for days_item_data in (_days):
            days_item = HealthDay.from_dict(days_item_data)



            days.append(days_item)


        badge_url = d.pop("badge_url")

        connection_health = cls(
            feeds=feeds,
            days=days,
            badge_url=badge_url,
        )


        connection_health.additional_properties = d
        return connection_health

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
