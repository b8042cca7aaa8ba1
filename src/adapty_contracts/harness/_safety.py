"""What each operation does to a real app's data: the one reviewed place that decides what a live run may send.

- read: changes nothing.
- restorable: writes that the run snapshots before and restores after (only on the named test profile or on
  profiles the run created).
- creating: creates data; the run deletes what it created (profiles: deleteProfile), also on Ctrl-C/SIGTERM.
- irreversible: changes a real app's revenue, balances or what its real users see; there is no undo. A live run
  (any `--base-url`) skips these unless `--allow-irreversible` is given, and says so in every report.

An operation that is not listed here (a newer upstream added it) is classed by its method: GET/HEAD are reads,
anything else is irreversible until someone reviews it and adds a line below. State-changing requests only ever
name the run's own profiles or the test profile, never a profile the run did not create.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Effect(StrEnum):
    READ = "read"
    RESTORABLE = "restorable"
    CREATING = "creating"
    IRREVERSIBLE = "irreversible"


@dataclass(frozen=True)
class Classification:
    effect: Effect
    why: str


REVIEWED: dict[str, Classification] = {
    "getProfile": Classification(Effect.READ, "reads a profile"),
    "createProfile": Classification(Effect.CREATING, "creates a profile; the run deletes the profiles it created"),
    "updateProfile": Classification(Effect.RESTORABLE, "only on profiles the run created (deleted at the end)"),
    "deleteProfile": Classification(Effect.CREATING, "only deletes profiles the run created"),
    "grantAccessLevel": Classification(Effect.RESTORABLE, "only on profiles the run created (deleted at the end)"),
    "revokeAccessLevel": Classification(Effect.RESTORABLE, "only on profiles the run created (deleted at the end)"),
    "setTransaction": Classification(
        Effect.IRREVERSIBLE, "records a purchase: counted in the app's revenue, analytics and integrations"
    ),
    "validateStripePurchase": Classification(
        Effect.IRREVERSIBLE, "imports Stripe transactions into the app (revenue, MTR), may create a profile"
    ),
    "validatePaddlePurchase": Classification(
        Effect.IRREVERSIBLE, "imports Paddle transactions into the app (revenue), may create a profile"
    ),
    "getRefundSaverSettings": Classification(Effect.READ, "reads a profile's refund-saver settings"),
    "setRefundSaverSettings": Classification(
        Effect.RESTORABLE, "written on profiles the run created (else the test profile's, snapshot restored)"
    ),
    "getIntegrationIdentifiers": Classification(Effect.READ, "reads a profile's integration identifiers"),
    "setIntegrationIdentifiers": Classification(
        Effect.RESTORABLE, "snapshot of the test profile's identifiers restored"
    ),
    "listPaywalls": Classification(Effect.READ, "lists the app's paywalls"),
    "getPaywall": Classification(Effect.READ, "reads a paywall"),
    "updatePaywall": Classification(
        Effect.IRREVERSIBLE, "replaces a paywall's remote configs: what the app's real users see"
    ),
    "createVirtualCurrencyTransaction": Classification(
        Effect.RESTORABLE, "only on profiles the run created (deleted at the end, with their balances)"
    ),
    "listVirtualCurrencyTransactions": Classification(Effect.READ, "reads a profile's virtual currency history"),
    "listVirtualCurrencyBalances": Classification(Effect.READ, "reads a profile's virtual currency balances"),
}


def classify(operation_id: str, method: str) -> Classification:
    """The reviewed class, or the safe default for an operation nobody has reviewed yet."""
    reviewed = REVIEWED.get(operation_id)
    if reviewed is not None:
        return reviewed
    if method.upper() in ("GET", "HEAD"):
        return Classification(Effect.READ, "not reviewed; a GET is taken to be a read")
    return Classification(Effect.IRREVERSIBLE, f"not reviewed; a {method.upper()} may change data for good")
