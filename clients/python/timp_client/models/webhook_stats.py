from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="WebhookStats")



@_attrs_define
class WebhookStats:
    """ The attempts made in the last 24 hours (those waiting are not counted).

        Attributes:
            attempts (int):
            succeeded (int):
            failed (int):
            success_rate (float | None): succeeded / attempts; null with no attempt.
            p50_ms (float | None): The median time to an answer.
            p99_ms (float | None):
     """

    attempts: int
    succeeded: int
    failed: int
    success_rate: float | None
    p50_ms: float | None
    p99_ms: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        succeeded = self.succeeded

        failed = self.failed

        success_rate: float | None
        success_rate = self.success_rate

        p50_ms: float | None
        p50_ms = self.p50_ms

        p99_ms: float | None
        p99_ms = self.p99_ms


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "succeeded": succeeded,
            "failed": failed,
            "success_rate": success_rate,
            "p50_ms": p50_ms,
            "p99_ms": p99_ms,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        succeeded = d.pop("succeeded")

        failed = d.pop("failed")

        def _parse_success_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        success_rate = _parse_success_rate(d.pop("success_rate"))


        def _parse_p50_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p50_ms = _parse_p50_ms(d.pop("p50_ms"))


        def _parse_p99_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p99_ms = _parse_p99_ms(d.pop("p99_ms"))


        webhook_stats = cls(
            attempts=attempts,
            succeeded=succeeded,
            failed=failed,
            success_rate=success_rate,
            p50_ms=p50_ms,
            p99_ms=p99_ms,
        )


        webhook_stats.additional_properties = d
        return webhook_stats

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
