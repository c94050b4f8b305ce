from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..types import File, FileTypes
from ..types import UNSET, Unset
from io import BytesIO
from uuid import UUID






T = TypeVar("T", bound="CheckRequestRequest")



@_attrs_define
class CheckRequestRequest:
    """ 
        Attributes:
            file (File | Unset): A CSV or XLSX file (multipart/form-data).
            file_uuid (UUID | Unset): Or an uploaded file either side can read.
     """

    file: File | Unset = UNSET
    file_uuid: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        file: FileTypes | Unset = UNSET
        if not isinstance(self.file, Unset):
            file = self.file.to_tuple()


        file_uuid: str | Unset = UNSET
        if not isinstance(self.file_uuid, Unset):
            file_uuid = str(self.file_uuid)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if file is not UNSET:
            field_dict["file"] = file
        if file_uuid is not UNSET:
            field_dict["file_uuid"] = file_uuid

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.file, Unset):
            files.append(("file", self.file.to_tuple()))



        if not isinstance(self.file_uuid, Unset):
            files.append(("file_uuid", (None, str(self.file_uuid), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _file = d.pop("file", UNSET)
        file: File | Unset
        if isinstance(_file,  Unset):
            file = UNSET
        else:
            file = File(
             payload = BytesIO(_file)
        )




        _file_uuid = d.pop("file_uuid", UNSET)
        file_uuid: UUID | Unset
        if isinstance(_file_uuid,  Unset):
            file_uuid = UNSET
        else:
            file_uuid = UUID(_file_uuid)




        check_request_request = cls(
            file=file,
            file_uuid=file_uuid,
        )


        check_request_request.additional_properties = d
        return check_request_request

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
