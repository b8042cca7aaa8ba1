"""Checks: schemathesis's built-in response checks plus the few the spec states that schemathesis cannot see.

Custom checks look at the request as it was *sent* (headers, body) rather than at how it was generated, so
they hold whatever phase produced the request. Each raises AssertionError("expected ...; got ..."), returns
True when it judged the response and None when it does not apply (not counted as a run).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from requests.structures import CaseInsensitiveDict
from schemathesis.checks import CHECKS, CheckContext, load_all_checks, run_checks

from adapty_contracts.harness._faults import AUTH, MAY_CREATE_PROFILE, UNKNOWN_PROFILE
from adapty_contracts.harness._operations import OperationFacts
from adapty_contracts.harness._sources import Sources
from adapty_contracts.harness._target import CUSTOMER_USER_ID_HEADER, PROFILE_ID_HEADER, Target

# Built-in checks that state what the spec says. Left out: positive_data_acceptance (a schema-valid request may
# still be refused for what the schema cannot say: an access level the app does not have, a profile that does not
# exist), schemathesis's resource checks (our resource models in `resources/` check create/get/delete with the
# run's own profiles), unsupported_method / allow_header_conformance (the spec says nothing of other methods), and
# ignored_auth: its probes are sent outside the run's session (no rate limit, budget or back-pressure waits, not
# counted), and the auth phase and `bad_api_key_rejected` check the same rule on every secured operation.
BUILTIN_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "missing_required_header",
)

Check = Callable[[CheckContext, Any, Any], bool | None]

# One fault per judged request: a check demanding one particular answer judges only requests wrong in exactly the
# property it tests (`_faults`); a request wrong in several ways may be answered for any of them.
_JUDGES: dict[str, Callable[[frozenset[str]], bool]] = {
    "bad_api_key_rejected": lambda faults: faults == {AUTH},
    "unknown_profile_not_found": lambda faults: faults == {UNKNOWN_PROFILE},
    "missing_required_header": lambda faults: len(faults) <= 1,
}


def judges(check_name: str, faults: frozenset[str], method: str = "GET") -> bool:
    """Does `check_name` judge a request with these faults? (Checks not listed judge every response.)"""
    rule = _JUDGES.get(check_name)
    return rule is None or rule(faults)


def builtin_checks() -> list[Check]:
    load_all_checks()
    by_name = {check.__name__: check for check in CHECKS.get_all()}
    return [cast(Check, by_name[name]) for name in BUILTIN_CHECKS]


def _sent(response: Any) -> tuple[str, CaseInsensitiveDict[str], bytes | None]:
    request = response.request
    body = request.body
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogatepass")
    return str(request.method).upper(), CaseInsensitiveDict(request.headers), body


def _json(data: bytes | None) -> tuple[bool, Any]:
    if data is None:
        return False, None
    try:
        return True, json.loads(data)
    except ValueError:
        return False, None


def describe(response: Any) -> str:
    """`HTTP 400 application/json {...}`: what a failure report shows as the actual outcome."""
    content_type = response.headers.get("Content-Type", "")
    if isinstance(content_type, list):
        content_type = content_type[0] if content_type else ""
    text = response.content.decode("utf-8", "replace") if response.content else "<empty body>"
    if len(text) > 300:
        text = text[:300] + "..."
    return f"HTTP {response.status_code} {content_type} {text}".replace("  ", " ")


@dataclass
class SpecChecks:
    """Custom checks, each applying to the operations whose spec states its rule (facts from `_operations`).

    `facts_for(case)` finds the operation of a case; `is_test_profile(headers)` says whether the request names
    the run's test profile (a server must answer those), `is_owned(headers)` whether it names one the run made.
    """

    target: Target
    facts_for: Callable[[Any], OperationFacts]
    is_known_profile: Callable[[CaseInsensitiveDict[str]], bool]

    def all(self) -> list[Check]:
        return [
            self.error_status_code_matches,
            self.undocumented_body_is_empty,
            self.identity_header_required,
            self.bad_api_key_rejected,
            self.unknown_profile_not_found,
        ]

    def names(self) -> frozenset[str]:
        return frozenset(check.__name__ for check in self.all())

    def source(self, name: str, facts: OperationFacts, status: int, sources: Sources) -> str:
        """The sentence of the document each check (ours and schemathesis's) rests on, for this operation."""
        op = facts.operation_id
        if name == "error_status_code_matches":
            return sources.schema("ErrorResponse", "properties", "status_code")
        if name in ("undocumented_body_is_empty", "response_schema_conformance", "content_type_conformance"):
            return sources.operation(op, "responses", str(status))
        if name == "identity_header_required" and facts.identity_parameters:
            return sources.parameter(op, facts.identity_parameters[0], "description")
        if name == "bad_api_key_rejected":
            return sources.operation(op, "responses", "401")
        if name == "unknown_profile_not_found":
            return sources.operation(op, "responses", "404" if facts.documents(404) else "")
        if name in ("negative_data_rejection", "missing_required_header"):
            return sources.operation(op, "parameters" if name == "missing_required_header" else "requestBody")
        return sources.operation(op, "responses")

    def error_status_code_matches(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """ErrorResponse.status_code is the HTTP status: a client branching on either must see the same."""
        if response.status_code < 400:
            return None
        ok, data = _json(response.content)
        if ok and isinstance(data, dict) and "status_code" in data and data["status_code"] != response.status_code:
            raise AssertionError(
                f"expected body status_code == HTTP status {response.status_code}; got {data['status_code']!r}"
            )
        return True if ok and isinstance(data, dict) and "status_code" in data else None

    def undocumented_body_is_empty(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """A documented success without content ('The response body is blank', 204) has an empty body."""
        facts = self.facts_for(case)
        documented_empty = facts.response_has_body(response.status_code) is False
        if 200 <= response.status_code < 300 and documented_empty and response.content.strip():
            raise AssertionError(
                f"expected an empty body for {facts.method} {response.status_code} (the spec documents none); "
                f"got {describe(response)}"
            )
        return True if 200 <= response.status_code < 300 and documented_empty else None

    def identity_header_required(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """'Either adapty-customer-user-id or adapty-profile-id is required': neither can never succeed."""
        facts = self.facts_for(case)
        if not facts.identity_parameters:
            return None
        _, headers, _ = _sent(response)
        if not any(headers.get(name) for name in facts.identity_parameters) and 200 <= response.status_code < 300:
            names = " or ".join(facts.identity_parameters)
            raise AssertionError(f"expected a 4xx for a request with no {names}; got {describe(response)}")
        return True if not any(headers.get(name) for name in facts.identity_parameters) else None

    def bad_api_key_rejected(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """A secured operation: any request not carrying the valid key gets 401, whatever else it holds."""
        if not self.facts_for(case).secured:
            return None
        _, headers, _ = _sent(response)
        if headers.get("Authorization") == self.target.auth_headers["Authorization"]:
            return None
        if response.status_code != 401:
            raise AssertionError(f"expected 401 for a missing or wrong API key; got {describe(response)}")
        return True

    def unknown_profile_not_found(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """A request that is valid but for naming a profile that exists nowhere cannot succeed.

        404 where the operation documents it ('Profile not found'); otherwise any 4xx (refund-saver documents
        only 400). The engine runs this check only on requests whose one fault is the unknown profile (a request
        also wrong in another way may be answered for that). Judged: a canonical profile id nobody has, or a
        customer user id the run made up to be unknown (a generated one might exist on a live app); exempt are
        operations that may create the profile (createProfile) and requests naming it twice.
        """
        facts = self.facts_for(case)
        if facts.operation_id in MAY_CREATE_PROFILE:
            return None
        _, headers, _ = _sent(response)
        named = [name for name in facts.identity_parameters if headers.get(name)]
        if len(named) != 1:
            return None
        value = headers[named[0]]
        if named[0] == PROFILE_ID_HEADER and not _is_canonical_uuid(value):
            return None
        if named[0] == CUSTOMER_USER_ID_HEADER and not value.startswith(UNKNOWN_CUSTOMER_PREFIX):
            return None
        if named[0] not in (PROFILE_ID_HEADER, CUSTOMER_USER_ID_HEADER):
            return None
        not_found = _documents_not_found(facts)
        if not_found and response.status_code != 404 and _documented_cause(facts, response):
            return None  # the server names another documented fault of this request (one the schema cannot show)
        ok = response.status_code == 404 if not_found else 400 <= response.status_code < 500
        if not ok:
            allowed = "404" if not_found else "a 4xx"
            raise AssertionError(f"expected {allowed} for an unknown {named[0]}; got {describe(response)}")
        return True


# Customer user ids the engine makes up to name nobody (`Engine.unknown_customer_user_id`).
UNKNOWN_CUSTOMER_PREFIX = "adapty-contracts-unknown-"


def _documented_cause(facts: OperationFacts, response: Any) -> bool:
    """Is the answer a documented 4xx whose `error_code` that status's description names as a cause? Such a
    cause (an unknown currency, a balance too low, an invalid Idempotency-Key) is a fault only the server can see:
    a request that has it besides an unknown profile may be answered for either, so it is not judged."""
    documented = (facts.raw.get("responses") or {}).get(str(response.status_code))
    if not isinstance(documented, dict) or not 400 <= response.status_code < 500:
        return False
    try:
        code = json.loads(response.content or b"null").get("error_code")
    except (ValueError, AttributeError):
        return False
    return isinstance(code, str) and bool(code) and f"`{code}`" in str(documented.get("description") or "")


def _documents_not_found(facts: OperationFacts) -> bool:
    """Does the operation document 404 as 'not found' (its description says so)?"""
    response = (facts.raw.get("responses") or {}).get("404")
    return isinstance(response, dict) and "not found" in str(response.get("description") or "").lower()


def _is_canonical_uuid(text: str) -> bool:
    parts = text.split("-")
    return [len(p) for p in parts] == [8, 4, 4, 4, 12] and all(c in "0123456789abcdefABCDEF" for p in parts for c in p)


@dataclass
class CheckOutcome:
    passed: list[str]
    failed: list[tuple[str, Any]]  # (check name, schemathesis Failure)


def run_all(
    case: Any,
    response: Any,
    checks: Iterable[Check],
    *,
    target: Target,
    headers: Mapping[str, str] | None = None,
    auth_enforced: set[str] | None = None,
) -> CheckOutcome:
    """Run checks on one response, collecting every failure (not only the first) by check name."""
    from schemathesis.core.transport import Response

    response = Response.from_any(response)
    config = case.operation.schema.config.checks_config_for(operation=case.operation, phase=None)
    transport_kwargs = {"session": target.session, "headers": dict(target.auth_headers), "base_url": target.base_url}
    ctx = CheckContext(
        override=None,
        auth=None,
        headers=CaseInsensitiveDict(headers if headers is not None else target.auth_headers),
        config=config,
        transport_kwargs=transport_kwargs,
        response_checks=None,
        # shared over the run: schemathesis's `ignored_auth` re-sends without/with a bad key once per operation
        auth_enforced_operations=auth_enforced,
    )
    outcome = CheckOutcome(passed=[], failed=[])

    def on_failure(name: str, collected: set[Any], failure: Any) -> None:
        collected.add(failure)
        outcome.failed.append((name, failure))

    def on_success(name: str, _case: Any) -> None:
        outcome.passed.append(name)

    run_checks(case=case, response=response, ctx=ctx, checks=list(checks), on_failure=on_failure, on_success=on_success)
    return outcome
