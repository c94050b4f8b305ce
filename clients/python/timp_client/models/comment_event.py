from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.comment import Comment





T = TypeVar("T", bound="CommentEvent")



@_attrs_define
class CommentEvent:
    """ What a comment's event carries: the request it is on, and the comment.

        Attributes:
            request_uuid (UUID):
            comment (Comment):
     """

    request_uuid: UUID
    comment: Comment
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.comment import Comment # noqa: PLC0415
        request_uuid = str(self.request_uuid)

        comment = self.comment.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "request_uuid": request_uuid,
            "comment": comment,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment import Comment # noqa: PLC0415
        d = dict(src_dict)
        request_uuid = UUID(d.pop("request_uuid"))




        comment = Comment.from_dict(d.pop("comment"))




        comment_event = cls(
            request_uuid=request_uuid,
            comment=comment,
        )


        comment_event.additional_properties = d
        return comment_event

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
