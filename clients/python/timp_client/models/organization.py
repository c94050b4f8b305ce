from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organization_status_enum import OrganizationStatusEnum
from ..models.organization_type_enum import OrganizationTypeEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.account_manager import AccountManager





T = TypeVar("T", bound="Organization")



@_attrs_define
class Organization:
    """ 
        Attributes:
            uuid (UUID):
            name (str):
            website (str):
            org_type (OrganizationTypeEnum): * `RETAILER` - Retailer
                * `SUPPLIER` - Supplier
            status (OrganizationStatusEnum): * `PENDING` - Pending
                * `ACTIVE` - Active
                * `DEACTIVATED` - Deactivated
            created_date (datetime.datetime):
            active_date (datetime.datetime | None):
            account_manager (AccountManager | None):
            retailer_uuid (str): The retailer UUID, or "" for a supplier.
            supplier_uuid (str): The supplier UUID, or "" for a retailer.
     """

    uuid: UUID
    name: str
    website: str
    org_type: OrganizationTypeEnum
    status: OrganizationStatusEnum
    created_date: datetime.datetime
    active_date: datetime.datetime | None
    account_manager: AccountManager | None
    retailer_uuid: str
    supplier_uuid: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_manager import AccountManager # noqa: PLC0415
        uuid = str(self.uuid)

        name = self.name

        website = self.website

        org_type = self.org_type.value

        status = self.status.value

        created_date = self.created_date.isoformat()

        active_date: None | str
        if isinstance(self.active_date, datetime.datetime):
            active_date = self.active_date.isoformat()
        else:
            active_date = self.active_date

        account_manager: dict[str, Any] | None
        if isinstance(self.account_manager, AccountManager):
            account_manager = self.account_manager.to_dict()
        else:
            account_manager = self.account_manager

        retailer_uuid = self.retailer_uuid

        supplier_uuid = self.supplier_uuid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "name": name,
            "website": website,
            "org_type": org_type,
            "status": status,
            "created_date": created_date,
            "active_date": active_date,
            "account_manager": account_manager,
            "retailer_uuid": retailer_uuid,
            "supplier_uuid": supplier_uuid,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_manager import AccountManager # noqa: PLC0415
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        name = d.pop("name")

        website = d.pop("website")

        org_type = OrganizationTypeEnum(d.pop("org_type"))




        status = OrganizationStatusEnum(d.pop("status"))




        created_date = datetime.datetime.fromisoformat(d.pop("created_date"))




        def _parse_active_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                active_date_type_0 = datetime.datetime.fromisoformat(data)



                return active_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        active_date = _parse_active_date(d.pop("active_date"))


        def _parse_account_manager(data: object) -> AccountManager | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                account_manager_type_0 = AccountManager.from_dict(data)



                return account_manager_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountManager | None, data)

        account_manager = _parse_account_manager(d.pop("account_manager"))


        retailer_uuid = d.pop("retailer_uuid")

        supplier_uuid = d.pop("supplier_uuid")

        organization = cls(
            uuid=uuid,
            name=name,
            website=website,
            org_type=org_type,
            status=status,
            created_date=created_date,
            active_date=active_date,
            account_manager=account_manager,
            retailer_uuid=retailer_uuid,
            supplier_uuid=supplier_uuid,
        )


        organization.additional_properties = d
        return organization

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
