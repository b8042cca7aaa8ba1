from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PaywallResponseMainScreenshotType0")


@_attrs_define
class PaywallResponseMainScreenshotType0:
    """Main screenshot object with image_id and url

    Attributes:
        image_id (int): The unique identifier of the image
        url (str): The URL of the image
    """

    image_id: int
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image_id = self.image_id

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image_id": image_id,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"PaywallResponseMainScreenshotType0: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        image_id = d.pop("image_id")
        if isinstance(image_id, float) and image_id.is_integer():
            image_id = int(image_id)
        if not isinstance(image_id, int) or isinstance(image_id, bool):
            raise TypeError(f"image_id: expected int, got {type(image_id).__name__}")

        url = d.pop("url")
        if not isinstance(url, str):
            raise TypeError(f"url: expected str, got {type(url).__name__}")

        paywall_response_main_screenshot_type_0 = cls(
            image_id=image_id,
            url=url,
        )

        paywall_response_main_screenshot_type_0.additional_properties = d
        return paywall_response_main_screenshot_type_0

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
