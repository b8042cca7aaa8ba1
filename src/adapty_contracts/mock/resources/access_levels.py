"""Access levels: grant puts (or replaces) the level in the profile's `access_levels`; revoke removes it now, or,
with a future `revoke_at`, keeps it with `expires_at` = `revoke_at`. The item shape is the profile schema's.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from starlette.responses import Response

from adapty_contracts.mock._core import Call, operation
from adapty_contracts.mock._schema import complete
from adapty_contracts.mock._spec import profile_schema
from adapty_contracts.mock._store import Profile
from adapty_contracts.mock.resources.profiles import ProfilesResource

GRANT_STORE = "adapty"  # the store Adapty reports for levels granted without a transaction


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def parse_time(text: Any) -> dt.datetime | None:
    """An RFC 3339 date-time (as validated by the schema), or None."""
    if not isinstance(text, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)


class AccessLevelsResource(ProfilesResource):
    def item_schema(self, list_name: str) -> dict[str, Any]:
        """The schema of one item of a profile list (access_levels, subscriptions, ...), read from getProfile."""
        items = ((profile_schema(self.spec).get("properties") or {}).get(list_name) or {}).get("items")
        return items if isinstance(items, dict) else {}

    @operation("grantAccessLevel")
    async def handle_grant_access_level(self, call: Call) -> Response:
        profile = self.profile_of(call)
        body = await self.body(call)
        self.grant_access_level(profile, self.granted_level(body))
        return self.render_profile(call, profile)

    @operation("revokeAccessLevel")
    async def handle_revoke_access_level(self, call: Call) -> Response:
        profile = self.profile_of(call)
        body = await self.body(call)
        self.revoke_access_level(profile, str(body["access_level_id"]), body.get("revoke_at"))
        return self.render_profile(call, profile)

    # --- override points ---------------------------------------------------------------------------------------
    def granted_level(self, body: dict[str, Any]) -> dict[str, Any]:
        """The access level item a grant creates (no transaction: store `adapty`, fresh transaction ids)."""
        level_id = str(body["access_level_id"])
        transaction_id = f"grant_{uuid.uuid4().hex}"
        now = now_iso()
        item = {
            "access_level_id": level_id,
            "store": GRANT_STORE,
            "store_product_id": level_id,
            "store_base_plan_id": None,
            "store_transaction_id": transaction_id,
            "store_original_transaction_id": transaction_id,
            "offer": None,
            "starts_at": body.get("starts_at"),
            "purchased_at": now,
            "originally_purchased_at": now,
            "expires_at": body.get("expires_at"),
            "renewal_cancelled_at": None,
            "billing_issue_detected_at": None,
            "is_in_grace_period": False,
            "cancellation_reason": None,
        }
        return self.shaped(item, "access_levels")

    def shaped(self, item: dict[str, Any], list_name: str) -> dict[str, Any]:
        """`item` with exactly the properties the spec's item schema declares (missing ones generated)."""
        schema = self.item_schema(list_name)
        props = schema.get("properties") or {}
        if not props:
            return item
        return complete({k: v for k, v in item.items() if k in props}, schema)

    def grant_access_level(self, profile: Profile, level: dict[str, Any]) -> None:
        """Add the level, replacing one with the same id."""

        def change(p: Profile) -> None:
            levels = [
                a
                for a in self.store.get_list(p, "access_levels")
                if a.get("access_level_id") != level.get("access_level_id")
            ]
            self.store.set_list(p, "access_levels", [*levels, level])

        self.store.modify(profile, change)

    def revoke_access_level(self, profile: Profile, level_id: str, revoke_at: Any) -> None:
        """Without `revoke_at` (or with one not in the future) the level goes now; else it expires then.
        Revoking a level the profile does not have changes nothing (200)."""
        when = parse_time(revoke_at)
        later = when is not None and when > dt.datetime.now(dt.UTC)

        def change(p: Profile) -> None:
            levels = self.store.get_list(p, "access_levels")
            kept = []
            for level in levels:
                if level.get("access_level_id") != level_id:
                    kept.append(level)
                elif later:
                    kept.append({**level, "expires_at": revoke_at} if "expires_at" in level else level)
            self.store.set_list(p, "access_levels", kept)

        self.store.modify(profile, change)
