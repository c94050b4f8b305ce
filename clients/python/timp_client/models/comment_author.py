from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="CommentAuthor")



@_attrs_define
class CommentAuthor:
    """ 
        Attributes:
            uuid (UUID):
            name (str):
            organization_uuid (None | UUID): Null for staff.
     """

    uuid: UUID
    name: str
    organization_uuid: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        name = self.name

        organization_uuid: None | str
        if isinstance(self.organization_uuid, UUID):
            organization_uuid = str(self.organization_uuid)
        else:
            organization_uuid = self.organization_uuid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "name": name,
            "organization_uuid": organization_uuid,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        name = d.pop("name")

        def _parse_organization_uuid(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_uuid_type_0 = UUID(data)



                return organization_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        organization_uuid = _parse_organization_uuid(d.pop("organization_uuid"))


        comment_author = cls(
            uuid=uuid,
            name=name,
            organization_uuid=organization_uuid,
        )


        comment_author.additional_properties = d
        return comment_author

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
