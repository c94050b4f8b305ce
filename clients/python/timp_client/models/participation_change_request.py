from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ParticipationChangeRequest")



@_attrs_define
class ParticipationChangeRequest:
    """ 
        Attributes:
            is_participating (bool):
            discovery_catalog_uuid (None | Unset | UUID): Accepted as documented; each participant has one catalog.
     """

    is_participating: bool
    discovery_catalog_uuid: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        is_participating = self.is_participating

        discovery_catalog_uuid: None | str | Unset
        if isinstance(self.discovery_catalog_uuid, Unset):
            discovery_catalog_uuid = UNSET
        elif isinstance(self.discovery_catalog_uuid, UUID):
            discovery_catalog_uuid = str(self.discovery_catalog_uuid)
        else:
            discovery_catalog_uuid = self.discovery_catalog_uuid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "is_participating": is_participating,
        })
        if discovery_catalog_uuid is not UNSET:
            field_dict["discovery_catalog_uuid"] = discovery_catalog_uuid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        is_participating = d.pop("is_participating")

        def _parse_discovery_catalog_uuid(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                discovery_catalog_uuid_type_0 = UUID(data)



                return discovery_catalog_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        discovery_catalog_uuid = _parse_discovery_catalog_uuid(d.pop("discovery_catalog_uuid", UNSET))


        participation_change_request = cls(
            is_participating=is_participating,
            discovery_catalog_uuid=discovery_catalog_uuid,
        )


        participation_change_request.additional_properties = d
        return participation_change_request

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
