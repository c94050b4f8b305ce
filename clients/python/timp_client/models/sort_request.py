from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.dir_enum import DirEnum
from ..models.key_enum import KeyEnum
from ..types import UNSET, Unset






T = TypeVar("T", bound="SortRequest")



@_attrs_define
class SortRequest:
    """ 
        Attributes:
            key (KeyEnum | Unset): * `name` - name
                * `date_joined` - date_joined Default: KeyEnum.NAME.
            dir_ (DirEnum | Unset): * `asc` - asc
                * `desc` - desc Default: DirEnum.ASC.
     """

    key: KeyEnum | Unset = KeyEnum.NAME
    dir_: DirEnum | Unset = DirEnum.ASC
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        key: str | Unset = UNSET
        if not isinstance(self.key, Unset):
            key = self.key.value


        dir_: str | Unset = UNSET
        if not isinstance(self.dir_, Unset):
            dir_ = self.dir_.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if key is not UNSET:
            field_dict["key"] = key
        if dir_ is not UNSET:
            field_dict["dir"] = dir_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _key = d.pop("key", UNSET)
        key: KeyEnum | Unset
        if isinstance(_key,  Unset):
            key = UNSET
        else:
            key = KeyEnum(_key)




        _dir_ = d.pop("dir", UNSET)
        dir_: DirEnum | Unset
        if isinstance(_dir_,  Unset):
            dir_ = UNSET
        else:
            dir_ = DirEnum(_dir_)




        sort_request = cls(
            key=key,
            dir_=dir_,
        )


        sort_request.additional_properties = d
        return sort_request

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
