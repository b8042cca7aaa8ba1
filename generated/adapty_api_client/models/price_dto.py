from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PriceDTO")


@_attrs_define
class PriceDTO:
    """
    Attributes:
        country (str): Country code in ISO 3166-1 alpha-2 format, for example `US`
        currency (str): Currency code in ISO 4217 format, for example `USD`
        value (float): Price value
    """

    country: str
    currency: str
    value: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        currency = self.currency

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "currency": currency,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"PriceDTO: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        country = d.pop("country")
        if not isinstance(country, str):
            raise TypeError(f"country: expected str, got {type(country).__name__}")

        currency = d.pop("currency")
        if not isinstance(currency, str):
            raise TypeError(f"currency: expected str, got {type(currency).__name__}")

        value = d.pop("value")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise TypeError(f"value: expected float, got {type(value).__name__}")

        price_dto = cls(
            country=country,
            currency=currency,
            value=value,
        )

        price_dto.additional_properties = d
        return price_dto

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
