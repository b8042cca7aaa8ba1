"""Per-resource semantics: the only harness code that names operations. One small module per resource.

Each `Resource` declares the operations its state model needs, snapshots what the run may change and restores it,
points requests at objects the run may use, and checks what the spec states about state. The engine calls them
in this order; cleanup runs in reverse (so profiles, first here, are deleted last).
"""

from __future__ import annotations

from adapty_contracts.harness.resources._base import Resource
from adapty_contracts.harness.resources.access_levels import AccessLevels
from adapty_contracts.harness.resources.identifiers import IntegrationIdentifiers
from adapty_contracts.harness.resources.paywalls import Paywalls
from adapty_contracts.harness.resources.profiles import Profiles
from adapty_contracts.harness.resources.purchases import Purchases
from adapty_contracts.harness.resources.refund_saver import RefundSaverSettings
from adapty_contracts.harness.resources.transactions import Transactions
from adapty_contracts.harness.resources.virtual_currency import VirtualCurrency

RESOURCES: tuple[type[Resource], ...] = (
    Profiles,
    Purchases,
    IntegrationIdentifiers,
    RefundSaverSettings,
    AccessLevels,
    Transactions,
    Paywalls,
    VirtualCurrency,
)

__all__ = ["RESOURCES", "Resource"]
