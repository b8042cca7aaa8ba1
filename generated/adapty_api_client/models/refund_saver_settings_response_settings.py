from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refund_saver_settings_response_settings_custom_preference import (
    RefundSaverSettingsResponseSettingsCustomPreference,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="RefundSaverSettingsResponseSettings")


@_attrs_define
class RefundSaverSettingsResponseSettings:
    """Refund saver settings for the user

    Attributes:
        consent (bool | Unset): Defines whether the user consented to share their data with Apple (App Store only)
        custom_preference (RefundSaverSettingsResponseSettingsCustomPreference | Unset): The refund preference
    """

    consent: bool | Unset = UNSET
    custom_preference: RefundSaverSettingsResponseSettingsCustomPreference | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consent = self.consent

        custom_preference: str | Unset = UNSET
        if not isinstance(self.custom_preference, Unset):
            custom_preference = self.custom_preference.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if consent is not UNSET:
            field_dict["consent"] = consent
        if custom_preference is not UNSET:
            field_dict["custom_preference"] = custom_preference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"RefundSaverSettingsResponseSettings: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        consent = d.pop("consent", UNSET)
        if not isinstance(consent, Unset) and not isinstance(consent, bool):
            raise TypeError(f"consent: expected bool, got {type(consent).__name__}")

        _custom_preference = d.pop("custom_preference", UNSET)
        custom_preference: RefundSaverSettingsResponseSettingsCustomPreference | Unset
        if isinstance(_custom_preference, Unset):
            custom_preference = UNSET
        else:
            custom_preference = RefundSaverSettingsResponseSettingsCustomPreference(_custom_preference)

        refund_saver_settings_response_settings = cls(
            consent=consent,
            custom_preference=custom_preference,
        )

        refund_saver_settings_response_settings.additional_properties = d
        return refund_saver_settings_response_settings

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
