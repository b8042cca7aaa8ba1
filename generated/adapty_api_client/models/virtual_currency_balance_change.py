from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VirtualCurrencyBalanceChange")


@_attrs_define
class VirtualCurrencyBalanceChange:
    """
    Attributes:
        currency_code (str): The virtual currency code.
        amount (int): The signed change applied to the balance. A positive value is a credit, a negative value is a
            debit.
        balance_after (int): The currency balance after this transaction was applied.
    """

    currency_code: str
    amount: int
    balance_after: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency_code = self.currency_code

        amount = self.amount

        balance_after = self.balance_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency_code": currency_code,
                "amount": amount,
                "balance_after": balance_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"VirtualCurrencyBalanceChange: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        currency_code = d.pop("currency_code")
        if not isinstance(currency_code, str):
            raise TypeError(f"currency_code: expected str, got {type(currency_code).__name__}")

        amount = d.pop("amount")
        if isinstance(amount, float) and amount.is_integer():
            amount = int(amount)
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise TypeError(f"amount: expected int, got {type(amount).__name__}")

        balance_after = d.pop("balance_after")
        if isinstance(balance_after, float) and balance_after.is_integer():
            balance_after = int(balance_after)
        if not isinstance(balance_after, int) or isinstance(balance_after, bool):
            raise TypeError(f"balance_after: expected int, got {type(balance_after).__name__}")

        virtual_currency_balance_change = cls(
            currency_code=currency_code,
            amount=amount,
            balance_after=balance_after,
        )

        virtual_currency_balance_change.additional_properties = d
        return virtual_currency_balance_change

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
