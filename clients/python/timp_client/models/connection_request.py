from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.connection_request_status_enum import ConnectionRequestStatusEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.account_manager import AccountManager
  from ..models.file import File
  from ..models.integration import Integration
  from ..models.organization_name import OrganizationName
  from ..models.status_change import StatusChange





T = TypeVar("T", bound="ConnectionRequest")



@_attrs_define
class ConnectionRequest:
    """ The Connection Request object: the documented keys, then `status`, `connection_uuid`,
    `history`, `requester` and `counterpart`.

        Attributes:
            record_uuid (UUID):
            org_name (str):
            org_contact_full_name (str):
            primary_contact_phone (str):
            primary_contact_email (str):
            retailer_account_number (str): The requester's account number in the counterpart's system.
            additional_information (str):
            request_date (datetime.datetime):
            is_approved (bool):
            approved_by (AccountManager | None): The account manager who approved it.
            integrations (list[Integration]):
            uploaded_files (list[File]):
            status (ConnectionRequestStatusEnum): * `pending` - Pending
                * `approved` - Approved
                * `denied` - Denied
                * `cancelled` - Cancelled
                * `expired` - Expired
            connection_uuid (None | UUID):
            history (list[StatusChange]):
            requester (OrganizationName):
            counterpart (None | OrganizationName): The organization asked for, once named (by the requester or by the
                approval).
     """

    record_uuid: UUID
    org_name: str
    org_contact_full_name: str
    primary_contact_phone: str
    primary_contact_email: str
    retailer_account_number: str
    additional_information: str
    request_date: datetime.datetime
    is_approved: bool
    approved_by: AccountManager | None
    integrations: list[Integration]
    uploaded_files: list[File]
    status: ConnectionRequestStatusEnum
    connection_uuid: None | UUID
    history: list[StatusChange]
    requester: OrganizationName
    counterpart: None | OrganizationName
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_manager import AccountManager # noqa: PLC0415
        from ..models.file import File # noqa: PLC0415
        from ..models.integration import Integration # noqa: PLC0415
        from ..models.organization_name import OrganizationName # noqa: PLC0415
        from ..models.status_change import StatusChange # noqa: PLC0415
        record_uuid = str(self.record_uuid)

        org_name = self.org_name

        org_contact_full_name = self.org_contact_full_name

        primary_contact_phone = self.primary_contact_phone

        primary_contact_email = self.primary_contact_email

        retailer_account_number = self.retailer_account_number

        additional_information = self.additional_information

        request_date = self.request_date.isoformat()

        is_approved = self.is_approved

        approved_by: dict[str, Any] | None
        if isinstance(self.approved_by, AccountManager):
            approved_by = self.approved_by.to_dict()
        else:
            approved_by = self.approved_by

        integrations = []
        for integrations_item_data in self.integrations:
            integrations_item = integrations_item_data.to_dict()
            integrations.append(integrations_item)



        uploaded_files = []
        for uploaded_files_item_data in self.uploaded_files:
            uploaded_files_item = uploaded_files_item_data.to_dict()
            uploaded_files.append(uploaded_files_item)



        status = self.status.value

        connection_uuid: None | str
        if isinstance(self.connection_uuid, UUID):
            connection_uuid = str(self.connection_uuid)
        else:
            connection_uuid = self.connection_uuid

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)



        requester = self.requester.to_dict()

        counterpart: dict[str, Any] | None
        if isinstance(self.counterpart, OrganizationName):
            counterpart = self.counterpart.to_dict()
        else:
            counterpart = self.counterpart


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "record_uuid": record_uuid,
            "org_name": org_name,
            "org_contact_full_name": org_contact_full_name,
            "primary_contact_phone": primary_contact_phone,
            "primary_contact_email": primary_contact_email,
            "retailer_account_number": retailer_account_number,
            "additional_information": additional_information,
            "request_date": request_date,
            "is_approved": is_approved,
            "approved_by": approved_by,
            "integrations": integrations,
            "uploaded_files": uploaded_files,
            "status": status,
            "connection_uuid": connection_uuid,
            "history": history,
            "requester": requester,
            "counterpart": counterpart,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_manager import AccountManager # noqa: PLC0415
        from ..models.file import File # noqa: PLC0415
        from ..models.integration import Integration # noqa: PLC0415
        from ..models.organization_name import OrganizationName # noqa: PLC0415
        from ..models.status_change import StatusChange # noqa: PLC0415
        d = dict(src_dict)
        record_uuid = UUID(d.pop("record_uuid"))




        org_name = d.pop("org_name")

        org_contact_full_name = d.pop("org_contact_full_name")

        primary_contact_phone = d.pop("primary_contact_phone")

        primary_contact_email = d.pop("primary_contact_email")

        retailer_account_number = d.pop("retailer_account_number")

        additional_information = d.pop("additional_information")

        request_date = datetime.datetime.fromisoformat(d.pop("request_date"))




        is_approved = d.pop("is_approved")

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


        integrations = []
        _integrations = d.pop("integrations")
        for integrations_item_data in (_integrations):
            integrations_item = Integration.from_dict(integrations_item_data)



            integrations.append(integrations_item)


        uploaded_files = []
        _uploaded_files = d.pop("uploaded_files")
        for uploaded_files_item_data in (_uploaded_files):
            uploaded_files_item = File.from_dict(uploaded_files_item_data)



            uploaded_files.append(uploaded_files_item)


        status = ConnectionRequestStatusEnum(d.pop("status"))




        def _parse_connection_uuid(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                connection_uuid_type_0 = UUID(data)



                return connection_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        connection_uuid = _parse_connection_uuid(d.pop("connection_uuid"))


        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = StatusChange.from_dict(history_item_data)



            history.append(history_item)


        requester = OrganizationName.from_dict(d.pop("requester"))




        def _parse_counterpart(data: object) -> None | OrganizationName:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                counterpart_type_0 = OrganizationName.from_dict(data)



                return counterpart_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationName, data)

        counterpart = _parse_counterpart(d.pop("counterpart"))


        connection_request = cls(
            record_uuid=record_uuid,
            org_name=org_name,
            org_contact_full_name=org_contact_full_name,
            primary_contact_phone=primary_contact_phone,
            primary_contact_email=primary_contact_email,
            retailer_account_number=retailer_account_number,
            additional_information=additional_information,
            request_date=request_date,
            is_approved=is_approved,
            approved_by=approved_by,
            integrations=integrations,
            uploaded_files=uploaded_files,
            status=status,
            connection_uuid=connection_uuid,
            history=history,
            requester=requester,
            counterpart=counterpart,
        )


        connection_request.additional_properties = d
        return connection_request

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
