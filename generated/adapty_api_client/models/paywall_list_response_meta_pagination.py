from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PaywallListResponseMetaPagination")


@_attrs_define
class PaywallListResponseMetaPagination:
    """
    Attributes:
        count (int): Total number of paywalls
        page (int): Current page number
        pages (int): Total number of pages
    """

    count: int
    page: int
    pages: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        page = self.page

        pages = self.pages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "page": page,
                "pages": pages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"PaywallListResponseMetaPagination: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        count = d.pop("count")
        if isinstance(count, float) and count.is_integer():
            count = int(count)
        if not isinstance(count, int) or isinstance(count, bool):
            raise TypeError(f"count: expected int, got {type(count).__name__}")

        page = d.pop("page")
        if isinstance(page, float) and page.is_integer():
            page = int(page)
        if not isinstance(page, int) or isinstance(page, bool):
            raise TypeError(f"page: expected int, got {type(page).__name__}")

        pages = d.pop("pages")
        if isinstance(pages, float) and pages.is_integer():
            pages = int(pages)
        if not isinstance(pages, int) or isinstance(pages, bool):
            raise TypeError(f"pages: expected int, got {type(pages).__name__}")

        paywall_list_response_meta_pagination = cls(
            count=count,
            page=page,
            pages=pages,
        )

        paywall_list_response_meta_pagination.additional_properties = d
        return paywall_list_response_meta_pagination

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
