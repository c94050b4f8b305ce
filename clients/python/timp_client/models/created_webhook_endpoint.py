from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_types_enum import EventTypesEnum
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CreatedWebhookEndpoint")



@_attrs_define
class CreatedWebhookEndpoint:
    """ 
        Attributes:
            uuid (UUID):
            url (str):
            event_types (list[EventTypesEnum]):
            created_at (datetime.datetime):
            failing_since (datetime.datetime | None):
            disabled_at (datetime.datetime | None):
            secret (str): Shown this once: sign checks use it (whsec_…).
            description (str | Unset):  Default: ''.
            is_active (bool | Unset): False once disabled (by you, or after five days of failures).
            rate_limit_per_second (int | None | Unset): At most this many deliveries start in any second; null (the default)
                for no limit.
     """

    uuid: UUID
    url: str
    event_types: list[EventTypesEnum]
    created_at: datetime.datetime
    failing_since: datetime.datetime | None
    disabled_at: datetime.datetime | None
    secret: str
    description: str | Unset = ''
    is_active: bool | Unset = UNSET
    rate_limit_per_second: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)



        created_at = self.created_at.isoformat()

        failing_since: None | str
        if isinstance(self.failing_since, datetime.datetime):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        secret = self.secret

        description = self.description

        is_active = self.is_active

        rate_limit_per_second: int | None | Unset
        if isinstance(self.rate_limit_per_second, Unset):
            rate_limit_per_second = UNSET
        else:
            rate_limit_per_second = self.rate_limit_per_second


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "url": url,
            "event_types": event_types,
            "created_at": created_at,
            "failing_since": failing_since,
            "disabled_at": disabled_at,
            "secret": secret,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if rate_limit_per_second is not UNSET:
            field_dict["rate_limit_per_second"] = rate_limit_per_second

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        url = d.pop("url")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in (_event_types):
            event_types_item = EventTypesEnum(event_types_item_data)



            event_types.append(event_types_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_failing_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failing_since_type_0 = datetime.datetime.fromisoformat(data)



                return failing_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        failing_since = _parse_failing_since(d.pop("failing_since"))


        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)



                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))


        secret = d.pop("secret")

        description = d.pop("description", UNSET)

        is_active = d.pop("is_active", UNSET)

        def _parse_rate_limit_per_second(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rate_limit_per_second = _parse_rate_limit_per_second(d.pop("rate_limit_per_second", UNSET))


        created_webhook_endpoint = cls(
            uuid=uuid,
            url=url,
            event_types=event_types,
            created_at=created_at,
            failing_since=failing_since,
            disabled_at=disabled_at,
            secret=secret,
            description=description,
            is_active=is_active,
            rate_limit_per_second=rate_limit_per_second,
        )


        created_webhook_endpoint.additional_properties = d
        return created_webhook_endpoint

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
