from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.run import Run





T = TypeVar("T", bound="PingAnswer")



@_attrs_define
class PingAnswer:
    """ 
        Attributes:
            run (Run): A run, in the upstream Previous Imports shape, plus `count` and `reported_by`.
            watched (bool): False when the feed is not live: the run is kept, unwatched.
     """

    run: Run
    watched: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.run import Run # noqa: PLC0415
        run = self.run.to_dict()

        watched = self.watched


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "run": run,
            "watched": watched,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run import Run # noqa: PLC0415
        d = dict(src_dict)
        run = Run.from_dict(d.pop("run"))




        watched = d.pop("watched")

        ping_answer = cls(
            run=run,
            watched=watched,
        )


        ping_answer.additional_properties = d
        return ping_answer

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
