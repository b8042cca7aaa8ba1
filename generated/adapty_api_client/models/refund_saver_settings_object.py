from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refund_saver_settings_object_custom_preference import RefundSaverSettingsObjectCustomPreference

T = TypeVar("T", bound="RefundSaverSettingsObject")


@_attrs_define
class RefundSaverSettingsObject:
    """Refund Saver Settings contain user preferences for handling refund requests.
    This includes consent for data sharing and custom refund preferences.

        Attributes:
            consent (bool): Defines whether the user consented to share their data
            custom_preference (RefundSaverSettingsObjectCustomPreference): The refund preference
    """

    consent: bool
    custom_preference: RefundSaverSettingsObjectCustomPreference
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consent = self.consent

        custom_preference = self.custom_preference.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consent": consent,
                "custom_preference": custom_preference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"RefundSaverSettingsObject: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        consent = d.pop("consent")
        if not isinstance(consent, bool):
            raise TypeError(f"consent: expected bool, got {type(consent).__name__}")

        custom_preference = RefundSaverSettingsObjectCustomPreference(d.pop("custom_preference"))

        refund_saver_settings_object = cls(
            consent=consent,
            custom_preference=custom_preference,
        )

        refund_saver_settings_object.additional_properties = d
        return refund_saver_settings_object

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
