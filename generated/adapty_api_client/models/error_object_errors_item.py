from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorObjectErrorsItem")


@_attrs_define
class ErrorObjectErrorsItem:
    """
    Attributes:
        errors (list[str]): Array of error messages
        source (None | str | Unset): The field or parameter that caused the error
    """

    errors: list[str]
    source: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors = self.errors

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"ErrorObjectErrorsItem: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        errors = cast(list[str], d.pop("errors"))
        if not isinstance(errors, list) or any(not isinstance(item, str) for item in errors):
            raise TypeError("errors: expected array of str")

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"source: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        error_object_errors_item = cls(
            errors=errors,
            source=source,
        )

        error_object_errors_item.additional_properties = d
        return error_object_errors_item

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
