from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.integration_type_enum import IntegrationTypeEnum
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Integration")



@_attrs_define
class Integration:
    """ 
        Attributes:
            record_uuid (UUID):
            integration_type (IntegrationTypeEnum): * `item` - Item
                * `order` - Order
                * `allocation` - Allocation
                * `tracking` - Tracking
                * `other` - Other
            update_frequency (None | str): A cron schedule, or null.
            feed_source_file_locations (str): The file locations; passwords shown as ***.
            file_specs (str):
            rules (str):
            date_created (datetime.datetime):
            next_run_at (datetime.datetime | None): The next scheduled time (UTC), or null.
     """

    record_uuid: UUID
    integration_type: IntegrationTypeEnum
    update_frequency: None | str
    feed_source_file_locations: str
    file_specs: str
    rules: str
    date_created: datetime.datetime
    next_run_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        record_uuid = str(self.record_uuid)

        integration_type = self.integration_type.value

        update_frequency: None | str
        update_frequency = self.update_frequency

        feed_source_file_locations = self.feed_source_file_locations

        file_specs = self.file_specs

        rules = self.rules

        date_created = self.date_created.isoformat()

        next_run_at: None | str
        if isinstance(self.next_run_at, datetime.datetime):
            next_run_at = self.next_run_at.isoformat()
        else:
            next_run_at = self.next_run_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "record_uuid": record_uuid,
            "integration_type": integration_type,
            "update_frequency": update_frequency,
            "feed_source_file_locations": feed_source_file_locations,
            "file_specs": file_specs,
            "rules": rules,
            "date_created": date_created,
            "next_run_at": next_run_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_uuid = UUID(d.pop("record_uuid"))




        integration_type = IntegrationTypeEnum(d.pop("integration_type"))




        def _parse_update_frequency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        update_frequency = _parse_update_frequency(d.pop("update_frequency"))


        feed_source_file_locations = d.pop("feed_source_file_locations")

        file_specs = d.pop("file_specs")

        rules = d.pop("rules")

        date_created = datetime.datetime.fromisoformat(d.pop("date_created"))




        def _parse_next_run_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_run_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_run_at = _parse_next_run_at(d.pop("next_run_at"))


        integration = cls(
            record_uuid=record_uuid,
            integration_type=integration_type,
            update_frequency=update_frequency,
            feed_source_file_locations=feed_source_file_locations,
            file_specs=file_specs,
            rules=rules,
            date_created=date_created,
            next_run_at=next_run_at,
        )


        integration.additional_properties = d
        return integration

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
