from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NonSubscription")


@_attrs_define
class NonSubscription:
    """
    Attributes:
        purchase_id (UUID | Unset): Unique purchase identifier
        store (str | Unset): Store where the purchase was made
        store_product_id (str | Unset): Product ID in the store
        store_base_plan_id (None | str | Unset): Base plan ID in the store
        store_transaction_id (str | Unset): Transaction ID in the store
        store_original_transaction_id (str | Unset): Original transaction ID in the store
        purchased_at (datetime.datetime | Unset): When the purchase was made
        environment (str | Unset): Environment (Sandbox, Production)
        is_refund (bool | Unset): Whether this is a refund
        is_consumable (bool | Unset): Whether this is a consumable purchase
    """

    purchase_id: UUID | Unset = UNSET
    store: str | Unset = UNSET
    store_product_id: str | Unset = UNSET
    store_base_plan_id: None | str | Unset = UNSET
    store_transaction_id: str | Unset = UNSET
    store_original_transaction_id: str | Unset = UNSET
    purchased_at: datetime.datetime | Unset = UNSET
    environment: str | Unset = UNSET
    is_refund: bool | Unset = UNSET
    is_consumable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        purchase_id: str | Unset = UNSET
        if not isinstance(self.purchase_id, Unset):
            purchase_id = str(self.purchase_id)

        store = self.store

        store_product_id = self.store_product_id

        store_base_plan_id: None | str | Unset
        if isinstance(self.store_base_plan_id, Unset):
            store_base_plan_id = UNSET
        else:
            store_base_plan_id = self.store_base_plan_id

        store_transaction_id = self.store_transaction_id

        store_original_transaction_id = self.store_original_transaction_id

        purchased_at: str | Unset = UNSET
        if not isinstance(self.purchased_at, Unset):
            purchased_at = self.purchased_at.isoformat()

        environment = self.environment

        is_refund = self.is_refund

        is_consumable = self.is_consumable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if purchase_id is not UNSET:
            field_dict["purchase_id"] = purchase_id
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
        if purchased_at is not UNSET:
            field_dict["purchased_at"] = purchased_at
        if environment is not UNSET:
            field_dict["environment"] = environment
        if is_refund is not UNSET:
            field_dict["is_refund"] = is_refund
        if is_consumable is not UNSET:
            field_dict["is_consumable"] = is_consumable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"NonSubscription: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        _purchase_id = d.pop("purchase_id", UNSET)
        purchase_id: UUID | Unset
        if isinstance(_purchase_id, Unset):
            purchase_id = UNSET
        else:
            purchase_id = UUID(_purchase_id)

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

        _purchased_at = d.pop("purchased_at", UNSET)
        purchased_at: datetime.datetime | Unset
        if isinstance(_purchased_at, Unset):
            purchased_at = UNSET
        else:
            purchased_at = datetime.datetime.fromisoformat(_purchased_at.upper())

        environment = d.pop("environment", UNSET)
        if not isinstance(environment, Unset) and not isinstance(environment, str):
            raise TypeError(f"environment: expected str, got {type(environment).__name__}")

        is_refund = d.pop("is_refund", UNSET)
        if not isinstance(is_refund, Unset) and not isinstance(is_refund, bool):
            raise TypeError(f"is_refund: expected bool, got {type(is_refund).__name__}")

        is_consumable = d.pop("is_consumable", UNSET)
        if not isinstance(is_consumable, Unset) and not isinstance(is_consumable, bool):
            raise TypeError(f"is_consumable: expected bool, got {type(is_consumable).__name__}")

        non_subscription = cls(
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

        non_subscription.additional_properties = d
        return non_subscription

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
