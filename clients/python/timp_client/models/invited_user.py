from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_status_enum import UserStatusEnum
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.permission_assignments import PermissionAssignments
  from ..models.person import Person





T = TypeVar("T", bound="InvitedUser")



@_attrs_define
class InvitedUser:
    """ 
        Attributes:
            uuid (UUID):
            person (None | Person):
            permission_assignments (PermissionAssignments): Every permission of the catalogue, and whether the user holds
                it.
            status (UserStatusEnum): * `ACTIVE` - Active
                * `INVITED` - Invited
                * `DEACTIVATED` - Deactivated
            token (None | str | Unset): Always null.
            invitation_token (str | Unset): Only with DEBUG (never in a sandbox deployment, which is public); otherwise
                emailed.
     """

    uuid: UUID
    person: None | Person
    permission_assignments: PermissionAssignments
    status: UserStatusEnum
    token: None | str | Unset = UNSET
    invitation_token: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.permission_assignments import PermissionAssignments # noqa: PLC0415
        from ..models.person import Person # noqa: PLC0415
        uuid = str(self.uuid)

        person: dict[str, Any] | None
        if isinstance(self.person, Person):
            person = self.person.to_dict()
        else:
            person = self.person

        permission_assignments = self.permission_assignments.to_dict()

        status = self.status.value

        token: None | str | Unset
        if isinstance(self.token, Unset):
            token = UNSET
        else:
            token = self.token

        invitation_token = self.invitation_token


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "person": person,
            "permission_assignments": permission_assignments,
            "status": status,
        })
        if token is not UNSET:
            field_dict["token"] = token
        if invitation_token is not UNSET:
            field_dict["invitation_token"] = invitation_token

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.permission_assignments import PermissionAssignments # noqa: PLC0415
        from ..models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        def _parse_person(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                person_type_0 = Person.from_dict(data)



                return person_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        person = _parse_person(d.pop("person"))


        permission_assignments = PermissionAssignments.from_dict(d.pop("permission_assignments"))




        status = UserStatusEnum(d.pop("status"))




        def _parse_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token = _parse_token(d.pop("token", UNSET))


        invitation_token = d.pop("invitation_token", UNSET)

        invited_user = cls(
            uuid=uuid,
            person=person,
            permission_assignments=permission_assignments,
            status=status,
            token=token,
            invitation_token=invitation_token,
        )


        invited_user.additional_properties = d
        return invited_user

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
