from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.access_level import AccessLevel
    from ..models.custom_attribute import CustomAttribute
    from ..models.non_subscription import NonSubscription
    from ..models.subscription import Subscription


T = TypeVar("T", bound="Profile")


@_attrs_define
class Profile:
    """
    Attributes:
        app_id (UUID): The internal ID of your app
        profile_id (UUID): Adapty profile ID
        customer_user_id (None | str): The ID of your user in your system
        total_revenue_usd (float): A float value representing the total revenue in USD earned in the profile
        segment_hash (str): Internal parameter
        timestamp (int): Response time in milliseconds, needs for resolve a race condition
        custom_attributes (list[CustomAttribute]): A maximum of 30 custom attributes to the profile are allowed to be
            set
        access_levels (list[AccessLevel]): Array of Access level objects. Empty array if the customer has no access
            levels
        subscriptions (list[Subscription]): Array of Subscription objects. Empty array if the customer has no
            subscriptions
        non_subscriptions (list[NonSubscription]): Array of Non-Subscription objects. Empty array if the customer has no
            purchases
    """

    app_id: UUID
    profile_id: UUID
    customer_user_id: None | str
    total_revenue_usd: float
    segment_hash: str
    timestamp: int
    custom_attributes: list[CustomAttribute]
    access_levels: list[AccessLevel]
    subscriptions: list[Subscription]
    non_subscriptions: list[NonSubscription]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        app_id = str(self.app_id)

        profile_id = str(self.profile_id)

        customer_user_id: None | str
        customer_user_id = self.customer_user_id

        total_revenue_usd = self.total_revenue_usd

        segment_hash = self.segment_hash

        timestamp = self.timestamp

        custom_attributes = []
        for custom_attributes_item_data in self.custom_attributes:
            custom_attributes_item = custom_attributes_item_data.to_dict()
            custom_attributes.append(custom_attributes_item)

        access_levels = []
        for access_levels_item_data in self.access_levels:
            access_levels_item = access_levels_item_data.to_dict()
            access_levels.append(access_levels_item)

        subscriptions = []
        for subscriptions_item_data in self.subscriptions:
            subscriptions_item = subscriptions_item_data.to_dict()
            subscriptions.append(subscriptions_item)

        non_subscriptions = []
        for non_subscriptions_item_data in self.non_subscriptions:
            non_subscriptions_item = non_subscriptions_item_data.to_dict()
            non_subscriptions.append(non_subscriptions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "app_id": app_id,
                "profile_id": profile_id,
                "customer_user_id": customer_user_id,
                "total_revenue_usd": total_revenue_usd,
                "segment_hash": segment_hash,
                "timestamp": timestamp,
                "custom_attributes": custom_attributes,
                "access_levels": access_levels,
                "subscriptions": subscriptions,
                "non_subscriptions": non_subscriptions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.access_level import AccessLevel
        from ..models.custom_attribute import CustomAttribute
        from ..models.non_subscription import NonSubscription
        from ..models.subscription import Subscription

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"Profile: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        app_id = UUID(d.pop("app_id"))

        profile_id = UUID(d.pop("profile_id"))

        def _parse_customer_user_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"customer_user_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        customer_user_id = _parse_customer_user_id(d.pop("customer_user_id"))

        total_revenue_usd = d.pop("total_revenue_usd")
        if not isinstance(total_revenue_usd, (int, float)) or isinstance(total_revenue_usd, bool):
            raise TypeError(f"total_revenue_usd: expected float, got {type(total_revenue_usd).__name__}")

        segment_hash = d.pop("segment_hash")
        if not isinstance(segment_hash, str):
            raise TypeError(f"segment_hash: expected str, got {type(segment_hash).__name__}")

        timestamp = d.pop("timestamp")
        if isinstance(timestamp, float) and timestamp.is_integer():
            timestamp = int(timestamp)
        if not isinstance(timestamp, int) or isinstance(timestamp, bool):
            raise TypeError(f"timestamp: expected int, got {type(timestamp).__name__}")

        custom_attributes = []
        _custom_attributes = d.pop("custom_attributes")
        if not isinstance(_custom_attributes, list):
            raise TypeError(f"custom_attributes: expected array, got {type(_custom_attributes).__name__}")
        for custom_attributes_item_data in _custom_attributes:
            custom_attributes_item = CustomAttribute.from_dict(custom_attributes_item_data)

            custom_attributes.append(custom_attributes_item)

        access_levels = []
        _access_levels = d.pop("access_levels")
        if not isinstance(_access_levels, list):
            raise TypeError(f"access_levels: expected array, got {type(_access_levels).__name__}")
        for access_levels_item_data in _access_levels:
            access_levels_item = AccessLevel.from_dict(access_levels_item_data)

            access_levels.append(access_levels_item)

        subscriptions = []
        _subscriptions = d.pop("subscriptions")
        if not isinstance(_subscriptions, list):
            raise TypeError(f"subscriptions: expected array, got {type(_subscriptions).__name__}")
        for subscriptions_item_data in _subscriptions:
            subscriptions_item = Subscription.from_dict(subscriptions_item_data)

            subscriptions.append(subscriptions_item)

        non_subscriptions = []
        _non_subscriptions = d.pop("non_subscriptions")
        if not isinstance(_non_subscriptions, list):
            raise TypeError(f"non_subscriptions: expected array, got {type(_non_subscriptions).__name__}")
        for non_subscriptions_item_data in _non_subscriptions:
            non_subscriptions_item = NonSubscription.from_dict(non_subscriptions_item_data)

            non_subscriptions.append(non_subscriptions_item)

        profile = cls(
            app_id=app_id,
            profile_id=profile_id,
            customer_user_id=customer_user_id,
            total_revenue_usd=total_revenue_usd,
            segment_hash=segment_hash,
            timestamp=timestamp,
            custom_attributes=custom_attributes,
            access_levels=access_levels,
            subscriptions=subscriptions,
            non_subscriptions=non_subscriptions,
        )

        profile.additional_properties = d
        return profile

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
