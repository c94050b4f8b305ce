from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.integration_type_enum import IntegrationTypeEnum
from ..models.run_status_enum import RunStatusEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.reporter import Reporter





T = TypeVar("T", bound="Run")



@_attrs_define
class Run:
    """ A run, in the upstream Previous Imports shape, plus `count` and `reported_by`.

        Attributes:
            uuid (UUID):
            date_imported (datetime.datetime):
            file_name (str):
            imported_to (IntegrationTypeEnum): * `item` - Item
                * `order` - Order
                * `allocation` - Allocation
                * `tracking` - Tracking
                * `other` - Other
            status (RunStatusEnum): * `Successful` - Successful
                * `Pending` - Pending
                * `Failed` - Failed
            failure_message (str):
            count (int | None):
            reported_by (Reporter):
     """

    uuid: UUID
    date_imported: datetime.datetime
    file_name: str
    imported_to: IntegrationTypeEnum
    status: RunStatusEnum
    failure_message: str
    count: int | None
    reported_by: Reporter
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reporter import Reporter # noqa: PLC0415
        uuid = str(self.uuid)

        date_imported = self.date_imported.isoformat()

        file_name = self.file_name

        imported_to = self.imported_to.value

        status = self.status.value

        failure_message = self.failure_message

        count: int | None
        count = self.count

        reported_by = self.reported_by.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "date_imported": date_imported,
            "file_name": file_name,
            "imported_to": imported_to,
            "status": status,
            "failure_message": failure_message,
            "count": count,
            "reported_by": reported_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reporter import Reporter # noqa: PLC0415
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        date_imported = datetime.datetime.fromisoformat(d.pop("date_imported"))




        file_name = d.pop("file_name")

        imported_to = IntegrationTypeEnum(d.pop("imported_to"))




        status = RunStatusEnum(d.pop("status"))




        failure_message = d.pop("failure_message")

        def _parse_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        count = _parse_count(d.pop("count"))


        reported_by = Reporter.from_dict(d.pop("reported_by"))




        run = cls(
            uuid=uuid,
            date_imported=date_imported,
            file_name=file_name,
            imported_to=imported_to,
            status=status,
            failure_message=failure_message,
            count=count,
            reported_by=reported_by,
        )


        run.additional_properties = d
        return run

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
