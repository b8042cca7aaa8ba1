from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.paywall_update_request_remote_configs_item import PaywallUpdateRequestRemoteConfigsItem


T = TypeVar("T", bound="PaywallUpdateRequest")


@_attrs_define
class PaywallUpdateRequest:
    """At least one field must be provided

    Attributes:
        remote_configs (list[PaywallUpdateRequestRemoteConfigsItem]): Array of RemoteConfig objects to update
    """

    remote_configs: list[PaywallUpdateRequestRemoteConfigsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        remote_configs = []
        for remote_configs_item_data in self.remote_configs:
            remote_configs_item = remote_configs_item_data.to_dict()
            remote_configs.append(remote_configs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "remote_configs": remote_configs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.paywall_update_request_remote_configs_item import PaywallUpdateRequestRemoteConfigsItem

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"PaywallUpdateRequest: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        remote_configs = []
        _remote_configs = d.pop("remote_configs")
        if not isinstance(_remote_configs, list):
            raise TypeError(f"remote_configs: expected array, got {type(_remote_configs).__name__}")
        for remote_configs_item_data in _remote_configs:
            remote_configs_item = PaywallUpdateRequestRemoteConfigsItem.from_dict(remote_configs_item_data)

            remote_configs.append(remote_configs_item)

        paywall_update_request = cls(
            remote_configs=remote_configs,
        )

        paywall_update_request.additional_properties = d
        return paywall_update_request

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
