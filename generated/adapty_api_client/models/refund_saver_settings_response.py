from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.refund_saver_settings_response_settings import RefundSaverSettingsResponseSettings


T = TypeVar("T", bound="RefundSaverSettingsResponse")


@_attrs_define
class RefundSaverSettingsResponse:
    """
    Attributes:
        profile_id (UUID): Customer profile ID
        settings (RefundSaverSettingsResponseSettings): Refund saver settings for the user
    """

    profile_id: UUID
    settings: RefundSaverSettingsResponseSettings
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profile_id = str(self.profile_id)

        settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "profile_id": profile_id,
                "settings": settings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.refund_saver_settings_response_settings import RefundSaverSettingsResponseSettings

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"RefundSaverSettingsResponse: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        profile_id = UUID(d.pop("profile_id"))

        settings = RefundSaverSettingsResponseSettings.from_dict(d.pop("settings"))

        refund_saver_settings_response = cls(
            profile_id=profile_id,
            settings=settings,
        )

        refund_saver_settings_response.additional_properties = d
        return refund_saver_settings_response

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
