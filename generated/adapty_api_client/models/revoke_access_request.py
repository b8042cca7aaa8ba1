from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RevokeAccessRequest")


@_attrs_define
class RevokeAccessRequest:
    """
    Attributes:
        access_level_id (str): Paid access level ID configured in the Access Levels page
        revoke_at (datetime.datetime | None | Unset): Specifies when the access level will expire. To revoke access
            immediately, either omit this field or set it to null. The default value is null.
    """

    access_level_id: str
    revoke_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_level_id = self.access_level_id

        revoke_at: None | str | Unset
        if isinstance(self.revoke_at, Unset):
            revoke_at = UNSET
        elif isinstance(self.revoke_at, datetime.datetime):
            revoke_at = self.revoke_at.isoformat()
        else:
            revoke_at = self.revoke_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_level_id": access_level_id,
            }
        )
        if revoke_at is not UNSET:
            field_dict["revoke_at"] = revoke_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"RevokeAccessRequest: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        access_level_id = d.pop("access_level_id")
        if not isinstance(access_level_id, str):
            raise TypeError(f"access_level_id: expected str, got {type(access_level_id).__name__}")

        def _parse_revoke_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoke_at_type_0 = datetime.datetime.fromisoformat(data.upper())

                return revoke_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"revoke_at: no type of the union matches {type(data).__name__}")

        revoke_at = _parse_revoke_at(d.pop("revoke_at", UNSET))

        revoke_access_request = cls(
            access_level_id=access_level_id,
            revoke_at=revoke_at,
        )

        revoke_access_request.additional_properties = d
        return revoke_access_request

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
