from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_event_type_enum import ImportEventTypeEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.import_ import Import





T = TypeVar("T", bound="ImportEvent")



@_attrs_define
class ImportEvent:
    """ 
        Attributes:
            id (int):
            type_ (ImportEventTypeEnum): * `imports/finished` - imports/finished
            created_at (datetime.datetime):
            data (Import): A file of connection requests and how its import goes. Made in Python from an import
                that `selectors.with_errors` gave its first errors.
     """

    id: int
    type_: ImportEventTypeEnum
    created_at: datetime.datetime
    data: Import
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_ import Import # noqa: PLC0415
        id = self.id

        type_ = self.type_.value

        created_at = self.created_at.isoformat()

        data = self.data.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "type": type_,
            "created_at": created_at,
            "data": data,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_ import Import # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        type_ = ImportEventTypeEnum(d.pop("type"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        data = Import.from_dict(d.pop("data"))




        import_event = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            data=data,
        )


        import_event.additional_properties = d
        return import_event

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
