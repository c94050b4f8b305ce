from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.integration_write_request import IntegrationWriteRequest
  from ..models.patched_connection_request_write_request_uploaded_files_item_type_1 import PatchedConnectionRequestWriteRequestUploadedFilesItemType1





T = TypeVar("T", bound="PatchedConnectionRequestWriteRequest")



@_attrs_define
class PatchedConnectionRequestWriteRequest:
    """ The body of an update of a pending request (`NewConnectionRequestSerializer` for a new one):
    every field optional; integrations with a `record_uuid` change that one, others are added.

        Attributes:
            organization_name (str | Unset): The organization asked for.
            primary_contact_name (str | Unset):
            primary_contact_phone (str | Unset):
            primary_contact_email (str | Unset):
            organization_account_number (str | Unset): Your account number in their system.
            additional_information (str | Unset):
            requested_integrations (list[IntegrationWriteRequest] | Unset):
            uploaded_files (list[PatchedConnectionRequestWriteRequestUploadedFilesItemType1 | UUID] | Unset):
            integrations (list[IntegrationWriteRequest] | Unset): Another spelling of `requested_integrations` (the
                published docs use more than one); send one of them.
            retailer_account_number (str | Unset): Another spelling of `organization_account_number` (the published docs use
                more than one); send one of them.
            supplier_account_number (str | Unset): Another spelling of `organization_account_number` (the published docs use
                more than one); send one of them.
     """

    organization_name: str | Unset = UNSET
    primary_contact_name: str | Unset = UNSET
    primary_contact_phone: str | Unset = UNSET
    primary_contact_email: str | Unset = UNSET
    organization_account_number: str | Unset = UNSET
    additional_information: str | Unset = UNSET
    requested_integrations: list[IntegrationWriteRequest] | Unset = UNSET
    uploaded_files: list[PatchedConnectionRequestWriteRequestUploadedFilesItemType1 | UUID] | Unset = UNSET
    integrations: list[IntegrationWriteRequest] | Unset = UNSET
    retailer_account_number: str | Unset = UNSET
    supplier_account_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.integration_write_request import IntegrationWriteRequest # noqa: PLC0415
        from ..models.patched_connection_request_write_request_uploaded_files_item_type_1 import PatchedConnectionRequestWriteRequestUploadedFilesItemType1 # noqa: PLC0415
        organization_name = self.organization_name

        primary_contact_name = self.primary_contact_name

        primary_contact_phone = self.primary_contact_phone

        primary_contact_email: str | Unset
        if isinstance(self.primary_contact_email, Unset):
            primary_contact_email = UNSET
        else:
            primary_contact_email = self.primary_contact_email

        organization_account_number = self.organization_account_number

        additional_information = self.additional_information

        requested_integrations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.requested_integrations, Unset):
            requested_integrations = []
            for requested_integrations_item_data in self.requested_integrations:
                requested_integrations_item = requested_integrations_item_data.to_dict()
                requested_integrations.append(requested_integrations_item)



        uploaded_files: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.uploaded_files, Unset):
            uploaded_files = []
            for uploaded_files_item_data in self.uploaded_files:
                uploaded_files_item: dict[str, Any] | str
                if isinstance(uploaded_files_item_data, UUID):
                    uploaded_files_item = str(uploaded_files_item_data)
                else:
                    uploaded_files_item = uploaded_files_item_data.to_dict()

                uploaded_files.append(uploaded_files_item)



        integrations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.integrations, Unset):
            integrations = []
            for integrations_item_data in self.integrations:
                integrations_item = integrations_item_data.to_dict()
                integrations.append(integrations_item)



        retailer_account_number = self.retailer_account_number

        supplier_account_number = self.supplier_account_number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if organization_name is not UNSET:
            field_dict["organization_name"] = organization_name
        if primary_contact_name is not UNSET:
            field_dict["primary_contact_name"] = primary_contact_name
        if primary_contact_phone is not UNSET:
            field_dict["primary_contact_phone"] = primary_contact_phone
        if primary_contact_email is not UNSET:
            field_dict["primary_contact_email"] = primary_contact_email
        if organization_account_number is not UNSET:
            field_dict["organization_account_number"] = organization_account_number
        if additional_information is not UNSET:
            field_dict["additional_information"] = additional_information
        if requested_integrations is not UNSET:
            field_dict["requested_integrations"] = requested_integrations
        if uploaded_files is not UNSET:
            field_dict["uploaded_files"] = uploaded_files
        if integrations is not UNSET:
            field_dict["integrations"] = integrations
        if retailer_account_number is not UNSET:
            field_dict["retailer_account_number"] = retailer_account_number
        if supplier_account_number is not UNSET:
            field_dict["supplier_account_number"] = supplier_account_number

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.integration_write_request import IntegrationWriteRequest # noqa: PLC0415
        from ..models.patched_connection_request_write_request_uploaded_files_item_type_1 import PatchedConnectionRequestWriteRequestUploadedFilesItemType1 # noqa: PLC0415
        d = dict(src_dict)
        organization_name = d.pop("organization_name", UNSET)

        primary_contact_name = d.pop("primary_contact_name", UNSET)

        primary_contact_phone = d.pop("primary_contact_phone", UNSET)

        def _parse_primary_contact_email(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        primary_contact_email = _parse_primary_contact_email(d.pop("primary_contact_email", UNSET))


        organization_account_number = d.pop("organization_account_number", UNSET)

        additional_information = d.pop("additional_information", UNSET)

        _requested_integrations = d.pop("requested_integrations", UNSET)
        requested_integrations: list[IntegrationWriteRequest] | Unset = UNSET
        if _requested_integrations is not UNSET:
            requested_integrations = []
            for requested_integrations_item_data in _requested_integrations:
                requested_integrations_item = IntegrationWriteRequest.from_dict(requested_integrations_item_data)



                requested_integrations.append(requested_integrations_item)


        _uploaded_files = d.pop("uploaded_files", UNSET)
        uploaded_files: list[PatchedConnectionRequestWriteRequestUploadedFilesItemType1 | UUID] | Unset = UNSET
        if _uploaded_files is not UNSET:
            uploaded_files = []
            for uploaded_files_item_data in _uploaded_files:
                def _parse_uploaded_files_item(data: object) -> PatchedConnectionRequestWriteRequestUploadedFilesItemType1 | UUID:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        uploaded_files_item_type_0 = UUID(data)



                        return uploaded_files_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    uploaded_files_item_type_1 = PatchedConnectionRequestWriteRequestUploadedFilesItemType1.from_dict(data)



                    return uploaded_files_item_type_1

                uploaded_files_item = _parse_uploaded_files_item(uploaded_files_item_data)

                uploaded_files.append(uploaded_files_item)


        _integrations = d.pop("integrations", UNSET)
        integrations: list[IntegrationWriteRequest] | Unset = UNSET
        if _integrations is not UNSET:
            integrations = []
            for integrations_item_data in _integrations:
                integrations_item = IntegrationWriteRequest.from_dict(integrations_item_data)



                integrations.append(integrations_item)


        retailer_account_number = d.pop("retailer_account_number", UNSET)

        supplier_account_number = d.pop("supplier_account_number", UNSET)

        patched_connection_request_write_request = cls(
            organization_name=organization_name,
            primary_contact_name=primary_contact_name,
            primary_contact_phone=primary_contact_phone,
            primary_contact_email=primary_contact_email,
            organization_account_number=organization_account_number,
            additional_information=additional_information,
            requested_integrations=requested_integrations,
            uploaded_files=uploaded_files,
            integrations=integrations,
            retailer_account_number=retailer_account_number,
            supplier_account_number=supplier_account_number,
        )


        patched_connection_request_write_request.additional_properties = d
        return patched_connection_request_write_request

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
