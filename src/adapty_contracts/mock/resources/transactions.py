"""Transactions (setTransaction, and the purchases Stripe/Paddle validation imports): a subscription goes to the
profile's `subscriptions`, a one-time purchase to `non_subscriptions`; both provide the access level `premium`
(every Adapty app has it) unless refunded; a USD price adds to `total_revenue_usd`. A transaction id sent again
replaces its earlier record.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from starlette.responses import Response

from adapty_contracts.mock._core import Call, operation
from adapty_contracts.mock._store import Profile
from adapty_contracts.mock.resources.access_levels import AccessLevelsResource, now_iso, parse_time

DEFAULT_ACCESS_LEVEL = "premium"
SUBSCRIPTION = "subscription"


class TransactionsResource(AccessLevelsResource):
    @operation("setTransaction")
    async def handle_set_transaction(self, call: Call) -> Response:
        profile = self.profile_of(call)
        body = await self.body(call)
        self.record_transaction(profile, body)
        return self.render_profile(call, profile)

    # --- override points ---------------------------------------------------------------------------------------
    def record_transaction(self, profile: Profile, tx: dict[str, Any]) -> None:
        """Store the purchase in its list, its access level, and its revenue, in one locked step."""
        is_subscription = tx.get("purchase_type") == SUBSCRIPTION
        list_name = "subscriptions" if is_subscription else "non_subscriptions"
        record = self.purchase_record(tx, list_name)
        level = self.transaction_level(tx) if not tx.get("refunded_at") else None
        price = tx.get("price") or {}
        revenue = float(price.get("value") or 0) if str(price.get("currency", "")).upper() == "USD" else 0.0
        transaction_id = tx.get("store_transaction_id")

        def change(p: Profile) -> None:
            items = self.store.get_list(p, list_name)
            replaced = [i for i in items if i.get("store_transaction_id") == transaction_id]
            kept = [i for i in items if i.get("store_transaction_id") != transaction_id]
            self.store.set_list(p, list_name, [*kept, record])
            if not replaced:
                p.revenue = round(p.revenue + revenue, 6)
            if level is not None:
                levels = [
                    a
                    for a in self.store.get_list(p, "access_levels")
                    if a.get("access_level_id") != level.get("access_level_id")
                ]
                self.store.set_list(p, "access_levels", [*levels, level])

        self.store.modify(profile, change)

    def purchase_record(self, tx: dict[str, Any], list_name: str) -> dict[str, Any]:
        refunded = tx.get("refunded_at") is not None
        record = {
            "purchase_id": str(uuid.uuid4()),
            "store": tx.get("store"),
            "store_product_id": tx.get("store_product_id"),
            "store_base_plan_id": None,
            "store_transaction_id": tx.get("store_transaction_id"),
            "store_original_transaction_id": tx.get("store_original_transaction_id"),
            "offer": tx.get("offer"),
            "environment": tx.get("environment") or "Production",
            "purchased_at": tx.get("purchased_at"),
            "originally_purchased_at": tx.get("originally_purchased_at") or tx.get("purchased_at"),
            "expires_at": tx.get("expires_at"),
            "renewal_cancelled_at": tx.get("renew_status_changed_at") if tx.get("renew_status") is False else None,
            "billing_issue_detected_at": tx.get("billing_issue_detected_at"),
            "is_in_grace_period": self._in_grace(tx),
            "cancellation_reason": tx.get("cancellation_reason"),
            "is_refund": refunded,
            "is_consumable": False,
        }
        if list_name == "subscriptions" and record["renewal_cancelled_at"] is None and tx.get("renew_status") is False:
            record["renewal_cancelled_at"] = now_iso()
        return self.shaped(record, list_name)

    def transaction_level(self, tx: dict[str, Any]) -> dict[str, Any]:
        """The access level a transaction provides: `premium`, until the subscription expires (one-time: lifetime)."""
        level = {
            "access_level_id": DEFAULT_ACCESS_LEVEL,
            "store": tx.get("store"),
            "store_product_id": tx.get("store_product_id"),
            "store_base_plan_id": None,
            "store_transaction_id": tx.get("store_transaction_id"),
            "store_original_transaction_id": tx.get("store_original_transaction_id"),
            "offer": tx.get("offer"),
            "starts_at": None,
            "purchased_at": tx.get("purchased_at"),
            "originally_purchased_at": tx.get("originally_purchased_at") or tx.get("purchased_at"),
            "expires_at": tx.get("expires_at") if tx.get("purchase_type") == SUBSCRIPTION else None,
            "renewal_cancelled_at": None,
            "billing_issue_detected_at": tx.get("billing_issue_detected_at"),
            "is_in_grace_period": self._in_grace(tx),
            "cancellation_reason": tx.get("cancellation_reason"),
        }
        return self.shaped(level, "access_levels")

    @staticmethod
    def _in_grace(tx: dict[str, Any]) -> bool:
        until = parse_time(tx.get("grace_period_expires_at"))
        return until is not None and until > dt.datetime.now(dt.UTC)
