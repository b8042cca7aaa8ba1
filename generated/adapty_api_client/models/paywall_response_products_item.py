from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.paywall_response_products_item_product_set import PaywallResponseProductsItemProductSet

if TYPE_CHECKING:
    from ..models.paywall_response_products_item_offer_type_0 import PaywallResponseProductsItemOfferType0


T = TypeVar("T", bound="PaywallResponseProductsItem")


@_attrs_define
class PaywallResponseProductsItem:
    """
    Attributes:
        product_id (UUID): The unique identifier of the product
        title (str): The title of the product
        product_set (PaywallResponseProductsItemProductSet): The product set category
        offer (None | PaywallResponseProductsItemOfferType0):
    """

    product_id: UUID
    title: str
    product_set: PaywallResponseProductsItemProductSet
    offer: None | PaywallResponseProductsItemOfferType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.paywall_response_products_item_offer_type_0 import PaywallResponseProductsItemOfferType0

        product_id = str(self.product_id)

        title = self.title

        product_set = self.product_set.value

        offer: dict[str, Any] | None
        if isinstance(self.offer, PaywallResponseProductsItemOfferType0):
            offer = self.offer.to_dict()
        else:
            offer = self.offer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product_id": product_id,
                "title": title,
                "product_set": product_set,
                "offer": offer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.paywall_response_products_item_offer_type_0 import PaywallResponseProductsItemOfferType0

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"PaywallResponseProductsItem: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        product_id = UUID(d.pop("product_id"))

        title = d.pop("title")
        if not isinstance(title, str):
            raise TypeError(f"title: expected str, got {type(title).__name__}")

        product_set = PaywallResponseProductsItemProductSet(d.pop("product_set"))

        def _parse_offer(data: object) -> None | PaywallResponseProductsItemOfferType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                offer_type_0 = PaywallResponseProductsItemOfferType0.from_dict(data)

                return offer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"offer: no type of the union matches {type(data).__name__}")

        offer = _parse_offer(d.pop("offer"))

        paywall_response_products_item = cls(
            product_id=product_id,
            title=title,
            product_set=product_set,
            offer=offer,
        )

        paywall_response_products_item.additional_properties = d
        return paywall_response_products_item

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
