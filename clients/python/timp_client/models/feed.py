from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feed_stage_enum import FeedStageEnum
from ..models.integration_type_enum import IntegrationTypeEnum
from ..models.sender_enum import SenderEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.health import Health





T = TypeVar("T", bound="Feed")



@_attrs_define
class Feed:
    """ The Integration read shape, plus the feed's stage, sender, schedule and health.

        Attributes:
            record_uuid (UUID):
            integration_type (IntegrationTypeEnum): * `item` - Item
                * `order` - Order
                * `allocation` - Allocation
                * `tracking` - Tracking
                * `other` - Other
            update_frequency (None | str):
            feed_source_file_locations (str): Passwords shown as ***.
            file_specs (str):
            rules (str):
            date_created (datetime.datetime):
            next_run_at (datetime.datetime | None): The next scheduled time, read in schedule_timezone.
            stage (FeedStageEnum): * `setup` - Setup
                * `testing` - Testing
                * `live` - Live
                * `paused` - Paused
            sender (SenderEnum): * `RETAILER` - RETAILER
                * `SUPPLIER` - SUPPLIER
            schedule_timezone (str): An IANA time zone; the cron is read in it.
            grace_minutes (int):
            health (Health):
            ping_url (None | str): Shown only to the sending side's members with manage_connections.
     """

    record_uuid: UUID
    integration_type: IntegrationTypeEnum
    update_frequency: None | str
    feed_source_file_locations: str
    file_specs: str
    rules: str
    date_created: datetime.datetime
    next_run_at: datetime.datetime | None
    stage: FeedStageEnum
    sender: SenderEnum
    schedule_timezone: str
    grace_minutes: int
    health: Health
    ping_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.health import Health # noqa: PLC0415
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

        stage = self.stage.value

        sender = self.sender.value

        schedule_timezone = self.schedule_timezone

        grace_minutes = self.grace_minutes

        health = self.health.to_dict()

        ping_url: None | str
        ping_url = self.ping_url


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
            "stage": stage,
            "sender": sender,
            "schedule_timezone": schedule_timezone,
            "grace_minutes": grace_minutes,
            "health": health,
            "ping_url": ping_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.health import Health # noqa: PLC0415
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


        stage = FeedStageEnum(d.pop("stage"))




        sender = SenderEnum(d.pop("sender"))




        schedule_timezone = d.pop("schedule_timezone")

        grace_minutes = d.pop("grace_minutes")

        health = Health.from_dict(d.pop("health"))




        def _parse_ping_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ping_url = _parse_ping_url(d.pop("ping_url"))


        feed = cls(
            record_uuid=record_uuid,
            integration_type=integration_type,
            update_frequency=update_frequency,
            feed_source_file_locations=feed_source_file_locations,
            file_specs=file_specs,
            rules=rules,
            date_created=date_created,
            next_run_at=next_run_at,
            stage=stage,
            sender=sender,
            schedule_timezone=schedule_timezone,
            grace_minutes=grace_minutes,
            health=health,
            ping_url=ping_url,
        )


        feed.additional_properties = d
        return feed

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
