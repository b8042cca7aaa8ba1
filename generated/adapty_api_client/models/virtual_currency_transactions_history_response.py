from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.virtual_currency_history_pagination import VirtualCurrencyHistoryPagination
    from ..models.virtual_currency_transactions_history_item import VirtualCurrencyTransactionsHistoryItem


T = TypeVar("T", bound="VirtualCurrencyTransactionsHistoryResponse")


@_attrs_define
class VirtualCurrencyTransactionsHistoryResponse:
    """Paginated list of virtual currency transactions for a profile.

    Attributes:
        data (list[VirtualCurrencyTransactionsHistoryItem]):
        pagination (VirtualCurrencyHistoryPagination):
    """

    data: list[VirtualCurrencyTransactionsHistoryItem]
    pagination: VirtualCurrencyHistoryPagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "pagination": pagination,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.virtual_currency_history_pagination import VirtualCurrencyHistoryPagination
        from ..models.virtual_currency_transactions_history_item import VirtualCurrencyTransactionsHistoryItem

        if not isinstance(src_dict, Mapping):
            raise TypeError(
                f"VirtualCurrencyTransactionsHistoryResponse: expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        if not isinstance(_data, list):
            raise TypeError(f"data: expected array, got {type(_data).__name__}")
        for data_item_data in _data:
            data_item = VirtualCurrencyTransactionsHistoryItem.from_dict(data_item_data)

            data.append(data_item)

        pagination = VirtualCurrencyHistoryPagination.from_dict(d.pop("pagination"))

        virtual_currency_transactions_history_response = cls(
            data=data,
            pagination=pagination,
        )

        virtual_currency_transactions_history_response.additional_properties = d
        return virtual_currency_transactions_history_response

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
