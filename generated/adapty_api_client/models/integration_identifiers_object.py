from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntegrationIdentifiersObject")


@_attrs_define
class IntegrationIdentifiersObject:
    """Integration Identifiers contain user IDs from various third-party services.
    These are used to sync user data across different analytics and marketing platforms.

        Attributes:
            adjust_device_id (None | str | Unset): The network user's ID in the Adjust integration
            airbridge_device_id (None | str | Unset): The ID of the user's device in Airbridge integration
            amplitude_device_id (None | str | Unset): The ID of the user's device in Amplitude integration
            amplitude_user_id (None | str | Unset): The ID of the user in Amplitude integration
            appmetrica_device_id (None | str | Unset): The ID of the user's device in AppMetrica integration
            appmetrica_profile_id (None | str | Unset): The ID of the user in AppMetrica integration
            appsflyer_id (None | str | Unset): The network user's ID in the AppsFlyer integration
            branch_id (None | str | Unset): The Branch Key of the user's app in the Branch integration
            facebook_anonymous_id (None | str | Unset): The ID of the user in Facebook Ads integration
            firebase_app_instance_id (None | str | Unset): The ID of the user in Firebase integration
            mixpanel_user_id (None | str | Unset): The ID of the user in Mixpanel integration
            one_signal_player_id (None | str | Unset): The ID of the user in OneSignal integration (Legacy identifier)
            one_signal_subscription_id (None | str | Unset): The ID of the user in OneSignal integration (Recommended
                identifier)
            posthog_distinct_user_id (None | str | Unset): The ID of the user in PostHog integration
            pushwoosh_hwid (None | str | Unset): The ID of the user's device in Pushwoosh integration
            tenjin_analytics_installation_id (None | str | Unset): The ID of the user's device in Tenjin integration
    """

    adjust_device_id: None | str | Unset = UNSET
    airbridge_device_id: None | str | Unset = UNSET
    amplitude_device_id: None | str | Unset = UNSET
    amplitude_user_id: None | str | Unset = UNSET
    appmetrica_device_id: None | str | Unset = UNSET
    appmetrica_profile_id: None | str | Unset = UNSET
    appsflyer_id: None | str | Unset = UNSET
    branch_id: None | str | Unset = UNSET
    facebook_anonymous_id: None | str | Unset = UNSET
    firebase_app_instance_id: None | str | Unset = UNSET
    mixpanel_user_id: None | str | Unset = UNSET
    one_signal_player_id: None | str | Unset = UNSET
    one_signal_subscription_id: None | str | Unset = UNSET
    posthog_distinct_user_id: None | str | Unset = UNSET
    pushwoosh_hwid: None | str | Unset = UNSET
    tenjin_analytics_installation_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjust_device_id: None | str | Unset
        if isinstance(self.adjust_device_id, Unset):
            adjust_device_id = UNSET
        else:
            adjust_device_id = self.adjust_device_id

        airbridge_device_id: None | str | Unset
        if isinstance(self.airbridge_device_id, Unset):
            airbridge_device_id = UNSET
        else:
            airbridge_device_id = self.airbridge_device_id

        amplitude_device_id: None | str | Unset
        if isinstance(self.amplitude_device_id, Unset):
            amplitude_device_id = UNSET
        else:
            amplitude_device_id = self.amplitude_device_id

        amplitude_user_id: None | str | Unset
        if isinstance(self.amplitude_user_id, Unset):
            amplitude_user_id = UNSET
        else:
            amplitude_user_id = self.amplitude_user_id

        appmetrica_device_id: None | str | Unset
        if isinstance(self.appmetrica_device_id, Unset):
            appmetrica_device_id = UNSET
        else:
            appmetrica_device_id = self.appmetrica_device_id

        appmetrica_profile_id: None | str | Unset
        if isinstance(self.appmetrica_profile_id, Unset):
            appmetrica_profile_id = UNSET
        else:
            appmetrica_profile_id = self.appmetrica_profile_id

        appsflyer_id: None | str | Unset
        if isinstance(self.appsflyer_id, Unset):
            appsflyer_id = UNSET
        else:
            appsflyer_id = self.appsflyer_id

        branch_id: None | str | Unset
        if isinstance(self.branch_id, Unset):
            branch_id = UNSET
        else:
            branch_id = self.branch_id

        facebook_anonymous_id: None | str | Unset
        if isinstance(self.facebook_anonymous_id, Unset):
            facebook_anonymous_id = UNSET
        else:
            facebook_anonymous_id = self.facebook_anonymous_id

        firebase_app_instance_id: None | str | Unset
        if isinstance(self.firebase_app_instance_id, Unset):
            firebase_app_instance_id = UNSET
        else:
            firebase_app_instance_id = self.firebase_app_instance_id

        mixpanel_user_id: None | str | Unset
        if isinstance(self.mixpanel_user_id, Unset):
            mixpanel_user_id = UNSET
        else:
            mixpanel_user_id = self.mixpanel_user_id

        one_signal_player_id: None | str | Unset
        if isinstance(self.one_signal_player_id, Unset):
            one_signal_player_id = UNSET
        else:
            one_signal_player_id = self.one_signal_player_id

        one_signal_subscription_id: None | str | Unset
        if isinstance(self.one_signal_subscription_id, Unset):
            one_signal_subscription_id = UNSET
        else:
            one_signal_subscription_id = self.one_signal_subscription_id

        posthog_distinct_user_id: None | str | Unset
        if isinstance(self.posthog_distinct_user_id, Unset):
            posthog_distinct_user_id = UNSET
        else:
            posthog_distinct_user_id = self.posthog_distinct_user_id

        pushwoosh_hwid: None | str | Unset
        if isinstance(self.pushwoosh_hwid, Unset):
            pushwoosh_hwid = UNSET
        else:
            pushwoosh_hwid = self.pushwoosh_hwid

        tenjin_analytics_installation_id: None | str | Unset
        if isinstance(self.tenjin_analytics_installation_id, Unset):
            tenjin_analytics_installation_id = UNSET
        else:
            tenjin_analytics_installation_id = self.tenjin_analytics_installation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if adjust_device_id is not UNSET:
            field_dict["adjust_device_id"] = adjust_device_id
        if airbridge_device_id is not UNSET:
            field_dict["airbridge_device_id"] = airbridge_device_id
        if amplitude_device_id is not UNSET:
            field_dict["amplitude_device_id"] = amplitude_device_id
        if amplitude_user_id is not UNSET:
            field_dict["amplitude_user_id"] = amplitude_user_id
        if appmetrica_device_id is not UNSET:
            field_dict["appmetrica_device_id"] = appmetrica_device_id
        if appmetrica_profile_id is not UNSET:
            field_dict["appmetrica_profile_id"] = appmetrica_profile_id
        if appsflyer_id is not UNSET:
            field_dict["appsflyer_id"] = appsflyer_id
        if branch_id is not UNSET:
            field_dict["branch_id"] = branch_id
        if facebook_anonymous_id is not UNSET:
            field_dict["facebook_anonymous_id"] = facebook_anonymous_id
        if firebase_app_instance_id is not UNSET:
            field_dict["firebase_app_instance_id"] = firebase_app_instance_id
        if mixpanel_user_id is not UNSET:
            field_dict["mixpanel_user_id"] = mixpanel_user_id
        if one_signal_player_id is not UNSET:
            field_dict["one_signal_player_id"] = one_signal_player_id
        if one_signal_subscription_id is not UNSET:
            field_dict["one_signal_subscription_id"] = one_signal_subscription_id
        if posthog_distinct_user_id is not UNSET:
            field_dict["posthog_distinct_user_id"] = posthog_distinct_user_id
        if pushwoosh_hwid is not UNSET:
            field_dict["pushwoosh_hwid"] = pushwoosh_hwid
        if tenjin_analytics_installation_id is not UNSET:
            field_dict["tenjin_analytics_installation_id"] = tenjin_analytics_installation_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"IntegrationIdentifiersObject: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)

        def _parse_adjust_device_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"adjust_device_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        adjust_device_id = _parse_adjust_device_id(d.pop("adjust_device_id", UNSET))

        def _parse_airbridge_device_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"airbridge_device_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        airbridge_device_id = _parse_airbridge_device_id(d.pop("airbridge_device_id", UNSET))

        def _parse_amplitude_device_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"amplitude_device_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        amplitude_device_id = _parse_amplitude_device_id(d.pop("amplitude_device_id", UNSET))

        def _parse_amplitude_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"amplitude_user_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        amplitude_user_id = _parse_amplitude_user_id(d.pop("amplitude_user_id", UNSET))

        def _parse_appmetrica_device_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"appmetrica_device_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        appmetrica_device_id = _parse_appmetrica_device_id(d.pop("appmetrica_device_id", UNSET))

        def _parse_appmetrica_profile_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"appmetrica_profile_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        appmetrica_profile_id = _parse_appmetrica_profile_id(d.pop("appmetrica_profile_id", UNSET))

        def _parse_appsflyer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"appsflyer_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        appsflyer_id = _parse_appsflyer_id(d.pop("appsflyer_id", UNSET))

        def _parse_branch_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"branch_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        branch_id = _parse_branch_id(d.pop("branch_id", UNSET))

        def _parse_facebook_anonymous_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"facebook_anonymous_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        facebook_anonymous_id = _parse_facebook_anonymous_id(d.pop("facebook_anonymous_id", UNSET))

        def _parse_firebase_app_instance_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"firebase_app_instance_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        firebase_app_instance_id = _parse_firebase_app_instance_id(d.pop("firebase_app_instance_id", UNSET))

        def _parse_mixpanel_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"mixpanel_user_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        mixpanel_user_id = _parse_mixpanel_user_id(d.pop("mixpanel_user_id", UNSET))

        def _parse_one_signal_player_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"one_signal_player_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        one_signal_player_id = _parse_one_signal_player_id(d.pop("one_signal_player_id", UNSET))

        def _parse_one_signal_subscription_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"one_signal_subscription_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        one_signal_subscription_id = _parse_one_signal_subscription_id(d.pop("one_signal_subscription_id", UNSET))

        def _parse_posthog_distinct_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"posthog_distinct_user_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        posthog_distinct_user_id = _parse_posthog_distinct_user_id(d.pop("posthog_distinct_user_id", UNSET))

        def _parse_pushwoosh_hwid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"pushwoosh_hwid: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        pushwoosh_hwid = _parse_pushwoosh_hwid(d.pop("pushwoosh_hwid", UNSET))

        def _parse_tenjin_analytics_installation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"tenjin_analytics_installation_id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        tenjin_analytics_installation_id = _parse_tenjin_analytics_installation_id(
            d.pop("tenjin_analytics_installation_id", UNSET)
        )

        integration_identifiers_object = cls(
            adjust_device_id=adjust_device_id,
            airbridge_device_id=airbridge_device_id,
            amplitude_device_id=amplitude_device_id,
            amplitude_user_id=amplitude_user_id,
            appmetrica_device_id=appmetrica_device_id,
            appmetrica_profile_id=appmetrica_profile_id,
            appsflyer_id=appsflyer_id,
            branch_id=branch_id,
            facebook_anonymous_id=facebook_anonymous_id,
            firebase_app_instance_id=firebase_app_instance_id,
            mixpanel_user_id=mixpanel_user_id,
            one_signal_player_id=one_signal_player_id,
            one_signal_subscription_id=one_signal_subscription_id,
            posthog_distinct_user_id=posthog_distinct_user_id,
            pushwoosh_hwid=pushwoosh_hwid,
            tenjin_analytics_installation_id=tenjin_analytics_installation_id,
        )

        integration_identifiers_object.additional_properties = d
        return integration_identifiers_object

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
