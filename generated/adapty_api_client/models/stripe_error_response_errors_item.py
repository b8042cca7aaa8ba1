from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stripe_error_response_errors_item_source import StripeErrorResponseErrorsItemSource


T = TypeVar("T", bound="StripeErrorResponseErrorsItem")


@_attrs_define
class StripeErrorResponseErrorsItem:
    """
    Attributes:
        detail (str): Descriptive information about the error
        source (StripeErrorResponseErrorsItemSource):
        status (str): HTTP status code
    """

    detail: str
    source: StripeErrorResponseErrorsItemSource
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        source = self.source.to_dict()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "source": source,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stripe_error_response_errors_item_source import StripeErrorResponseErrorsItemSource

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"StripeErrorResponseErrorsItem: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        detail = d.pop("detail")
        if not isinstance(detail, str):
            raise TypeError(f"detail: expected str, got {type(detail).__name__}")

        source = StripeErrorResponseErrorsItemSource.from_dict(d.pop("source"))

        status = d.pop("status")
        if not isinstance(status, str):
            raise TypeError(f"status: expected str, got {type(status).__name__}")

        stripe_error_response_errors_item = cls(
            detail=detail,
            source=source,
            status=status,
        )

        stripe_error_response_errors_item.additional_properties = d
        return stripe_error_response_errors_item

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
