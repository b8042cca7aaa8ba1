from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.virtual_currency_balance_change import VirtualCurrencyBalanceChange
    from ..models.virtual_currency_transactions_history_item_metadata_type_0 import (
        VirtualCurrencyTransactionsHistoryItemMetadataType0,
    )


T = TypeVar("T", bound="VirtualCurrencyTransactionsHistoryItem")


@_attrs_define
class VirtualCurrencyTransactionsHistoryItem:
    """
    Attributes:
        transaction_id (UUID): Unique ID of the transaction.
        transaction_type (str): The source of the transaction. One of `store_purchase`, `subscription_renewal`,
            `trial_start`, `api_transaction`, `dashboard_transaction`, `refund`, or `expiry`.
        items (list[VirtualCurrencyBalanceChange]): Per-currency balance changes recorded in this transaction.
        created_at (datetime.datetime): When the transaction was recorded.
        metadata (None | Unset | VirtualCurrencyTransactionsHistoryItemMetadataType0): Key-value pairs stored with the
            transaction, if any.
    """

    transaction_id: UUID
    transaction_type: str
    items: list[VirtualCurrencyBalanceChange]
    created_at: datetime.datetime
    metadata: None | Unset | VirtualCurrencyTransactionsHistoryItemMetadataType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.virtual_currency_transactions_history_item_metadata_type_0 import (
            VirtualCurrencyTransactionsHistoryItemMetadataType0,
        )

        transaction_id = str(self.transaction_id)

        transaction_type = self.transaction_type

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        created_at = self.created_at.isoformat()

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, VirtualCurrencyTransactionsHistoryItemMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "transaction_id": transaction_id,
                "transaction_type": transaction_type,
                "items": items,
                "created_at": created_at,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.virtual_currency_balance_change import VirtualCurrencyBalanceChange
        from ..models.virtual_currency_transactions_history_item_metadata_type_0 import (
            VirtualCurrencyTransactionsHistoryItemMetadataType0,
        )

        if not isinstance(src_dict, Mapping):
            raise TypeError(
                f"VirtualCurrencyTransactionsHistoryItem: expected an object, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        transaction_id = UUID(d.pop("transaction_id"))

        transaction_type = d.pop("transaction_type")
        if not isinstance(transaction_type, str):
            raise TypeError(f"transaction_type: expected str, got {type(transaction_type).__name__}")

        items = []
        _items = d.pop("items")
        if not isinstance(_items, list):
            raise TypeError(f"items: expected array, got {type(_items).__name__}")
        for items_item_data in _items:
            items_item = VirtualCurrencyBalanceChange.from_dict(items_item_data)

            items.append(items_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at").upper())

        def _parse_metadata(data: object) -> None | Unset | VirtualCurrencyTransactionsHistoryItemMetadataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = VirtualCurrencyTransactionsHistoryItemMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"metadata: no type of the union matches {type(data).__name__}")

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        virtual_currency_transactions_history_item = cls(
            transaction_id=transaction_id,
            transaction_type=transaction_type,
            items=items,
            created_at=created_at,
            metadata=metadata,
        )

        virtual_currency_transactions_history_item.additional_properties = d
        return virtual_currency_transactions_history_item

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
