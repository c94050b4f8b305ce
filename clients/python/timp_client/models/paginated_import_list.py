from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.import_ import Import
  from ..models.paginated_import_list_pagination import PaginatedImportListPagination





T = TypeVar("T", bound="PaginatedImportList")



@_attrs_define
class PaginatedImportList:
    """ 
        Attributes:
            imports (list[Import]):
            pagination (PaginatedImportListPagination):
     """

    imports: list[Import]
    pagination: PaginatedImportListPagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_ import Import # noqa: PLC0415
        from ..models.paginated_import_list_pagination import PaginatedImportListPagination # noqa: PLC0415
        imports = []
        for imports_item_data in self.imports:
            imports_item = imports_item_data.to_dict()
            imports.append(imports_item)



        pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "imports": imports,
            "pagination": pagination,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_ import Import # noqa: PLC0415
        from ..models.paginated_import_list_pagination import PaginatedImportListPagination # noqa: PLC0415
        d = dict(src_dict)
        imports = []
        _imports = d.pop("imports")
        for imports_item_data in (_imports):
            imports_item = Import.from_dict(imports_item_data)



            imports.append(imports_item)


        pagination = PaginatedImportListPagination.from_dict(d.pop("pagination"))




        paginated_import_list = cls(
            imports=imports,
            pagination=pagination,
        )


        paginated_import_list.additional_properties = d
        return paginated_import_list

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
