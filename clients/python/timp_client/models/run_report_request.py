from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.run_status_enum import RunStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="RunReportRequest")



@_attrs_define
class RunReportRequest:
    """ 
        Attributes:
            status (RunStatusEnum): * `Successful` - Successful
                * `Pending` - Pending
                * `Failed` - Failed
            file_name (str | Unset):  Default: ''.
            count (int | None | Unset):
            failure_message (str | Unset):  Default: ''.
            date_imported (datetime.datetime | Unset): When the file was delivered; now if left out.
     """

    status: RunStatusEnum
    file_name: str | Unset = ''
    count: int | None | Unset = UNSET
    failure_message: str | Unset = ''
    date_imported: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        file_name = self.file_name

        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        failure_message = self.failure_message

        date_imported: str | Unset = UNSET
        if not isinstance(self.date_imported, Unset):
            date_imported = self.date_imported.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
        })
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if count is not UNSET:
            field_dict["count"] = count
        if failure_message is not UNSET:
            field_dict["failure_message"] = failure_message
        if date_imported is not UNSET:
            field_dict["date_imported"] = date_imported

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = RunStatusEnum(d.pop("status"))




        file_name = d.pop("file_name", UNSET)

        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))


        failure_message = d.pop("failure_message", UNSET)

        _date_imported = d.pop("date_imported", UNSET)
        date_imported: datetime.datetime | Unset
        if isinstance(_date_imported,  Unset):
            date_imported = UNSET
        else:
            date_imported = datetime.datetime.fromisoformat(_date_imported)




        run_report_request = cls(
            status=status,
            file_name=file_name,
            count=count,
            failure_message=failure_message,
            date_imported=date_imported,
        )


        run_report_request.additional_properties = d
        return run_report_request

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
