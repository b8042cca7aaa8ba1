from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.error_object_errors_item import ErrorObjectErrorsItem


T = TypeVar("T", bound="ErrorObject")


@_attrs_define
class ErrorObject:
    """An Error represents an API error response. It contains information about
    what went wrong and how to fix it.

        Attributes:
            errors (list[ErrorObjectErrorsItem]): Array of error details
            error_code (str): A machine-readable error code
            status_code (int): The HTTP status code
    """

    errors: list[ErrorObjectErrorsItem]
    error_code: str
    status_code: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        error_code = self.error_code

        status_code = self.status_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
                "error_code": error_code,
                "status_code": status_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_object_errors_item import ErrorObjectErrorsItem

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"ErrorObject: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        errors = []
        _errors = d.pop("errors")
        if not isinstance(_errors, list):
            raise TypeError(f"errors: expected array, got {type(_errors).__name__}")
        for errors_item_data in _errors:
            errors_item = ErrorObjectErrorsItem.from_dict(errors_item_data)

            errors.append(errors_item)

        error_code = d.pop("error_code")
        if not isinstance(error_code, str):
            raise TypeError(f"error_code: expected str, got {type(error_code).__name__}")

        status_code = d.pop("status_code")
        if isinstance(status_code, float) and status_code.is_integer():
            status_code = int(status_code)
        if not isinstance(status_code, int) or isinstance(status_code, bool):
            raise TypeError(f"status_code: expected int, got {type(status_code).__name__}")

        error_object = cls(
            errors=errors,
            error_code=error_code,
            status_code=status_code,
        )

        error_object.additional_properties = d
        return error_object

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
