from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.paywall_object_state import PaywallObjectState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.paywall_object_main_screenshot_type_0 import PaywallObjectMainScreenshotType0
    from ..models.product_object import ProductObject
    from ..models.remote_config_object import RemoteConfigObject


T = TypeVar("T", bound="PaywallObject")


@_attrs_define
class PaywallObject:
    """A Paywall represents a monetization screen in your app. It contains information about
    the paywall configuration, products, and remote configs.

        Attributes:
            title (str): The name of the paywall, as defined in your Adapty Dashboard
            paywall_id (UUID): The unique identifier of the paywall
            use_paywall_builder (bool): Whether the paywall uses the paywall builder
            use_paywall_builder_legacy (bool): Whether the paywall uses the legacy paywall builder
            updated_at (datetime.datetime): Timestamp when the paywall was last updated
            created_at (datetime.datetime): Timestamp when the paywall was created
            state (PaywallObjectState): The current state of the paywall
            is_deleted (bool): Whether the paywall is marked as deleted
            products (list[ProductObject]): Array of products available in this paywall
            web_purchase_url (None | str | Unset): URL for web purchases, if applicable
            remote_configs (list[RemoteConfigObject] | Unset): Array of remote configs for different locales
            main_screenshot (None | PaywallObjectMainScreenshotType0 | Unset): Main screenshot object with image_id and url
    """

    title: str
    paywall_id: UUID
    use_paywall_builder: bool
    use_paywall_builder_legacy: bool
    updated_at: datetime.datetime
    created_at: datetime.datetime
    state: PaywallObjectState
    is_deleted: bool
    products: list[ProductObject]
    web_purchase_url: None | str | Unset = UNSET
    remote_configs: list[RemoteConfigObject] | Unset = UNSET
    main_screenshot: None | PaywallObjectMainScreenshotType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.paywall_object_main_screenshot_type_0 import PaywallObjectMainScreenshotType0

        title = self.title

        paywall_id = str(self.paywall_id)

        use_paywall_builder = self.use_paywall_builder

        use_paywall_builder_legacy = self.use_paywall_builder_legacy

        updated_at = self.updated_at.isoformat()

        created_at = self.created_at.isoformat()

        state = self.state.value

        is_deleted = self.is_deleted

        products = []
        for products_item_data in self.products:
            products_item = products_item_data.to_dict()
            products.append(products_item)

        web_purchase_url: None | str | Unset
        if isinstance(self.web_purchase_url, Unset):
            web_purchase_url = UNSET
        else:
            web_purchase_url = self.web_purchase_url

        remote_configs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.remote_configs, Unset):
            remote_configs = []
            for remote_configs_item_data in self.remote_configs:
                remote_configs_item = remote_configs_item_data.to_dict()
                remote_configs.append(remote_configs_item)

        main_screenshot: dict[str, Any] | None | Unset
        if isinstance(self.main_screenshot, Unset):
            main_screenshot = UNSET
        elif isinstance(self.main_screenshot, PaywallObjectMainScreenshotType0):
            main_screenshot = self.main_screenshot.to_dict()
        else:
            main_screenshot = self.main_screenshot

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "paywall_id": paywall_id,
                "use_paywall_builder": use_paywall_builder,
                "use_paywall_builder_legacy": use_paywall_builder_legacy,
                "updated_at": updated_at,
                "created_at": created_at,
                "state": state,
                "is_deleted": is_deleted,
                "products": products,
            }
        )
        if web_purchase_url is not UNSET:
            field_dict["web_purchase_url"] = web_purchase_url
        if remote_configs is not UNSET:
            field_dict["remote_configs"] = remote_configs
        if main_screenshot is not UNSET:
            field_dict["main_screenshot"] = main_screenshot

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.paywall_object_main_screenshot_type_0 import PaywallObjectMainScreenshotType0
        from ..models.product_object import ProductObject
        from ..models.remote_config_object import RemoteConfigObject

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"PaywallObject: expected an object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        title = d.pop("title")
        if not isinstance(title, str):
            raise TypeError(f"title: expected str, got {type(title).__name__}")

        paywall_id = UUID(d.pop("paywall_id"))

        use_paywall_builder = d.pop("use_paywall_builder")
        if not isinstance(use_paywall_builder, bool):
            raise TypeError(f"use_paywall_builder: expected bool, got {type(use_paywall_builder).__name__}")

        use_paywall_builder_legacy = d.pop("use_paywall_builder_legacy")
        if not isinstance(use_paywall_builder_legacy, bool):
            raise TypeError(
                f"use_paywall_builder_legacy: expected bool, got {type(use_paywall_builder_legacy).__name__}"
            )

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at").upper())

        created_at = datetime.datetime.fromisoformat(d.pop("created_at").upper())

        state = PaywallObjectState(d.pop("state"))

        is_deleted = d.pop("is_deleted")
        if not isinstance(is_deleted, bool):
            raise TypeError(f"is_deleted: expected bool, got {type(is_deleted).__name__}")

        products = []
        _products = d.pop("products")
        if not isinstance(_products, list):
            raise TypeError(f"products: expected array, got {type(_products).__name__}")
        for products_item_data in _products:
            products_item = ProductObject.from_dict(products_item_data)

            products.append(products_item)

        def _parse_web_purchase_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError(f"web_purchase_url: expected str, got {type(data).__name__}")

            return cast(None | str | Unset, data)

        web_purchase_url = _parse_web_purchase_url(d.pop("web_purchase_url", UNSET))

        _remote_configs = d.pop("remote_configs", UNSET)
        remote_configs: list[RemoteConfigObject] | Unset = UNSET
        if _remote_configs is not UNSET:
            if not isinstance(_remote_configs, list):
                raise TypeError(f"remote_configs: expected array, got {type(_remote_configs).__name__}")
            remote_configs = []
            for remote_configs_item_data in _remote_configs:
                remote_configs_item = RemoteConfigObject.from_dict(remote_configs_item_data)

                remote_configs.append(remote_configs_item)

        def _parse_main_screenshot(data: object) -> None | PaywallObjectMainScreenshotType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                main_screenshot_type_0 = PaywallObjectMainScreenshotType0.from_dict(data)

                return main_screenshot_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            raise TypeError(f"main_screenshot: no type of the union matches {type(data).__name__}")

        main_screenshot = _parse_main_screenshot(d.pop("main_screenshot", UNSET))

        paywall_object = cls(
            title=title,
            paywall_id=paywall_id,
            use_paywall_builder=use_paywall_builder,
            use_paywall_builder_legacy=use_paywall_builder_legacy,
            updated_at=updated_at,
            created_at=created_at,
            state=state,
            is_deleted=is_deleted,
            products=products,
            web_purchase_url=web_purchase_url,
            remote_configs=remote_configs,
            main_screenshot=main_screenshot,
        )

        paywall_object.additional_properties = d
        return paywall_object

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
