from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.comment_author import CommentAuthor





T = TypeVar("T", bound="Comment")



@_attrs_define
class Comment:
    """ 
        Attributes:
            uuid (UUID):
            body (str):
            created_at (datetime.datetime):
            internal (bool): A staff note: members never see it.
            author (CommentAuthor | None): Null once the author's user is gone.
     """

    uuid: UUID
    body: str
    created_at: datetime.datetime
    internal: bool
    author: CommentAuthor | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.comment_author import CommentAuthor # noqa: PLC0415
        uuid = str(self.uuid)

        body = self.body

        created_at = self.created_at.isoformat()

        internal = self.internal

        author: dict[str, Any] | None
        if isinstance(self.author, CommentAuthor):
            author = self.author.to_dict()
        else:
            author = self.author


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "body": body,
            "created_at": created_at,
            "internal": internal,
            "author": author,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_author import CommentAuthor # noqa: PLC0415
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        internal = d.pop("internal")

        def _parse_author(data: object) -> CommentAuthor | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                author_type_0 = CommentAuthor.from_dict(data)



                return author_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommentAuthor | None, data)

        author = _parse_author(d.pop("author"))


        comment = cls(
            uuid=uuid,
            body=body,
            created_at=created_at,
            internal=internal,
            author=author,
        )


        comment.additional_properties = d
        return comment

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
