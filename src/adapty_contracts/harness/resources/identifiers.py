"""Integration identifiers: a POST merges (given keys set, `null` clears, keys not sent kept); GET shows all.

Runs on the test profile, whose identifiers are snapshotted before the run and written back after. A failure's
curl lines start with the writes that led to it, so it replays from a clean profile.
"""

from __future__ import annotations

from typing import Any

import hypothesis
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, get_state_machine_test, initialize, rule
from hypothesis_jsonschema import from_schema

from adapty_contracts.harness._engine import Call
from adapty_contracts.harness._operations import inline_refs
from adapty_contracts.harness.resources._base import Resource

GET, SET = "getIntegrationIdentifiers", "setIntegrationIdentifiers"
_MAX_TRAIL = 12


def left_open(body: dict[str, Any]) -> bool:
    """Does accepting `body` rest on our reading? "Adds integration identifiers" says nothing of a body that adds
    none (every value null) or of control characters (NUL, tab) in an identifier: a refusal is a note."""
    values = list(body.values())
    if values and all(value is None for value in values):
        return True
    return any(isinstance(v, str) and any(ord(c) < 32 or ord(c) == 127 for c in v) for v in values)


class IntegrationIdentifiers(Resource):
    name = "integration identifiers"
    operations = frozenset({GET, SET})

    def __init__(self, engine: Any) -> None:
        super().__init__(engine)
        self.snapshot: dict[str, Any] | None = None
        self.keys: tuple[str, ...] = ()
        if GET in engine.facts:
            response = engine.facts[GET].raw["responses"]["200"]["content"]["application/json"]["schema"]
            self.keys = tuple(inline_refs(response, engine.doc).get("properties") or ())

    def restores_test_profile_for(self, operation_id: str) -> bool:
        return operation_id == SET and self.snapshot is not None

    def prepare(self) -> list[str]:
        if not self.active(GET, SET):
            return []
        self.snapshot = self.read("snapshot", bookkeeping=True)
        if self.snapshot is None:
            return ["could not read the test profile's integration identifiers; they will not be written to"]
        return []

    def read(
        self, phase: str, identity: dict[str, str] | None = None, *, bookkeeping: bool = False
    ) -> dict[str, Any] | None:
        engine = self.engine
        call = Call(engine.facts[GET], dict(identity or engine.identities[0]))
        response = engine.send(call, phase, bookkeeping=bookkeeping)
        data = engine.json_of(response)
        return {key: data.get(key) for key in self.keys} if isinstance(data, dict) else None

    def restore(self) -> bool | None:
        """Write back what differs from the snapshot, then read back: True only when the read shows the snapshot.

        A server may refuse a body of several nulls at once (the document is silent), so a refused write is
        retried one key at a time.
        """
        if self.snapshot is None:
            return None
        engine = self.engine
        current = self.read("cleanup", bookkeeping=True)
        changed = {k: v for k, v in self.snapshot.items() if current is None or current.get(k) != v}
        if not changed:
            return True
        bodies = [changed]
        response = engine.send(
            Call(engine.facts[SET], dict(engine.identities[0]), changed), "cleanup", bookkeeping=True
        )
        if response is None or response.status_code != 200:
            bodies = [{key: value} for key, value in changed.items()]
            for body in bodies:
                engine.send(Call(engine.facts[SET], dict(engine.identities[0]), body), "cleanup", bookkeeping=True)
        after = self.read("cleanup", bookkeeping=True)
        restored = after == self.snapshot
        if not restored:
            engine.restore_failed(self.name, SET, [(dict(engine.identities[0]), body) for body in bodies])
        return restored

    # --- state ---------------------------------------------------------------------------------------------------
    def state(self, call: Call, phase: str) -> Any:
        if call.facts.operation_id != SET or self.snapshot is None:
            return None
        return self.read(phase, {k: v for k, v in call.headers.items() if k.startswith("adapty-")})

    def check_state(self, phase: str) -> None:
        if self.snapshot is None:
            return
        self._read_back(phase)
        self._machine(phase)

    def _write(self, phase: str, identity: dict[str, str], body: dict[str, Any]) -> Any:
        return self.engine.send(Call(self.engine.facts[SET], dict(identity), body), phase)

    def compare(
        self,
        phase: str,
        identity: dict[str, str],
        model: dict[str, Any],
        sent: dict[str, Any],
        trail: list[str],
        base: dict[str, Any],
    ) -> dict[str, Any]:
        """GET and compare every identifier with the model; on a mismatch report it and adopt the server's view.

        `sent` holds the keys POSTed since the last read (`base`: what that read showed), so a mismatch is named:
        a value not stored as sent, a null that did not clear, or a key that was not sent but changed. Its curl
        lines replay from any state: first a POST that puts the keys at issue back to `base`, then `trail` (the
        writes since that read), then the GET.
        """
        engine = self.engine
        response = engine.send(Call(engine.facts[GET], dict(identity)), phase)
        if response is None:
            return model
        data = engine.json_of(response)
        if not isinstance(data, dict):
            why = "the test profile is readable after a POST"
            engine.expect("stored_state", phase, GET, response, {200}, why, trail, group="readable")
            return model
        wrong = [key for key in self.keys if data.get(key) != model.get(key)]
        engine.stat("stored_state", bool(wrong))
        kinds: dict[str, list[str]] = {}
        for key in wrong:
            if key not in sent:
                kind = "a key that was not sent changed"
            elif sent[key] is None:
                kind = "null did not clear the key"
            else:
                kind = "a value was not stored as sent"
            kinds.setdefault(kind, []).append(key)
        for kind, keys in kinds.items():
            engine.record(
                check="stored_state",
                operation=GET,
                phase=phase,
                title=f"GET after POST: {kind} ({', '.join(keys)[:100]})",
                expected=engine.short({key: model.get(key) for key in keys}),
                actual=engine.short({key: data.get(key) for key in keys}),
                reproduce=[
                    self._setup_line(identity, {key: base.get(key) for key in keys}),
                    *trail,
                    engine.curl(response),
                ],
                group=kind,
            )
        return {key: data.get(key) for key in self.keys} if wrong else model

    def _setup_line(self, identity: dict[str, str], values: dict[str, Any]) -> str:
        """The curl line of a POST that sets `values` (not sent: it makes a reported failure replayable)."""
        import json

        import requests

        from adapty_contracts.harness._engine import curl_line

        engine = self.engine
        headers = {**engine.target.auth_headers, **identity, "Content-Type": "application/json"}
        url = engine.target.base_url + engine.facts[SET].path
        prepared = requests.Request("POST", url, headers=headers, data=json.dumps(values).encode()).prepare()
        return curl_line(prepared, engine.target.redact)

    def _read_back(self, phase: str) -> None:
        """Schema-valid bodies of every shape are accepted (200) and stored exactly."""
        engine = self.engine
        keys = self.keys
        model = self.read(phase)
        if model is None or not keys:
            return
        tag = f"{engine.rng.getrandbits(24):06x}"
        long_value = "".join(engine.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(4096))
        bodies: list[tuple[str, dict[str, Any]]] = [(f"only {key}", {key: f"ac-{tag}-{key}"}) for key in keys]
        bodies += [
            ("all keys", {key: f"ac-{tag}-all-{i}" for i, key in enumerate(keys)}),
            ("a 4096-character value", {keys[0]: long_value}),
            ("non-ASCII values", {keys[1 % len(keys)]: "ünïcødé 日本語 🚀 עברית", keys[2 % len(keys)]: "Ωmega"}),
            ("quotes and backslashes", {keys[3 % len(keys)]: 'a "quoted" \\ value\twith tab'}),
            ("null clears", {keys[0]: None, keys[1 % len(keys)]: None}),
            ("an unknown key next to a known one", {"adapty_contracts_extra": "x", keys[2 % len(keys)]: "kept"}),
            ("all keys null", dict.fromkeys(keys)),
        ]
        identities = engine.identities
        for index, (what, body) in enumerate(bodies):
            writer = identities[index % len(identities)]
            reader = identities[(index + 1) % len(identities)]
            response = self._write(phase, writer, body)
            if response is None:
                continue
            why = f"schema-valid body ({what})"
            open_reading = left_open(body)
            group = "valid body (a reading the document leaves open)" if open_reading else "valid body"
            source = engine.sources.operation(SET, "description")
            if not engine.expect(
                "body_acceptance", phase, SET, response, {200}, why, group=group, source=source, note=open_reading
            ):
                model = self.read(phase) or model
                continue
            sent = {key: value for key, value in body.items() if key in keys}
            base = dict(model)
            model.update(sent)
            model = self.compare(phase, reader, model, sent, [engine.curl(response)], base)

    def _machine(self, phase: str) -> None:
        engine, resource = self.engine, self
        schema = inline_refs(engine.facts[SET].body_schema, engine.doc)
        properties: dict[str, Any] = schema.get("properties", {})
        values = {name: from_schema(prop) for name, prop in properties.items()}
        import jsonschema

        validator = jsonschema.Draft202012Validator(schema)
        bodies = st.fixed_dictionaries({}, optional=values).filter(validator.is_valid)
        identities = st.sampled_from(engine.identities)

        class IdentifiersMachine(RuleBasedStateMachine):
            """Sets and reads identifiers through either identity header; every read must match the model."""

            def __init__(self) -> None:
                super().__init__()
                self.model: dict[str, Any] | None = None
                self.base: dict[str, Any] = {}
                self.trail: list[str] = []
                self.sent: dict[str, Any] = {}

            @initialize()
            def load(self) -> None:
                self.model = resource.read(phase)
                self.base = dict(self.model or {})

            @rule(body=bodies, identity=identities)
            def set_identifiers(self, body: dict[str, Any], identity: dict[str, str]) -> None:
                if self.model is None:
                    return
                response = resource._write(phase, identity, body)
                if response is None:
                    return
                why = "schema-valid body (stateful)"
                open_reading = left_open(body)
                group = "valid body (a reading the document leaves open)" if open_reading else "valid body"
                source = engine.sources.operation(SET, "description")
                if engine.expect(
                    "body_acceptance", phase, SET, response, {200}, why, group=group, source=source, note=open_reading
                ):
                    self.model.update(body)
                    self.sent.update(body)
                    self.trail = [*self.trail, engine.curl(response)][-_MAX_TRAIL:]

            @rule(identity=identities)
            def get_identifiers(self, identity: dict[str, str]) -> None:
                if self.model is None:
                    return
                self.model = resource.compare(phase, identity, self.model, self.sent, self.trail, self.base)
                self.base, self.trail, self.sent = dict(self.model), [], {}

        settings = hypothesis.settings(
            max_examples=max(3, engine.max_examples // 4),
            stateful_step_count=10,
            database=None,
            deadline=None,
            phases=[hypothesis.Phase.generate],
            suppress_health_check=list(hypothesis.HealthCheck),
            verbosity=hypothesis.Verbosity.quiet,
        )
        test = get_state_machine_test(IdentifiersMachine, settings=settings)
        hypothesis.seed(engine.seed)(test)()
