from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feed_health_enum import FeedHealthEnum
from ..models.run_status_enum import RunStatusEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Health")



@_attrs_define
class Health:
    """ 
        Attributes:
            status (FeedHealthEnum): * `new` - New
                * `up` - Up
                * `late` - Late
                * `failing` - Failing
                * `paused` - Paused
            last_run_at (datetime.datetime | None):
            last_status (None | RunStatusEnum):
            next_expected_at (datetime.datetime | None):
            late_since (datetime.datetime | None):
            missed_runs_30d (int | None):
            on_time_30d (float | None): The share of expected runs that came on time.
     """

    status: FeedHealthEnum
    last_run_at: datetime.datetime | None
    last_status: None | RunStatusEnum
    next_expected_at: datetime.datetime | None
    late_since: datetime.datetime | None
    missed_runs_30d: int | None
    on_time_30d: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        last_run_at: None | str
        if isinstance(self.last_run_at, datetime.datetime):
            last_run_at = self.last_run_at.isoformat()
        else:
            last_run_at = self.last_run_at

        last_status: None | str
        if isinstance(self.last_status, RunStatusEnum):
            last_status = self.last_status.value
        else:
            last_status = self.last_status

        next_expected_at: None | str
        if isinstance(self.next_expected_at, datetime.datetime):
            next_expected_at = self.next_expected_at.isoformat()
        else:
            next_expected_at = self.next_expected_at

        late_since: None | str
        if isinstance(self.late_since, datetime.datetime):
            late_since = self.late_since.isoformat()
        else:
            late_since = self.late_since

        missed_runs_30d: int | None
        missed_runs_30d = self.missed_runs_30d

        on_time_30d: float | None
        on_time_30d = self.on_time_30d


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "last_run_at": last_run_at,
            "last_status": last_status,
            "next_expected_at": next_expected_at,
            "late_since": late_since,
            "missed_runs_30d": missed_runs_30d,
            "on_time_30d": on_time_30d,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeedHealthEnum(d.pop("status"))




        def _parse_last_run_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_run_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_run_at = _parse_last_run_at(d.pop("last_run_at"))


        def _parse_last_status(data: object) -> None | RunStatusEnum:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_status_type_0 = RunStatusEnum(data)



                return last_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunStatusEnum, data)

        last_status = _parse_last_status(d.pop("last_status"))


        def _parse_next_expected_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_expected_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_expected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_expected_at = _parse_next_expected_at(d.pop("next_expected_at"))


        def _parse_late_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                late_since_type_0 = datetime.datetime.fromisoformat(data)



                return late_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        late_since = _parse_late_since(d.pop("late_since"))


        def _parse_missed_runs_30d(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        missed_runs_30d = _parse_missed_runs_30d(d.pop("missed_runs_30d"))


        def _parse_on_time_30d(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        on_time_30d = _parse_on_time_30d(d.pop("on_time_30d"))


        health = cls(
            status=status,
            last_run_at=last_run_at,
            last_status=last_status,
            next_expected_at=next_expected_at,
            late_since=late_since,
            missed_runs_30d=missed_runs_30d,
            on_time_30d=on_time_30d,
        )


        health.additional_properties = d
        return health

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
