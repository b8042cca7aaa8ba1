"""Checks: schemathesis's built-in response checks plus the few the spec states that schemathesis cannot see.

Custom checks look at the request as it was *sent* (headers, body) rather than at how it was generated, so
they hold whatever phase produced the request. Each raises AssertionError("expected ...; got ...").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import jsonschema
from requests.structures import CaseInsensitiveDict
from schemathesis.checks import CHECKS, CheckContext, load_all_checks, run_checks

from adapty_contracts.harness._target import CUSTOMER_USER_ID_HEADER, PROFILE_ID_HEADER, Target

# Built-in checks that state what the spec says. Left out: positive_data_acceptance (replaced by
# `valid_request_status`, which knows the identity-header rule the schema cannot express), resource checks
# (use_after_free, ensure_resource_availability, object_level_authorization: no create/delete here), and
# unsupported_method / allow_header_conformance (the spec says nothing about other methods).
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


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


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
    """Custom checks bound to the run's target and the request schema (for 'is this body schema-valid')."""

    target: Target
    request_schema: dict[str, Any]
    path: str

    def __post_init__(self) -> None:
        self._validator = jsonschema.Draft202012Validator(self.request_schema)

    def all(self) -> list[Check]:
        return [
            self.error_status_code_matches,
            self.set_success_body_empty,
            self.identity_header_required,
            self.bad_api_key_rejected,
            self.valid_request_status,
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

    def set_success_body_empty(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """'The response body is blank' for a successful set (no content is documented for POST 200)."""
        method, _, _ = _sent(response)
        if method == "POST" and response.status_code == 200 and response.content.strip():
            raise AssertionError(f"expected an empty body for POST 200; got {describe(response)}")
        return None

    def identity_header_required(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """'Either adapty-customer-user-id or adapty-profile-id is required': neither can never succeed."""
        method, headers, _ = _sent(response)
        if method not in ("GET", "POST"):
            return None
        has_identity = headers.get(PROFILE_ID_HEADER) or headers.get(CUSTOMER_USER_ID_HEADER)
        if not has_identity and 200 <= response.status_code < 300:
            raise AssertionError(f"expected a 4xx for a request with neither identity header; got {describe(response)}")
        return None

    def bad_api_key_rejected(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """Any request not carrying the valid key gets 401, whatever else it holds."""
        method, headers, _ = _sent(response)
        if method not in ("GET", "POST"):
            return None
        if headers.get("Authorization") != self.target.auth_headers["Authorization"] and response.status_code != 401:
            raise AssertionError(f"expected 401 for a missing or wrong API key; got {describe(response)}")
        return None

    def valid_request_status(self, ctx: CheckContext, response: Any, case: Any) -> bool | None:
        """A well-formed, authenticated request: 200 for the test profile, 404 for an unknown profile id.

        Ambiguous requests are left alone (both identity headers, empty or non-UUID ids, bodies with lone
        surrogates), so a correct server is never blamed for picking one documented answer over another.
        """
        method, headers, body = _sent(response)
        if method not in ("GET", "POST") or headers.get("Authorization") != self.target.auth_headers["Authorization"]:
            return None
        if response.request.path_url.split("?")[0] != self.path.split("?")[0]:
            return None
        if method == "POST":
            if not str(headers.get("Content-Type", "")).startswith("application/json"):
                return None
            ok, data = _json(body)
            if not ok or not self._validator.is_valid(data) or _has_lone_surrogate(data):
                return None
        profile_id = headers.get(PROFILE_ID_HEADER)
        customer_id = headers.get(CUSTOMER_USER_ID_HEADER)
        if profile_id is not None and customer_id is not None:
            return None
        known = self.target.profile
        if profile_id is not None:
            if known.profile_id and profile_id.lower() == known.profile_id.lower():
                expected = {200}
            elif _is_canonical_uuid(profile_id):
                expected = {404}
            else:
                return None
        elif customer_id:
            if customer_id == known.customer_user_id:
                expected = {200}
            else:
                return None  # a generated customer id may exist on a live account
        else:
            return None
        if response.status_code not in expected:
            want = " or ".join(map(str, sorted(expected)))
            raise AssertionError(f"expected {want} for a schema-valid {method}; got {describe(response)}")
        return None


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
