from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refund_saver_settings_request_custom_preference_type_0 import (
    RefundSaverSettingsRequestCustomPreferenceType0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="RefundSaverSettingsRequest")


@_attrs_define
class RefundSaverSettingsRequest:
    """
    Example:
        {'custom_preference': 'grant', 'consent': True}

    Attributes:
        custom_preference (None | RefundSaverSettingsRequestCustomPreferenceType0 | Unset): Set the refund preference
            individually for the user. It applies to the user's refund requests on both the App Store and Google Play.
            Google accepts only decline, approve, or no preference on a refund review, so Adapty sends no preference on
            Google Play when this value is `grant_prorated`.
            - `grant`: approve each refund request
            - `grant_prorated`: approve a refund for the part of the purchase the user hasn't consumed yet
            - `no_preference`: do not provide any recommendations
            - `decline`: decline each refund request
        consent (bool | None | Unset): Record if the user gave their consent to share their data. Consent applies to the
            App Store only.
            - `true` means that if you receive an in-app refund request, you may provide Apple with information about the
            user
    """

    custom_preference: None | RefundSaverSettingsRequestCustomPreferenceType0 | Unset = UNSET
    consent: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        custom_preference: None | str | Unset
        if isinstance(self.custom_preference, Unset):
            custom_preference = UNSET
        elif isinstance(self.custom_preference, RefundSaverSettingsRequestCustomPreferenceType0):
            custom_preference = self.custom_preference.value
        else:
            custom_preference = self.custom_preference

        consent: bool | None | Unset
        if isinstance(self.consent, Unset):
            consent = UNSET
        else:
            consent = self.consent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if custom_preference is not UNSET:
            field_dict["custom_preference"] = custom_preference
        if consent is not UNSET:
            field_dict["consent"] = consent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"RefundSaverSettingsRequest: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)

        def _parse_custom_preference(data: object) -> None | RefundSaverSettingsRequestCustomPreferenceType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                custom_preference_type_0 = RefundSaverSettingsRequestCustomPreferenceType0(data)

                return custom_preference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"custom_preference: no type of the union matches {type(data).__name__}")

        custom_preference = _parse_custom_preference(d.pop("custom_preference", UNSET))

        def _parse_consent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, bool):
                raise TypeError(f"consent: expected bool, got {type(data).__name__}")

            return cast(bool | None | Unset, data)

        consent = _parse_consent(d.pop("consent", UNSET))

        refund_saver_settings_request = cls(
            custom_preference=custom_preference,
            consent=consent,
        )

        refund_saver_settings_request.additional_properties = d
        return refund_saver_settings_request

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
