from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.profile_request_att_status_type_0 import ProfileRequestAttStatusType0
from ..models.profile_request_gender_type_0 import ProfileRequestGenderType0
from ..models.profile_request_store_type_0 import ProfileRequestStoreType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_attribute import CustomAttribute
    from ..models.installation_meta import InstallationMeta


T = TypeVar("T", bound="ProfileRequest")


@_attrs_define
class ProfileRequest:
    """
    Example:
        {'first_name': 'Jane', 'last_name': 'Doe', 'gender': 'f', 'email': 'jane.doe@example.com', 'phone_number':
            '+1234567890', 'birthday': '2000-12-31', 'ip_country': 'FR', 'ip_v4_address': '192.168.1.1', 'store_country':
            'US', 'store': 'app_store', 'store_account_token': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'att_status': 3,
            'analytics_disabled': True, 'custom_attributes': [{'key': 'favourite_sport', 'value': 'yoga'}],
            'installation_meta': {'device_id': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'device': 'iPhone 15 Pro', 'locale':
            'en', 'os': 'iOS 17.1', 'platform': 'iOS', 'timezone': 'Europe/Rome', 'user_agent': 'Mozilla/5.0 (iPhone; CPU
            iPhone OS 17_1_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148
            Safari/604.1', 'app_build': '1.0.0', 'app_version': '1.0.0', 'adapty_sdk_version': '2.0.0', 'idfa':
            'EA7583CD-A667-48BC-B806-42ECB2B48333', 'idfv': 'E9D48DA5-3930-4B41-8521-D953AECD2F33', 'advertising_id': '',
            'android_id': '', 'android_app_set_id': ''}}

    Attributes:
        installation_meta (InstallationMeta):
        first_name (None | str | Unset): Your end user's first name
        last_name (None | str | Unset): Your end user's last name
        gender (None | ProfileRequestGenderType0 | Unset): Your end user's gender
        email (None | str | Unset): Your end user's email
        phone_number (None | str | Unset): Your end user's phone number
        birthday (datetime.date | None | Unset): Your end user's birthday
        ip_country (None | str | Unset): Country of the end user as a two-letter ISO 3166-1 alpha-2 code, for example
            `FR`
        ip_v4_address (None | str | Unset): IPv4 address of the end user
        store_country (None | str | Unset): Country of the end user's app store as a two-letter ISO 3166-1 alpha-2 code,
            for example `US`
        store (None | ProfileRequestStoreType0 | Unset): The platform the user uses to make purchases in your app
        store_account_token (None | Unset | UUID): Store account token
        att_status (None | ProfileRequestAttStatusType0 | Unset): Apple App Tracking Transparency status (0=not
            determined, 1=restricted, 2=denied, 3=authorized)
        analytics_disabled (bool | None | Unset): Option to opt out of external analytics
        custom_attributes (list[CustomAttribute] | Unset): Allows setting up to 30 custom attributes for the profile
    """

    installation_meta: InstallationMeta
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    gender: None | ProfileRequestGenderType0 | Unset = UNSET
    email: None | str | Unset = UNSET
    phone_number: None | str | Unset = UNSET
    birthday: datetime.date | None | Unset = UNSET
    ip_country: None | str | Unset = UNSET
    ip_v4_address: None | str | Unset = UNSET
    store_country: None | str | Unset = UNSET
    store: None | ProfileRequestStoreType0 | Unset = UNSET
    store_account_token: None | Unset | UUID = UNSET
    att_status: None | ProfileRequestAttStatusType0 | Unset = UNSET
    analytics_disabled: bool | None | Unset = UNSET
    custom_attributes: list[CustomAttribute] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        installation_meta = self.installation_meta.to_dict()

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, ProfileRequestGenderType0):
            gender = self.gender.value
        else:
            gender = self.gender

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        birthday: None | str | Unset
        if isinstance(self.birthday, Unset):
            birthday = UNSET
        elif isinstance(self.birthday, datetime.date):
            birthday = self.birthday.isoformat()
        else:
            birthday = self.birthday

        ip_country: None | str | Unset
        if isinstance(self.ip_country, Unset):
            ip_country = UNSET
        else:
            ip_country = self.ip_country

        ip_v4_address: None | str | Unset
        if isinstance(self.ip_v4_address, Unset):
            ip_v4_address = UNSET
        else:
            ip_v4_address = self.ip_v4_address

        store_country: None | str | Unset
        if isinstance(self.store_country, Unset):
            store_country = UNSET
        else:
            store_country = self.store_country

        store: None | str | Unset
        if isinstance(self.store, Unset):
            store = UNSET
        elif isinstance(self.store, ProfileRequestStoreType0):
            store = self.store.value
        else:
            store = self.store

        store_account_token: None | str | Unset
        if isinstance(self.store_account_token, Unset):
            store_account_token = UNSET
        elif isinstance(self.store_account_token, UUID):
            store_account_token = str(self.store_account_token)
        else:
            store_account_token = self.store_account_token

        att_status: int | None | Unset
        if isinstance(self.att_status, Unset):
            att_status = UNSET
        elif isinstance(self.att_status, ProfileRequestAttStatusType0):
            att_status = self.att_status.value
        else:
            att_status = self.att_status

        analytics_disabled: bool | None | Unset
        if isinstance(self.analytics_disabled, Unset):
            analytics_disabled = UNSET
        else:
            analytics_disabled = self.analytics_disabled

        custom_attributes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_attributes, Unset):
            custom_attributes = []
            for custom_attributes_item_data in self.custom_attributes:
                custom_attributes_item = custom_attributes_item_data.to_dict()
                custom_attributes.append(custom_attributes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "installation_meta": installation_meta,
            }
        )
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if gender is not UNSET:
            field_dict["gender"] = gender
        if email is not UNSET:
            field_dict["email"] = email
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if ip_country is not UNSET:
            field_dict["ip_country"] = ip_country
        if ip_v4_address is not UNSET:
            field_dict["ip_v4_address"] = ip_v4_address
        if store_country is not UNSET:
            field_dict["store_country"] = store_country
        if store is not UNSET:
            field_dict["store"] = store
        if store_account_token is not UNSET:
            field_dict["store_account_token"] = store_account_token
        if att_status is not UNSET:
            field_dict["att_status"] = att_status
        if analytics_disabled is not UNSET:
            field_dict["analytics_disabled"] = analytics_disabled
        if custom_attributes is not UNSET:
            field_dict["custom_attributes"] = custom_attributes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.custom_attribute import CustomAttribute
        from ..models.installation_meta import InstallationMeta

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"ProfileRequest: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        installation_meta = InstallationMeta.from_dict(d.pop("installation_meta"))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"first_name: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"last_name: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_gender(data: object) -> None | ProfileRequestGenderType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = ProfileRequestGenderType0(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"gender: no type of the union matches {type(data).__name__}")

        gender = _parse_gender(d.pop("gender", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"email: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"phone_number: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        phone_number = _parse_phone_number(d.pop("phone_number", UNSET))

        def _parse_birthday(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birthday_type_0 = datetime.date.fromisoformat(data)

                return birthday_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"birthday: no type of the union matches {type(data).__name__}")

        birthday = _parse_birthday(d.pop("birthday", UNSET))

        def _parse_ip_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"ip_country: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        ip_country = _parse_ip_country(d.pop("ip_country", UNSET))

        def _parse_ip_v4_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"ip_v4_address: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        ip_v4_address = _parse_ip_v4_address(d.pop("ip_v4_address", UNSET))

        def _parse_store_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"store_country: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        store_country = _parse_store_country(d.pop("store_country", UNSET))

        def _parse_store(data: object) -> None | ProfileRequestStoreType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                store_type_0 = ProfileRequestStoreType0(data)

                return store_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"store: no type of the union matches {type(data).__name__}")

        store = _parse_store(d.pop("store", UNSET))

        def _parse_store_account_token(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                store_account_token_type_0 = UUID(data)

                return store_account_token_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"store_account_token: no type of the union matches {type(data).__name__}")

        store_account_token = _parse_store_account_token(d.pop("store_account_token", UNSET))

        def _parse_att_status(data: object) -> None | ProfileRequestAttStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                att_status_type_0 = ProfileRequestAttStatusType0(data)

                return att_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"att_status: no type of the union matches {type(data).__name__}")

        att_status = _parse_att_status(d.pop("att_status", UNSET))

        def _parse_analytics_disabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, bool):
                raise TypeError(f"analytics_disabled: expected bool, got {type(data).__name__}")

            return cast(bool | None | Unset, data)

        analytics_disabled = _parse_analytics_disabled(d.pop("analytics_disabled", UNSET))

        _custom_attributes = d.pop("custom_attributes", UNSET)
        custom_attributes: list[CustomAttribute] | Unset = UNSET
        if _custom_attributes is not UNSET:
            if not isinstance(_custom_attributes, list):
                raise TypeError(f"custom_attributes: expected array, got {type(_custom_attributes).__name__}")
            custom_attributes = []
            for custom_attributes_item_data in _custom_attributes:
                custom_attributes_item = CustomAttribute.from_dict(custom_attributes_item_data)

                custom_attributes.append(custom_attributes_item)

        profile_request = cls(
            installation_meta=installation_meta,
            first_name=first_name,
            last_name=last_name,
            gender=gender,
            email=email,
            phone_number=phone_number,
            birthday=birthday,
            ip_country=ip_country,
            ip_v4_address=ip_v4_address,
            store_country=store_country,
            store=store,
            store_account_token=store_account_token,
            att_status=att_status,
            analytics_disabled=analytics_disabled,
            custom_attributes=custom_attributes,
        )

        profile_request.additional_properties = d
        return profile_request

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
