from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.run_end_status_enum import RunEndStatusEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedRunEndRequest")



@_attrs_define
class PatchedRunEndRequest:
    """ 
        Attributes:
            status (RunEndStatusEnum | Unset): * `Successful` - Successful
                * `Failed` - Failed
            count (int | None | Unset):
            failure_message (str | Unset):  Default: ''.
     """

    status: RunEndStatusEnum | Unset = UNSET
    count: int | None | Unset = UNSET
    failure_message: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        failure_message = self.failure_message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if status is not UNSET:
            field_dict["status"] = status
        if count is not UNSET:
            field_dict["count"] = count
        if failure_message is not UNSET:
            field_dict["failure_message"] = failure_message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _status = d.pop("status", UNSET)
        status: RunEndStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = RunEndStatusEnum(_status)




        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))


        failure_message = d.pop("failure_message", UNSET)

        patched_run_end_request = cls(
            status=status,
            count=count,
            failure_message=failure_message,
        )


        patched_run_end_request.additional_properties = d
        return patched_run_end_request

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
