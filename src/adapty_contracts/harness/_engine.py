"""The check engine: runs schemathesis's phases and the spec's targeted and stateful checks, yielding events.

Phases, in order (each a generator of events; a reporter never needs to know how a phase works):

- examples / coverage / fuzzing: schemathesis generates cases per operation from the effective spec; most are
  pointed at the known test profile (so 200s are reached) and all responses go through every check, with
  failures *collected* rather than raised, so an operation's first failure does not hide the rest.
- auth, identity, bodies: requests derived from the spec's schemas (identifier keys, property types) with a
  fixed expectation each: 401 for a bad key, 200/404 by identity, 4xx for schema-invalid bodies and 200 +
  read-back for schema-valid ones.
- stateful: a hypothesis RuleBasedStateMachine sets and reads identifiers through both identity headers
  and compares every read with a model (set keys stored, null clears, unsent keys unchanged).
"""

from __future__ import annotations

import json
import random
import shlex
import time
import unittest
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import Any

import hypothesis
import requests
import schemathesis
import yaml
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, get_state_machine_test, initialize, rule
from hypothesis_jsonschema import from_schema
from schemathesis.config import SchemathesisConfig
from schemathesis.core import NotSet
from schemathesis.core.parameters import ParameterLocation
from schemathesis.core.result import Ok
from schemathesis.generation.hypothesis.builder import HypothesisTestConfig, HypothesisTestMode, create_test

from adapty_contracts._paths import EFFECTIVE_SPEC
from adapty_contracts.harness._checks import SpecChecks, builtin_checks, describe, run_all
from adapty_contracts.harness._events import (
    CheckStat,
    Event,
    Notice,
    PhaseFinished,
    PhaseStarted,
    Result,
    RunFinished,
    RunStarted,
    Violation,
    ViolationFound,
)
from adapty_contracts.harness._target import IDENTITY_HEADERS, REDACTED, BudgetExhausted, Target

try:  # under pytest, hypothesis skips with pytest's exception rather than unittest's
    from _pytest.outcomes import Skipped as _PytestSkipped

    _SKIPS: tuple[type[BaseException], ...] = (unittest.SkipTest, _PytestSkipped)
except ImportError:  # pragma: no cover - pytest is a dependency
    _SKIPS = (unittest.SkipTest,)

GET_OPERATION_ID = "getIntegrationIdentifiers"
SET_OPERATION_ID = "setIntegrationIdentifiers"
SCHEMATHESIS_PHASES = ("examples", "coverage", "fuzzing")
TARGETED_PHASES = ("auth", "identity", "bodies", "stateful")
ALL_PHASES = SCHEMATHESIS_PHASES + TARGETED_PHASES
# Sample values for JSON types a property does NOT allow (wrong-type bodies are derived from the schema's `type`).
_SAMPLES: dict[str, Any] = {"integer": 7, "number": 1.5, "boolean": True, "array": ["x"], "object": {"x": "y"}}
_SKIPPED_CURL_HEADERS = {"user-agent", "accept-encoding", "accept", "connection", "content-length"}
_MAX_CURL_BODY = 2000


def _resolve(node: Any, doc: dict[str, Any]) -> Any:
    """Inline local `$ref`s (the spec's schemas are small and acyclic)."""
    if isinstance(node, dict):
        if "$ref" in node and str(node["$ref"]).startswith("#/"):
            target: Any = doc
            for part in str(node["$ref"])[2:].split("/"):
                target = target[part]
            return _resolve(target, doc)
        return {key: _resolve(value, doc) for key, value in node.items()}
    if isinstance(node, list):
        return [_resolve(item, doc) for item in node]
    return node


def curl_line(request: requests.PreparedRequest, redact: Callable[[str], str]) -> str:
    """A curl command that resends `request`; the API key appears as REDACTED."""
    method = request.method.decode() if isinstance(request.method, bytes) else str(request.method)
    parts = ["curl", "-X", method]
    for name, value in request.headers.items():
        if name.lower() in _SKIPPED_CURL_HEADERS:
            continue
        text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
        parts += ["-H", f"{name}: {text}"]
    body = request.body
    if body:
        text = body.decode("utf-8", "backslashreplace") if isinstance(body, bytes) else str(body)
        if len(text) > _MAX_CURL_BODY:
            text = text[:_MAX_CURL_BODY] + f"...(+{len(text) - _MAX_CURL_BODY} chars)"
        parts += ["--data-binary", text]
    parts.append(str(request.url))
    return redact(" ".join(shlex.quote(part) for part in parts))


class Engine:
    """One check run against one target; `run()` yields events and always restores the test profile."""

    def __init__(
        self,
        target: Target,
        *,
        max_examples: int = 25,
        seed: int = 0,
        phases: Iterable[str] = ALL_PHASES,
        spec_path: Path = EFFECTIVE_SPEC,
    ) -> None:
        self.target = target
        self.max_examples = max_examples
        self.seed = seed
        self.phases = tuple(phases)
        unknown = set(self.phases) - set(ALL_PHASES)
        if unknown:
            raise ValueError(f"unknown phase(s): {', '.join(sorted(unknown))}")
        with open(spec_path, encoding="utf-8") as fh:
            self.doc: dict[str, Any] = yaml.safe_load(fh)
        self.schema = schemathesis.openapi.from_path(str(spec_path), config=SchemathesisConfig(seed=seed))
        self.schema.config.update(base_url=target.base_url)
        self.schema.config.generation.update(max_examples=max_examples)
        self.operations: dict[str, Any] = {}
        for result in self.schema.get_all_operations():
            if not isinstance(result, Ok):
                raise ValueError(f"{spec_path}: an operation schemathesis cannot load: {result.err()}")
            operation = result.ok()
            self.operations[operation.definition.raw["operationId"]] = operation
        self.get_op = self.operations[GET_OPERATION_ID]
        self.set_op = self.operations[SET_OPERATION_ID]
        self.path: str = self.get_op.path
        body_schema = self.set_op.definition.raw["requestBody"]["content"]["application/json"]["schema"]
        self.request_schema: dict[str, Any] = _resolve(body_schema, self.doc)
        response_schema = self.get_op.definition.raw["responses"]["200"]["content"]["application/json"]["schema"]
        self.keys: tuple[str, ...] = tuple(_resolve(response_schema, self.doc)["properties"])
        self.spec_checks = SpecChecks(target=target, request_schema=self.request_schema, path=self.path)
        self.checks = builtin_checks() + self.spec_checks.all()
        self.identities = target.profile.identities()
        if not self.identities:
            raise ValueError("the test profile needs a profile id or a customer user id")
        self.rng = random.Random(seed)
        self.result = Result(base_url=target.base_url, seed=seed, max_examples=max_examples)
        self._found: dict[tuple[str, ...], Violation] = {}
        self._pending: list[Event] = []
        self._counter = 0
        self._auth_enforced: set[str] = set()
        self._snapshot: dict[str, str | None] | None = None

    # --- recording ---------------------------------------------------------------------------------------------
    def _stat(self, name: str, failed: bool) -> None:
        stat = self.result.checks.setdefault(name, CheckStat())
        stat.runs += 1
        stat.failures += int(failed)

    def record(
        self,
        *,
        check: str,
        operation: str,
        phase: str,
        title: str,
        expected: str,
        actual: str,
        reproduce: list[str],
        group: str | None = None,
    ) -> None:
        """Keep one violation per (check, operation, group or title and expectation); the shortest repro wins."""
        redact = self.target.redact
        violation = Violation(
            check=check,
            operation=operation,
            phase=phase,
            title=redact(title),
            expected=redact(expected),
            actual=redact(actual),
            reproduce=tuple(redact(line) for line in reproduce),
        )
        key = (check, operation, group) if group else (check, operation, violation.title, violation.expected[:80])
        previous = self._found.get(key)
        if previous is None:
            self._found[key] = violation
            self._pending.append(ViolationFound(violation))
            return
        shorter = sum(map(len, violation.reproduce)) < sum(map(len, previous.reproduce))
        best = violation if shorter else previous
        self._found[key] = Violation(**{**best.__dict__, "occurrences": previous.occurrences + 1})

    def _curl(self, response: requests.Response | Any) -> str:
        return curl_line(response.request, self.target.redact)

    def validate(self, case: Any, response: Any, phase: str, before: Iterable[str] = ()) -> None:
        """Run every check on a response; each failure becomes (or adds to) a violation."""
        outcome = run_all(case, response, self.checks, target=self.target, auth_enforced=self._auth_enforced)
        failed_names = {name for name, _ in outcome.failed}
        for name in set(outcome.passed) - failed_names:
            self._stat(name, False)
        for name in failed_names:
            self._stat(name, True)
        for name, failure in outcome.failed:
            message = str(failure.message or "")
            if message.startswith("expected ") and "; got " in message:
                expected = message.split("; got ", 1)[0][len("expected ") :]
            else:
                expected = " ".join(message.split())[:300] or failure.title
            self.record(
                check=name,
                operation=case.operation.label.split(" ")[0],
                phase=phase,
                title=f"{failure.title} (HTTP {response.status_code})",
                expected=expected,
                actual=describe(response),
                reproduce=[*before, self._curl(response)],
            )

    def expect(
        self,
        check: str,
        phase: str,
        operation: str,
        response: requests.Response,
        allowed: Iterable[int],
        why: str,
        before: Iterable[str] = (),
        group: str | None = None,
    ) -> bool:
        allowed = set(allowed)
        ok = response.status_code in allowed
        self._stat(check, not ok)
        if not ok:
            want = "a 4xx" if allowed == set(range(400, 500)) else " or ".join(map(str, sorted(allowed)))
            self.record(
                check=check,
                operation=operation,
                phase=phase,
                title=why,
                expected=f"{want} ({why})",
                actual=describe(response),
                reproduce=[*before, self._curl(response)],
                group=group,
            )
        return ok

    def _drain(self) -> Iterator[Event]:
        pending, self._pending = self._pending, []
        yield from pending

    # --- requests ----------------------------------------------------------------------------------------------
    def send(
        self,
        operation: Any,
        phase: str,
        *,
        identity: dict[str, str] | None,
        body: Any = None,
        raw: bytes | None = None,
        authorization: str | None = "valid",
    ) -> requests.Response | None:
        """One request of a targeted phase, checked by every response check; None when the transport failed."""
        headers: dict[str, str] = dict(identity or {})
        if authorization == "valid":
            headers.update(self.target.auth_headers)
        elif authorization is not None:
            headers["Authorization"] = authorization
        method = operation.method.upper()
        if method == "POST" and raw is None:
            case = operation.Case(headers=headers, body=body, media_type="application/json")
        else:
            case = operation.Case(headers=headers)
        data = raw if raw is not None else (json.dumps(body).encode() if method == "POST" else None)
        try:
            response = self.target.send(method, self.path, headers=headers, body=data, auth=False)
        except BudgetExhausted:
            raise
        except requests.RequestException as exc:
            self._transport_failure(method, phase, exc, headers, data)
            return None
        self.validate(case, response, phase)
        return response

    def _transport_failure(
        self, method: str, phase: str, exc: Exception, headers: dict[str, str], data: bytes | None
    ) -> None:
        request = requests.Request(method, self.target.base_url + self.path, headers=headers, data=data).prepare()
        self._stat("server_responds", True)
        self.record(
            check="server_responds",
            operation=method,
            phase=phase,
            title="no HTTP response",
            expected="an HTTP response",
            actual=f"{type(exc).__name__} (connection dropped or timed out)",
            reproduce=[curl_line(request, self.target.redact)],
        )

    def read(self, phase: str, identity: dict[str, str]) -> dict[str, Any] | None:
        response = self.send(self.get_op, phase, identity=identity)
        if response is None or response.status_code != 200:
            return None
        try:
            data = response.json()
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    # --- run -----------------------------------------------------------------------------------------------------
    def run(self) -> Generator[Event, None, None]:
        """Events of the whole run; the test profile is restored even when the consumer stops early."""
        start = time.monotonic()
        yield RunStarted(self.target.base_url, self.seed, self.max_examples, self.target.live)
        try:
            self._snapshot = self.target.snapshot(self.path, self.keys)
            if self._snapshot is None:
                self.result.notices.append("could not read the test profile before the run; it will not be restored")
                yield Notice(self.result.notices[-1])
            runners: dict[str, Callable[[str], None]] = {
                "auth": self._auth_phase,
                "identity": self._identity_phase,
                "bodies": self._bodies_phase,
                "stateful": self._stateful_phase,
            }
            for phase in self.phases:
                description = _DESCRIPTIONS[phase]
                yield PhaseStarted(phase, description)
                phase_start, requests_before, violations_before = time.monotonic(), self.target.request_count, 0
                violations_before = len(self._found)
                try:
                    if phase in SCHEMATHESIS_PHASES:
                        for operation in (self.get_op, self.set_op):
                            self._schemathesis_phase(operation, phase)
                            yield from self._drain()
                    else:
                        runners[phase](phase)
                except BudgetExhausted as exc:
                    self.result.complete = False
                    self.result.notices.append(f"{exc}: the run stopped early (phase {phase})")
                yield from self._drain()
                yield PhaseFinished(
                    phase,
                    self.target.request_count - requests_before,
                    time.monotonic() - phase_start,
                    len(self._found) - violations_before,
                )
                if not self.result.complete:
                    yield Notice(self.result.notices[-1])
                    break
        finally:
            if self._snapshot is not None:
                self.result.restored = self.target.restore(self.path, self._snapshot)
        if self.result.restored is False:
            self.result.notices.append("restoring the test profile failed")
            yield Notice(self.result.notices[-1])
        elif self.result.restored:
            yield Notice("test profile restored to its state before the run")
        self.result.violations = list(self._found.values())
        self.result.requests = self.target.request_count
        self.result.duration = time.monotonic() - start
        yield RunFinished(self.result)

    # --- schemathesis phases -------------------------------------------------------------------------------------
    def _prepare(self, case: Any) -> None:
        """Point most schema-valid cases at the known test profile, rotating over its identities; add the key."""
        self._counter += 1
        headers = dict(case.headers or {})
        negative = case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER)
        slot = self._counter % 5
        if not negative and slot < 4:
            identity = self.identities[0] if slot < 3 else self.identities[-1]
            headers = {name: value for name, value in headers.items() if name.lower() not in IDENTITY_HEADERS}
            headers.update(identity)
        data = case.meta.phase.data if case.meta is not None else None
        if str(getattr(data, "parameter", "") or "").lower() != "authorization":
            # Cases about the Authorization header itself (missing, malformed) keep what was generated.
            headers = {name: value for name, value in headers.items() if name.lower() != "authorization"}
            headers.update(self.target.auth_headers)
        case.headers = headers

    def _schemathesis_phase(self, operation: Any, phase: str) -> None:
        def test(case: Any) -> None:
            self._prepare(case)
            try:
                response = case.call(base_url=self.target.base_url, session=self.target.session)
            except BudgetExhausted:
                raise
            except requests.RequestException as exc:
                body = None if isinstance(case.body, NotSet) else case.body
                data = json.dumps(body).encode() if body is not None else None
                self._transport_failure(case.method.upper(), phase, exc, dict(case.headers or {}), data)
                return
            self.validate(case, response, phase)

        settings = hypothesis.settings(
            max_examples=self.max_examples,
            database=None,
            deadline=None,
            derandomize=False,
            phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
            suppress_health_check=list(hypothesis.HealthCheck),
            verbosity=hypothesis.Verbosity.quiet,  # never print a case: its headers hold the API key
        )
        config = HypothesisTestConfig(
            project=self.schema.config,
            modes=[HypothesisTestMode(phase)],
            settings=settings,
            seed=self.seed,
        )
        runnable = create_test(operation=operation, test_func=test, config=config)
        try:
            runnable()
        except BudgetExhausted:
            raise
        except _SKIPS:
            pass  # nothing to generate in this phase (e.g. an operation without examples)
        except hypothesis.errors.HypothesisException as exc:
            self.result.notices.append(f"{phase} {operation.method.upper()}: generation stopped: {type(exc).__name__}")

    # --- targeted phases -----------------------------------------------------------------------------------------
    def _valid_body(self) -> dict[str, str]:
        return {self.keys[0]: f"adapty-contracts-{self.rng.getrandbits(32):08x}"}

    def _auth_phase(self, phase: str) -> None:
        key = self.target.api_key
        bad_keys = {
            "no Authorization header": None,
            "a wrong API key": f"Api-Key wrong-{self.rng.getrandbits(64):016x}",
            "an empty API key": "Api-Key ",
            "a truncated API key": f"Api-Key {key[:-1]}",
            "the API key with a suffix": f"Api-Key {key}0",
        }
        unknown = {IDENTITY_HEADERS[0]: str(uuid.UUID(int=self.rng.getrandbits(128), version=4))}
        shapes: list[tuple[str, Any, dict[str, str] | None, Any]] = [
            ("test profile", self.get_op, self.identities[0], None),
            ("unknown profile", self.get_op, unknown, None),
            ("no identity header", self.get_op, None, None),
            ("test profile, valid body", self.set_op, self.identities[-1], self._valid_body()),
            ("unknown profile, valid body", self.set_op, unknown, self._valid_body()),
            ("no identity header, valid body", self.set_op, None, self._valid_body()),
            ("test profile, empty body", self.set_op, self.identities[0], {}),
        ]
        for shape, operation, identity, body in shapes:
            for what, authorization in bad_keys.items():
                response = self.send(operation, phase, identity=identity, body=body, authorization=authorization)
                if response is not None:
                    why = f"{what} must be rejected with 401 ({shape})"
                    self.expect("auth_rejected", phase, operation.method.upper(), response, {401}, why, group=what)

    def _identity_phase(self, phase: str) -> None:
        unknown_id = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        unknown_customer = f"adapty-contracts-unknown-{self.rng.getrandbits(64):016x}"
        cases: list[tuple[dict[str, str] | None, set[int], str]] = [
            *((identity, {200}, f"the test profile by {next(iter(identity))}") for identity in self.identities),
            ({IDENTITY_HEADERS[0]: unknown_id}, {404}, "an unknown adapty-profile-id"),
            ({IDENTITY_HEADERS[1]: unknown_customer}, {404}, "an unknown adapty-customer-user-id"),
            (None, set(range(400, 500)), "neither identity header"),
            ({IDENTITY_HEADERS[0]: "not-a-uuid"}, set(range(400, 500)), "a malformed adapty-profile-id"),
        ]
        for operation in (self.get_op, self.set_op):
            for identity, allowed, what in cases:
                body = None
                if operation is self.set_op:
                    current = self.read(phase, self.identities[0]) or {}
                    body = {self.keys[0]: current.get(self.keys[0]) or "adapty-contracts-identity"}
                response = self.send(operation, phase, identity=identity, body=body)
                if response is not None:
                    self.expect("identity_resolution", phase, operation.method.upper(), response, allowed, what)

    def _wrong_type_bodies(self) -> list[tuple[str, str, Any]]:
        """Bodies that break the request schema: not objects, empty, unknown keys only, wrong property types."""
        properties: dict[str, Any] = self.request_schema.get("properties", {})
        bodies: list[tuple[str, str, Any]] = [
            ("an empty object", "empty object", {}),
            ("a JSON array", "not an object", [{self.keys[0]: "x"}]),
            ("a JSON string", "not an object", "x"),
            ("a JSON number", "not an object", 42),
            ("JSON null", "not an object", None),
            ("only unknown keys", "no identifier", {"adapty_contracts_not_an_identifier": "x"}),
        ]
        for index, (name, schema) in enumerate(properties.items()):
            allowed = schema.get("type", [])
            allowed = {allowed} if isinstance(allowed, str) else set(allowed)
            wrong = [
                kind for kind in _SAMPLES if kind not in allowed and not (kind == "integer" and "number" in allowed)
            ]
            if not wrong:
                continue
            kinds = wrong if index == 0 else [wrong[index % len(wrong)]]
            for kind in kinds:
                bodies.append((f"{name} as {kind}", "wrong type", {name: _SAMPLES[kind]}))
        first, second = self.keys[0], self.keys[-1]
        mixed = {first: "x", second: _SAMPLES["integer"]}
        bodies.append((f"valid {first} with {second} as integer", "wrong type", mixed))
        return bodies

    def _bodies_phase(self, phase: str) -> None:
        identity = self.identities[0]
        invalid = range(400, 500)
        for what, group, body in self._wrong_type_bodies():
            response = self.send(self.set_op, phase, identity=identity, body=body)
            if response is not None:
                self.expect("body_rejection", phase, "POST", response, invalid, f"{what} must be rejected", group=group)
        for what, raw in (("a body that is not JSON", b"{not json"), ("an empty body", b"")):
            response = self.send(self.set_op, phase, identity=identity, raw=raw)
            if response is not None:
                self.expect("body_rejection", phase, "POST", response, invalid, f"{what} must be rejected", group=what)
        model = self.read(phase, identity)
        if model is None:
            return
        tag = f"{self.rng.getrandbits(24):06x}"
        long_value = "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(4096))
        bodies: list[tuple[str, dict[str, Any]]] = [(f"only {key}", {key: f"ac-{tag}-{key}"}) for key in self.keys]
        bodies += [
            ("all keys", {key: f"ac-{tag}-all-{i}" for i, key in enumerate(self.keys)}),
            ("a 4096-character value", {self.keys[0]: long_value}),
            (
                "non-ASCII values",
                {self.keys[1 % len(self.keys)]: "ünïcødé 日本語 🚀 עברית", self.keys[2 % len(self.keys)]: "Ωmega"},
            ),
            ("quotes and backslashes", {self.keys[3 % len(self.keys)]: 'a "quoted" \\ value\twith tab'}),
            ("null clears", {self.keys[0]: None, self.keys[1 % len(self.keys)]: None}),
            (
                "an unknown key next to a known one",
                {"adapty_contracts_extra": "x", self.keys[2 % len(self.keys)]: "kept"},
            ),
            ("all keys null", dict.fromkeys(self.keys)),
        ]
        for index, (what, body) in enumerate(bodies):
            writer = self.identities[index % len(self.identities)]
            reader = self.identities[(index + 1) % len(self.identities)]
            response = self.send(self.set_op, phase, identity=writer, body=body)
            if response is None:
                continue
            why = f"schema-valid body ({what})"
            if not self.expect("body_acceptance", phase, "POST", response, {200}, why, group="valid body"):
                model = self.read(phase, identity) or model
                continue
            sent = {key: value for key, value in body.items() if key in self.keys}
            model.update(sent)
            model = self._compare(phase, reader, model, sent, [self._curl(response)])

    def _compare(
        self, phase: str, identity: dict[str, str], model: dict[str, Any], sent: dict[str, Any], before: list[str]
    ) -> dict[str, Any]:
        """GET and compare every identifier with the model; on a mismatch report it and adopt the server's view.

        `sent` holds the keys POSTed since the last read, so a mismatch is named: a value not stored as sent,
        a null that did not clear, or a key that was not sent but changed.
        """
        response = self.send(self.get_op, phase, identity=identity)
        if response is None:
            return model
        try:
            data = response.json() if response.status_code == 200 else None
        except ValueError:
            data = None
        if not isinstance(data, dict):
            why = "the test profile is readable after a POST"
            self.expect("stored_state", phase, "GET", response, {200}, why, before, group="readable")
            return model
        wrong = [key for key in self.keys if data.get(key) != model.get(key)]
        self._stat("stored_state", bool(wrong))
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
            self.record(
                check="stored_state",
                operation="GET",
                phase=phase,
                title=f"GET after POST: {kind} ({', '.join(keys)[:100]})",
                expected=_short({key: model.get(key) for key in keys}),
                actual=_short({key: data.get(key) for key in keys}),
                reproduce=[*before, self._curl(response)],
                group=kind,
            )
        return {key: data.get(key) for key in self.keys} if wrong else model

    def _stateful_phase(self, phase: str) -> None:
        engine = self
        properties: dict[str, Any] = self.request_schema.get("properties", {})
        values = {name: from_schema(schema) for name, schema in properties.items()}
        bodies = st.fixed_dictionaries({}, optional=values).filter(self.spec_checks._validator.is_valid)
        identities = st.sampled_from(self.identities)

        class IdentifiersMachine(RuleBasedStateMachine):
            """Sets and reads identifiers through either identity header; every read must match the model."""

            def __init__(self) -> None:
                super().__init__()
                self.model: dict[str, Any] | None = None
                self.trail: list[str] = []
                self.sent: dict[str, Any] = {}

            @initialize()
            def load(self) -> None:
                self.model = engine.read(phase, engine.identities[0])

            @rule(body=bodies, identity=identities)
            def set_identifiers(self, body: dict[str, Any], identity: dict[str, str]) -> None:
                if self.model is None:
                    return
                response = engine.send(engine.set_op, phase, identity=identity, body=body)
                if response is None:
                    return
                why = "schema-valid body (stateful)"
                if engine.expect("body_acceptance", phase, "POST", response, {200}, why, group="valid body"):
                    self.model.update(body)
                    self.sent.update(body)
                    self.trail = [*self.trail, engine._curl(response)][-3:]

            @rule(identity=identities)
            def get_identifiers(self, identity: dict[str, str]) -> None:
                if self.model is None:
                    return
                self.model = engine._compare(phase, identity, self.model, self.sent, self.trail)
                self.trail, self.sent = [], {}

        settings = hypothesis.settings(
            max_examples=max(3, self.max_examples // 4),
            stateful_step_count=10,
            database=None,
            deadline=None,
            phases=[hypothesis.Phase.generate],
            suppress_health_check=list(hypothesis.HealthCheck),
            verbosity=hypothesis.Verbosity.quiet,
        )
        test = get_state_machine_test(IdentifiersMachine, settings=settings)
        hypothesis.seed(self.seed)(test)()


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 400 else text[:400] + "..."


_DESCRIPTIONS = {
    "examples": "schemathesis: the spec's examples",
    "coverage": "schemathesis: boundary and invalid values per parameter",
    "fuzzing": "schemathesis: random valid and invalid requests",
    "auth": "missing or wrong API key -> 401",
    "identity": "test profile by both headers -> 200; unknown -> 404; neither -> 4xx",
    "bodies": "schema-invalid bodies -> 4xx; schema-valid bodies -> 200 and stored",
    "stateful": "random set/get sequences: stored, merged, cleared",
}

__all__ = ["ALL_PHASES", "REDACTED", "Engine", "curl_line"]
