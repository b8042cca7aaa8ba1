from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GrantAccessRequest")


@_attrs_define
class GrantAccessRequest:
    """
    Attributes:
        access_level_id (str): Paid access level ID configured in the Access Levels page
        starts_at (datetime.datetime | None | Unset): The datetime when the access level will be active. Maybe in the
            future. The default value is null.
        expires_at (datetime.datetime | None | Unset): The datetime when the access level will expire. It may be in the
            past and may be null for lifetime access. The default value is null.
    """

    access_level_id: str
    starts_at: datetime.datetime | None | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_level_id = self.access_level_id

        starts_at: None | str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        elif isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_level_id": access_level_id,
            }
        )
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"GrantAccessRequest: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        access_level_id = d.pop("access_level_id")
        if not isinstance(access_level_id, str):
            raise TypeError(f"access_level_id: expected str, got {type(access_level_id).__name__}")

        def _parse_starts_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"starts_at: no type of the union matches {type(data).__name__}")

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"expires_at: no type of the union matches {type(data).__name__}")

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        grant_access_request = cls(
            access_level_id=access_level_id,
            starts_at=starts_at,
            expires_at=expires_at,
        )

        grant_access_request.additional_properties = d
        return grant_access_request

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
