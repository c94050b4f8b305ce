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
  from ..models.new_connection_request_request_uploaded_files_item_type_1 import NewConnectionRequestRequestUploadedFilesItemType1
  from ..models.new_integration_request import NewIntegrationRequest





T = TypeVar("T", bound="NewConnectionRequestRequest")



@_attrs_define
class NewConnectionRequestRequest:
    """ The body of a new request. Name the counterpart found in discovery with `supplier_uuid`
    (a retailer asking) or `retailer_uuid` (a supplier asking); then `organization_name` and
    `primary_contact_name` may be left out: they come from the counterpart.

        Attributes:
            organization_name (str | Unset): The organization asked for; required unless it is named by its UUID.
            primary_contact_name (str | Unset): Required unless the counterpart is named.
            primary_contact_phone (str | Unset):
            primary_contact_email (str | Unset):
            organization_account_number (str | Unset): Your account number in their system.
            additional_information (str | Unset):
            requested_integrations (list[NewIntegrationRequest] | Unset):
            uploaded_files (list[NewConnectionRequestRequestUploadedFilesItemType1 | UUID] | Unset):
            supplier_uuid (UUID | Unset): The supplier asked for, as discovery lists it.
            retailer_uuid (UUID | Unset): The retailer asked for, as discovery lists it.
            integrations (list[NewIntegrationRequest] | Unset): Another spelling of `requested_integrations` (the published
                docs use more than one); send one of them.
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
    requested_integrations: list[NewIntegrationRequest] | Unset = UNSET
    uploaded_files: list[NewConnectionRequestRequestUploadedFilesItemType1 | UUID] | Unset = UNSET
    supplier_uuid: UUID | Unset = UNSET
    retailer_uuid: UUID | Unset = UNSET
    integrations: list[NewIntegrationRequest] | Unset = UNSET
    retailer_account_number: str | Unset = UNSET
    supplier_account_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.new_connection_request_request_uploaded_files_item_type_1 import NewConnectionRequestRequestUploadedFilesItemType1 # noqa: PLC0415
        from ..models.new_integration_request import NewIntegrationRequest # noqa: PLC0415
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



        supplier_uuid: str | Unset = UNSET
        if not isinstance(self.supplier_uuid, Unset):
            supplier_uuid = str(self.supplier_uuid)

        retailer_uuid: str | Unset = UNSET
        if not isinstance(self.retailer_uuid, Unset):
            retailer_uuid = str(self.retailer_uuid)

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
        if supplier_uuid is not UNSET:
            field_dict["supplier_uuid"] = supplier_uuid
        if retailer_uuid is not UNSET:
            field_dict["retailer_uuid"] = retailer_uuid
        if integrations is not UNSET:
            field_dict["integrations"] = integrations
        if retailer_account_number is not UNSET:
            field_dict["retailer_account_number"] = retailer_account_number
        if supplier_account_number is not UNSET:
            field_dict["supplier_account_number"] = supplier_account_number

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_connection_request_request_uploaded_files_item_type_1 import NewConnectionRequestRequestUploadedFilesItemType1 # noqa: PLC0415
        from ..models.new_integration_request import NewIntegrationRequest # noqa: PLC0415
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
        requested_integrations: list[NewIntegrationRequest] | Unset = UNSET
        if _requested_integrations is not UNSET:
            requested_integrations = []
            for requested_integrations_item_data in _requested_integrations:
                requested_integrations_item = NewIntegrationRequest.from_dict(requested_integrations_item_data)



                requested_integrations.append(requested_integrations_item)


        _uploaded_files = d.pop("uploaded_files", UNSET)
        uploaded_files: list[NewConnectionRequestRequestUploadedFilesItemType1 | UUID] | Unset = UNSET
        if _uploaded_files is not UNSET:
            uploaded_files = []
            for uploaded_files_item_data in _uploaded_files:
                def _parse_uploaded_files_item(data: object) -> NewConnectionRequestRequestUploadedFilesItemType1 | UUID:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        uploaded_files_item_type_0 = UUID(data)



                        return uploaded_files_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    uploaded_files_item_type_1 = NewConnectionRequestRequestUploadedFilesItemType1.from_dict(data)



                    return uploaded_files_item_type_1

                uploaded_files_item = _parse_uploaded_files_item(uploaded_files_item_data)

                uploaded_files.append(uploaded_files_item)


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




        _integrations = d.pop("integrations", UNSET)
        integrations: list[NewIntegrationRequest] | Unset = UNSET
        if _integrations is not UNSET:
            integrations = []
            for integrations_item_data in _integrations:
                integrations_item = NewIntegrationRequest.from_dict(integrations_item_data)



                integrations.append(integrations_item)


        retailer_account_number = d.pop("retailer_account_number", UNSET)

        supplier_account_number = d.pop("supplier_account_number", UNSET)

        new_connection_request_request = cls(
            organization_name=organization_name,
            primary_contact_name=primary_contact_name,
            primary_contact_phone=primary_contact_phone,
            primary_contact_email=primary_contact_email,
            organization_account_number=organization_account_number,
            additional_information=additional_information,
            requested_integrations=requested_integrations,
            uploaded_files=uploaded_files,
            supplier_uuid=supplier_uuid,
            retailer_uuid=retailer_uuid,
            integrations=integrations,
            retailer_account_number=retailer_account_number,
            supplier_account_number=supplier_account_number,
        )


        new_connection_request_request.additional_properties = d
        return new_connection_request_request

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
