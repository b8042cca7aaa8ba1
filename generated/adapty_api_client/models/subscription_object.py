from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_object_environment import SubscriptionObjectEnvironment

T = TypeVar("T", bound="SubscriptionObject")


@_attrs_define
class SubscriptionObject:
    """A Subscription represents an active subscription purchase. It contains information about
    the subscription product, purchase details, and renewal status.

        Attributes:
            purchase_id (UUID): The unique identifier of the purchase
            store (str): The store where the subscription was purchased. Common values include app_store, play_store,
                stripe, paddle, or any custom store identifier
            store_product_id (str): The product ID in the store
            store_base_plan_id (None | str): The base plan ID in the store
            store_transaction_id (str): The transaction ID in the store
            store_original_transaction_id (str): The original transaction ID in the store
            purchased_at (datetime.datetime): When the subscription was purchased
            environment (SubscriptionObjectEnvironment): The environment where the purchase was made
            is_refund (bool): Whether this is a refunded purchase
            is_consumable (bool): Whether this is a consumable purchase
    """

    purchase_id: UUID
    store: str
    store_product_id: str
    store_base_plan_id: None | str
    store_transaction_id: str
    store_original_transaction_id: str
    purchased_at: datetime.datetime
    environment: SubscriptionObjectEnvironment
    is_refund: bool
    is_consumable: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        purchase_id = str(self.purchase_id)

        store = self.store

        store_product_id = self.store_product_id

        store_base_plan_id: None | str
        store_base_plan_id = self.store_base_plan_id

        store_transaction_id = self.store_transaction_id

        store_original_transaction_id = self.store_original_transaction_id

        purchased_at = self.purchased_at.isoformat()

        environment = self.environment.value

        is_refund = self.is_refund

        is_consumable = self.is_consumable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "purchase_id": purchase_id,
                "store": store,
                "store_product_id": store_product_id,
                "store_base_plan_id": store_base_plan_id,
                "store_transaction_id": store_transaction_id,
                "store_original_transaction_id": store_original_transaction_id,
                "purchased_at": purchased_at,
                "environment": environment,
                "is_refund": is_refund,
                "is_consumable": is_consumable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"SubscriptionObject: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        purchase_id = UUID(d.pop("purchase_id"))

        store = d.pop("store")
        if not isinstance(store, str):
            raise TypeError(f"store: expected str, got {type(store).__name__}")

        store_product_id = d.pop("store_product_id")
        if not isinstance(store_product_id, str):
            raise TypeError(f"store_product_id: expected str, got {type(store_product_id).__name__}")

        def _parse_store_base_plan_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"store_base_plan_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        store_base_plan_id = _parse_store_base_plan_id(d.pop("store_base_plan_id"))

        store_transaction_id = d.pop("store_transaction_id")
        if not isinstance(store_transaction_id, str):
            raise TypeError(f"store_transaction_id: expected str, got {type(store_transaction_id).__name__}")

        store_original_transaction_id = d.pop("store_original_transaction_id")
        if not isinstance(store_original_transaction_id, str):
            raise TypeError(
                f"store_original_transaction_id: expected str, got {type(store_original_transaction_id).__name__}"
            )

        purchased_at = datetime.datetime.fromisoformat(d.pop("purchased_at").upper())

        environment = SubscriptionObjectEnvironment(d.pop("environment"))

        is_refund = d.pop("is_refund")
        if not isinstance(is_refund, bool):
            raise TypeError(f"is_refund: expected bool, got {type(is_refund).__name__}")

        is_consumable = d.pop("is_consumable")
        if not isinstance(is_consumable, bool):
            raise TypeError(f"is_consumable: expected bool, got {type(is_consumable).__name__}")

        subscription_object = cls(
            purchase_id=purchase_id,
            store=store,
            store_product_id=store_product_id,
            store_base_plan_id=store_base_plan_id,
            store_transaction_id=store_transaction_id,
            store_original_transaction_id=store_original_transaction_id,
            purchased_at=purchased_at,
            environment=environment,
            is_refund=is_refund,
            is_consumable=is_consumable,
        )

        subscription_object.additional_properties = d
        return subscription_object

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
