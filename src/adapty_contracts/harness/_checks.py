"""Checks: schemathesis's built-in response checks plus the few the spec states that schemathesis cannot see.

Custom checks look at the request as it was *sent* (headers, body) rather than at how it was generated, so
they hold whatever phase produced the request. Each raises AssertionError("expected ...; got ...").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from requests.structures import CaseInsensitiveDict
from schemathesis.checks import CHECKS, CheckContext, load_all_checks, run_checks

from adapty_contracts.harness._operations import OperationFacts
from adapty_contracts.harness._target import PROFILE_ID_HEADER, Target

# Built-in checks that state what the spec says. Left out: positive_data_acceptance (a schema-valid request may
# still be refused for what the schema cannot say: an access level the app does not have, a profile that does not
# exist), schemathesis's resource checks (our resource models in `resources/` check create/get/delete with the
# run's own profiles), and unsupported_method / allow_header_conformance (the spec says nothing of other methods).
BUILTIN_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "missing_required_header",
    "ignored_auth",
)

Check = Callable[[CheckContext, Any, Any], bool | None]


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

    def error_status_code_matches(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """ErrorResponse.status_code is the HTTP status: a client branching on either must see the same."""
        if response.status_code < 400:
            return None
        ok, data = _json(response.content)
        if ok and isinstance(data, dict) and "status_code" in data and data["status_code"] != response.status_code:
            raise AssertionError(
                f"expected body status_code == HTTP status {response.status_code}; got {data['status_code']!r}"
            )
        return None

    def undocumented_body_is_empty(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """A documented success without content ('The response body is blank', 204) has an empty body."""
        facts = self.facts_for(case)
        documented_empty = facts.response_has_body(response.status_code) is False
        if 200 <= response.status_code < 300 and documented_empty and response.content.strip():
            raise AssertionError(
                f"expected an empty body for {facts.method} {response.status_code} (the spec documents none); "
                f"got {describe(response)}"
            )
        return None

    def identity_header_required(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """'Either adapty-customer-user-id or adapty-profile-id is required': neither can never succeed."""
        facts = self.facts_for(case)
        if not facts.identity_parameters:
            return None
        _, headers, _ = _sent(response)
        if not any(headers.get(name) for name in facts.identity_parameters) and 200 <= response.status_code < 300:
            names = " or ".join(facts.identity_parameters)
            raise AssertionError(f"expected a 4xx for a request with no {names}; got {describe(response)}")
        return None

    def bad_api_key_rejected(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """A secured operation: any request not carrying the valid key gets 401, whatever else it holds."""
        if not self.facts_for(case).secured:
            return None
        _, headers, _ = _sent(response)
        if headers.get("Authorization") != self.target.auth_headers["Authorization"] and response.status_code != 401:
            raise AssertionError(f"expected 401 for a missing or wrong API key; got {describe(response)}")
        return None

    def unknown_profile_not_found(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """An authenticated request naming only a profile id that exists nowhere cannot succeed.

        404 where the operation documents it ('Profile not found'); otherwise any documented 4xx (refund-saver
        documents 400 'Profile does not exist'). Operations that may create the profile (createProfile) are
        exempt, and so is anything ambiguous (both headers, a non-canonical id).
        """
        facts = self.facts_for(case)
        if PROFILE_ID_HEADER not in facts.identity_parameters or facts.operation_id in MAY_CREATE_PROFILE:
            return None
        method, headers, _ = _sent(response)
        if method != facts.method or headers.get("Authorization") != self.target.auth_headers["Authorization"]:
            return None
        profile_id = headers.get(PROFILE_ID_HEADER)
        others = [name for name in facts.identity_parameters if name != PROFILE_ID_HEADER and headers.get(name)]
        if profile_id is None or others or not _is_canonical_uuid(profile_id) or self.is_known_profile(headers):
            return None
        if facts.documents(404):
            ok, allowed = response.status_code == 404, "404"
        else:
            ok = 400 <= response.status_code < 500 and response.status_code != 401
            allowed = "a documented 4xx"
        if not ok and response.status_code != 401:
            raise AssertionError(f"expected {allowed} for an unknown adapty-profile-id; got {describe(response)}")
        return None


# Operations whose description says they create the profile they are given (never 'not found').
MAY_CREATE_PROFILE = frozenset({"createProfile"})


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
