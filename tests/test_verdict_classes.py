"""The verdict classes: one fault per judged request, every violation cites its source, notes versus violations."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from requests.structures import CaseInsensitiveDict
from starlette.responses import Response
from test_harness_mutants import check_mock

from adapty_contracts._paths import EFFECTIVE_SPEC
from adapty_contracts.harness._faults import AUTH, BODY, IDENTITY, UNKNOWN_PROFILE, FaultFinder
from adapty_contracts.harness._operations import operation_facts
from adapty_contracts.harness._sources import Sources, resolves
from adapty_contracts.mock import Call, MockAPI, MockError

KEY = "Api-Key good"
KNOWN = "3f1c2a8e-0000-4000-8000-000000000001"
BASE = "http://127.0.0.1:1"


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    with open(EFFECTIVE_SPEC, encoding="utf-8") as fh:
        return {f.operation_id: f for f in operation_facts(yaml.safe_load(fh))}


def finder() -> FaultFinder:
    def known(headers: CaseInsensitiveDict[str]) -> bool:
        return headers.get("adapty-profile-id") == KNOWN or headers.get("adapty-customer-user-id") == "known"

    return FaultFinder(auth_header=KEY, is_known_profile=known)


def faults(facts: Any, headers: dict[str, str], body: bytes | None, path: str | None = None) -> frozenset[str]:
    return finder().faults(facts, facts.method, BASE + (path or facts.path), headers, body)


def test_a_request_has_exactly_the_faults_it_was_given(facts: dict[str, Any]) -> None:
    grant = facts["grantAccessLevel"]
    good = {"Authorization": KEY, "adapty-profile-id": KNOWN, "Content-Type": "application/json"}
    body = b'{"access_level_id": "premium"}'
    assert faults(grant, good, body) == frozenset()
    assert faults(grant, {**good, "Authorization": "Api-Key bad"}, body) == {AUTH}
    assert faults(grant, {**good, "adapty-profile-id": "4f1c2a8e-0000-4000-8000-000000000009"}, body) == {
        UNKNOWN_PROFILE
    }
    assert faults(grant, {"Authorization": KEY, "adapty-customer-user-id": "nobody"}, body) == {UNKNOWN_PROFILE}
    assert faults(grant, {"Authorization": KEY}, body) == {IDENTITY}
    assert faults(grant, good, b'{"access_level_id": 7}') == {BODY}
    assert faults(grant, good, b"{not json") == {BODY}
    assert faults(grant, good, None) == {BODY}  # the body is required
    two = {"Authorization": "Api-Key bad", "adapty-profile-id": "4f1c2a8e-0000-4000-8000-000000000009"}
    assert faults(grant, two, b"[]") == {AUTH, UNKNOWN_PROFILE, BODY}
    # createProfile may create the profile it names: never an unknown profile
    create = facts["createProfile"]
    assert UNKNOWN_PROFILE not in faults(create, {"Authorization": KEY, "adapty-customer-user-id": "new"}, b"{}")
    # a path parameter its schema rejects is a fault of the request, an unknown but well-formed one is not
    get_paywall = facts["getPaywall"]
    assert faults(get_paywall, {"Authorization": KEY}, None, "/api/v2/server-side-api/paywalls/not-a-uuid/")
    assert not faults(get_paywall, {"Authorization": KEY}, None, f"/api/v2/server-side-api/paywalls/{KNOWN}/")


def test_citations_name_places_that_exist() -> None:
    sources = Sources()
    assert resolves(sources.operation("getProfile", "responses", "404", "description"), sources)
    assert resolves(sources.body_property("revokeAccessLevel", "revoke_at", "description"), sources)
    assert resolves(sources.parameter("getProfile", "adapty-profile-id", "description"), sources)
    assert resolves(sources.overlay("Either `adapty-customer-user-id`"), sources)
    assert sources.operation("getPaywall", "responses", "999").endswith("/responses")  # cut back to what exists
    assert not resolves("upstream#/paths/nowhere", sources)


class GrantRefusedForItsLevel(MockAPI):
    """An app without the example's access level: a grant of it is refused with the documented 400."""

    async def handle_grant_access_level(self, call: Call) -> Response:
        self.profile_of(call)
        await self.body(call)
        raise MockError(400, "access_level_not_found", "No such access level")


@pytest.mark.slow
def test_a_reading_the_document_leaves_open_is_a_note_unless_strict() -> None:
    tags = ("Profile", "Purchase")
    result = check_mock(GrantRefusedForItsLevel, seed=1, tags=tags, max_examples=3)
    assert result.ok, [v.title for v in result.violations]
    refused = [n for n in result.notes if n.check == "access_levels" and "refused" in n.title]
    assert refused and all(n.note and n.source.startswith("upstream#/") for n in refused)
    assert result.checks["access_levels"].notes >= 1
    strict = check_mock(GrantRefusedForItsLevel, seed=1, tags=tags, max_examples=3, strict=True)
    assert not strict.ok and any("refused" in v.title for v in strict.violations)
    assert not strict.notes


def test_a_documented_cause_the_schema_cannot_show_is_not_judged_as_the_unknown_profile(facts: dict[str, Any]) -> None:
    """createVirtualCurrencyTransaction documents 404 for an unknown profile and 400 causes only the server can see
    (an unknown currency, a balance too low): a request wrong both ways may be answered for either."""
    import httpx

    from adapty_contracts.harness._checks import _documented_cause

    create = facts["createVirtualCurrencyTransaction"]

    def answer(status: int, code: str) -> httpx.Response:
        return httpx.Response(status, json={"errors": [], "error_code": code, "status_code": status})

    assert _documented_cause(create, answer(400, "unknown_currency"))
    assert _documented_cause(create, answer(409, "idempotency_in_flight"))
    assert not _documented_cause(create, answer(400, "validation_error")), "not a cause the 400 names"
    assert not _documented_cause(create, answer(418, "unknown_currency")), "not a documented status"
    assert not _documented_cause(facts["grantAccessLevel"], answer(400, "unknown_currency"))
