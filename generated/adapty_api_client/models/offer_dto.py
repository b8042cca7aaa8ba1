from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.offer_dto_category import OfferDTOCategory
from ..models.offer_dto_type import OfferDTOType
from ..types import UNSET, Unset

T = TypeVar("T", bound="OfferDTO")


@_attrs_define
class OfferDTO:
    """
    Attributes:
        category (OfferDTOCategory): Offer category
        type_ (OfferDTOType): Offer type
        id (None | str | Unset): Offer ID
    """

    category: OfferDTOCategory
    type_: OfferDTOType
    id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        type_ = self.type_.value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"OfferDTO: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        category = OfferDTOCategory(d.pop("category"))

        type_ = OfferDTOType(d.pop("type"))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"id: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        offer_dto = cls(
            category=category,
            type_=type_,
            id=id,
        )

        offer_dto.additional_properties = d
        return offer_dto

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
