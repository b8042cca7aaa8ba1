"""Access levels: a granted level is in the profile's `access_levels`; a revoked one no longer is (or has expired).

Runs on a profile the run creates (deleted at the end). The level granted is the spec's example (`premium`); if the
server refuses it with a documented 4xx (the app has no such level), the model stops with a note, not a violation.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
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


def parse_instant(text: Any) -> datetime | None:
    """An RFC 3339 date-time as an aware instant (any offset, `Z`, fractional seconds), or None."""
    if not isinstance(text, str):
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def same_instant(a: Any, b: Any) -> bool:
    """Two date-times name the same instant (to the second: a server may drop fractions)."""
    first, second = parse_instant(a), parse_instant(b)
    return first is not None and second is not None and abs((first - second).total_seconds()) < 1


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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
        self._time_bound(phase, identity, level, trail)
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

    def _time_bound(self, phase: str, identity: dict[str, str], level: str, trail: list[str]) -> None:
        """The time-bound fields do what their descriptions say.

        GrantAccessRequest.expires_at: "The datetime when the access level will expire. It may be in the past":
        a future one is the level's expiry; a past one leaves the level not in force. RevokeAccessRequest.revoke_at:
        "Specifies when the access level will expire": a future one keeps the level in force until then.
        """
        engine = self.engine
        now = datetime.now(UTC)
        future, past = stamp(now + timedelta(days=30)), stamp(now - timedelta(days=1))
        expires_source = engine.sources.body_property(GRANT, "expires_at", "description")
        for when, in_force in ((future, True), (past, False)):
            body = {"access_level_id": level, "expires_at": when}
            granted = engine.send(Call(engine.facts[GRANT], dict(identity), body), phase)
            why = f"a grant with expires_at {'in the future' if in_force else 'in the past'} is accepted"
            if granted is None or not engine.expect(
                "access_levels", phase, GRANT, granted, {200}, why, trail, source=expires_source
            ):
                return
            got = engine.send(Call(engine.facts[GET], dict(identity)), phase)
            if got is None:
                return
            entries = active_levels(profile_data(engine, got), level)
            if in_force:
                ok = bool(entries) and any(same_instant(e.get("expires_at"), when) for e in entries)
                title = "a grant's future expires_at is the level's expiry (in force until then)"
            else:
                ok = got.status_code == 200 and not entries
                title = "a grant whose expires_at is in the past leaves the level not in force"
            engine.expect_true(
                "access_levels",
                phase,
                GET,
                ok,
                title=title,
                expected=f"{level!r} {'in force, expires_at ' + when if in_force else 'not in force'}",
                actual=engine.short((profile_data(engine, got) or {}).get("access_levels")),
                reproduce=[*trail, engine.curl(granted), engine.curl(got)],
                group=f"grant expires_at {'future' if in_force else 'past'}",
                source=expires_source,
            )
        if not engine.is_checked(REVOKE):
            return
        granted = engine.send(Call(engine.facts[GRANT], dict(identity), {"access_level_id": level}), phase)
        if granted is None or granted.status_code != 200:
            return
        revoke_source = engine.sources.body_property(REVOKE, "revoke_at", "description")
        body = {"access_level_id": level, "revoke_at": future}
        revoked = engine.send(Call(engine.facts[REVOKE], dict(identity), body), phase)
        if revoked is None or not engine.expect(
            "access_levels", phase, REVOKE, revoked, {200}, "a revoke with a future revoke_at", source=revoke_source
        ):
            return
        got = engine.send(Call(engine.facts[GET], dict(identity)), phase)
        if got is None:
            return
        entries = active_levels(profile_data(engine, got), level)
        engine.expect_true(
            "access_levels",
            phase,
            GET,
            any(same_instant(e.get("expires_at"), future) for e in entries),
            title="a future revoke_at keeps the level in force until then, and is when it expires",
            expected=f"{level!r} in force, expires_at {future}",
            actual=engine.short((profile_data(engine, got) or {}).get("access_levels")),
            reproduce=[engine.curl(granted), engine.curl(revoked), engine.curl(got)],
            group="future revoke_at",
            source=revoke_source,
        )
