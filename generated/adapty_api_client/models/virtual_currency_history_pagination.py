from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VirtualCurrencyHistoryPagination")


@_attrs_define
class VirtualCurrencyHistoryPagination:
    """
    Attributes:
        next_cursor (None | str): Opaque cursor for the next page. Pass it as the `cursor` query parameter to fetch more
            results. Null when there are no more pages.
    """

    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"VirtualCurrencyHistoryPagination: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"next_cursor: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        virtual_currency_history_pagination = cls(
            next_cursor=next_cursor,
        )

        virtual_currency_history_pagination.additional_properties = d
        return virtual_currency_history_pagination

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
