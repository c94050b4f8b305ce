from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="HealthDay")



@_attrs_define
class HealthDay:
    """ 
        Attributes:
            date (datetime.date):
            expected (int):
            on_time (int):
            late (int):
            missed (int):
            failed (int):
     """

    date: datetime.date
    expected: int
    on_time: int
    late: int
    missed: int
    failed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        expected = self.expected

        on_time = self.on_time

        late = self.late

        missed = self.missed

        failed = self.failed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "date": date,
            "expected": expected,
            "on_time": on_time,
            "late": late,
            "missed": missed,
            "failed": failed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        expected = d.pop("expected")

        on_time = d.pop("on_time")

        late = d.pop("late")

        missed = d.pop("missed")

        failed = d.pop("failed")

        health_day = cls(
            date=date,
            expected=expected,
            on_time=on_time,
            late=late,
            missed=missed,
            failed=failed,
        )


        health_day.additional_properties = d
        return health_day

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
