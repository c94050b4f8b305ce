from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.comment_event_event import CommentEventEvent
  from ..models.connection_event import ConnectionEvent
  from ..models.connection_request_event import ConnectionRequestEvent
  from ..models.disabled_endpoint_event import DisabledEndpointEvent
  from ..models.feed_event import FeedEvent
  from ..models.file_event import FileEvent
  from ..models.import_event import ImportEvent
  from ..models.ping_event import PingEvent
  from ..models.user_event import UserEvent





T = TypeVar("T", bound="EventPage")



@_attrs_define
class EventPage:
    """ 
        Attributes:
            events (list[CommentEventEvent | ConnectionEvent | ConnectionRequestEvent | DisabledEndpointEvent | FeedEvent |
                FileEvent | ImportEvent | PingEvent | UserEvent]):
            next_after (int | None): Ask with `after` set to this for the next events; null when none came.
     """

    events: list[CommentEventEvent | ConnectionEvent | ConnectionRequestEvent | DisabledEndpointEvent | FeedEvent | FileEvent | ImportEvent | PingEvent | UserEvent]
    next_after: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.comment_event_event import CommentEventEvent # noqa: PLC0415
        from ..models.connection_event import ConnectionEvent # noqa: PLC0415
        from ..models.connection_request_event import ConnectionRequestEvent # noqa: PLC0415
        from ..models.disabled_endpoint_event import DisabledEndpointEvent # noqa: PLC0415
        from ..models.feed_event import FeedEvent # noqa: PLC0415
        from ..models.file_event import FileEvent # noqa: PLC0415
        from ..models.import_event import ImportEvent # noqa: PLC0415
        from ..models.ping_event import PingEvent # noqa: PLC0415
        from ..models.user_event import UserEvent # noqa: PLC0415
        events = []
        for events_item_data in self.events:
            events_item: dict[str, Any]
            if isinstance(events_item_data, UserEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, DisabledEndpointEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, PingEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ConnectionRequestEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, CommentEventEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ImportEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ConnectionEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, FileEvent):
                events_item = events_item_data.to_dict()
            else:
                events_item = events_item_data.to_dict()

            events.append(events_item)



        next_after: int | None
        next_after = self.next_after


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "events": events,
            "next_after": next_after,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_event_event import CommentEventEvent # noqa: PLC0415
        from ..models.connection_event import ConnectionEvent # noqa: PLC0415
        from ..models.connection_request_event import ConnectionRequestEvent # noqa: PLC0415
        from ..models.disabled_endpoint_event import DisabledEndpointEvent # noqa: PLC0415
        from ..models.feed_event import FeedEvent # noqa: PLC0415
        from ..models.file_event import FileEvent # noqa: PLC0415
        from ..models.import_event import ImportEvent # noqa: PLC0415
        from ..models.ping_event import PingEvent # noqa: PLC0415
        from ..models.user_event import UserEvent # noqa: PLC0415
        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            def _parse_events_item(data: object) -> CommentEventEvent | ConnectionEvent | ConnectionRequestEvent | DisabledEndpointEvent | FeedEvent | FileEvent | ImportEvent | PingEvent | UserEvent:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_0 = UserEvent.from_dict(data)



                    return componentsschemas_event_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_1 = DisabledEndpointEvent.from_dict(data)



                    return componentsschemas_event_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_2 = PingEvent.from_dict(data)



                    return componentsschemas_event_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_3 = ConnectionRequestEvent.from_dict(data)



                    return componentsschemas_event_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_4 = CommentEventEvent.from_dict(data)



                    return componentsschemas_event_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_5 = ImportEvent.from_dict(data)



                    return componentsschemas_event_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_6 = ConnectionEvent.from_dict(data)



                    return componentsschemas_event_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_7 = FileEvent.from_dict(data)



                    return componentsschemas_event_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_8 = FeedEvent.from_dict(data)



                return componentsschemas_event_type_8

            events_item = _parse_events_item(events_item_data)

            events.append(events_item)


        def _parse_next_after(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        next_after = _parse_next_after(d.pop("next_after"))


        event_page = cls(
            events=events,
            next_after=next_after,
        )


        event_page.additional_properties = d
        return event_page

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
