from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IntegrationIdentifiersResponse")


@_attrs_define
class IntegrationIdentifiersResponse:
    """
    Attributes:
        adjust_device_id (None | str): The network user's ID in the Adjust integration
        airbridge_device_id (None | str): The ID of the user's device in Airbridge integration
        amplitude_device_id (None | str): The ID of the user's device in Amplitude integration
        amplitude_user_id (None | str): The ID of the user in Amplitude integration
        appmetrica_device_id (None | str): The ID of the user's device in AppMetrica integration
        appmetrica_profile_id (None | str): The ID of the user in AppMetrica integration
        appsflyer_id (None | str): The network user's ID in the AppsFlyer integration
        branch_id (None | str): The Branch Key of the user's app in the Branch integration
        facebook_anonymous_id (None | str): The ID of the user in Facebook Ads integration
        firebase_app_instance_id (None | str): The ID of the user in Firebase integration
        mixpanel_user_id (None | str): The ID of the user in Mixpanel integration
        one_signal_player_id (None | str): The ID of the user in OneSignal integration (Legacy identifier)
        one_signal_subscription_id (None | str): The ID of the user in OneSignal integration (Recommended identifier)
        posthog_distinct_user_id (None | str): The ID of the user in PostHog integration
        pushwoosh_hwid (None | str): The ID of the user's device in Pushwoosh integration
        tenjin_analytics_installation_id (None | str): The ID of the user's device in Tenjin integration
    """

    adjust_device_id: None | str
    airbridge_device_id: None | str
    amplitude_device_id: None | str
    amplitude_user_id: None | str
    appmetrica_device_id: None | str
    appmetrica_profile_id: None | str
    appsflyer_id: None | str
    branch_id: None | str
    facebook_anonymous_id: None | str
    firebase_app_instance_id: None | str
    mixpanel_user_id: None | str
    one_signal_player_id: None | str
    one_signal_subscription_id: None | str
    posthog_distinct_user_id: None | str
    pushwoosh_hwid: None | str
    tenjin_analytics_installation_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjust_device_id: None | str
        adjust_device_id = self.adjust_device_id

        airbridge_device_id: None | str
        airbridge_device_id = self.airbridge_device_id

        amplitude_device_id: None | str
        amplitude_device_id = self.amplitude_device_id

        amplitude_user_id: None | str
        amplitude_user_id = self.amplitude_user_id

        appmetrica_device_id: None | str
        appmetrica_device_id = self.appmetrica_device_id

        appmetrica_profile_id: None | str
        appmetrica_profile_id = self.appmetrica_profile_id

        appsflyer_id: None | str
        appsflyer_id = self.appsflyer_id

        branch_id: None | str
        branch_id = self.branch_id

        facebook_anonymous_id: None | str
        facebook_anonymous_id = self.facebook_anonymous_id

        firebase_app_instance_id: None | str
        firebase_app_instance_id = self.firebase_app_instance_id

        mixpanel_user_id: None | str
        mixpanel_user_id = self.mixpanel_user_id

        one_signal_player_id: None | str
        one_signal_player_id = self.one_signal_player_id

        one_signal_subscription_id: None | str
        one_signal_subscription_id = self.one_signal_subscription_id

        posthog_distinct_user_id: None | str
        posthog_distinct_user_id = self.posthog_distinct_user_id

        pushwoosh_hwid: None | str
        pushwoosh_hwid = self.pushwoosh_hwid

        tenjin_analytics_installation_id: None | str
        tenjin_analytics_installation_id = self.tenjin_analytics_installation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjust_device_id": adjust_device_id,
                "airbridge_device_id": airbridge_device_id,
                "amplitude_device_id": amplitude_device_id,
                "amplitude_user_id": amplitude_user_id,
                "appmetrica_device_id": appmetrica_device_id,
                "appmetrica_profile_id": appmetrica_profile_id,
                "appsflyer_id": appsflyer_id,
                "branch_id": branch_id,
                "facebook_anonymous_id": facebook_anonymous_id,
                "firebase_app_instance_id": firebase_app_instance_id,
                "mixpanel_user_id": mixpanel_user_id,
                "one_signal_player_id": one_signal_player_id,
                "one_signal_subscription_id": one_signal_subscription_id,
                "posthog_distinct_user_id": posthog_distinct_user_id,
                "pushwoosh_hwid": pushwoosh_hwid,
                "tenjin_analytics_installation_id": tenjin_analytics_installation_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"IntegrationIdentifiersResponse: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)

        def _parse_adjust_device_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"adjust_device_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        adjust_device_id = _parse_adjust_device_id(d.pop("adjust_device_id"))

        def _parse_airbridge_device_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"airbridge_device_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        airbridge_device_id = _parse_airbridge_device_id(d.pop("airbridge_device_id"))

        def _parse_amplitude_device_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"amplitude_device_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        amplitude_device_id = _parse_amplitude_device_id(d.pop("amplitude_device_id"))

        def _parse_amplitude_user_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"amplitude_user_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        amplitude_user_id = _parse_amplitude_user_id(d.pop("amplitude_user_id"))

        def _parse_appmetrica_device_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"appmetrica_device_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        appmetrica_device_id = _parse_appmetrica_device_id(d.pop("appmetrica_device_id"))

        def _parse_appmetrica_profile_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"appmetrica_profile_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        appmetrica_profile_id = _parse_appmetrica_profile_id(d.pop("appmetrica_profile_id"))

        def _parse_appsflyer_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"appsflyer_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        appsflyer_id = _parse_appsflyer_id(d.pop("appsflyer_id"))

        def _parse_branch_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"branch_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        branch_id = _parse_branch_id(d.pop("branch_id"))

        def _parse_facebook_anonymous_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"facebook_anonymous_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        facebook_anonymous_id = _parse_facebook_anonymous_id(d.pop("facebook_anonymous_id"))

        def _parse_firebase_app_instance_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"firebase_app_instance_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        firebase_app_instance_id = _parse_firebase_app_instance_id(d.pop("firebase_app_instance_id"))

        def _parse_mixpanel_user_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"mixpanel_user_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        mixpanel_user_id = _parse_mixpanel_user_id(d.pop("mixpanel_user_id"))

        def _parse_one_signal_player_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"one_signal_player_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        one_signal_player_id = _parse_one_signal_player_id(d.pop("one_signal_player_id"))

        def _parse_one_signal_subscription_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"one_signal_subscription_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        one_signal_subscription_id = _parse_one_signal_subscription_id(d.pop("one_signal_subscription_id"))

        def _parse_posthog_distinct_user_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"posthog_distinct_user_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        posthog_distinct_user_id = _parse_posthog_distinct_user_id(d.pop("posthog_distinct_user_id"))

        def _parse_pushwoosh_hwid(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"pushwoosh_hwid: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        pushwoosh_hwid = _parse_pushwoosh_hwid(d.pop("pushwoosh_hwid"))

        def _parse_tenjin_analytics_installation_id(data: object) -> None | str:
            if data is None:
                return data
            if not isinstance(data, str):
                raise TypeError(f"tenjin_analytics_installation_id: expected str, got {type(data).__name__}")

            return cast(None | str, data)

        tenjin_analytics_installation_id = _parse_tenjin_analytics_installation_id(
            d.pop("tenjin_analytics_installation_id")
        )

        integration_identifiers_response = cls(
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

        integration_identifiers_response.additional_properties = d
        return integration_identifiers_response

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
