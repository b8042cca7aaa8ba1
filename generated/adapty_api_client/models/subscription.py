from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer_dto import OfferDTO


T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """
    Attributes:
        store (str | Unset): Store where the subscription was purchased
        store_product_id (str | Unset): Product ID in the store
        store_base_plan_id (None | str | Unset): Base plan ID in the store
        store_transaction_id (str | Unset): Transaction ID in the store
        store_original_transaction_id (str | Unset): Original transaction ID in the store
        offer (None | OfferDTO | Unset): Offer details, if a promotional or introductory offer was applied
        environment (str | Unset): Environment (Sandbox, Production)
        purchased_at (datetime.datetime | Unset): When the subscription was purchased
        originally_purchased_at (datetime.datetime | Unset): When the subscription was originally purchased
        expires_at (datetime.datetime | None | Unset): When the subscription expires
        renewal_cancelled_at (datetime.datetime | None | Unset): When renewal was cancelled
        billing_issue_detected_at (datetime.datetime | None | Unset): When billing issue was detected
        is_in_grace_period (bool | Unset): Whether the subscription is in grace period
        cancellation_reason (None | str | Unset): Reason for cancellation
    """

    store: str | Unset = UNSET
    store_product_id: str | Unset = UNSET
    store_base_plan_id: None | str | Unset = UNSET
    store_transaction_id: str | Unset = UNSET
    store_original_transaction_id: str | Unset = UNSET
    offer: None | OfferDTO | Unset = UNSET
    environment: str | Unset = UNSET
    purchased_at: datetime.datetime | Unset = UNSET
    originally_purchased_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    renewal_cancelled_at: datetime.datetime | None | Unset = UNSET
    billing_issue_detected_at: datetime.datetime | None | Unset = UNSET
    is_in_grace_period: bool | Unset = UNSET
    cancellation_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.offer_dto import OfferDTO

        store = self.store

        store_product_id = self.store_product_id

        store_base_plan_id: None | str | Unset
        if isinstance(self.store_base_plan_id, Unset):
            store_base_plan_id = UNSET
        else:
            store_base_plan_id = self.store_base_plan_id

        store_transaction_id = self.store_transaction_id

        store_original_transaction_id = self.store_original_transaction_id

        offer: dict[str, Any] | None | Unset
        if isinstance(self.offer, Unset):
            offer = UNSET
        elif isinstance(self.offer, OfferDTO):
            offer = self.offer.to_dict()
        else:
            offer = self.offer

        environment = self.environment

        purchased_at: str | Unset = UNSET
        if not isinstance(self.purchased_at, Unset):
            purchased_at = self.purchased_at.isoformat()

        originally_purchased_at: str | Unset = UNSET
        if not isinstance(self.originally_purchased_at, Unset):
            originally_purchased_at = self.originally_purchased_at.isoformat()

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        renewal_cancelled_at: None | str | Unset
        if isinstance(self.renewal_cancelled_at, Unset):
            renewal_cancelled_at = UNSET
        elif isinstance(self.renewal_cancelled_at, datetime.datetime):
            renewal_cancelled_at = self.renewal_cancelled_at.isoformat()
        else:
            renewal_cancelled_at = self.renewal_cancelled_at

        billing_issue_detected_at: None | str | Unset
        if isinstance(self.billing_issue_detected_at, Unset):
            billing_issue_detected_at = UNSET
        elif isinstance(self.billing_issue_detected_at, datetime.datetime):
            billing_issue_detected_at = self.billing_issue_detected_at.isoformat()
        else:
            billing_issue_detected_at = self.billing_issue_detected_at

        is_in_grace_period = self.is_in_grace_period

        cancellation_reason: None | str | Unset
        if isinstance(self.cancellation_reason, Unset):
            cancellation_reason = UNSET
        else:
            cancellation_reason = self.cancellation_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if store is not UNSET:
            field_dict["store"] = store
        if store_product_id is not UNSET:
            field_dict["store_product_id"] = store_product_id
        if store_base_plan_id is not UNSET:
            field_dict["store_base_plan_id"] = store_base_plan_id
        if store_transaction_id is not UNSET:
            field_dict["store_transaction_id"] = store_transaction_id
        if store_original_transaction_id is not UNSET:
            field_dict["store_original_transaction_id"] = store_original_transaction_id
        if offer is not UNSET:
            field_dict["offer"] = offer
        if environment is not UNSET:
            field_dict["environment"] = environment
        if purchased_at is not UNSET:
            field_dict["purchased_at"] = purchased_at
        if originally_purchased_at is not UNSET:
            field_dict["originally_purchased_at"] = originally_purchased_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if renewal_cancelled_at is not UNSET:
            field_dict["renewal_cancelled_at"] = renewal_cancelled_at
        if billing_issue_detected_at is not UNSET:
            field_dict["billing_issue_detected_at"] = billing_issue_detected_at
        if is_in_grace_period is not UNSET:
            field_dict["is_in_grace_period"] = is_in_grace_period
        if cancellation_reason is not UNSET:
            field_dict["cancellation_reason"] = cancellation_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.offer_dto import OfferDTO

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"Subscription: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        store = d.pop("store", UNSET)
        if not isinstance(store, Unset) and not isinstance(store, str):
            raise TypeError(f"store: expected str, got {type(store).__name__}")

        store_product_id = d.pop("store_product_id", UNSET)
        if not isinstance(store_product_id, Unset) and not isinstance(store_product_id, str):
            raise TypeError(f"store_product_id: expected str, got {type(store_product_id).__name__}")

        def _parse_store_base_plan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"store_base_plan_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        store_base_plan_id = _parse_store_base_plan_id(d.pop("store_base_plan_id", UNSET))

        store_transaction_id = d.pop("store_transaction_id", UNSET)
        if not isinstance(store_transaction_id, Unset) and not isinstance(store_transaction_id, str):
            raise TypeError(f"store_transaction_id: expected str, got {type(store_transaction_id).__name__}")

        store_original_transaction_id = d.pop("store_original_transaction_id", UNSET)
        if not isinstance(store_original_transaction_id, Unset) and not isinstance(store_original_transaction_id, str):
            raise TypeError(
                f"store_original_transaction_id: expected str, got {type(store_original_transaction_id).__name__}"
            )

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

        environment = d.pop("environment", UNSET)
        if not isinstance(environment, Unset) and not isinstance(environment, str):
            raise TypeError(f"environment: expected str, got {type(environment).__name__}")

        _purchased_at = d.pop("purchased_at", UNSET)
        purchased_at: datetime.datetime | Unset
        if isinstance(_purchased_at, Unset):
            purchased_at = UNSET
        else:
            purchased_at = datetime.datetime.fromisoformat(_purchased_at.upper())

        _originally_purchased_at = d.pop("originally_purchased_at", UNSET)
        originally_purchased_at: datetime.datetime | Unset
        if isinstance(_originally_purchased_at, Unset):
            originally_purchased_at = UNSET
        else:
            originally_purchased_at = datetime.datetime.fromisoformat(_originally_purchased_at.upper())

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"expires_at: no type of the union matches {type(data).__name__}")

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_renewal_cancelled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renewal_cancelled_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return renewal_cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"renewal_cancelled_at: no type of the union matches {type(data).__name__}")

        renewal_cancelled_at = _parse_renewal_cancelled_at(d.pop("renewal_cancelled_at", UNSET))

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

        is_in_grace_period = d.pop("is_in_grace_period", UNSET)
        if not isinstance(is_in_grace_period, Unset) and not isinstance(is_in_grace_period, bool):
            raise TypeError(f"is_in_grace_period: expected bool, got {type(is_in_grace_period).__name__}")

        def _parse_cancellation_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"cancellation_reason: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason", UNSET))

        subscription = cls(
            store=store,
            store_product_id=store_product_id,
            store_base_plan_id=store_base_plan_id,
            store_transaction_id=store_transaction_id,
            store_original_transaction_id=store_original_transaction_id,
            offer=offer,
            environment=environment,
            purchased_at=purchased_at,
            originally_purchased_at=originally_purchased_at,
            expires_at=expires_at,
            renewal_cancelled_at=renewal_cancelled_at,
            billing_issue_detected_at=billing_issue_detected_at,
            is_in_grace_period=is_in_grace_period,
            cancellation_reason=cancellation_reason,
        )

        subscription.additional_properties = d
        return subscription

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
