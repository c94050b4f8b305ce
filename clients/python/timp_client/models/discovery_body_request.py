from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.page_request import PageRequest
  from ..models.sort_request import SortRequest





T = TypeVar("T", bound="DiscoveryBodyRequest")



@_attrs_define
class DiscoveryBodyRequest:
    """ What to find, as the documented body: every part optional.

        Attributes:
            initial_character (str | Unset): A letter or digit: names starting with it (any case); `#`: names starting with
                a digit. Only the first character counts.
            recent (int | Unset): Joined discovery in the last N days.
            search (str | Unset): Name contains (any case); the closest names first. Blank: no search.
            pagination (PageRequest | Unset):
            sort (SortRequest | Unset):
     """

    initial_character: str | Unset = UNSET
    recent: int | Unset = UNSET
    search: str | Unset = UNSET
    pagination: PageRequest | Unset = UNSET
    sort: SortRequest | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.page_request import PageRequest # noqa: PLC0415
        from ..models.sort_request import SortRequest # noqa: PLC0415
        initial_character = self.initial_character

        recent = self.recent

        search = self.search

        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        sort: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = self.sort.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if initial_character is not UNSET:
            field_dict["initial_character"] = initial_character
        if recent is not UNSET:
            field_dict["recent"] = recent
        if search is not UNSET:
            field_dict["search"] = search
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if sort is not UNSET:
            field_dict["sort"] = sort

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.page_request import PageRequest # noqa: PLC0415
        from ..models.sort_request import SortRequest # noqa: PLC0415
        d = dict(src_dict)
        initial_character = d.pop("initial_character", UNSET)

        recent = d.pop("recent", UNSET)

        search = d.pop("search", UNSET)

        _pagination = d.pop("pagination", UNSET)
        pagination: PageRequest | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = PageRequest.from_dict(_pagination)




        _sort = d.pop("sort", UNSET)
        sort: SortRequest | Unset
        if isinstance(_sort,  Unset):
            sort = UNSET
        else:
            sort = SortRequest.from_dict(_sort)




        discovery_body_request = cls(
            initial_character=initial_character,
            recent=recent,
            search=search,
            pagination=pagination,
            sort=sort,
        )


        discovery_body_request.additional_properties = d
        return discovery_body_request

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
