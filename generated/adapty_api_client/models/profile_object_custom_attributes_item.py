from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProfileObjectCustomAttributesItem")


@_attrs_define
class ProfileObjectCustomAttributesItem:
    """
    Attributes:
        key (str): The attribute key
        value (str): The attribute value
    """

    key: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"ProfileObjectCustomAttributesItem: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        key = d.pop("key")
        if not isinstance(key, str):
            raise TypeError(f"key: expected str, got {type(key).__name__}")

        value = d.pop("value")
        if not isinstance(value, str):
            raise TypeError(f"value: expected str, got {type(value).__name__}")

        profile_object_custom_attributes_item = cls(
            key=key,
            value=value,
        )

        profile_object_custom_attributes_item.additional_properties = d
        return profile_object_custom_attributes_item

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
