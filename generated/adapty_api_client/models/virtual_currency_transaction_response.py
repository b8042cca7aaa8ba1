from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.virtual_currency_balance_snapshot import VirtualCurrencyBalanceSnapshot


T = TypeVar("T", bound="VirtualCurrencyTransactionResponse")


@_attrs_define
class VirtualCurrencyTransactionResponse:
    """Result of a virtual currency transaction.

    Attributes:
        transaction_id (UUID): Unique ID of the created transaction.
        balances (list[VirtualCurrencyBalanceSnapshot]): Post-transaction balance for each currency affected by this
            request (one entry per item in `items`). To read the full balance list for the profile, use `GET /api/v2/server-
            side-api/vc/balances/`.
    """

    transaction_id: UUID
    balances: list[VirtualCurrencyBalanceSnapshot]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transaction_id = str(self.transaction_id)

        balances = []
        for balances_item_data in self.balances:
            balances_item = balances_item_data.to_dict()
            balances.append(balances_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "transaction_id": transaction_id,
                "balances": balances,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.virtual_currency_balance_snapshot import VirtualCurrencyBalanceSnapshot

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"VirtualCurrencyTransactionResponse: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        transaction_id = UUID(d.pop("transaction_id"))

        balances = []
        _balances = d.pop("balances")
        if not isinstance(_balances, list):
            raise TypeError(f"balances: expected array, got {type(_balances).__name__}")
        for balances_item_data in _balances:
            balances_item = VirtualCurrencyBalanceSnapshot.from_dict(balances_item_data)

            balances.append(balances_item)

        virtual_currency_transaction_response = cls(
            transaction_id=transaction_id,
            balances=balances,
        )

        virtual_currency_transaction_response.additional_properties = d
        return virtual_currency_transaction_response

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
