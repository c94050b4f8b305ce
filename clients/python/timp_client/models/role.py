from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.organization import Organization
  from ..models.person import Person





T = TypeVar("T", bound="Role")



@_attrs_define
class Role:
    """ A Retailer or Supplier: its own UUID, its organization and the organization's contact.

        Attributes:
            uuid (UUID):
            organization (Organization):
            contact (Person):
     """

    uuid: UUID
    organization: Organization
    contact: Person
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.organization import Organization # noqa: PLC0415
        from ..models.person import Person # noqa: PLC0415
        uuid = str(self.uuid)

        organization = self.organization.to_dict()

        contact = self.contact.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "organization": organization,
            "contact": contact,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization import Organization # noqa: PLC0415
        from ..models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        organization = Organization.from_dict(d.pop("organization"))




        contact = Person.from_dict(d.pop("contact"))




        role = cls(
            uuid=uuid,
            organization=organization,
            contact=contact,
        )


        role.additional_properties = d
        return role

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
