"""Refund Saver settings: what a set answers is what a later get shows, by either identity header.

Runs on a profile the run creates (deleted at the end): settings never set cannot be put back exactly (a get shows
defaults either way), so the test profile is written to only when the run cannot create profiles; then its
settings are snapshotted before the run, set back after and read back.
"""

from __future__ import annotations

from typing import Any

from adapty_contracts.harness._engine import Call
from adapty_contracts.harness._operations import inline_refs
from adapty_contracts.harness.resources._base import Resource

GET, SET = "getRefundSaverSettings", "setRefundSaverSettings"


class RefundSaverSettings(Resource):
    name = "refund-saver settings"
    operations = frozenset({GET, SET})

    def __init__(self, engine: Any) -> None:
        super().__init__(engine)
        self.snapshot: dict[str, Any] | None = None
        self.on_owned = False  # True: every write goes to profiles the run created

    def restores_test_profile_for(self, operation_id: str) -> bool:
        return operation_id == SET and self.snapshot is not None

    def settings(
        self, phase: str, identity: dict[str, str], *, bookkeeping: bool = False
    ) -> tuple[Any, dict[str, Any] | None]:
        engine = self.engine
        response = engine.send(Call(engine.facts[GET], dict(identity)), phase, bookkeeping=bookkeeping)
        body = engine.json_of(response)
        settings = body.get("settings") if isinstance(body, dict) else None
        return response, settings if isinstance(settings, dict) else None

    def prepare(self) -> list[str]:
        if not self.active(GET, SET):
            return []
        if self.engine.is_checked("createProfile"):
            self.on_owned = True
            return []
        _, self.snapshot = self.settings("snapshot", self.engine.identities[0], bookkeeping=True)
        if self.snapshot is None:
            return ["could not read the test profile's refund-saver settings; they will not be written to"]
        return []

    def restore(self) -> bool | None:
        if self.snapshot is None:
            return None
        body = {key: value for key, value in self.snapshot.items() if key in self._fields()}
        if not body:
            return True
        engine = self.engine
        call = Call(engine.facts[SET], dict(engine.identities[0]), body)
        engine.send(call, "cleanup", bookkeeping=True)
        _, after = self.settings("cleanup", engine.identities[0], bookkeeping=True)
        restored = after is not None and all(after.get(key) == value for key, value in body.items())
        if not restored:
            engine.restore_failed(self.name, SET, [(dict(engine.identities[0]), body)])
        return restored

    def _fields(self) -> dict[str, Any]:
        schema = inline_refs(self.engine.facts[SET].body_schema, self.engine.doc) or {}
        properties: dict[str, Any] = schema.get("properties") or {}
        return properties

    def _values(self) -> list[dict[str, Any]]:
        """Bodies that set each field to each of its documented values (enums and booleans), one field at a time."""
        bodies: list[dict[str, Any]] = []
        for name, schema in self._fields().items():
            options = _enum_values(schema) or ([True, False] if "boolean" in _types(schema) else [])
            bodies += [{name: value} for value in options if value is not None]
        return bodies

    def state(self, call: Call, phase: str) -> Any:
        if call.facts.operation_id != SET or (self.snapshot is None and not self.on_owned):
            return None
        return self.settings(phase, {k: v for k, v in call.headers.items() if k.startswith("adapty-")})[1]

    def check_state(self, phase: str) -> None:
        if self.snapshot is None and not self.on_owned:
            return
        engine = self.engine
        expected: dict[str, Any] = {}
        trail: list[str] = []
        identities = engine.identities
        if self.on_owned:
            owned = engine.owned_profile(phase)
            if owned is None:
                return
            identities = owned.identities()
        for index, body in enumerate(self._values()):
            identity = identities[index % len(identities)]
            response = engine.send(Call(engine.facts[SET], dict(identity), body), phase)
            if response is None or not engine.expect(
                "stored_state", phase, SET, response, {200}, "a documented setting is accepted", group="set accepted"
            ):
                continue
            trail.append(engine.curl(response))
            expected.update(body)
            answered = (engine.json_of(response) or {}).get("settings")
            engine.expect_true(
                "stored_state",
                phase,
                SET,
                isinstance(answered, dict) and all(answered.get(k) == v for k, v in body.items()),
                title="set answers the settings it stored",
                expected=engine.short(body),
                actual=engine.short(answered),
                reproduce=list(trail),
                group="set answers what it stored",
            )
            reader = identities[(index + 1) % len(identities)]
            got, settings = self.settings(phase, reader)
            if got is None:
                continue
            keys = list(body)  # whether a set keeps the fields it did not send, the spec does not say
            engine.expect_true(
                "stored_state",
                phase,
                GET,
                settings is not None and all(settings.get(k) == expected[k] for k in keys),
                title="get shows the settings last set (either identity header)",
                expected=engine.short({k: expected[k] for k in keys}),
                actual=engine.short(settings),
                reproduce=[*trail, engine.curl(got)],
                group="get shows what was set",
            )


def _types(schema: Any) -> set[str]:
    kind = schema.get("type") if isinstance(schema, dict) else None
    return {kind} if isinstance(kind, str) else set(kind or [])


def _enum_values(schema: Any) -> list[Any]:
    if not isinstance(schema, dict):
        return []
    if isinstance(schema.get("enum"), list):
        return list(schema["enum"])
    for option in schema.get("anyOf") or schema.get("oneOf") or []:
        found = _enum_values(option)
        if found:
            return found
    return []
