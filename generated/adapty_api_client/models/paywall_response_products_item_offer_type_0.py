from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PaywallResponseProductsItemOfferType0")


@_attrs_define
class PaywallResponseProductsItemOfferType0:
    """
    Attributes:
        product_offer_id (UUID): The unique identifier of the product offer
        title (str): The title of the offer
    """

    product_offer_id: UUID
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product_offer_id = str(self.product_offer_id)

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product_offer_id": product_offer_id,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"PaywallResponseProductsItemOfferType0: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        product_offer_id = UUID(d.pop("product_offer_id"))

        title = d.pop("title")
        if not isinstance(title, str):
            raise TypeError(f"title: expected str, got {type(title).__name__}")

        paywall_response_products_item_offer_type_0 = cls(
            product_offer_id=product_offer_id,
            title=title,
        )

        paywall_response_products_item_offer_type_0.additional_properties = d
        return paywall_response_products_item_offer_type_0

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
