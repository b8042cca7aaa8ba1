from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stripe_validation_response_data_type_0 import StripeValidationResponseDataType0


T = TypeVar("T", bound="StripeValidationResponse")


@_attrs_define
class StripeValidationResponse:
    """
    Attributes:
        data (None | StripeValidationResponseDataType0): Response data (null for successful validation)
    """

    data: None | StripeValidationResponseDataType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stripe_validation_response_data_type_0 import StripeValidationResponseDataType0

        data: dict[str, Any] | None
        if isinstance(self.data, StripeValidationResponseDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stripe_validation_response_data_type_0 import StripeValidationResponseDataType0

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"StripeValidationResponse: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)

        def _parse_data(data: object) -> None | StripeValidationResponseDataType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = StripeValidationResponseDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"data: no type of the union matches {type(data).__name__}")

        data = _parse_data(d.pop("data"))

        stripe_validation_response = cls(
            data=data,
        )

        stripe_validation_response.additional_properties = d
        return stripe_validation_response

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
