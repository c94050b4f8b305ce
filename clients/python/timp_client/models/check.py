from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.issue import Issue





T = TypeVar("T", bound="Check")



@_attrs_define
class Check:
    """ 
        Attributes:
            uuid (UUID):
            file_name (str):
            checked_at (datetime.datetime):
            spec (str): The file guide's specification the file was checked against.
            passed (bool):
            rows (int): Data rows, the header aside.
            error_count (int):
            errors (list[Issue]): At most 100; error_count counts all.
            warnings (list[Issue]):
     """

    uuid: UUID
    file_name: str
    checked_at: datetime.datetime
    spec: str
    passed: bool
    rows: int
    error_count: int
    errors: list[Issue]
    warnings: list[Issue]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.issue import Issue # noqa: PLC0415
        uuid = str(self.uuid)

        file_name = self.file_name

        checked_at = self.checked_at.isoformat()

        spec = self.spec

        passed = self.passed

        rows = self.rows

        error_count = self.error_count

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "file_name": file_name,
            "checked_at": checked_at,
            "spec": spec,
            "passed": passed,
            "rows": rows,
            "error_count": error_count,
            "errors": errors,
            "warnings": warnings,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue import Issue # noqa: PLC0415
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        file_name = d.pop("file_name")

        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))




        spec = d.pop("spec")

        passed = d.pop("passed")

        rows = d.pop("rows")

        error_count = d.pop("error_count")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = Issue.from_dict(errors_item_data)



            errors.append(errors_item)


        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in (_warnings):
            warnings_item = Issue.from_dict(warnings_item_data)



            warnings.append(warnings_item)


        check = cls(
            uuid=uuid,
            file_name=file_name,
            checked_at=checked_at,
            spec=spec,
            passed=passed,
            rows=rows,
            error_count=error_count,
            errors=errors,
            warnings=warnings,
        )


        check.additional_properties = d
        return check

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
