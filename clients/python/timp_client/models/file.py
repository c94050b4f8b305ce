from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="File")



@_attrs_define
class File:
    """ The File Object: `uuid` and `name` as documented, then what the server knows of the bytes.

        Attributes:
            uuid (UUID):
            name (str):
            size (int):
            content_type (str):
            sha256 (str):
            uploaded_date (datetime.datetime):
     """

    uuid: UUID
    name: str
    size: int
    content_type: str
    sha256: str
    uploaded_date: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        name = self.name

        size = self.size

        content_type = self.content_type

        sha256 = self.sha256

        uploaded_date = self.uploaded_date.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "name": name,
            "size": size,
            "content_type": content_type,
            "sha256": sha256,
            "uploaded_date": uploaded_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        name = d.pop("name")

        size = d.pop("size")

        content_type = d.pop("content_type")

        sha256 = d.pop("sha256")

        uploaded_date = datetime.datetime.fromisoformat(d.pop("uploaded_date"))




        file = cls(
            uuid=uuid,
            name=name,
            size=size,
            content_type=content_type,
            sha256=sha256,
            uploaded_date=uploaded_date,
        )


        file.additional_properties = d
        return file

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
