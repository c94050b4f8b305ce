from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.connection_status_enum import ConnectionStatusEnum
from ..models.organization_type_enum import OrganizationTypeEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.account_manager import AccountManager
  from ..models.role import Role





T = TypeVar("T", bound="Connection")



@_attrs_define
class Connection:
    """ The Connection object exactly as the docs nest it, plus `requested_by` and `created_date`.
    Its retailer and supplier are built separately and put in place by `with_roles`.

        Attributes:
            uuid (UUID):
            retailer (Role): A Retailer or Supplier: its own UUID, its organization and the organization's contact.
            supplier (Role): A Retailer or Supplier: its own UUID, its organization and the organization's contact.
            status (ConnectionStatusEnum): * `CONFIRMATION WAITING` - Confirmation Waiting
                * `ACTIVE` - Active
                * `DEACTIVATED` - Deactivated
            account_manager (AccountManager | None):
            allocation_type (None | str):
            suppliers_retailer_account_number (None | str):
            retailers_supplier_account_number (None | str):
            deactivated_date (datetime.datetime | None):
            requested_by (OrganizationTypeEnum): * `RETAILER` - Retailer
                * `SUPPLIER` - Supplier
            created_date (datetime.datetime):
     """

    uuid: UUID
    retailer: Role
    supplier: Role
    status: ConnectionStatusEnum
    account_manager: AccountManager | None
    allocation_type: None | str
    suppliers_retailer_account_number: None | str
    retailers_supplier_account_number: None | str
    deactivated_date: datetime.datetime | None
    requested_by: OrganizationTypeEnum
    created_date: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_manager import AccountManager # noqa: PLC0415
        from ..models.role import Role # noqa: PLC0415
        uuid = str(self.uuid)

        retailer = self.retailer.to_dict()

        supplier = self.supplier.to_dict()

        status = self.status.value

        account_manager: dict[str, Any] | None
        if isinstance(self.account_manager, AccountManager):
            account_manager = self.account_manager.to_dict()
        else:
            account_manager = self.account_manager

        allocation_type: None | str
        allocation_type = self.allocation_type

        suppliers_retailer_account_number: None | str
        suppliers_retailer_account_number = self.suppliers_retailer_account_number

        retailers_supplier_account_number: None | str
        retailers_supplier_account_number = self.retailers_supplier_account_number

        deactivated_date: None | str
        if isinstance(self.deactivated_date, datetime.datetime):
            deactivated_date = self.deactivated_date.isoformat()
        else:
            deactivated_date = self.deactivated_date

        requested_by = self.requested_by.value

        created_date = self.created_date.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "retailer": retailer,
            "supplier": supplier,
            "status": status,
            "account_manager": account_manager,
            "allocation_type": allocation_type,
            "suppliers_retailer_account_number": suppliers_retailer_account_number,
            "retailers_supplier_account_number": retailers_supplier_account_number,
            "deactivated_date": deactivated_date,
            "requested_by": requested_by,
            "created_date": created_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_manager import AccountManager # noqa: PLC0415
        from ..models.role import Role # noqa: PLC0415
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        retailer = Role.from_dict(d.pop("retailer"))




        supplier = Role.from_dict(d.pop("supplier"))




        status = ConnectionStatusEnum(d.pop("status"))




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


        def _parse_allocation_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        allocation_type = _parse_allocation_type(d.pop("allocation_type"))


        def _parse_suppliers_retailer_account_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        suppliers_retailer_account_number = _parse_suppliers_retailer_account_number(d.pop("suppliers_retailer_account_number"))


        def _parse_retailers_supplier_account_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        retailers_supplier_account_number = _parse_retailers_supplier_account_number(d.pop("retailers_supplier_account_number"))


        def _parse_deactivated_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deactivated_date_type_0 = datetime.datetime.fromisoformat(data)



                return deactivated_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        deactivated_date = _parse_deactivated_date(d.pop("deactivated_date"))


        requested_by = OrganizationTypeEnum(d.pop("requested_by"))




        created_date = datetime.datetime.fromisoformat(d.pop("created_date"))




        connection = cls(
            uuid=uuid,
            retailer=retailer,
            supplier=supplier,
            status=status,
            account_manager=account_manager,
            allocation_type=allocation_type,
            suppliers_retailer_account_number=suppliers_retailer_account_number,
            retailers_supplier_account_number=retailers_supplier_account_number,
            deactivated_date=deactivated_date,
            requested_by=requested_by,
            created_date=created_date,
        )


        connection.additional_properties = d
        return connection

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
