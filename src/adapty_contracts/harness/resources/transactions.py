"""Transactions: a transaction set on a profile is in its `subscriptions` or `non_subscriptions`.

Runs on a profile the run creates (deleted at the end), with the spec's own examples (each purchase type) made
unique per run. setTransaction is irreversible on a real app: a live run only gets here with --allow-irreversible.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from adapty_contracts.harness._engine import Call
from adapty_contracts.harness._target import PROFILE_ID_HEADER
from adapty_contracts.harness.resources._base import Resource
from adapty_contracts.harness.resources.profiles import profile_data

SET, GET = "setTransaction", "getProfile"
# Where each purchase type shows up in the profile (the profile's own array names).
_LISTED_IN = {"subscription": "subscriptions", "one_time_purchase": "non_subscriptions"}


class Transactions(Resource):
    name = "transactions"
    operations = frozenset({"createProfile", SET, GET})

    def examples(self) -> list[dict[str, Any]]:
        media = (self.engine.facts[SET].raw.get("requestBody") or {}).get("content", {}).get("application/json", {})
        found = [e.get("value") for e in (media.get("examples") or {}).values() if isinstance(e, dict)]
        if "example" in media:
            found.append(media["example"])
        return [dict(e) for e in found if isinstance(e, dict) and e.get("purchase_type") in _LISTED_IN]

    def check_state(self, phase: str) -> None:
        engine = self.engine
        owned = engine.create_profile(phase)
        if owned is None:
            return
        identity = {PROFILE_ID_HEADER: owned.profile_id}
        trail: list[str] = []
        for number, example in enumerate(self.examples(), start=1):
            transaction_id = f"ac-{engine.run_tag}-{number}"
            body = {**example, "store_transaction_id": transaction_id, "store_original_transaction_id": transaction_id}
            if body.get("expires_at"):  # the example's subscription expired long ago: one still running
                now = datetime.now(UTC)
                body["purchased_at"] = body["originally_purchased_at"] = _stamp(now - timedelta(days=1))
                body["expires_at"] = _stamp(now + timedelta(days=30))
            response = engine.send(Call(engine.facts[SET], dict(identity), body), phase)
            kind = str(body["purchase_type"])
            if response is not None and 400 <= response.status_code < 500 and response.status_code != 404:
                # The document does not say which products an app has: a refusal is a note, as for a grant.
                engine.refused("transactions", phase, SET, response, f"the spec's {kind} example")
                continue
            if response is None or not engine.expect(
                "transactions", phase, SET, response, {200}, f"the spec's {kind} example is recorded", trail
            ):
                continue
            trail.append(engine.curl(response))
            got = engine.send(Call(engine.facts[GET], dict(identity)), phase)
            if got is None:
                continue
            listed = (profile_data(engine, got) or {}).get(_LISTED_IN[kind]) or []
            ids = [entry.get("store_transaction_id") for entry in listed if isinstance(entry, dict)]
            engine.expect_true(
                "transactions",
                phase,
                GET,
                transaction_id in ids,
                title=f"a {kind} transaction is in the profile's {_LISTED_IN[kind]}",
                expected=f"{_LISTED_IN[kind]} with store_transaction_id {transaction_id!r}",
                actual=engine.describe(got),
                reproduce=[*trail, engine.curl(got)],
                group=f"{kind} visible",
            )
            # "Creates a new transaction ... and provides access level" (which one, the document does not say).
            levels = (profile_data(engine, got) or {}).get("access_levels") or []
            engine.expect_true(
                "transactions",
                phase,
                SET,
                any(_in_force(entry) for entry in levels),
                title=f"a {kind} transaction provides an access level (in force)",
                expected="access_levels with an entry in force",
                actual=engine.short(levels),
                reproduce=[*trail, engine.curl(got)],
                group=f"{kind} provides access",
                source=engine.sources.operation(SET, "description"),
            )


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _in_force(entry: Any) -> bool:
    """An access level entry with no expiry or one still ahead (any RFC 3339 form)."""
    if not isinstance(entry, dict):
        return False
    expires = entry.get("expires_at")
    if expires is None:
        return True
    try:
        moment = datetime.fromisoformat(str(expires).replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return True
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)) > datetime.now(UTC)
