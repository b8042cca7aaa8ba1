from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CustomAttribute")


@_attrs_define
class CustomAttribute:
    """
    Attributes:
        key (str): The key must be a string with no more than 30 characters. Only letters, numbers, dashes, points, and
            underscores allowed
        value (float | str): The attribute value must be no more than 50 characters. Only strings and floats are allowed
            as values
    """

    key: str
    value: float | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value: float | str
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
            raise TypeError(f"CustomAttribute: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        key = d.pop("key")
        if not isinstance(key, str):
            raise TypeError(f"key: expected str, got {type(key).__name__}")

        def _parse_value(data: object) -> float | str:
            if (not isinstance(data, str)) and (not isinstance(data, (int, float)) or isinstance(data, bool)):
                raise TypeError(f"value: expected str or float, got {type(data).__name__}")

            return cast(float | str, data)

        value = _parse_value(d.pop("value"))

        custom_attribute = cls(
            key=key,
            value=value,
        )

        custom_attribute.additional_properties = d
        return custom_attribute

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
