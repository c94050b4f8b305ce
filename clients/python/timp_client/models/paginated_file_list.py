from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.file import File
  from ..models.paginated_file_list_pagination import PaginatedFileListPagination





T = TypeVar("T", bound="PaginatedFileList")



@_attrs_define
class PaginatedFileList:
    """ 
        Attributes:
            files (list[File]):
            pagination (PaginatedFileListPagination):
     """

    files: list[File]
    pagination: PaginatedFileListPagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.file import File # noqa: PLC0415
        from ..models.paginated_file_list_pagination import PaginatedFileListPagination # noqa: PLC0415
        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)



        pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "files": files,
            "pagination": pagination,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file import File # noqa: PLC0415
        from ..models.paginated_file_list_pagination import PaginatedFileListPagination # noqa: PLC0415
        d = dict(src_dict)
        files = []
        _files = d.pop("files")
        for files_item_data in (_files):
            files_item = File.from_dict(files_item_data)



            files.append(files_item)


        pagination = PaginatedFileListPagination.from_dict(d.pop("pagination"))




        paginated_file_list = cls(
            files=files,
            pagination=pagination,
        )


        paginated_file_list.additional_properties = d
        return paginated_file_list

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
