from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StripeErrorResponseErrorsItemSource")


@_attrs_define
class StripeErrorResponseErrorsItemSource:
    """
    Attributes:
        pointer (str): References the exact location in the request document causing the issue
    """

    pointer: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pointer = self.pointer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pointer": pointer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"StripeErrorResponseErrorsItemSource: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        pointer = d.pop("pointer")
        if not isinstance(pointer, str):
            raise TypeError(f"pointer: expected str, got {type(pointer).__name__}")

        stripe_error_response_errors_item_source = cls(
            pointer=pointer,
        )

        stripe_error_response_errors_item_source.additional_properties = d
        return stripe_error_response_errors_item_source

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
