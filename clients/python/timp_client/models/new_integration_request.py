from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.integration_type_enum import IntegrationTypeEnum
from ..models.new_integration_request_integration_type_type_1 import NewIntegrationRequestIntegrationTypeType1
from ..models.new_integration_request_type_type_1 import NewIntegrationRequestTypeType1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="NewIntegrationRequest")



@_attrs_define
class NewIntegrationRequest:
    """ An integration of a new request: its type is required, and it names no existing one.

        Attributes:
            type_ (IntegrationTypeEnum | NewIntegrationRequestTypeType1): item, order, allocation, tracking or other.
            update_frequency (None | str | Unset): A cron schedule.
            file_locations (str | Unset):
            file_specs (str | Unset):
            rules (str | Unset):
            integration_type (IntegrationTypeEnum | NewIntegrationRequestIntegrationTypeType1 | Unset): Another spelling of
                `type` (the published docs use more than one); send one of them.
            feed_source_file_locations (str | Unset): Another spelling of `file_locations` (the published docs use more than
                one); send one of them.
     """

    type_: IntegrationTypeEnum | NewIntegrationRequestTypeType1
    update_frequency: None | str | Unset = UNSET
    file_locations: str | Unset = UNSET
    file_specs: str | Unset = UNSET
    rules: str | Unset = UNSET
    integration_type: IntegrationTypeEnum | NewIntegrationRequestIntegrationTypeType1 | Unset = UNSET
    feed_source_file_locations: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        type_: str
        if isinstance(self.type_, IntegrationTypeEnum):
            type_ = self.type_.value
        else:
            type_ = self.type_.value


        update_frequency: None | str | Unset
        if isinstance(self.update_frequency, Unset):
            update_frequency = UNSET
        else:
            update_frequency = self.update_frequency

        file_locations = self.file_locations

        file_specs = self.file_specs

        rules = self.rules

        integration_type: str | Unset
        if isinstance(self.integration_type, Unset):
            integration_type = UNSET
        elif isinstance(self.integration_type, IntegrationTypeEnum):
            integration_type = self.integration_type.value
        else:
            integration_type = self.integration_type.value


        feed_source_file_locations = self.feed_source_file_locations


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
        })
        if update_frequency is not UNSET:
            field_dict["update_frequency"] = update_frequency
        if file_locations is not UNSET:
            field_dict["file_locations"] = file_locations
        if file_specs is not UNSET:
            field_dict["file_specs"] = file_specs
        if rules is not UNSET:
            field_dict["rules"] = rules
        if integration_type is not UNSET:
            field_dict["integration_type"] = integration_type
        if feed_source_file_locations is not UNSET:
            field_dict["feed_source_file_locations"] = feed_source_file_locations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_type_(data: object) -> IntegrationTypeEnum | NewIntegrationRequestTypeType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = IntegrationTypeEnum(data)



                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            type_type_1 = NewIntegrationRequestTypeType1(data)



            return type_type_1

        type_ = _parse_type_(d.pop("type"))


        def _parse_update_frequency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        update_frequency = _parse_update_frequency(d.pop("update_frequency", UNSET))


        file_locations = d.pop("file_locations", UNSET)

        file_specs = d.pop("file_specs", UNSET)

        rules = d.pop("rules", UNSET)

        def _parse_integration_type(data: object) -> IntegrationTypeEnum | NewIntegrationRequestIntegrationTypeType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                integration_type_type_0 = IntegrationTypeEnum(data)



                return integration_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            integration_type_type_1 = NewIntegrationRequestIntegrationTypeType1(data)



            return integration_type_type_1

        integration_type = _parse_integration_type(d.pop("integration_type", UNSET))


        feed_source_file_locations = d.pop("feed_source_file_locations", UNSET)

        new_integration_request = cls(
            type_=type_,
            update_frequency=update_frequency,
            file_locations=file_locations,
            file_specs=file_specs,
            rules=rules,
            integration_type=integration_type,
            feed_source_file_locations=feed_source_file_locations,
        )


        new_integration_request.additional_properties = d
        return new_integration_request

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
