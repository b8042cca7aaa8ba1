from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccessLevelObject")


@_attrs_define
class AccessLevelObject:
    """An Access Level represents a paid feature or content tier in your app.
    Users can have multiple access levels, and each level can have different expiration dates.

        Attributes:
            id (str): The unique identifier of the access level
            is_active (bool): Whether the access level is currently active
            vendor_product_id (str): The product ID in the app store
            store (str): The store where the access level was purchased. Common values include app_store, play_store,
                stripe, paddle, or any custom store identifier
            activated_at (datetime.datetime): When the access level was activated
            renewed_at (datetime.datetime | None): When the access level was last renewed
            expires_at (datetime.datetime | None): When the access level expires (null for lifetime access)
            is_lifetime (bool): Whether this is a lifetime access level
            active_introductory_offer_type (None | str): Type of active introductory offer
            active_promotional_offer_type (None | str): Type of active promotional offer
            will_renew (bool): Whether the access level will auto-renew
            is_in_grace_period (bool): Whether the access level is in a grace period
            unsubscribed_at (datetime.datetime | None): When the user unsubscribed
            billing_issue_detected_at (datetime.datetime | None): When a billing issue was detected
    """

    id: str
    is_active: bool
    vendor_product_id: str
    store: str
    activated_at: datetime.datetime
    renewed_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    is_lifetime: bool
    active_introductory_offer_type: None | str
    active_promotional_offer_type: None | str
    will_renew: bool
    is_in_grace_period: bool
    unsubscribed_at: datetime.datetime | None
    billing_issue_detected_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        is_active = self.is_active

        vendor_product_id = self.vendor_product_id

        store = self.store

        activated_at = self.activated_at.isoformat()

        renewed_at: None | str
        if isinstance(self.renewed_at, datetime.datetime):
            renewed_at = self.renewed_at.isoformat()
        else:
            renewed_at = self.renewed_at

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        is_lifetime = self.is_lifetime

        active_introductory_offer_type: None | str
        active_introductory_offer_type = self.active_introductory_offer_type

        active_promotional_offer_type: None | str
        active_promotional_offer_type = self.active_promotional_offer_type

        will_renew = self.will_renew

        is_in_grace_period = self.is_in_grace_period

        unsubscribed_at: None | str
        if isinstance(self.unsubscribed_at, datetime.datetime):
            unsubscribed_at = self.unsubscribed_at.isoformat()
        else:
            unsubscribed_at = self.unsubscribed_at

        billing_issue_detected_at: None | str
        if isinstance(self.billing_issue_detected_at, datetime.datetime):
            billing_issue_detected_at = self.billing_issue_detected_at.isoformat()
        else:
            billing_issue_detected_at = self.billing_issue_detected_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "is_active": is_active,
                "vendor_product_id": vendor_product_id,
                "store": store,
                "activated_at": activated_at,
                "renewed_at": renewed_at,
                "expires_at": expires_at,
                "is_lifetime": is_lifetime,
                "active_introductory_offer_type": active_introductory_offer_type,
                "active_promotional_offer_type": active_promotional_offer_type,
                "will_renew": will_renew,
                "is_in_grace_period": is_in_grace_period,
                "unsubscribed_at": unsubscribed_at,
                "billing_issue_detected_at": billing_issue_detected_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"AccessLevelObject: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        id = d.pop("id")
        if not isinstance(id, str):
            raise TypeError(f"id: expected str, got {type(id).__name__}")

        is_active = d.pop("is_active")
        if not isinstance(is_active, bool):
            raise TypeError(f"is_active: expected bool, got {type(is_active).__name__}")

        vendor_product_id = d.pop("vendor_product_id")
        if not isinstance(vendor_product_id, str):
            raise TypeError(f"vendor_product_id: expected str, got {type(vendor_product_id).__name__}")

        store = d.pop("store")
        if not isinstance(store, str):
            raise TypeError(f"store: expected str, got {type(store).__name__}")

        activated_at = datetime.datetime.fromisoformat(d.pop("activated_at").upper())

        def _parse_renewed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renewed_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return renewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"renewed_at: no type of the union matches {type(data).__name__}")

        renewed_at = _parse_renewed_at(d.pop("renewed_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"expires_at: no type of the union matches {type(data).__name__}")

        expires_at = _parse_expires_at(d.pop("expires_at"))

        is_lifetime = d.pop("is_lifetime")
        if not isinstance(is_lifetime, bool):
            raise TypeError(f"is_lifetime: expected bool, got {type(is_lifetime).__name__}")

        def _parse_active_introductory_offer_type(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"active_introductory_offer_type: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        active_introductory_offer_type = _parse_active_introductory_offer_type(d.pop("active_introductory_offer_type"))

        def _parse_active_promotional_offer_type(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"active_promotional_offer_type: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        active_promotional_offer_type = _parse_active_promotional_offer_type(d.pop("active_promotional_offer_type"))

        will_renew = d.pop("will_renew")
        if not isinstance(will_renew, bool):
            raise TypeError(f"will_renew: expected bool, got {type(will_renew).__name__}")

        is_in_grace_period = d.pop("is_in_grace_period")
        if not isinstance(is_in_grace_period, bool):
            raise TypeError(f"is_in_grace_period: expected bool, got {type(is_in_grace_period).__name__}")

        def _parse_unsubscribed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unsubscribed_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return unsubscribed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"unsubscribed_at: no type of the union matches {type(data).__name__}")

        unsubscribed_at = _parse_unsubscribed_at(d.pop("unsubscribed_at"))

        def _parse_billing_issue_detected_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_issue_detected_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return billing_issue_detected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"billing_issue_detected_at: no type of the union matches {type(data).__name__}")

        billing_issue_detected_at = _parse_billing_issue_detected_at(d.pop("billing_issue_detected_at"))

        access_level_object = cls(
            id=id,
            is_active=is_active,
            vendor_product_id=vendor_product_id,
            store=store,
            activated_at=activated_at,
            renewed_at=renewed_at,
            expires_at=expires_at,
            is_lifetime=is_lifetime,
            active_introductory_offer_type=active_introductory_offer_type,
            active_promotional_offer_type=active_promotional_offer_type,
            will_renew=will_renew,
            is_in_grace_period=is_in_grace_period,
            unsubscribed_at=unsubscribed_at,
            billing_issue_detected_at=billing_issue_detected_at,
        )

        access_level_object.additional_properties = d
        return access_level_object

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
