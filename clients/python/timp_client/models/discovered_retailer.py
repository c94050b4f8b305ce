from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.connection_status_enum import ConnectionStatusEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.person import Person





T = TypeVar("T", bound="DiscoveredRetailer")



@_attrs_define
class DiscoveredRetailer:
    """ 
        Attributes:
            uuid (UUID): The Supplier's (or Retailer's) UUID, as in a Connection.
            name (str):
            website (str):
            description (None | str):
            fulfillment_percentage (float | None):
            number_of_skus (int | None):
            contact (Person):
            organization_uuid (UUID):
            date_joined (datetime.date): When it joined discovery.
            connection_status (ConnectionStatusEnum | None): Your connection with it, if any.

                * `CONFIRMATION WAITING` - Confirmation Waiting
                * `ACTIVE` - Active
                * `DEACTIVATED` - Deactivated
            pending_request_uuid (None | UUID): Your pending request naming it.
     """

    uuid: UUID
    name: str
    website: str
    description: None | str
    fulfillment_percentage: float | None
    number_of_skus: int | None
    contact: Person
    organization_uuid: UUID
    date_joined: datetime.date
    connection_status: ConnectionStatusEnum | None
    pending_request_uuid: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person # noqa: PLC0415
        uuid = str(self.uuid)

        name = self.name

        website = self.website

        description: None | str
        description = self.description

        fulfillment_percentage: float | None
        fulfillment_percentage = self.fulfillment_percentage

        number_of_skus: int | None
        number_of_skus = self.number_of_skus

        contact = self.contact.to_dict()

        organization_uuid = str(self.organization_uuid)

        date_joined = self.date_joined.isoformat()

        connection_status: None | str
        if isinstance(self.connection_status, ConnectionStatusEnum):
            connection_status = self.connection_status.value
        else:
            connection_status = self.connection_status

        pending_request_uuid: None | str
        if isinstance(self.pending_request_uuid, UUID):
            pending_request_uuid = str(self.pending_request_uuid)
        else:
            pending_request_uuid = self.pending_request_uuid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "name": name,
            "website": website,
            "description": description,
            "fulfillment_percentage": fulfillment_percentage,
            "number_of_skus": number_of_skus,
            "contact": contact,
            "organization_uuid": organization_uuid,
            "date_joined": date_joined,
            "connection_status": connection_status,
            "pending_request_uuid": pending_request_uuid,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        name = d.pop("name")

        website = d.pop("website")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_fulfillment_percentage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        fulfillment_percentage = _parse_fulfillment_percentage(d.pop("fulfillment_percentage"))


        def _parse_number_of_skus(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        number_of_skus = _parse_number_of_skus(d.pop("number_of_skus"))


        contact = Person.from_dict(d.pop("contact"))




        organization_uuid = UUID(d.pop("organization_uuid"))




        date_joined = datetime.date.fromisoformat(d.pop("date_joined"))




        def _parse_connection_status(data: object) -> ConnectionStatusEnum | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                connection_status_type_0 = ConnectionStatusEnum(data)



                return connection_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConnectionStatusEnum | None, data)

        connection_status = _parse_connection_status(d.pop("connection_status"))


        def _parse_pending_request_uuid(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pending_request_uuid_type_0 = UUID(data)



                return pending_request_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        pending_request_uuid = _parse_pending_request_uuid(d.pop("pending_request_uuid"))


        discovered_retailer = cls(
            uuid=uuid,
            name=name,
            website=website,
            description=description,
            fulfillment_percentage=fulfillment_percentage,
            number_of_skus=number_of_skus,
            contact=contact,
            organization_uuid=organization_uuid,
            date_joined=date_joined,
            connection_status=connection_status,
            pending_request_uuid=pending_request_uuid,
        )


        discovered_retailer.additional_properties = d
        return discovered_retailer

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
