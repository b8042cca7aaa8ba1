from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.installation_meta_platform_type_0 import InstallationMetaPlatformType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="InstallationMeta")


@_attrs_define
class InstallationMeta:
    """
    Attributes:
        device_id (UUID): Unique device identifier
        device (None | str | Unset): Device information
        locale (None | str | Unset): Device locale
        os (None | str | Unset): Operating system information
        platform (InstallationMetaPlatformType0 | None | Unset): Platform (iOS, Android, etc.)
        timezone (None | str | Unset): Device timezone
        user_agent (None | str | Unset): User agent string
        app_build (None | str | Unset): App build version
        app_version (None | str | Unset): App version
        adapty_sdk_version (None | str | Unset): Adapty SDK version
        idfa (None | str | Unset): iOS Identifier for Advertisers
        idfv (None | str | Unset): iOS Identifier for Vendor
        advertising_id (None | str | Unset): Android advertising ID
        android_id (None | str | Unset): Android device ID
        android_app_set_id (None | str | Unset): Android app set ID
    """

    device_id: UUID
    device: None | str | Unset = UNSET
    locale: None | str | Unset = UNSET
    os: None | str | Unset = UNSET
    platform: InstallationMetaPlatformType0 | None | Unset = UNSET
    timezone: None | str | Unset = UNSET
    user_agent: None | str | Unset = UNSET
    app_build: None | str | Unset = UNSET
    app_version: None | str | Unset = UNSET
    adapty_sdk_version: None | str | Unset = UNSET
    idfa: None | str | Unset = UNSET
    idfv: None | str | Unset = UNSET
    advertising_id: None | str | Unset = UNSET
    android_id: None | str | Unset = UNSET
    android_app_set_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device_id = str(self.device_id)

        device: None | str | Unset
        if isinstance(self.device, Unset):
            device = UNSET
        else:
            device = self.device

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        os: None | str | Unset
        if isinstance(self.os, Unset):
            os = UNSET
        else:
            os = self.os

        platform: None | str | Unset
        if isinstance(self.platform, Unset):
            platform = UNSET
        elif isinstance(self.platform, InstallationMetaPlatformType0):
            platform = self.platform.value
        else:
            platform = self.platform

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        user_agent: None | str | Unset
        if isinstance(self.user_agent, Unset):
            user_agent = UNSET
        else:
            user_agent = self.user_agent

        app_build: None | str | Unset
        if isinstance(self.app_build, Unset):
            app_build = UNSET
        else:
            app_build = self.app_build

        app_version: None | str | Unset
        if isinstance(self.app_version, Unset):
            app_version = UNSET
        else:
            app_version = self.app_version

        adapty_sdk_version: None | str | Unset
        if isinstance(self.adapty_sdk_version, Unset):
            adapty_sdk_version = UNSET
        else:
            adapty_sdk_version = self.adapty_sdk_version

        idfa: None | str | Unset
        if isinstance(self.idfa, Unset):
            idfa = UNSET
        else:
            idfa = self.idfa

        idfv: None | str | Unset
        if isinstance(self.idfv, Unset):
            idfv = UNSET
        else:
            idfv = self.idfv

        advertising_id: None | str | Unset
        if isinstance(self.advertising_id, Unset):
            advertising_id = UNSET
        else:
            advertising_id = self.advertising_id

        android_id: None | str | Unset
        if isinstance(self.android_id, Unset):
            android_id = UNSET
        else:
            android_id = self.android_id

        android_app_set_id: None | str | Unset
        if isinstance(self.android_app_set_id, Unset):
            android_app_set_id = UNSET
        else:
            android_app_set_id = self.android_app_set_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "device_id": device_id,
            }
        )
        if device is not UNSET:
            field_dict["device"] = device
        if locale is not UNSET:
            field_dict["locale"] = locale
        if os is not UNSET:
            field_dict["os"] = os
        if platform is not UNSET:
            field_dict["platform"] = platform
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent
        if app_build is not UNSET:
            field_dict["app_build"] = app_build
        if app_version is not UNSET:
            field_dict["app_version"] = app_version
        if adapty_sdk_version is not UNSET:
            field_dict["adapty_sdk_version"] = adapty_sdk_version
        if idfa is not UNSET:
            field_dict["idfa"] = idfa
        if idfv is not UNSET:
            field_dict["idfv"] = idfv
        if advertising_id is not UNSET:
            field_dict["advertising_id"] = advertising_id
        if android_id is not UNSET:
            field_dict["android_id"] = android_id
        if android_app_set_id is not UNSET:
            field_dict["android_app_set_id"] = android_app_set_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"InstallationMeta: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        device_id = UUID(d.pop("device_id"))

        def _parse_device(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"device: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        device = _parse_device(d.pop("device", UNSET))

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"locale: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        def _parse_os(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"os: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        os = _parse_os(d.pop("os", UNSET))

        def _parse_platform(data: object) -> InstallationMetaPlatformType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                platform_type_0 = InstallationMetaPlatformType0(data)

                return platform_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"platform: no type of the union matches {type(data).__name__}")

        platform = _parse_platform(d.pop("platform", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"timezone: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        def _parse_user_agent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"user_agent: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        user_agent = _parse_user_agent(d.pop("user_agent", UNSET))

        def _parse_app_build(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"app_build: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        app_build = _parse_app_build(d.pop("app_build", UNSET))

        def _parse_app_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"app_version: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        app_version = _parse_app_version(d.pop("app_version", UNSET))

        def _parse_adapty_sdk_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"adapty_sdk_version: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        adapty_sdk_version = _parse_adapty_sdk_version(d.pop("adapty_sdk_version", UNSET))

        def _parse_idfa(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"idfa: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        idfa = _parse_idfa(d.pop("idfa", UNSET))

        def _parse_idfv(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"idfv: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        idfv = _parse_idfv(d.pop("idfv", UNSET))

        def _parse_advertising_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"advertising_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        advertising_id = _parse_advertising_id(d.pop("advertising_id", UNSET))

        def _parse_android_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"android_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        android_id = _parse_android_id(d.pop("android_id", UNSET))

        def _parse_android_app_set_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"android_app_set_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        android_app_set_id = _parse_android_app_set_id(d.pop("android_app_set_id", UNSET))

        installation_meta = cls(
            device_id=device_id,
            device=device,
            locale=locale,
            os=os,
            platform=platform,
            timezone=timezone,
            user_agent=user_agent,
            app_build=app_build,
            app_version=app_version,
            adapty_sdk_version=adapty_sdk_version,
            idfa=idfa,
            idfv=idfv,
            advertising_id=advertising_id,
            android_id=android_id,
            android_app_set_id=android_app_set_id,
        )

        installation_meta.additional_properties = d
        return installation_meta

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
