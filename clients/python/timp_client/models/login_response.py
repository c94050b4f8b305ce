from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organization_type_enum import OrganizationTypeEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.permission_assignments import PermissionAssignments





T = TypeVar("T", bound="LoginResponse")



@_attrs_define
class LoginResponse:
    """ 
        Attributes:
            auth_token (str):
            org_uuid (None | UUID):
            user_uuid (UUID):
            retailer_uuid (str): The retailer UUID, or "" when not a retailer.
            supplier_uuid (str): The supplier UUID, or "" when not a supplier.
            org_type (None | OrganizationTypeEnum):
            expires_at (datetime.datetime):
            permission_assignments (PermissionAssignments): Every permission of the catalogue, and whether the user holds
                it.
     """

    auth_token: str
    org_uuid: None | UUID
    user_uuid: UUID
    retailer_uuid: str
    supplier_uuid: str
    org_type: None | OrganizationTypeEnum
    expires_at: datetime.datetime
    permission_assignments: PermissionAssignments
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.permission_assignments import PermissionAssignments # noqa: PLC0415
        auth_token = self.auth_token

        org_uuid: None | str
        if isinstance(self.org_uuid, UUID):
            org_uuid = str(self.org_uuid)
        else:
            org_uuid = self.org_uuid

        user_uuid = str(self.user_uuid)

        retailer_uuid = self.retailer_uuid

        supplier_uuid = self.supplier_uuid

        org_type: None | str
        if isinstance(self.org_type, OrganizationTypeEnum):
            org_type = self.org_type.value
        else:
            org_type = self.org_type

        expires_at = self.expires_at.isoformat()

        permission_assignments = self.permission_assignments.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "auth_token": auth_token,
            "org_uuid": org_uuid,
            "user_uuid": user_uuid,
            "retailer_uuid": retailer_uuid,
            "supplier_uuid": supplier_uuid,
            "org_type": org_type,
            "expires_at": expires_at,
            "permission_assignments": permission_assignments,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.permission_assignments import PermissionAssignments # noqa: PLC0415
        d = dict(src_dict)
        auth_token = d.pop("auth_token")

        def _parse_org_uuid(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_uuid_type_0 = UUID(data)



                return org_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        org_uuid = _parse_org_uuid(d.pop("org_uuid"))


        user_uuid = UUID(d.pop("user_uuid"))




        retailer_uuid = d.pop("retailer_uuid")

        supplier_uuid = d.pop("supplier_uuid")

        def _parse_org_type(data: object) -> None | OrganizationTypeEnum:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_type_type_0 = OrganizationTypeEnum(data)



                return org_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationTypeEnum, data)

        org_type = _parse_org_type(d.pop("org_type"))


        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        permission_assignments = PermissionAssignments.from_dict(d.pop("permission_assignments"))




        login_response = cls(
            auth_token=auth_token,
            org_uuid=org_uuid,
            user_uuid=user_uuid,
            retailer_uuid=retailer_uuid,
            supplier_uuid=supplier_uuid,
            org_type=org_type,
            expires_at=expires_at,
            permission_assignments=permission_assignments,
        )


        login_response.additional_properties = d
        return login_response

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
