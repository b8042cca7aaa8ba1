from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VirtualCurrencyProfileBalanceItem")


@_attrs_define
class VirtualCurrencyProfileBalanceItem:
    """
    Attributes:
        code (str): Unique virtual currency code within the app. ASCII letters, digits, and underscore.
        name (str): Display name of the virtual currency.
        balance (int): Total balance, including amounts currently held.
        held (int): Sum of all active holds (reserved amounts). Currently always 0.
        available (int): Balance available to spend, computed as `balance - held`.
    """

    code: str
    name: str
    balance: int
    held: int
    available: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        balance = self.balance

        held = self.held

        available = self.available

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "balance": balance,
                "held": held,
                "available": available,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"VirtualCurrencyProfileBalanceItem: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        code = d.pop("code")
        if not isinstance(code, str):
            raise TypeError(f"code: expected str, got {type(code).__name__}")

        name = d.pop("name")
        if not isinstance(name, str):
            raise TypeError(f"name: expected str, got {type(name).__name__}")

        balance = d.pop("balance")
        if isinstance(balance, float) and balance.is_integer():
            balance = int(balance)
        if not isinstance(balance, int) or isinstance(balance, bool):
            raise TypeError(f"balance: expected int, got {type(balance).__name__}")

        held = d.pop("held")
        if isinstance(held, float) and held.is_integer():
            held = int(held)
        if not isinstance(held, int) or isinstance(held, bool):
            raise TypeError(f"held: expected int, got {type(held).__name__}")

        available = d.pop("available")
        if isinstance(available, float) and available.is_integer():
            available = int(available)
        if not isinstance(available, int) or isinstance(available, bool):
            raise TypeError(f"available: expected int, got {type(available).__name__}")

        virtual_currency_profile_balance_item = cls(
            code=code,
            name=name,
            balance=balance,
            held=held,
            available=available,
        )

        virtual_currency_profile_balance_item.additional_properties = d
        return virtual_currency_profile_balance_item

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
