"""The check engine: runs schemathesis's phases and the spec's generic and per-resource checks, yielding events.

Everything here is derived from the effective spec (`_operations.OperationFacts`); only the resource models in
`resources/` name operations. Phases, in order (each a generator of events; reporters never know how one works):

- examples / coverage / fuzzing: schemathesis generates cases for every selected operation; most are pointed at a
  profile the run may use (reads: the test profile; writes: the test profile where the write is restorable, else
  a profile the run created), and every response goes through every check, failures *collected*, not raised.
- auth: every secured operation, with a missing or wrong API key -> 401.
- identity: every operation whose spec requires one of its identity headers: neither -> 4xx, a malformed or
  unknown profile id -> 4xx/404, the test profile by each header -> the same answer.
- bodies: every operation with a JSON body: bodies its schema rejects (wrong types, not JSON, empty) -> 4xx.
- stateful: each resource model (`resources/`) whose operations are selected checks what the spec states about
  state (created, merged, cleared, visible elsewhere, deleted, paginated).

Safety (`_safety.py`): a live run skips irreversible operations unless allowed; writes only ever name the test
profile (restorable writes, snapshot first) or profiles the run created; at the end, also on Ctrl-C/SIGTERM,
every resource restores its snapshot and every profile the run created is deleted.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import json
import os
import random
import shlex
import tempfile
import time
import unittest
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import hypothesis
import hypothesis.configuration
import requests
import schemathesis
import yaml
from requests.structures import CaseInsensitiveDict
from schemathesis.config import SchemathesisConfig
from schemathesis.core import NOT_SET, NotSet
from schemathesis.core.parameters import ParameterLocation
from schemathesis.core.result import Ok
from schemathesis.generation.hypothesis.builder import HypothesisTestConfig, HypothesisTestMode, create_test

from adapty_contracts._errors import UserError
from adapty_contracts._paths import EFFECTIVE_SPEC
from adapty_contracts.harness._checks import (
    UNKNOWN_CUSTOMER_PREFIX,
    SpecChecks,
    _documents_not_found,
    builtin_checks,
    describe,
    judges,
    run_all,
)
from adapty_contracts.harness._events import (
    CheckStat,
    Event,
    Notice,
    OperationPlan,
    PhaseFinished,
    PhaseStarted,
    Result,
    RunFinished,
    RunStarted,
    Violation,
    ViolationFound,
)
from adapty_contracts.harness._faults import MAY_CREATE_PROFILE, FaultFinder
from adapty_contracts.harness._operations import OperationFacts, operation_facts, select_operations
from adapty_contracts.harness._safety import Effect, classify
from adapty_contracts.harness._sources import YAML_LOADER, Sources
from adapty_contracts.harness._target import (
    API_KEY_ENV,
    CUSTOMER_USER_ID_HEADER,
    IDENTITY_HEADERS,
    PROFILE_ID_HEADER,
    REDACTED,
    BudgetExhausted,
    ServerUnavailable,
    Target,
)

try:  # under pytest, hypothesis skips with pytest's exception rather than unittest's
    from _pytest.outcomes import Skipped as _PytestSkipped

    _SKIPS: tuple[type[BaseException], ...] = (unittest.SkipTest, _PytestSkipped)
except ImportError:  # pragma: no cover - pytest is a dependency
    _SKIPS = (unittest.SkipTest,)

# A rejection is any 4xx: which one is documented is status_code_conformance's to judge, on every response.
REJECTION = frozenset(range(400, 500))
SCHEMATHESIS_PHASES = ("examples", "coverage", "fuzzing")
TARGETED_PHASES = ("auth", "identity", "bodies", "stateful")
ALL_PHASES = SCHEMATHESIS_PHASES + TARGETED_PHASES
# Sample values for JSON types a property does NOT allow (wrong-type bodies are derived from the schema's `type`).
SAMPLES: dict[str, Any] = {
    "string": "adapty-contracts",
    "integer": 7,
    "number": 1.5,
    "boolean": True,
    "array": ["x"],
    "object": {"x": "y"},
}
# Headers the HTTP layer owns (RFC 9110 section 7.6.1, RFC 9112 sections 6 and 9): the client library sets them from
# the message itself. A generated value for one (a `Content-Length: abc`) makes a request no server's API ever sees.
HTTP_LAYER_HEADERS = frozenset(
    {
        "content-length",
        "transfer-encoding",
        "host",
        "connection",
        "keep-alive",
        "te",
        "trailer",
        "upgrade",
        "proxy-connection",
        "expect",
    }
)
_SKIPPED_CURL_HEADERS = {"user-agent", "accept-encoding", "accept", "connection", "content-length"}
_MAX_CURL_BODY = 16_384  # longer bodies are cut (and marked), so a curl line may not replay them
NOT_SENT: Any = NOT_SET  # schemathesis compares by identity


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


@dataclass(frozen=True)
class OwnedProfile:
    """A profile this run created (and deletes at the end)."""

    profile_id: str
    customer_user_id: str | None
    usable: bool = True  # False: only to delete at the end (e.g. imported by a purchase validation)

    def identities(self) -> list[dict[str, str]]:
        found = [{PROFILE_ID_HEADER: self.profile_id}]
        if self.customer_user_id:
            found.append({CUSTOMER_USER_ID_HEADER: self.customer_user_id})
        return found


@dataclass
class Call:
    """One targeted request: what to send to which operation (NOT_SENT body: none; `raw`: bytes as they are)."""

    facts: OperationFacts
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = NOT_SENT
    raw: bytes | None = None
    path_parameters: dict[str, str] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    authorization: str | None = "valid"

    def url_path(self) -> str:
        path = self.facts.path
        for name, value in self.path_parameters.items():
            path = path.replace("{" + name + "}", quote(str(value), safe=""))
        return path + (f"?{urlencode(self.query)}" if self.query else "")


class Engine:
    """One check run against one target; `run()` yields events and always restores and cleans up."""

    def __init__(
        self,
        target: Target,
        *,
        max_examples: int = 25,
        seed: int = 0,
        phases: Iterable[str] = ALL_PHASES,
        spec_path: Path = EFFECTIVE_SPEC,
        operations: Iterable[str] = (),
        tags: Iterable[str] = (),
        allow_irreversible: bool = False,
        strict: bool = False,
    ) -> None:
        from adapty_contracts.harness.resources import RESOURCES

        self.strict = strict
        self.sources = Sources()

        self.target = target
        self.max_examples = max_examples
        self.seed = seed
        self.phases = tuple(phases)
        unknown = set(self.phases) - set(ALL_PHASES)
        if unknown:
            raise ValueError(f"unknown phase(s): {', '.join(sorted(unknown))}")
        with open(spec_path, encoding="utf-8") as fh:
            self.doc: dict[str, Any] = yaml.load(fh, Loader=YAML_LOADER)
        # schemathesis gets its own copy: it may annotate what it loads, and the facts below read the spec as written
        self.schema = schemathesis.openapi.from_dict(copy.deepcopy(self.doc), config=SchemathesisConfig(seed=seed))
        self.schema.config.update(base_url=target.base_url)
        self.schema.config.generation.update(max_examples=max_examples)
        # A rejection is any 4xx (whether it is a documented one is status_code_conformance's to say).
        self.schema.config.checks.negative_data_rejection.expected_statuses = [*map(str, range(400, 500)), "5xx"]
        self.st_operations: dict[str, Any] = {}
        for loaded in self.schema.get_all_operations():
            if not isinstance(loaded, Ok):
                raise ValueError(f"{spec_path}: an operation schemathesis cannot load: {loaded.err()}")
            operation = loaded.ok()
            self.st_operations[str(operation.definition.raw.get("operationId"))] = operation
        all_facts = operation_facts(self.doc)
        self.facts: dict[str, OperationFacts] = {f.operation_id: f for f in all_facts}
        self._by_label = {f"{f.method} {f.path}": f for f in all_facts}
        selected = {f.operation_id for f in select_operations(all_facts, operations, tags)}
        self.result = Result(base_url=target.base_url, seed=seed, max_examples=max_examples, strict=strict)
        self.checked: list[str] = []
        for facts in all_facts:
            classification = classify(facts.operation_id, facts.method)
            reason = None
            if facts.operation_id not in selected:
                reason = "not selected (--operation/--tag)"
            elif target.live and classification.effect is Effect.IRREVERSIBLE and not allow_irreversible:
                reason = f"irreversible on a live server: {classification.why} (--allow-irreversible to include)"
            if reason is None:
                self.checked.append(facts.operation_id)
            self.result.operations.append(
                OperationPlan(facts.operation_id, facts.label, str(classification.effect), reason is None, reason)
            )
        if not self.checked:
            raise UserError("no operation left to check (see --operation/--tag and --allow-irreversible)")
        self.identities = target.profile.identities()
        if not self.identities:
            raise ValueError("the test profile needs a profile id or a customer user id")
        self.spec_checks = SpecChecks(target=target, facts_for=self.facts_for, is_known_profile=self.is_known_profile)
        self.fault_finder = FaultFinder(
            auth_header=target.auth_headers["Authorization"], is_known_profile=self.is_known_profile
        )
        self.checks = builtin_checks() + self.spec_checks.all()
        self.rng = random.Random(seed)
        self.run_tag = f"{self.rng.getrandbits(32):08x}"
        self._names = itertools.count(1)
        self.owned: list[OwnedProfile] = []
        self.deleted: set[str] = set()
        self._found: dict[tuple[str, ...], Violation] = {}
        self._pending: list[Event] = []
        self._counter = 0
        self._auth_enforced: set[str] = set()
        self.resources = [resource(self) for resource in RESOURCES]

    # --- what the run knows ----------------------------------------------------------------------------------
    def facts_for(self, case: Any) -> OperationFacts:
        return self._by_label[case.operation.label]

    def is_checked(self, operation_id: str) -> bool:
        return operation_id in self.checked

    def effect(self, facts: OperationFacts) -> Effect:
        return classify(facts.operation_id, facts.method).effect

    def is_known_profile(self, headers: CaseInsensitiveDict[str]) -> bool:
        """Does the request name the test profile or a profile this run created (and did not delete)?"""
        profile_id = (headers.get(PROFILE_ID_HEADER) or "").lower()
        customer = headers.get(CUSTOMER_USER_ID_HEADER)
        test = self.target.profile
        if profile_id and profile_id == (test.profile_id or "").lower():
            return True
        if customer and customer == test.customer_user_id:
            return True
        for owned in self.owned:
            if owned.profile_id in self.deleted:
                continue
            if profile_id == owned.profile_id.lower() or (customer and customer == owned.customer_user_id):
                return True
        return False

    def unknown_profile_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def unknown_customer_user_id(self) -> str:
        return f"{UNKNOWN_CUSTOMER_PREFIX}{self.rng.getrandbits(64):016x}"

    def new_customer_user_id(self) -> str:
        """A customer user id nobody has: this run's tag and a counter."""
        return f"adapty-contracts-{self.run_tag}-{next(self._names)}"

    # --- recording ---------------------------------------------------------------------------------------------
    def stat(self, name: str, failed: bool, *, note: bool = False) -> None:
        entry = self.result.checks.setdefault(name, CheckStat())
        entry.runs += 1
        if note and not self.strict:
            entry.notes += int(failed)
        else:
            entry.failures += int(failed)

    def faults(self, response: Any) -> frozenset[str]:
        """What is wrong with the request `response` answers (`_faults`), read from the request as sent."""
        request = response.request
        body = request.body
        if isinstance(body, str):
            body = body.encode("utf-8", "surrogatepass")
        facts = self._by_url(str(request.method), str(request.url))
        if facts is None:
            return frozenset({"parameters"})
        return self.fault_finder.faults(facts, str(request.method), str(request.url), request.headers, body)

    def _by_url(self, method: str, url: str) -> OperationFacts | None:
        from adapty_contracts.harness._faults import _path_values

        path = url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0]
        for facts in self.facts.values():
            if facts.method == method.upper() and _path_values(facts.path, "/" + path) is not None:
                return facts
        return None

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
        source: str | None = None,
        note: bool = False,
    ) -> None:
        """Keep one violation per (check, operation, group or title and expectation); the shortest repro wins.

        `source` cites the sentence the check rests on (default: the operation's documented responses); `note`
        marks a disagreement on a reading the document leaves open (a violation only under --strict).
        """
        redact = self.target.redact
        violation = Violation(
            check=check,
            operation=operation,
            phase=phase,
            title=redact(title),
            expected=redact(expected),
            actual=redact(actual),
            reproduce=tuple(redact(line) for line in reproduce),
            source=source or self.sources.operation(operation, "responses"),
            note=note and not self.strict,
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

    def restore_failed(
        self,
        what: str,
        operation_id: str,
        writes: list[tuple[dict[str, str], Any]],
        path_parameters: dict[str, str] | None = None,
    ) -> None:
        """A restore did not take (read back differs): keep the curl lines that would put it back by hand."""
        facts = self.facts[operation_id]
        for headers, body in writes:
            request = requests.Request(
                facts.method,
                self.target.base_url + Call(facts, path_parameters=dict(path_parameters or {})).url_path(),
                headers={**self.target.auth_headers, **headers, "Content-Type": "application/json"},
                data=json.dumps(body).encode(),
            ).prepare()
            self.result.unrestored.append(curl_line(request, self.target.redact))
        self.result.notices.append(f"restoring {what}: the read-back differs from the snapshot (see the curl lines)")

    def curl(self, response: requests.Response | Any) -> str:
        return curl_line(response.request, self.target.redact)

    @staticmethod
    def describe(response: Any) -> str:
        return describe(response)

    @staticmethod
    def short(value: Any) -> str:
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= 400 else text[:400] + "..."

    def validate(self, case: Any, response: Any, phase: str, before: Iterable[str] = ()) -> None:
        """Run every check that judges this request on its response; each failure becomes (or adds to) a violation.

        A check demanding one particular answer judges only requests whose one fault is the property it tests
        (`_checks.judges`); our own checks say "not applicable" by returning None, which is not counted as a run.
        """
        faults = self.faults(response)
        applicable: dict[str, bool] = {}

        def tracked(check: Any) -> Any:
            def run(ctx: Any, response: Any, case: Any) -> Any:
                applicable[check.__name__] = False  # until it returns: a failure raises, and is a run
                applicable[check.__name__] = check(ctx, response, case) is not None
                return None  # schemathesis reads a true return as "skipped": counting is ours

            run.__name__ = check.__name__
            return run

        checks = [
            tracked(check) if check.__name__ in self.spec_checks.names() else check
            for check in self.checks
            if judges(check.__name__, faults, str(response.request.method))
        ]
        outcome = run_all(case, response, checks, target=self.target, auth_enforced=self._auth_enforced)
        failed_names = {name for name, _ in outcome.failed}
        for name in set(outcome.passed) - failed_names:
            if applicable.get(name, True):
                self.stat(name, False)
        for name in failed_names:
            self.stat(name, True)
        facts = self.facts_for(case)
        for name, failure in outcome.failed:
            message = str(failure.message or "")
            if message.startswith("expected ") and "; got " in message:
                expected = message.split("; got ", 1)[0][len("expected ") :]
            else:
                expected = " ".join(message.split())[:300] or failure.title
            self.record(
                check=name,
                operation=facts.operation_id,
                phase=phase,
                title=f"{failure.title} (HTTP {response.status_code})",
                expected=expected,
                actual=describe(response),
                reproduce=[*before, self.curl(response)],
                source=self.spec_checks.source(name, facts, response.status_code, self.sources),
                note=_no_documented_4xx_fits(name, facts, response.status_code, faults),
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
        source: str | None = None,
        note: bool = False,
    ) -> bool:
        allowed = set(allowed)
        if response.status_code in allowed:
            self.stat(check, False)
            return True
        want = "a 4xx" if allowed >= set(range(402, 500)) else " or ".join(map(str, sorted(allowed)))
        return self.expect_true(
            check,
            phase,
            operation,
            False,
            title=why,
            expected=f"{want} ({why})",
            actual=describe(response),
            reproduce=[*before, self.curl(response)],
            group=group,
            source=source,
            note=note,
        )

    def expect_true(
        self,
        check: str,
        phase: str,
        operation: str,
        ok: bool,
        *,
        title: str,
        expected: str,
        actual: str,
        reproduce: list[str],
        group: str | None = None,
        source: str | None = None,
        note: bool = False,
    ) -> bool:
        """Count a check that compares state (not a status) and record a violation when `ok` is False."""
        self.stat(check, not ok, note=note)
        if not ok:
            self.record(
                check=check,
                operation=operation,
                phase=phase,
                title=title,
                expected=expected,
                actual=actual,
                reproduce=reproduce,
                group=group,
                source=source,
                note=note,
            )
        return ok

    def refused(self, check: str, phase: str, operation: str, response: requests.Response, what: str) -> None:
        """A documented 4xx refusal of something the model needs (a level the app lacks): a note, model stops."""
        self.expect_true(
            check,
            phase,
            operation,
            False,
            title=f"{what} was refused (HTTP {response.status_code}); the model did not run",
            expected=f"200 ({what}; the document does not say which values an app accepts)",
            actual=describe(response),
            reproduce=[self.curl(response)],
            group=f"refused: {what}",
            note=True,
        )

    def _drain(self) -> Iterator[Event]:
        pending, self._pending = self._pending, []
        yield from pending

    # --- requests ----------------------------------------------------------------------------------------------
    def send(self, call: Call, phase: str, *, bookkeeping: bool = False) -> requests.Response | None:
        """One targeted request, through the resources' hooks and every response check; None: transport failed.

        `bookkeeping` requests (snapshots, restores, cleanup, look-ups) are not checked and not counted against
        the request budget.
        """
        if bookkeeping:
            with self.target.session.exempted():
                return self._send(call, phase, check=False)
        return self._send(call, phase, check=True)

    def _send(self, call: Call, phase: str, *, check: bool) -> requests.Response | None:
        facts = call.facts
        headers: dict[str, str] = dict(call.headers)
        if call.authorization == "valid":
            headers.update(self.target.auth_headers)
        elif call.authorization is not None:
            headers["Authorization"] = call.authorization
        data: bytes | None = call.raw
        if data is None and not isinstance(call.body, NotSet):
            data = json.dumps(call.body).encode()
        if data is not None:
            headers.setdefault("Content-Type", facts.body_media_type or "application/json")
        self._before_send(facts, CaseInsensitiveDict(headers), call.path_parameters, call.body)
        try:
            response = self.target.session.request(
                facts.method, self.target.base_url + call.url_path(), headers=headers, data=data
            )
        except BudgetExhausted:
            raise
        except requests.RequestException as exc:
            self._transport_failure(facts, phase, exc, headers, data, call.url_path())
            return None
        if check:
            body = call.body if call.raw is None else NOT_SENT
            case = self.st_operations[facts.operation_id].Case(
                headers=headers,
                body=body,
                media_type=facts.body_media_type if not isinstance(body, NotSet) else None,
                path_parameters=dict(call.path_parameters) or None,
                query=dict(call.query) or None,
            )
            self.validate(case, response, phase)
        self._after_response(facts, response, call.body)  # after the checks: they judge the state it was sent in
        return response

    def _before_send(
        self, facts: OperationFacts, headers: CaseInsensitiveDict[str], path_parameters: dict[str, Any], body: Any
    ) -> None:
        for resource in self.resources:
            resource.before_send(facts, headers, path_parameters, body)

    def _after_response(self, facts: OperationFacts, response: requests.Response, body: Any) -> None:
        for resource in self.resources:
            resource.after_response(facts, response, body)

    def _transport_failure(
        self,
        facts: OperationFacts,
        phase: str,
        exc: Exception,
        headers: dict[str, str],
        data: bytes | None,
        path: str,
    ) -> None:
        request = requests.Request(facts.method, self.target.base_url + path, headers=headers, data=data).prepare()
        self.stat("server_responds", True)
        self.record(
            check="server_responds",
            operation=facts.operation_id,
            phase=phase,
            title="no HTTP response",
            expected="an HTTP response",
            actual=f"{type(exc).__name__} (connection dropped or timed out)",
            reproduce=[curl_line(request, self.target.redact)],
        )

    def json_of(self, response: requests.Response | None, status: int = 200) -> Any:
        """The JSON body of a `status` response, or None."""
        if response is None or response.status_code != status:
            return None
        try:
            return response.json()
        except ValueError:
            return None

    def request_example(self, facts: OperationFacts) -> Any:
        """The spec's example request body for `facts` (`example`, else the first of `examples`), or NOT_SENT."""
        body = (facts.raw.get("requestBody") or {}).get("content") or {}
        media = body.get(facts.body_media_type or "") or {}
        if "example" in media:
            return json.loads(json.dumps(media["example"]))
        for example in (media.get("examples") or {}).values():
            if isinstance(example, dict) and "value" in example:
                return json.loads(json.dumps(example["value"]))
        schema = facts.body_schema or {}
        if "example" in schema:
            return json.loads(json.dumps(schema["example"]))
        return NOT_SENT

    # --- profiles the run may write to ---------------------------------------------------------------------------
    def writable_identity(self, facts: OperationFacts, phase: str) -> dict[str, str] | None:
        """Whom a write may name: the test profile for writes restorable on it, else a profile the run created."""
        for resource in self.resources:
            if resource.restores_test_profile_for(facts.operation_id):
                return self.identities[self._counter % len(self.identities)]
        owned = self.owned_profile(phase)
        if owned is None:
            return None
        identities = owned.identities()
        return identities[self._counter % len(identities)]

    def owned_profile(self, phase: str) -> OwnedProfile | None:
        """A live profile this run created (created now if there is none yet); None if the run cannot create one."""
        live = [p for p in self.owned if p.profile_id not in self.deleted and p.usable]
        if live:
            return live[0]
        return self.create_profile(phase)

    def create_profile(self, phase: str, customer_user_id: str | None = None) -> OwnedProfile | None:
        """createProfile with a fresh customer user id; the profile is recorded as owned (deleted at the end)."""
        facts = self.facts.get("createProfile")
        if facts is None or not self.is_checked("createProfile"):
            return None
        customer = customer_user_id or self.new_customer_user_id()
        body = self.request_example(facts)
        response = self.send(Call(facts, headers={CUSTOMER_USER_ID_HEADER: customer}, body=body), phase)
        data = self.json_of(response)
        profile_id = ((data or {}).get("data") or {}).get("profile_id") if isinstance(data, dict) else None
        if not isinstance(profile_id, str):
            return None
        return next((p for p in self.owned if p.profile_id == profile_id), None)

    def own(self, profile_id: str, customer_user_id: str | None, *, usable: bool = True) -> None:
        if profile_id.lower() == (self.target.profile.profile_id or "").lower():
            return
        if all(p.profile_id != profile_id for p in self.owned):
            self.owned.append(OwnedProfile(profile_id, customer_user_id, usable))

    # --- run -----------------------------------------------------------------------------------------------------
    def run(self) -> Generator[Event, None, None]:
        """Events of the whole run; restore and cleanup happen even when the consumer stops early.

        Hypothesis keeps its files (e.g. a cache of constants) in a temporary directory for the run, never in the
        user's working directory.
        """
        with hypothesis_home():
            yield from self._run()

    def _run(self) -> Generator[Event, None, None]:
        start = time.monotonic()
        yield RunStarted(self.target.base_url, self.seed, self.max_examples, self.target.live)
        for plan in self.result.operations:
            if not plan.checked:
                yield Notice(f"not checked: {plan.operation_id} - {plan.reason}")
        self._preflight()
        try:
            for resource in self.resources:
                for note in resource.prepare():
                    self.result.notices.append(note)
                    yield Notice(note)
            runners: dict[str, Callable[[str], None]] = {
                "auth": self._auth_phase,
                "identity": self._identity_phase,
                "bodies": self._bodies_phase,
                "stateful": self._stateful_phase,
            }
            for phase in self.phases:
                yield PhaseStarted(phase, _DESCRIPTIONS[phase])
                phase_start, requests_before = time.monotonic(), self.target.request_count
                violations_before = len(self._found)
                try:
                    if phase in SCHEMATHESIS_PHASES:
                        for operation_id in self.checked:
                            self._schemathesis_phase(operation_id, phase)
                            yield from self._drain()
                    else:
                        runners[phase](phase)
                except BudgetExhausted as exc:
                    self.result.complete = False
                    if isinstance(exc, ServerUnavailable):
                        self.result.aborted = f"{exc} (phase {phase})"
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
            self._clean_up()
        for note in self._cleanup_notes:
            yield Notice(note)
        self.result.violations = [v for v in self._found.values() if not v.note]
        self.result.notes = [v for v in self._found.values() if v.note]
        self.result.requests = self.target.request_count
        session = self.target.session
        self.result.backpressure, self.result.waited = session.backpressure, session.waited
        self.result.retried_connections = session.retried_connections
        self.result.duration = time.monotonic() - start
        yield RunFinished(self.result)

    def _preflight(self) -> None:
        """Before anything is sent: the server answers, takes the key and knows the test profile (live runs).

        One read of the test profile, outside the budget; a run that cannot start is a UserError (exit 2).
        """
        reads = [f for f in self.facts.values() if f.identity_parameters and self.effect(f) is Effect.READ]
        if not reads:
            return
        facts = next((f for f in reads if self.is_checked(f.operation_id)), reads[0])
        try:
            with self.target.session.exempted():
                response = self.target.session.request(
                    facts.method,
                    self.target.base_url + facts.path,
                    headers={**self.target.auth_headers, **self.identities[0]},
                )
        except (requests.RequestException, ServerUnavailable) as exc:
            raise UserError(f"cannot reach {self.target.base_url}: {exc}") from None
        if self.target.live and response.status_code == 401:
            raise UserError(f"{self.target.base_url} rejected the API key from {API_KEY_ENV} (401)")
        if self.target.live and response.status_code == 404:
            raise UserError(
                f"{self.target.base_url}: test profile not found (404); pass --profile-id/--customer-user-id"
            )

    def _clean_up(self) -> None:
        """Every resource restores what it snapshotted; then the profiles the run created are deleted.

        An interrupt (Ctrl-C, SIGTERM) that lands while this runs is held until every resource had its turn, then
        raised again: stopping a run must not stop its cleanup halfway.
        """
        self._cleanup_notes: list[str] = []
        interrupted: KeyboardInterrupt | None = None
        with self.target.session.exempted():  # cleanup is never refused by the request budget
            outcomes = []
            for resource in reversed(self.resources):
                while True:
                    try:
                        outcome = resource.restore()
                        break
                    except KeyboardInterrupt as exc:
                        interrupted = exc  # once more: the interrupted restore did not finish
                    except (requests.RequestException, BudgetExhausted):
                        outcome = False
                        break
                if outcome is not None:
                    outcomes.append(outcome)
                    if outcome is False:
                        self._cleanup_notes.append(f"restoring {resource.name} failed")
            self.result.restored = all(outcomes) if outcomes else None
        if self.result.restored:
            self._cleanup_notes.append("the test profile and the run's changes were restored to their state before")
        self.result.notices.extend(self._cleanup_notes)
        if interrupted is not None:
            raise interrupted

    # --- schemathesis phases -------------------------------------------------------------------------------------
    def _prepare(self, case: Any, facts: OperationFacts, phase: str) -> bool:
        """Point the case at a profile the run may use, add the key; False: do not send it (nothing to name)."""
        self._counter += 1
        headers = CaseInsensitiveDict(case.headers or {})
        negative = case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER)
        slot = self._counter % 5
        if facts.identity_parameters:
            effect = self.effect(facts)
            if not negative and slot < 4:
                if effect is Effect.READ:
                    identity: dict[str, str] | None = self.identities[0] if slot < 3 else self.identities[-1]
                else:
                    identity = self.writable_identity(facts, phase)
                if identity is None:
                    return False
                for name in IDENTITY_HEADERS:
                    headers.pop(name, None)
                headers.update(identity)
            elif effect is not Effect.READ:
                # A write never names a profile the run does not own: generated ids become unknown ones.
                if headers.get(PROFILE_ID_HEADER) and _looks_like_uuid(headers[PROFILE_ID_HEADER]):
                    headers[PROFILE_ID_HEADER] = self.unknown_profile_id()
                if headers.get(CUSTOMER_USER_ID_HEADER):
                    headers[CUSTOMER_USER_ID_HEADER] = self.unknown_customer_user_id()
        # A generated value for one of these breaks the message's framing: the HTTP layer answers it, not the API.
        for name in [n for n in headers if n.lower() in HTTP_LAYER_HEADERS and n.lower() not in facts.header_names]:
            del headers[name]
        for resource in self.resources:
            resource.prepare_case(facts, case, headers, phase)
        data = case.meta.phase.data if case.meta is not None else None
        if str(getattr(data, "parameter", "") or "").lower() != "authorization":
            # Cases about the Authorization header itself (missing, malformed) keep what was generated.
            headers.pop("Authorization", None)
            headers.update(self.target.auth_headers)
        case.headers = dict(headers)
        return True

    def _schemathesis_phase(self, operation_id: str, phase: str) -> None:
        facts = self.facts[operation_id]
        operation = self.st_operations[operation_id]

        def test(case: Any) -> None:
            if not self._prepare(case, facts, phase):
                return
            body = None if isinstance(case.body, NotSet) else case.body
            self._before_send(facts, CaseInsensitiveDict(case.headers), case.path_parameters or {}, body)
            try:
                response = case.call(base_url=self.target.base_url, session=self.target.session)
            except BudgetExhausted:
                raise
            except requests.RequestException as exc:
                data = json.dumps(body).encode() if body is not None else None
                self._transport_failure(facts, phase, exc, dict(case.headers or {}), data, facts.path)
                return
            self.validate(case, response, phase)
            self._after_response(facts, response, body)

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
            project=self.schema.config, modes=[HypothesisTestMode(phase)], settings=settings, seed=self.seed
        )
        runnable = create_test(operation=operation, test_func=test, config=config)
        try:
            runnable()
        except BudgetExhausted:
            raise
        except _SKIPS:
            pass  # nothing to generate in this phase (e.g. an operation without examples)
        except hypothesis.errors.HypothesisException as exc:
            self.result.notices.append(f"{phase} {operation_id}: generation stopped: {type(exc).__name__}")

    # --- generic targeted phases ---------------------------------------------------------------------------------
    def base_call(self, facts: OperationFacts, phase: str, identity: dict[str, str] | None = None) -> Call | None:
        """A request the spec allows for `facts`: a usable profile, known path parameters, the example body."""
        call = Call(facts)
        if facts.identity_parameters:
            chosen = (
                identity
                if identity is not None
                else (self.identities[0] if self.effect(facts) is Effect.READ else self.writable_identity(facts, phase))
            )
            if chosen is None:
                return None
            call.headers.update(chosen)
        for resource in self.resources:
            if not resource.complete_call(call, phase):
                return None
        for name in facts.path_parameters:
            call.path_parameters.setdefault(name, self.unknown_profile_id())
        example = self.request_example(facts)
        if not isinstance(example, NotSet):
            call.body = example
        return call

    def _auth_phase(self, phase: str) -> None:
        key = self.target.api_key
        bad_keys = {
            "no Authorization header": None,
            "a wrong API key": f"Api-Key wrong-{self.rng.getrandbits(64):016x}",
            "an empty API key": "Api-Key ",
            "a truncated API key": f"Api-Key {key[:-1]}",
            "the API key with a suffix": f"Api-Key {key}0",
            "the key without the Api-Key prefix": key,
        }
        for operation_id in self.checked:
            facts = self.facts[operation_id]
            if not facts.secured:
                continue
            # One fault: a request the spec allows but for its key must get 401. Wrong in a second way too (no
            # or an unknown profile), it may be answered for either: any 4xx, never a success.
            shapes: list[tuple[str, dict[str, str] | None, frozenset[int]]] = [
                ("a usable profile", None, frozenset({401}))
            ]
            if facts.identity_parameters:
                shapes += [
                    ("an unknown profile", {PROFILE_ID_HEADER: self.unknown_profile_id()}, REJECTION),
                    ("no identity header", {}, REJECTION),
                ]
            source = self.sources.operation(operation_id, "responses", "401")
            for shape, identity, allowed in shapes:
                call = self.base_call(facts, phase, identity)
                if call is None:
                    continue
                for what, authorization in bad_keys.items():
                    call.authorization = authorization
                    response = self.send(call, phase)
                    if response is not None:
                        why = f"{what} must be rejected{' with 401' if allowed == {401} else ''} ({shape})"
                        group = what if allowed == {401} else f"{what}, {shape}"
                        self.expect(
                            "auth_rejected", phase, operation_id, response, allowed, why, group=group, source=source
                        )

    def _identity_phase(self, phase: str) -> None:
        for operation_id in self.checked:
            facts = self.facts[operation_id]
            if not facts.identity_parameters:
                continue
            # Each request differs from a valid one (the example body, a known path) in its identity alone.
            either_or = self.sources.parameter(operation_id, facts.identity_parameters[0], "description")
            cases: list[tuple[dict[str, str], frozenset[int], str, str]] = [
                ({}, REJECTION, "no identity header", either_or)
            ]
            if PROFILE_ID_HEADER in facts.identity_parameters and _requires_uuid(facts, PROFILE_ID_HEADER):
                schema = self.sources.parameter(operation_id, PROFILE_ID_HEADER, "schema")
                cases.append(({PROFILE_ID_HEADER: "not-a-uuid"}, REJECTION, "a malformed adapty-profile-id", schema))
            if facts.operation_id not in MAY_CREATE_PROFILE:
                # 'Profile not found' where the operation documents it (404); else any rejection.
                not_found = frozenset({404}) if _documents_not_found(facts) else REJECTION
                source = self.sources.operation(operation_id, "responses", "404" if 404 in not_found else "")
                for name, value in (
                    (PROFILE_ID_HEADER, self.unknown_profile_id()),
                    (CUSTOMER_USER_ID_HEADER, self.unknown_customer_user_id()),
                ):
                    if name in facts.identity_parameters:
                        cases.append(({name: value}, not_found, f"an unknown {name}", source))
            for identity, allowed, what, source in cases:
                call = self.base_call(facts, phase, identity)
                if call is None:
                    continue
                response = self.send(call, phase)
                if response is not None:
                    self.expect(
                        "identity_resolution", phase, operation_id, response, allowed, what, group=what, source=source
                    )
            if self.effect(facts) is Effect.READ and len(self.identities) > 1:
                self._same_answer_by_each_header(facts, phase)

    def _same_answer_by_each_header(self, facts: OperationFacts, phase: str) -> None:
        """Both identity headers name the same profile: a read gives the same status by either."""
        answers = []
        for identity in self.identities:
            call = self.base_call(facts, phase, identity)
            response = self.send(call, phase) if call is not None else None
            if response is None:
                return
            answers.append(response)
        first, *others = answers
        for other in others:
            # Statuses only: bodies may differ legitimately (Profile.timestamp is the response time).
            same = first.status_code == other.status_code
            self.expect_true(
                "identity_resolution",
                phase,
                facts.operation_id,
                same,
                title="the test profile by either identity header gives the same answer",
                expected=describe(first),
                actual=describe(other),
                reproduce=[self.curl(first), self.curl(other)],
                group="same answer by either header",
            )

    def _bodies_phase(self, phase: str) -> None:
        for operation_id in self.checked:
            facts = self.facts[operation_id]
            if facts.body_schema is None:
                continue
            call = self.base_call(facts, phase)
            if call is None:
                continue
            client_error = REJECTION
            source = self.sources.operation(operation_id, "requestBody")
            before = self._state(call, phase)
            sent: list[requests.Response] = []
            for what, group, body in wrong_bodies(facts.body_schema):
                call.body, call.raw = body, None
                response = self.send(call, phase)
                if response is not None:
                    sent.append(response)
                    why = f"{what} must be rejected"
                    self.expect(
                        "body_rejection", phase, operation_id, response, client_error, why, group=group, source=source
                    )
            raws = [("a body that is not JSON", b"{not json")]
            if facts.body_required:
                raws.append(("an empty body", b""))
            for what, raw in raws:
                call.body, call.raw = NOT_SENT, raw
                response = self.send(call, phase)
                if response is not None:
                    sent.append(response)
                    why = f"{what} must be rejected"
                    self.expect(
                        "body_rejection", phase, operation_id, response, client_error, why, group=what, source=source
                    )
            if before is not None and sent and all(r.status_code in client_error for r in sent):
                # A rejection applies nothing: read back what the write would have changed.
                after = self._state(call, phase)
                self.expect_true(
                    "body_rejection",
                    phase,
                    operation_id,
                    after == before,
                    title="rejected bodies changed nothing (read back)",
                    expected=self.short(before),
                    actual=self.short(after),
                    reproduce=[self.curl(r) for r in sent[-3:]],
                    group="rejection applied nothing",
                    source=source,
                )
            self._edge_values(facts, call, phase)

    def _state(self, call: Call, phase: str) -> Any:
        """What `call` would change, as the resource that models it reads it now (None: no resource does)."""
        for resource in self.resources:
            found = resource.state(call, phase)
            if found is not None:
                return found
        return None

    def _edge_values(self, facts: OperationFacts, call: Call, phase: str) -> None:
        """Every body field with no stated bound gets extreme values (a very long string, non-ASCII, control
        characters, huge numbers) in an otherwise valid body: any answer but a 5xx (a 4xx refusal is fine)."""
        example = self.request_example(facts)
        if not isinstance(example, dict):
            return
        example = _fresh_customer_ids(example, self.new_customer_user_id)
        for where, what, body in edge_bodies(facts.body_schema or {}, example, self.rng):
            call.body, call.raw = body, None
            response = self.send(call, phase)
            if response is not None:
                source = self.sources.operation(facts.operation_id, "requestBody")
                self.expect(
                    "edge_values",
                    phase,
                    facts.operation_id,
                    response,
                    range(200, 500),
                    f"{what} in {where} is answered (a 4xx refusal is fine; a 5xx never is)",
                    group=what,
                    source=source,
                )

    def _stateful_phase(self, phase: str) -> None:
        for resource in self.resources:
            missing = [op for op in resource.operations if not self.is_checked(op)]
            if missing:
                if resource.operations - set(missing):
                    note = f"state model {resource.name}: not run ({', '.join(sorted(missing))} not checked)"
                    self.result.notices.append(note)
                    self._pending.append(Notice(note))
                continue
            resource.check_state(phase)


def cache_directory() -> Path | None:
    """Where hypothesis keeps its unicode tables between runs (computing one costs a second of CPU per run):
    `$ADAPTY_CONTRACTS_CACHE_DIR`, else `$XDG_CACHE_HOME/adapty-contracts`, else `~/.cache/adapty-contracts`; None
    when that cannot be created (a read-only home)."""
    chosen = os.environ.get("ADAPTY_CONTRACTS_CACHE_DIR")
    if chosen:
        path = Path(chosen)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        path = Path(base) / "adapty-contracts"
    try:
        (path / "hypothesis").mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path / "hypothesis"


@contextlib.contextmanager
def hypothesis_home() -> Iterator[None]:
    """Hypothesis's files (unicode tables, a cache of constants) go to the user's cache directory, never the cwd; to a
    temporary directory when there is no usable cache directory. No example database is kept (`database=None`)."""
    previous = getattr(hypothesis.configuration, "__hypothesis_home_directory", None)
    with contextlib.ExitStack() as stack:
        home = cache_directory() or stack.enter_context(tempfile.TemporaryDirectory(prefix="adapty-contracts-"))
        hypothesis.configuration.set_hypothesis_home_dir(home)
        try:
            yield
        finally:
            hypothesis.configuration.set_hypothesis_home_dir(previous)


def _no_documented_4xx_fits(check: str, facts: OperationFacts, status: int, faults: frozenset[str]) -> bool:
    """An undocumented 4xx refusing a faulty request where the operation documents no 400 (e.g. getPaywall: only
    401 and 404): "any 4xx where none documented fits" - which one is our reading, so a note, not a violation."""
    return check == "status_code_conformance" and 400 <= status < 500 and bool(faults) and not facts.documents(400)


def wrong_bodies(schema: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """Bodies `schema` rejects: a non-object for an object, missing required properties, wrong property types."""
    if _types(schema) - {"object"}:
        return []  # a body that may be something other than an object: no generic wrong shape
    bodies: list[tuple[str, str, Any]] = [
        ("a JSON array", "not an object", [{}]),
        ("a JSON string", "not an object", "x"),
        ("a JSON number", "not an object", 42),
    ]
    if _types(schema) == {"object"} and "null" not in _types(schema):
        bodies.append(("JSON null", "not an object", None))
    required = [name for name in schema.get("required") or [] if isinstance(name, str)]
    if required or schema.get("minProperties") or schema.get("allOf") or schema.get("anyOf"):
        bodies.append(("an empty object", "empty object", {}))
    if schema.get("minProperties") or _any_of_required(schema):
        bodies.append(("only unknown keys", "no known property", {"adapty_contracts_not_a_field": "x"}))
    for name, property_schema in (schema.get("properties") or {}).items():
        allowed = _types(property_schema)
        if not allowed or property_schema.get("anyOf") or property_schema.get("oneOf"):
            continue
        wrong = [kind for kind in SAMPLES if kind not in allowed and not (kind == "integer" and "number" in allowed)]
        if not wrong:
            continue
        bodies.append((f"{name} as {wrong[0]}", "wrong type", {name: SAMPLES[wrong[0]]}))
    return bodies


# Extreme values for fields with no stated bound (what an edge-value request sends in place of the example's).
LONG_TEXT_CHARS = 20_000  # tens of KB with the multi-byte characters below; under the 1 MiB body limits servers use
_NON_ASCII = "ünïcødé 日本語 🚀 עברית Ωmega"
_CONTROL = "a\x00b\x01c\x1fd\te\nf\x7f"


def edge_bodies(schema: dict[str, Any], example: dict[str, Any], rng: random.Random) -> list[tuple[str, str, Any]]:
    """(field path, what, body): the example with one unbounded field at a time set to an extreme value."""
    found: list[tuple[str, str, Any]] = []
    long_text = "".join(rng.choice("abcdefghij日本é🚀") for _ in range(LONG_TEXT_CHARS))

    def walk(node: Any, node_schema: Any, path: tuple[str | int, ...]) -> None:
        if isinstance(node, dict):
            properties = _properties(node_schema)
            for key, value in node.items():
                walk(value, properties.get(key, {}), (*path, key))
            return
        if isinstance(node, list):
            items = node_schema.get("items", {}) if isinstance(node_schema, dict) else {}
            for index, value in enumerate(node[:1]):
                walk(value, items, (*path, index))
            return
        if not path or not isinstance(node_schema, dict) or _bounded(node_schema):
            return
        if path[-1] == "customer_user_id":
            return  # it names the profile a write may create: the run must find it again (by header) to delete it
        kinds = _types(node_schema)
        label = ".".join(map(str, path))
        if isinstance(node, str) and "string" in kinds:
            for what, value in (
                ("a very long string", long_text),
                ("non-ASCII text", _NON_ASCII),
                ("control characters", _CONTROL),
            ):
                found.append((label, what, _replaced(example, path, value)))
        elif (
            isinstance(node, int | float)
            and not isinstance(node, bool)
            and kinds & {"integer", "number"}
            and not {"maximum", "exclusiveMaximum"} & set(node_schema)
        ):
            big: int | float = 2**63 if "integer" in kinds else 1e300
            found.append((label, "a very large number", _replaced(example, path, big)))

    walk(example, schema, ())
    return found


def _properties(schema: Any) -> dict[str, Any]:
    """Properties a value may have under `schema`, merged over oneOf/anyOf/allOf branches."""
    if not isinstance(schema, dict):
        return {}
    merged: dict[str, Any] = {}
    for key in ("oneOf", "anyOf", "allOf"):
        for option in schema.get(key) or []:
            merged.update(_properties(option))
    merged.update(schema.get("properties") or {})
    return merged


def _bounded(schema: dict[str, Any]) -> bool:
    """Does the schema state a bound on the value (length, range, set of values, format, pattern)?"""
    bounds = ("maxLength", "enum", "const", "format", "pattern")
    if any(key in schema for key in bounds):
        return True
    return any(_bounded(option) for key in ("anyOf", "oneOf") for option in schema.get(key) or [] if option)


def _replaced(document: Any, path: tuple[str | int, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(document))
    node = copy
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return copy


def _fresh_customer_ids(body: Any, fresh: Callable[[], str]) -> Any:
    """The example with every `customer_user_id` replaced by one nobody has (never someone's real profile)."""
    if isinstance(body, dict):
        return {
            key: (
                fresh() + "-edge"
                if key == "customer_user_id" and isinstance(value, str)
                else _fresh_customer_ids(value, fresh)
            )
            for key, value in body.items()
        }
    if isinstance(body, list):
        return [_fresh_customer_ids(item, fresh) for item in body]
    return body


def _types(schema: Any) -> set[str]:
    if not isinstance(schema, dict):
        return set()
    kind = schema.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {str(k) for k in kind}
    if "properties" in schema:
        return {"object"}
    return set()


def _any_of_required(schema: dict[str, Any]) -> bool:
    for part in schema.get("allOf") or []:
        if isinstance(part, dict) and any("required" in option for option in part.get("anyOf") or []):
            return True
    return False


def _requires_uuid(facts: OperationFacts, name: str) -> bool:
    for parameter in facts.raw.get("parameters") or []:
        if isinstance(parameter, dict) and parameter.get("name") == name:
            return (parameter.get("schema") or {}).get("format") == "uuid"
    return False


def _looks_like_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


_DESCRIPTIONS = {
    "examples": "schemathesis: the spec's examples",
    "coverage": "schemathesis: boundary and invalid values per parameter",
    "fuzzing": "schemathesis: random valid and invalid requests",
    "auth": "missing or wrong API key -> 401, on every secured operation",
    "identity": "neither identity header or a malformed id -> 4xx; the same answer by either header",
    "bodies": "bodies the request schema rejects -> 4xx; extreme values in unbounded fields -> never a 5xx",
    "stateful": "per-resource models: what a write does is what later reads show",
}

__all__ = ["ALL_PHASES", "NOT_SENT", "REDACTED", "Call", "Engine", "OwnedProfile", "curl_line", "wrong_bodies"]
