from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.product_object_offer_type_0 import ProductObjectOfferType0


T = TypeVar("T", bound="ProductObject")


@_attrs_define
class ProductObject:
    """A Product represents a purchasable item in your app. It can be a subscription or
    a one-time purchase product.

        Attributes:
            product_id (UUID): The unique identifier of the product
            title (str): The title of the product
            product_set (str): The product set category
            offer (None | ProductObjectOfferType0): Product offer information
    """

    product_id: UUID
    title: str
    product_set: str
    offer: None | ProductObjectOfferType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.product_object_offer_type_0 import ProductObjectOfferType0

        product_id = str(self.product_id)

        title = self.title

        product_set = self.product_set

        offer: dict[str, Any] | None
        if isinstance(self.offer, ProductObjectOfferType0):
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
        from ..models.product_object_offer_type_0 import ProductObjectOfferType0

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"ProductObject: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        product_id = UUID(d.pop("product_id"))

        title = d.pop("title")
        if not isinstance(title, str):
            raise TypeError(f"title: expected str, got {type(title).__name__}")

        product_set = d.pop("product_set")
        if not isinstance(product_set, str):
            raise TypeError(f"product_set: expected str, got {type(product_set).__name__}")

        def _parse_offer(data: object) -> None | ProductObjectOfferType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                offer_type_0 = ProductObjectOfferType0.from_dict(data)

                return offer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"offer: no type of the union matches {type(data).__name__}")

        offer = _parse_offer(d.pop("offer"))

        product_object = cls(
            product_id=product_id,
            title=title,
            product_set=product_set,
            offer=offer,
        )

        product_object.additional_properties = d
        return product_object

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
