from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_dto_cancellation_reason_type_0 import SubscriptionDTOCancellationReasonType0
from ..models.subscription_dto_environment import SubscriptionDTOEnvironment
from ..models.subscription_dto_purchase_type import SubscriptionDTOPurchaseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer_dto import OfferDTO
    from ..models.price_dto import PriceDTO


T = TypeVar("T", bound="SubscriptionDTO")


@_attrs_define
class SubscriptionDTO:
    """Subscription: Transaction data for a subscription purchase

    Attributes:
        purchase_type (SubscriptionDTOPurchaseType): Type of purchase
        store (str): Store where the purchase was made. Common values include `app_store`, `play_store`, `stripe`,
            `paddle`, or any custom store identifier
        store_product_id (str): Product ID in the store
        store_transaction_id (str): Transaction ID in the store. Maximum 50 characters. PayPal and some custom-store
            transaction IDs can exceed this — trim or hash the value before submitting, otherwise the request fails.
        store_original_transaction_id (str): Original transaction ID in the store
        price (PriceDTO):
        purchased_at (datetime.datetime): When the purchase was made
        originally_purchased_at (datetime.datetime): When the subscription was originally purchased
        expires_at (datetime.datetime): When the subscription expires
        renew_status (bool): Whether the subscription will renew
        environment (SubscriptionDTOEnvironment | Unset): Environment where the purchase was made Default:
            SubscriptionDTOEnvironment.PRODUCTION.
        is_family_shared (bool | Unset): Whether the purchase is family shared Default: False.
        variation_id (None | str | Unset): Variation ID for A/B testing
        offer (None | OfferDTO | Unset):
        refunded_at (datetime.datetime | None | Unset): When the purchase was refunded
        cancellation_reason (None | SubscriptionDTOCancellationReasonType0 | Unset): Reason for cancellation
        renew_status_changed_at (datetime.datetime | None | Unset): When the renewal status was changed
        billing_issue_detected_at (datetime.datetime | None | Unset): When billing issue was detected
        grace_period_expires_at (datetime.datetime | None | Unset): When grace period expires
    """

    purchase_type: SubscriptionDTOPurchaseType
    store: str
    store_product_id: str
    store_transaction_id: str
    store_original_transaction_id: str
    price: PriceDTO
    purchased_at: datetime.datetime
    originally_purchased_at: datetime.datetime
    expires_at: datetime.datetime
    renew_status: bool
    environment: SubscriptionDTOEnvironment | Unset = SubscriptionDTOEnvironment.PRODUCTION
    is_family_shared: bool | Unset = False
    variation_id: None | str | Unset = UNSET
    offer: None | OfferDTO | Unset = UNSET
    refunded_at: datetime.datetime | None | Unset = UNSET
    cancellation_reason: None | SubscriptionDTOCancellationReasonType0 | Unset = UNSET
    renew_status_changed_at: datetime.datetime | None | Unset = UNSET
    billing_issue_detected_at: datetime.datetime | None | Unset = UNSET
    grace_period_expires_at: datetime.datetime | None | Unset = UNSET
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

        originally_purchased_at = self.originally_purchased_at.isoformat()

        expires_at = self.expires_at.isoformat()

        renew_status = self.renew_status

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
        elif isinstance(self.cancellation_reason, SubscriptionDTOCancellationReasonType0):
            cancellation_reason = self.cancellation_reason.value
        else:
            cancellation_reason = self.cancellation_reason

        renew_status_changed_at: None | str | Unset
        if isinstance(self.renew_status_changed_at, Unset):
            renew_status_changed_at = UNSET
        elif isinstance(self.renew_status_changed_at, datetime.datetime):
            renew_status_changed_at = self.renew_status_changed_at.isoformat()
        else:
            renew_status_changed_at = self.renew_status_changed_at

        billing_issue_detected_at: None | str | Unset
        if isinstance(self.billing_issue_detected_at, Unset):
            billing_issue_detected_at = UNSET
        elif isinstance(self.billing_issue_detected_at, datetime.datetime):
            billing_issue_detected_at = self.billing_issue_detected_at.isoformat()
        else:
            billing_issue_detected_at = self.billing_issue_detected_at

        grace_period_expires_at: None | str | Unset
        if isinstance(self.grace_period_expires_at, Unset):
            grace_period_expires_at = UNSET
        elif isinstance(self.grace_period_expires_at, datetime.datetime):
            grace_period_expires_at = self.grace_period_expires_at.isoformat()
        else:
            grace_period_expires_at = self.grace_period_expires_at

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
                "originally_purchased_at": originally_purchased_at,
                "expires_at": expires_at,
                "renew_status": renew_status,
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
        if renew_status_changed_at is not UNSET:
            field_dict["renew_status_changed_at"] = renew_status_changed_at
        if billing_issue_detected_at is not UNSET:
            field_dict["billing_issue_detected_at"] = billing_issue_detected_at
        if grace_period_expires_at is not UNSET:
            field_dict["grace_period_expires_at"] = grace_period_expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.offer_dto import OfferDTO
        from ..models.price_dto import PriceDTO

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"SubscriptionDTO: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        purchase_type = SubscriptionDTOPurchaseType(d.pop("purchase_type"))

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

        originally_purchased_at = datetime.datetime.fromisoformat(d.pop("originally_purchased_at").upper())

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at").upper())

        renew_status = d.pop("renew_status")
        if not isinstance(renew_status, bool):
            raise TypeError(f"renew_status: expected bool, got {type(renew_status).__name__}")

        _environment = d.pop("environment", UNSET)
        environment: SubscriptionDTOEnvironment | Unset
        if isinstance(_environment, Unset):
            environment = UNSET
        else:
            environment = SubscriptionDTOEnvironment(_environment)

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

        def _parse_cancellation_reason(data: object) -> None | SubscriptionDTOCancellationReasonType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancellation_reason_type_0 = SubscriptionDTOCancellationReasonType0(data)

                return cancellation_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"cancellation_reason: no type of the union matches {type(data).__name__}")

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason", UNSET))

        def _parse_renew_status_changed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renew_status_changed_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return renew_status_changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"renew_status_changed_at: no type of the union matches {type(data).__name__}")

        renew_status_changed_at = _parse_renew_status_changed_at(d.pop("renew_status_changed_at", UNSET))

        def _parse_billing_issue_detected_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_issue_detected_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return billing_issue_detected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"billing_issue_detected_at: no type of the union matches {type(data).__name__}")

        billing_issue_detected_at = _parse_billing_issue_detected_at(d.pop("billing_issue_detected_at", UNSET))

        def _parse_grace_period_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grace_period_expires_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return grace_period_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"grace_period_expires_at: no type of the union matches {type(data).__name__}")

        grace_period_expires_at = _parse_grace_period_expires_at(d.pop("grace_period_expires_at", UNSET))

        subscription_dto = cls(
            purchase_type=purchase_type,
            store=store,
            store_product_id=store_product_id,
            store_transaction_id=store_transaction_id,
            store_original_transaction_id=store_original_transaction_id,
            price=price,
            purchased_at=purchased_at,
            originally_purchased_at=originally_purchased_at,
            expires_at=expires_at,
            renew_status=renew_status,
            environment=environment,
            is_family_shared=is_family_shared,
            variation_id=variation_id,
            offer=offer,
            refunded_at=refunded_at,
            cancellation_reason=cancellation_reason,
            renew_status_changed_at=renew_status_changed_at,
            billing_issue_detected_at=billing_issue_detected_at,
            grace_period_expires_at=grace_period_expires_at,
        )

        subscription_dto.additional_properties = d
        return subscription_dto

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
