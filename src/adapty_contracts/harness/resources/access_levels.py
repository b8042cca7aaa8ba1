"""Access levels: a granted level is in the profile's `access_levels`; a revoked one no longer is (or has expired).

Runs on a profile the run creates (deleted at the end). The level granted is the spec's example (`premium`); if the
server refuses it with a documented 4xx (the app has no such level), the model stops with a note, not a violation.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from adapty_contracts.harness._engine import Call
from adapty_contracts.harness._target import PROFILE_ID_HEADER
from adapty_contracts.harness.resources._base import Resource
from adapty_contracts.harness.resources.profiles import profile_data

GRANT, REVOKE, GET = "grantAccessLevel", "revokeAccessLevel", "getProfile"


def active_levels(data: dict[str, Any] | None, level: str) -> list[dict[str, Any]]:
    """Entries for `level` that are in force now (no expiry, or an expiry in the future)."""
    now = datetime.now(UTC)
    found = []
    for entry in (data or {}).get("access_levels") or []:
        if not isinstance(entry, dict) or entry.get("access_level_id") != level:
            continue
        expires = entry.get("expires_at")
        try:
            in_force = expires is None or datetime.fromisoformat(str(expires).replace("Z", "+00:00")) > now
        except ValueError:
            in_force = True
        if in_force:
            found.append(entry)
    return found


class AccessLevels(Resource):
    name = "access levels"
    operations = frozenset({"createProfile", GRANT, GET})

    def check_state(self, phase: str) -> None:
        engine = self.engine
        owned = engine.create_profile(phase)
        if owned is None:
            return
        identity = {PROFILE_ID_HEADER: owned.profile_id}
        body = engine.request_example(engine.facts[GRANT])
        level = str(body.get("access_level_id")) if isinstance(body, dict) else "premium"
        body = {"access_level_id": level}
        granted = engine.send(Call(engine.facts[GRANT], dict(identity), body), phase)
        if granted is None:
            return
        if granted.status_code != 200:
            if 400 <= granted.status_code < 500:
                engine.refused("access_levels", phase, GRANT, granted, f"granting {level!r}")
                return
            engine.expect("access_levels", phase, GRANT, granted, {200}, f"granting {level!r} to a new profile")
            return
        trail = [engine.curl(granted)]
        engine.expect_true(
            "access_levels",
            phase,
            GRANT,
            bool(active_levels(profile_data(engine, granted), level)),
            title="grant answers a profile that has the level",
            expected=f"access_levels with {level!r} in force",
            actual=engine.short((profile_data(engine, granted) or {}).get("access_levels")),
            reproduce=list(trail),
            group="grant answers the level",
        )
        got = engine.send(Call(engine.facts[GET], dict(identity)), phase)
        if got is not None:
            engine.expect_true(
                "access_levels",
                phase,
                GET,
                bool(active_levels(profile_data(engine, got), level)),
                title="a granted access level is in the profile",
                expected=f"access_levels with {level!r} in force",
                actual=engine.describe(got),
                reproduce=[*trail, engine.curl(got)],
                group="granted level visible",
            )
        if not engine.is_checked(REVOKE):
            return
        revoked = engine.send(Call(engine.facts[REVOKE], dict(identity), {"access_level_id": level}), phase)
        if revoked is None or not engine.expect(
            "access_levels", phase, REVOKE, revoked, {200}, f"revoking the granted {level!r}", trail
        ):
            return
        trail.append(engine.curl(revoked))
        got = engine.send(Call(engine.facts[GET], dict(identity)), phase)
        if got is not None:
            engine.expect_true(
                "access_levels",
                phase,
                GET,
                got.status_code == 200 and not active_levels(profile_data(engine, got), level),
                title="a revoked access level (revoke_at unset: immediately) is no longer in force",
                expected=f"no {level!r} in force",
                actual=engine.describe(got),
                reproduce=[*trail, engine.curl(got)],
                group="revoked level gone",
            )
