from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.candidate import Candidate
  from ..models.paginated_candidate_list_pagination import PaginatedCandidateListPagination





T = TypeVar("T", bound="PaginatedCandidateList")



@_attrs_define
class PaginatedCandidateList:
    """ 
        Attributes:
            requests (list[Candidate]):
            pagination (PaginatedCandidateListPagination):
     """

    requests: list[Candidate]
    pagination: PaginatedCandidateListPagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.candidate import Candidate # noqa: PLC0415
        from ..models.paginated_candidate_list_pagination import PaginatedCandidateListPagination # noqa: PLC0415
        requests = []
        for requests_item_data in self.requests:
            requests_item = requests_item_data.to_dict()
            requests.append(requests_item)



        pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "requests": requests,
            "pagination": pagination,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate import Candidate # noqa: PLC0415
        from ..models.paginated_candidate_list_pagination import PaginatedCandidateListPagination # noqa: PLC0415
        d = dict(src_dict)
        requests = []
        _requests = d.pop("requests")
        for requests_item_data in (_requests):
            requests_item = Candidate.from_dict(requests_item_data)



            requests.append(requests_item)


        pagination = PaginatedCandidateListPagination.from_dict(d.pop("pagination"))




        paginated_candidate_list = cls(
            requests=requests,
            pagination=pagination,
        )


        paginated_candidate_list.additional_properties = d
        return paginated_candidate_list

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
