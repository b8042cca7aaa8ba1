from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.virtual_currency_balance_adjustment import VirtualCurrencyBalanceAdjustment
    from ..models.virtual_currency_transaction_request_metadata_type_0 import (
        VirtualCurrencyTransactionRequestMetadataType0,
    )


T = TypeVar("T", bound="VirtualCurrencyTransactionRequest")


@_attrs_define
class VirtualCurrencyTransactionRequest:
    """Request body for creating a virtual currency transaction.

    Attributes:
        items (list[VirtualCurrencyBalanceAdjustment]): Balance adjustments to apply atomically. Each currency code may
            appear only once.
        metadata (None | Unset | VirtualCurrencyTransactionRequestMetadataType0): Optional key-value pairs stored with
            the transaction. At most 5 keys. Each key matches `^[a-z0-9_]{1,30}$`, and each value is at most 200 characters.
    """

    items: list[VirtualCurrencyBalanceAdjustment]
    metadata: None | Unset | VirtualCurrencyTransactionRequestMetadataType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.virtual_currency_transaction_request_metadata_type_0 import (
            VirtualCurrencyTransactionRequestMetadataType0,
        )

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, VirtualCurrencyTransactionRequestMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.virtual_currency_balance_adjustment import VirtualCurrencyBalanceAdjustment
        from ..models.virtual_currency_transaction_request_metadata_type_0 import (
            VirtualCurrencyTransactionRequestMetadataType0,
        )

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"VirtualCurrencyTransactionRequest: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        if not isinstance(_items, list):
            raise TypeError(f"items: expected array, got {type(_items).__name__}")
        for items_item_data in _items:
            items_item = VirtualCurrencyBalanceAdjustment.from_dict(items_item_data)

            items.append(items_item)

        def _parse_metadata(data: object) -> None | Unset | VirtualCurrencyTransactionRequestMetadataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = VirtualCurrencyTransactionRequestMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"metadata: no type of the union matches {type(data).__name__}")

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        virtual_currency_transaction_request = cls(
            items=items,
            metadata=metadata,
        )

        virtual_currency_transaction_request.additional_properties = d
        return virtual_currency_transaction_request

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
