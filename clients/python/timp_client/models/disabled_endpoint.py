from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DisabledEndpoint")



@_attrs_define
class DisabledEndpoint:
    """ A webhook endpoint turned off after failing for five days.

        Attributes:
            uuid (UUID):
            url (str):
            failing_since (datetime.datetime):
     """

    uuid: UUID
    url: str
    failing_since: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        url = self.url

        failing_since = self.failing_since.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "url": url,
            "failing_since": failing_since,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        url = d.pop("url")

        failing_since = datetime.datetime.fromisoformat(d.pop("failing_since"))




        disabled_endpoint = cls(
            uuid=uuid,
            url=url,
            failing_since=failing_since,
        )


        disabled_endpoint.additional_properties = d
        return disabled_endpoint

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
