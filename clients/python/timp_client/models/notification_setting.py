from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.channel import Channel
  from ..models.org_user import OrgUser





T = TypeVar("T", bound="NotificationSetting")



@_attrs_define
class NotificationSetting:
    """ 
        Attributes:
            uuid (UUID): The notification's: the same for every user and deployment.
            notification_display_name (str):
            notification_name (str):
            notification_domain (str):
            notification_type (list[Channel]):
            org_user (OrgUser):
     """

    uuid: UUID
    notification_display_name: str
    notification_name: str
    notification_domain: str
    notification_type: list[Channel]
    org_user: OrgUser
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.channel import Channel # noqa: PLC0415
        from ..models.org_user import OrgUser # noqa: PLC0415
        uuid = str(self.uuid)

        notification_display_name = self.notification_display_name

        notification_name = self.notification_name

        notification_domain = self.notification_domain

        notification_type = []
        for notification_type_item_data in self.notification_type:
            notification_type_item = notification_type_item_data.to_dict()
            notification_type.append(notification_type_item)



        org_user = self.org_user.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uuid": uuid,
            "notification_display_name": notification_display_name,
            "notification_name": notification_name,
            "notification_domain": notification_domain,
            "notification_type": notification_type,
            "org_user": org_user,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.channel import Channel # noqa: PLC0415
        from ..models.org_user import OrgUser # noqa: PLC0415
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))




        notification_display_name = d.pop("notification_display_name")

        notification_name = d.pop("notification_name")

        notification_domain = d.pop("notification_domain")

        notification_type = []
        _notification_type = d.pop("notification_type")
        for notification_type_item_data in (_notification_type):
            notification_type_item = Channel.from_dict(notification_type_item_data)



            notification_type.append(notification_type_item)


        org_user = OrgUser.from_dict(d.pop("org_user"))




        notification_setting = cls(
            uuid=uuid,
            notification_display_name=notification_display_name,
            notification_name=notification_name,
            notification_domain=notification_domain,
            notification_type=notification_type,
            org_user=org_user,
        )


        notification_setting.additional_properties = d
        return notification_setting

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
