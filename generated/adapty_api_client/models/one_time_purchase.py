from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.one_time_purchase_cancellation_reason_type_0 import OneTimePurchaseCancellationReasonType0
from ..models.one_time_purchase_environment import OneTimePurchaseEnvironment
from ..models.one_time_purchase_purchase_type import OneTimePurchasePurchaseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer_dto import OfferDTO
    from ..models.price_dto import PriceDTO


T = TypeVar("T", bound="OneTimePurchase")


@_attrs_define
class OneTimePurchase:
    """Transaction data for a one-time purchase

    Attributes:
        purchase_type (OneTimePurchasePurchaseType): Type of purchase
        store (str): Store where the purchase was made. Common values include `app_store`, `play_store`, `stripe`,
            `paddle`, or any custom store identifier
        store_product_id (str): Product ID in the store
        store_transaction_id (str): Transaction ID in the store. Maximum 50 characters. PayPal and some custom-store
            transaction IDs can exceed this — trim or hash the value before submitting, otherwise the request fails.
        store_original_transaction_id (str): Original transaction ID in the store
        price (PriceDTO):
        purchased_at (datetime.datetime): When the purchase was made
        environment (OneTimePurchaseEnvironment | Unset): Environment where the purchase was made Default:
            OneTimePurchaseEnvironment.PRODUCTION.
        is_family_shared (bool | Unset): Whether the purchase is family shared Default: False.
        variation_id (None | str | Unset): Variation ID for A/B testing
        offer (None | OfferDTO | Unset):
        refunded_at (datetime.datetime | None | Unset): When the purchase was refunded
        cancellation_reason (None | OneTimePurchaseCancellationReasonType0 | Unset): Reason for cancellation
    """

    purchase_type: OneTimePurchasePurchaseType
    store: str
    store_product_id: str
    store_transaction_id: str
    store_original_transaction_id: str
    price: PriceDTO
    purchased_at: datetime.datetime
    environment: OneTimePurchaseEnvironment | Unset = OneTimePurchaseEnvironment.PRODUCTION
    is_family_shared: bool | Unset = False
    variation_id: None | str | Unset = UNSET
    offer: None | OfferDTO | Unset = UNSET
    refunded_at: datetime.datetime | None | Unset = UNSET
    cancellation_reason: None | OneTimePurchaseCancellationReasonType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.offer_dto import OfferDTO

        purchase_type = self.purchase_type.value

        store = self.store

        store_product_id = self.store_product_id

        store_transaction_id = self.store_transaction_id

        store_original_transaction_id = self.store_original_transaction_id

        price = self.price.to_dict()

        purchased_at = self.purchased_at.isoformat()

        environment: str | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.value

        is_family_shared = self.is_family_shared

        variation_id: None | str | Unset
        if isinstance(self.variation_id, Unset):
            variation_id = UNSET
        else:
            variation_id = self.variation_id

        offer: dict[str, Any] | None | Unset
        if isinstance(self.offer, Unset):
            offer = UNSET
        elif isinstance(self.offer, OfferDTO):
            offer = self.offer.to_dict()
        else:
            offer = self.offer

        refunded_at: None | str | Unset
        if isinstance(self.refunded_at, Unset):
            refunded_at = UNSET
        elif isinstance(self.refunded_at, datetime.datetime):
            refunded_at = self.refunded_at.isoformat()
        else:
            refunded_at = self.refunded_at

        cancellation_reason: None | str | Unset
        if isinstance(self.cancellation_reason, Unset):
            cancellation_reason = UNSET
        elif isinstance(self.cancellation_reason, OneTimePurchaseCancellationReasonType0):
            cancellation_reason = self.cancellation_reason.value
        else:
            cancellation_reason = self.cancellation_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "purchase_type": purchase_type,
                "store": store,
                "store_product_id": store_product_id,
                "store_transaction_id": store_transaction_id,
                "store_original_transaction_id": store_original_transaction_id,
                "price": price,
                "purchased_at": purchased_at,
            }
        )
        if environment is not UNSET:
            field_dict["environment"] = environment
        if is_family_shared is not UNSET:
            field_dict["is_family_shared"] = is_family_shared
        if variation_id is not UNSET:
            field_dict["variation_id"] = variation_id
        if offer is not UNSET:
            field_dict["offer"] = offer
        if refunded_at is not UNSET:
            field_dict["refunded_at"] = refunded_at
        if cancellation_reason is not UNSET:
            field_dict["cancellation_reason"] = cancellation_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.offer_dto import OfferDTO
        from ..models.price_dto import PriceDTO

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"OneTimePurchase: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        purchase_type = OneTimePurchasePurchaseType(d.pop("purchase_type"))

        store = d.pop("store")
        if not isinstance(store, str):
            raise TypeError(f"store: expected str, got {type(store).__name__}")

        store_product_id = d.pop("store_product_id")
        if not isinstance(store_product_id, str):
            raise TypeError(f"store_product_id: expected str, got {type(store_product_id).__name__}")

        store_transaction_id = d.pop("store_transaction_id")
        if not isinstance(store_transaction_id, str):
            raise TypeError(f"store_transaction_id: expected str, got {type(store_transaction_id).__name__}")

        store_original_transaction_id = d.pop("store_original_transaction_id")
        if not isinstance(store_original_transaction_id, str):
            raise TypeError(
                f"store_original_transaction_id: expected str, got {type(store_original_transaction_id).__name__}"
            )

        price = PriceDTO.from_dict(d.pop("price"))

        purchased_at = datetime.datetime.fromisoformat(d.pop("purchased_at").upper())

        _environment = d.pop("environment", UNSET)
        environment: OneTimePurchaseEnvironment | Unset
        if isinstance(_environment, Unset):
            environment = UNSET
        else:
            environment = OneTimePurchaseEnvironment(_environment)

        is_family_shared = d.pop("is_family_shared", UNSET)
        if not isinstance(is_family_shared, Unset) and not isinstance(is_family_shared, bool):
            raise TypeError(f"is_family_shared: expected bool, got {type(is_family_shared).__name__}")

        def _parse_variation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"variation_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        variation_id = _parse_variation_id(d.pop("variation_id", UNSET))

        def _parse_offer(data: object) -> None | OfferDTO | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                offer_type_0 = OfferDTO.from_dict(data)

                return offer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"offer: no type of the union matches {type(data).__name__}")

        offer = _parse_offer(d.pop("offer", UNSET))

        def _parse_refunded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                refunded_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return refunded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"refunded_at: no type of the union matches {type(data).__name__}")

        refunded_at = _parse_refunded_at(d.pop("refunded_at", UNSET))

        def _parse_cancellation_reason(data: object) -> None | OneTimePurchaseCancellationReasonType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancellation_reason_type_0 = OneTimePurchaseCancellationReasonType0(data)

                return cancellation_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"cancellation_reason: no type of the union matches {type(data).__name__}")

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason", UNSET))

        one_time_purchase = cls(
            purchase_type=purchase_type,
            store=store,
            store_product_id=store_product_id,
            store_transaction_id=store_transaction_id,
            store_original_transaction_id=store_original_transaction_id,
            price=price,
            purchased_at=purchased_at,
            environment=environment,
            is_family_shared=is_family_shared,
            variation_id=variation_id,
            offer=offer,
            refunded_at=refunded_at,
            cancellation_reason=cancellation_reason,
        )

        one_time_purchase.additional_properties = d
        return one_time_purchase

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
