from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_status_enum import ImportStatusEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.import_error import ImportError_





T = TypeVar("T", bound="Import")



@_attrs_define
class Import:
    """ A file of connection requests and how its import goes. Made in Python from an import
    that `selectors.with_errors` gave its first errors.

        Attributes:
            uuid (UUID):
            status (ImportStatusEnum): * `queued` - Queued
                * `running` - Running
                * `done` - Done
                * `failed` - Failed
            file_name (str):
            dry_run (bool):
            total_rows (int):
            processed_rows (int):
            created (int):
            skipped (int): Rows whose counterpart has a pending request or a connection.
            failed_rows (int):
            errors (list[ImportError_]): The first 100, by row.
            created_at (datetime.datetime):
            finished_at (datetime.datetime | None):
     """

    uuid: UUID
    status: ImportStatusEnum
    file_name: str
    dry_run: bool
    total_rows: int
    processed_rows: int
    created: int
    skipped: int
    failed_rows: int
    errors: list[ImportError_]
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_error import ImportError_ # noqa: PLC0415
        uuid = str(self.uuid)

        status = self.status.value

        file_name = self.file_name

        dry_run = self.dry_run

        total_rows = self.total_rows

        processed_rows = self.processed_rows

        created = self.created

        skipped = self.skipped

        failed_rows = self.failed_rows

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "status": status,
            "file_name": file_name,
            "dry_run": dry_run,
            "total_rows": total_rows,
            "processed_rows": processed_rows,
            "created": created,
            "skipped": skipped,
            "failed_rows": failed_rows,
            "errors": errors,
            "created_at": created_at,
            "finished_at": finished_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_error import ImportError_ # noqa: PLC0415
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        status = ImportStatusEnum(d.pop("status"))




        file_name = d.pop("file_name")

        dry_run = d.pop("dry_run")

        total_rows = d.pop("total_rows")

        processed_rows = d.pop("processed_rows")

        created = d.pop("created")

        skipped = d.pop("skipped")

        failed_rows = d.pop("failed_rows")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = ImportError_.from_dict(errors_item_data)



            errors.append(errors_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        import_ = cls(
            uuid=uuid,
            status=status,
            file_name=file_name,
            dry_run=dry_run,
            total_rows=total_rows,
            processed_rows=processed_rows,
            created=created,
            skipped=skipped,
            failed_rows=failed_rows,
            errors=errors,
            created_at=created_at,
            finished_at=finished_at,
        )


        import_.additional_properties = d
        return import_

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
