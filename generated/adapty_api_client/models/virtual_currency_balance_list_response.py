from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.virtual_currency_profile_balance_item import VirtualCurrencyProfileBalanceItem


T = TypeVar("T", bound="VirtualCurrencyBalanceListResponse")


@_attrs_define
class VirtualCurrencyBalanceListResponse:
    """Current balances for all virtual currencies of a profile.

    Attributes:
        response_created_at (int): When the response was generated, as a Unix timestamp in milliseconds.
        data (list[VirtualCurrencyProfileBalanceItem]):
    """

    response_created_at: int
    data: list[VirtualCurrencyProfileBalanceItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response_created_at = self.response_created_at

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "response_created_at": response_created_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.virtual_currency_profile_balance_item import VirtualCurrencyProfileBalanceItem

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"VirtualCurrencyBalanceListResponse: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        response_created_at = d.pop("response_created_at")
        if isinstance(response_created_at, float) and response_created_at.is_integer():
            response_created_at = int(response_created_at)
        if not isinstance(response_created_at, int) or isinstance(response_created_at, bool):
            raise TypeError(f"response_created_at: expected int, got {type(response_created_at).__name__}")

        data = []
        _data = d.pop("data")
        if not isinstance(_data, list):
            raise TypeError(f"data: expected array, got {type(_data).__name__}")
        for data_item_data in _data:
            data_item = VirtualCurrencyProfileBalanceItem.from_dict(data_item_data)

            data.append(data_item)

        virtual_currency_balance_list_response = cls(
            response_created_at=response_created_at,
            data=data,
        )

        virtual_currency_balance_list_response.additional_properties = d
        return virtual_currency_balance_list_response

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
