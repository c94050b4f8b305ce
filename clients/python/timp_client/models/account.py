from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.credentials import Credentials
  from ..models.organization import Organization





T = TypeVar("T", bound="Account")



@_attrs_define
class Account:
    """ 
        Attributes:
            organization (Organization):
            users (list[Credentials]):
            counterparts (list[Organization]):
     """

    organization: Organization
    users: list[Credentials]
    counterparts: list[Organization]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.credentials import Credentials # noqa: PLC0415
        from ..models.organization import Organization # noqa: PLC0415
        organization = self.organization.to_dict()

        users = []
        for users_item_data in self.users:
            users_item = users_item_data.to_dict()
            users.append(users_item)



        counterparts = []
        for counterparts_item_data in self.counterparts:
            counterparts_item = counterparts_item_data.to_dict()
            counterparts.append(counterparts_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "organization": organization,
            "users": users,
            "counterparts": counterparts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credentials import Credentials # noqa: PLC0415
        from ..models.organization import Organization # noqa: PLC0415
        d = dict(src_dict)
        organization = Organization.from_dict(d.pop("organization"))




        users = []
        _users = d.pop("users")
        for users_item_data in (_users):
            users_item = Credentials.from_dict(users_item_data)



            users.append(users_item)


        counterparts = []
        _counterparts = d.pop("counterparts")
        for counterparts_item_data in (_counterparts):
            counterparts_item = Organization.from_dict(counterparts_item_data)



            counterparts.append(counterparts_item)


        account = cls(
            organization=organization,
            users=users,
            counterparts=counterparts,
        )


        account.additional_properties = d
        return account

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
