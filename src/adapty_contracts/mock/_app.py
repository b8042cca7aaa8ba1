"""The mock's API: the spec-driven core plus one mixin per resource; every behaviour one overridable method."""

from __future__ import annotations

from adapty_contracts.mock._core import (
    API_KEY_ENV,
    DEFAULT_API_KEY,
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    MSG_INVALID_KEY,
    Call,
    Core,
    MockError,
    operation,
)
from adapty_contracts.mock._spec import Spec
from adapty_contracts.mock._store import ProfileStore
from adapty_contracts.mock.resources import (
    IntegrationResource,
    PaywallsResource,
    PaywallStore,
    PurchaseValidationResource,
    RefundSaverResource,
    VirtualCurrencyResource,
    VirtualCurrencyStore,
)
from adapty_contracts.mock.resources.integration import MSG_NEED_IDENTIFIER
from adapty_contracts.mock.resources.profiles import MSG_BAD_UUID, MSG_NEED_IDENTITY, MSG_NOT_FOUND

__all__ = [
    "API_KEY_ENV",
    "DEFAULT_API_KEY",
    "MAX_BODY_BYTES",
    "MAX_HEADER_BYTES",
    "MSG_BAD_UUID",
    "MSG_INVALID_KEY",
    "MSG_NEED_IDENTIFIER",
    "MSG_NEED_IDENTITY",
    "MSG_NOT_FOUND",
    "Call",
    "MockAPI",
    "MockError",
    "create_app",
    "operation",
]


class MockAPI(
    PurchaseValidationResource,  # -> transactions -> access levels -> profiles
    IntegrationResource,
    RefundSaverResource,
    PaywallsResource,
    VirtualCurrencyResource,
    Core,
):
    """The stateful Adapty API: every operation of the effective spec (see `Core` for the request flow, and the
    modules of `adapty_contracts.mock.resources` for each resource's rules and override points)."""

    def __init__(
        self,
        *,
        api_key: str,
        store: ProfileStore,
        paywalls: PaywallStore | None = None,
        spec: Spec | None = None,
        virtual_currency: VirtualCurrencyStore | None = None,
        vc_disabled: bool = False,
    ) -> None:
        super().__init__(api_key=api_key, store=store, spec=spec)
        self.paywalls = paywalls if paywalls is not None else PaywallStore.seeded(self.spec)
        self.virtual_currency = virtual_currency if virtual_currency is not None else VirtualCurrencyStore.seeded()
        self.vc_disabled = vc_disabled


def create_app(
    *,
    api_key: str,
    store: ProfileStore,
    api_class: type[MockAPI] = MockAPI,
    paywalls: PaywallStore | None = None,
    spec: Spec | None = None,
    virtual_currency: VirtualCurrencyStore | None = None,
    vc_disabled: bool = False,
) -> MockAPI:
    """The ASGI app: an `api_class` instance, which routes itself (no framework middleware).

    Routing in `Core.__call__` rather than a Starlette router keeps every answer (404, 405, 413, 500)
    ErrorResponse-shaped and under the subclass's control, and doubles throughput.
    """
    return api_class(
        api_key=api_key,
        store=store,
        paywalls=paywalls,
        spec=spec,
        virtual_currency=virtual_currency,
        vc_disabled=vc_disabled,
    )
