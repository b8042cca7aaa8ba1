from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RemoteConfigObject")


@_attrs_define
class RemoteConfigObject:
    """A Remote Config contains locale-specific configuration data for a paywall.
    This allows you to customize paywall appearance and behavior for different languages.

        Attributes:
            locale (str): The locale for the remote config (e.g., "en", "es", "fr")
            data (str): JSON string containing the remote config data
    """

    locale: str
    data: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        locale = self.locale

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "locale": locale,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"RemoteConfigObject: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        locale = d.pop("locale")
        if not isinstance(locale, str):
            raise TypeError(f"locale: expected str, got {type(locale).__name__}")

        data = d.pop("data")
        if not isinstance(data, str):
            raise TypeError(f"data: expected str, got {type(data).__name__}")

        remote_config_object = cls(
            locale=locale,
            data=data,
        )

        remote_config_object.additional_properties = d
        return remote_config_object

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
