from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stripe_error_response_errors_item import StripeErrorResponseErrorsItem


T = TypeVar("T", bound="StripeErrorResponse")


@_attrs_define
class StripeErrorResponse:
    """
    Attributes:
        errors (list[StripeErrorResponseErrorsItem]):
    """

    errors: list[StripeErrorResponseErrorsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stripe_error_response_errors_item import StripeErrorResponseErrorsItem

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"StripeErrorResponse: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        errors = []
        _errors = d.pop("errors")
        if not isinstance(_errors, list):
            raise TypeError(f"errors: expected array, got {type(_errors).__name__}")
        for errors_item_data in _errors:
            errors_item = StripeErrorResponseErrorsItem.from_dict(errors_item_data)

            errors.append(errors_item)

        stripe_error_response = cls(
            errors=errors,
        )

        stripe_error_response.additional_properties = d
        return stripe_error_response

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
