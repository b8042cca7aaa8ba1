"""Per-resource semantics of the mock, one small module each, as mixins over the spec-driven `Core`.

Each module claims the operations it gives state to with `@operation("operationId")`; `MockAPI` combines them.
An operation no module claims is served statelessly by the core, from the spec alone.
"""

from adapty_contracts.mock.resources.access_levels import AccessLevelsResource
from adapty_contracts.mock.resources.integration import IntegrationResource
from adapty_contracts.mock.resources.paywalls import PaywallsResource, PaywallStore
from adapty_contracts.mock.resources.profiles import ProfilesResource
from adapty_contracts.mock.resources.purchase_validation import PurchaseValidationResource
from adapty_contracts.mock.resources.refund_saver import RefundSaverResource
from adapty_contracts.mock.resources.transactions import TransactionsResource
from adapty_contracts.mock.resources.virtual_currency import VirtualCurrencyResource, VirtualCurrencyStore

__all__ = [
    "AccessLevelsResource",
    "IntegrationResource",
    "PaywallStore",
    "PaywallsResource",
    "ProfilesResource",
    "PurchaseValidationResource",
    "RefundSaverResource",
    "TransactionsResource",
    "VirtualCurrencyResource",
    "VirtualCurrencyStore",
]
