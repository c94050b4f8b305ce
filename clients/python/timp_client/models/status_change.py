from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.connection_request_status_enum import ConnectionRequestStatusEnum
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="StatusChange")



@_attrs_define
class StatusChange:
    """ 
        Attributes:
            status (ConnectionRequestStatusEnum): * `pending` - Pending
                * `approved` - Approved
                * `denied` - Denied
                * `cancelled` - Cancelled
                * `expired` - Expired
            at (datetime.datetime):
            by (None | UUID): The user who made the change.
     """

    status: ConnectionRequestStatusEnum
    at: datetime.datetime
    by: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        at = self.at.isoformat()

        by: None | str
        if isinstance(self.by, UUID):
            by = str(self.by)
        else:
            by = self.by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "at": at,
            "by": by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ConnectionRequestStatusEnum(d.pop("status"))




        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                by_type_0 = UUID(data)



                return by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        by = _parse_by(d.pop("by"))


        status_change = cls(
            status=status,
            at=at,
            by=by,
        )


        status_change.additional_properties = d
        return status_change

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
