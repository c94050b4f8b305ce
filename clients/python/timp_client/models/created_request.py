from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CreatedRequest")



@_attrs_define
class CreatedRequest:
    """ 
        Attributes:
            request_uuid (UUID):
            uuid (UUID):
            request_date (datetime.datetime):
     """

    request_uuid: UUID
    uuid: UUID
    request_date: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        request_uuid = str(self.request_uuid)

        uuid = str(self.uuid)

        request_date = self.request_date.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "request_uuid": request_uuid,
            "uuid": uuid,
            "request_date": request_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        request_uuid = UUID(d.pop("request_uuid"))




        uuid = UUID(d.pop("uuid"))




        request_date = datetime.datetime.fromisoformat(d.pop("request_date"))




        created_request = cls(
            request_uuid=request_uuid,
            uuid=uuid,
            request_date=request_date,
        )


        created_request.additional_properties = d
        return created_request

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
