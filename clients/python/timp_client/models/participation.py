from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.account_manager import AccountManager
  from ..models.person import Person





T = TypeVar("T", bound="Participation")



@_attrs_define
class Participation:
    """ An organization's participation in discovery; `supplier_uuid` or `retailer_uuid`
    names its role, as the documented object does.

        Attributes:
            is_participating (bool):
            discovery_catalog_uuid (None | UUID): Null while not participating.
            date_joined (datetime.date | None): When it last became visible in discovery.
            requested_by (None | Person): Who asked for it to be found.
            approved_by (AccountManager | None): The account manager who put it in.
            supplier_uuid (UUID | Unset): For a supplier: the Supplier's UUID.
            retailer_uuid (UUID | Unset): For a retailer: the Retailer's UUID.
     """

    is_participating: bool
    discovery_catalog_uuid: None | UUID
    date_joined: datetime.date | None
    requested_by: None | Person
    approved_by: AccountManager | None
    supplier_uuid: UUID | Unset = UNSET
    retailer_uuid: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_manager import AccountManager # noqa: PLC0415
        from ..models.person import Person # noqa: PLC0415
        is_participating = self.is_participating

        discovery_catalog_uuid: None | str
        if isinstance(self.discovery_catalog_uuid, UUID):
            discovery_catalog_uuid = str(self.discovery_catalog_uuid)
        else:
            discovery_catalog_uuid = self.discovery_catalog_uuid

        date_joined: None | str
        if isinstance(self.date_joined, datetime.date):
            date_joined = self.date_joined.isoformat()
        else:
            date_joined = self.date_joined

        requested_by: dict[str, Any] | None
        if isinstance(self.requested_by, Person):
            requested_by = self.requested_by.to_dict()
        else:
            requested_by = self.requested_by

        approved_by: dict[str, Any] | None
        if isinstance(self.approved_by, AccountManager):
            approved_by = self.approved_by.to_dict()
        else:
            approved_by = self.approved_by

        supplier_uuid: str | Unset = UNSET
        if not isinstance(self.supplier_uuid, Unset):
            supplier_uuid = str(self.supplier_uuid)

        retailer_uuid: str | Unset = UNSET
        if not isinstance(self.retailer_uuid, Unset):
            retailer_uuid = str(self.retailer_uuid)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "is_participating": is_participating,
            "discovery_catalog_uuid": discovery_catalog_uuid,
            "date_joined": date_joined,
            "requested_by": requested_by,
            "approved_by": approved_by,
        })
        if supplier_uuid is not UNSET:
            field_dict["supplier_uuid"] = supplier_uuid
        if retailer_uuid is not UNSET:
            field_dict["retailer_uuid"] = retailer_uuid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_manager import AccountManager # noqa: PLC0415
        from ..models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        is_participating = d.pop("is_participating")

        def _parse_discovery_catalog_uuid(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                discovery_catalog_uuid_type_0 = UUID(data)



                return discovery_catalog_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        discovery_catalog_uuid = _parse_discovery_catalog_uuid(d.pop("discovery_catalog_uuid"))


        def _parse_date_joined(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_joined_type_0 = datetime.date.fromisoformat(data)



                return date_joined_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date_joined = _parse_date_joined(d.pop("date_joined"))


        def _parse_requested_by(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requested_by_type_0 = Person.from_dict(data)



                return requested_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        requested_by = _parse_requested_by(d.pop("requested_by"))


        def _parse_approved_by(data: object) -> AccountManager | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                approved_by_type_0 = AccountManager.from_dict(data)



                return approved_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountManager | None, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))


        _supplier_uuid = d.pop("supplier_uuid", UNSET)
        supplier_uuid: UUID | Unset
        if isinstance(_supplier_uuid,  Unset):
            supplier_uuid = UNSET
        else:
            supplier_uuid = UUID(_supplier_uuid)




        _retailer_uuid = d.pop("retailer_uuid", UNSET)
        retailer_uuid: UUID | Unset
        if isinstance(_retailer_uuid,  Unset):
            retailer_uuid = UNSET
        else:
            retailer_uuid = UUID(_retailer_uuid)




        participation = cls(
            is_participating=is_participating,
            discovery_catalog_uuid=discovery_catalog_uuid,
            date_joined=date_joined,
            requested_by=requested_by,
            approved_by=approved_by,
            supplier_uuid=supplier_uuid,
            retailer_uuid=retailer_uuid,
        )


        participation.additional_properties = d
        return participation

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
