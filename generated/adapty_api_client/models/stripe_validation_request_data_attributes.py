from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StripeValidationRequestDataAttributes")


@_attrs_define
class StripeValidationRequestDataAttributes:
    """
    Attributes:
        customer_user_id (str): The ID of your user in your system
        stripe_token (str): Token of a Stripe object that represents a unique purchase.
            Could either be a token of Stripe's Subscription (sub_XXX) or Payment Intent (pi_XXX)
    """

    customer_user_id: str
    stripe_token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_user_id = self.customer_user_id

        stripe_token = self.stripe_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_user_id": customer_user_id,
                "stripe_token": stripe_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"StripeValidationRequestDataAttributes: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        customer_user_id = d.pop("customer_user_id")
        if not isinstance(customer_user_id, str):
            raise TypeError(f"customer_user_id: expected str, got {type(customer_user_id).__name__}")

        stripe_token = d.pop("stripe_token")
        if not isinstance(stripe_token, str):
            raise TypeError(f"stripe_token: expected str, got {type(stripe_token).__name__}")

        stripe_validation_request_data_attributes = cls(
            customer_user_id=customer_user_id,
            stripe_token=stripe_token,
        )

        stripe_validation_request_data_attributes.additional_properties = d
        return stripe_validation_request_data_attributes

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
