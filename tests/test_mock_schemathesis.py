"""Schemathesis against the mock over every operation: the effective spec's own checks (no 5xx, no schema
violation, documented statuses and content types, valid data accepted, invalid data rejected), plus a model of the
identifiers over the spec's links.

Kept small (seconds): the `check` command runs the full harness; this guards the mock against the spec.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis import Case
from schemathesis.specs.openapi.checks import positive_data_acceptance

from adapty_contracts._paths import EFFECTIVE_SPEC
from adapty_contracts.mock import DEFAULT_API_KEY, DEFAULT_PROFILE_ID, IDENTIFIER_KEYS, ProfileStore, running_mock
from adapty_contracts.mock._store import parse_profile_id

pytestmark = pytest.mark.slow

schema = schemathesis.openapi.from_path(EFFECTIVE_SPEC)
AUTHORIZATION = f"Api-Key {DEFAULT_API_KEY}"
STORE = ProfileStore.with_default_profile()


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    with running_mock(store=STORE) as url:
        yield url


def aim_at(case: Case, profile_id: str) -> None:
    """Send the real key and a known profile, unless schemathesis left them out or broke them on purpose.

    The spec cannot say "one of two optional headers is required" to schemathesis (`x-required-any-of` is ours),
    so a schema-valid request may carry neither; the API (and the mock) answers 400, which schemathesis would
    report as rejected valid data. Always sending a known profile id keeps the positive cases positive; a
    malformed id where the spec says `format: uuid` (a negative case) is left as generated and must get 400.
    deleteProfile gets a fresh profile of its own, so the others keep theirs.
    """
    headers = case.headers if case.headers is not None else {}
    if "Authorization" in headers:
        headers["Authorization"] = AUTHORIZATION
    names = {p.name for p in case.operation.headers}
    if "adapty-profile-id" in names:
        if case.operation.definition.raw.get("operationId") == "deleteProfile":
            profile_id = STORE.add(str(uuid.uuid4())).profile_id
        generated = headers.get("adapty-profile-id")
        positive = case.meta is None or case.meta.generation.mode.is_positive
        if positive or generated is None or parse_profile_id(str(generated)) is not None:
            headers["adapty-profile-id"] = profile_id
    case.headers = headers


def refuses_valid_data(case: Case) -> bool:
    """The operation documents a 400 whose `error_code` names causes the schema cannot state (a balance too low, an
    unknown currency, a key that is not a UUID v4, a stale cursor): schema-valid requests may rightly get it."""
    documented = case.operation.definition.raw.get("responses", {}).get("400", {})
    return "error_code" in str(documented.get("description", ""))


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_mock_conforms_to_the_spec(case: Case, mock_url: str) -> None:
    aim_at(case, DEFAULT_PROFILE_ID)
    excluded = [positive_data_acceptance] if refuses_valid_data(case) else None
    case.call_and_validate(base_url=mock_url, excluded_checks=excluded)


class MockModel(schema.as_state_machine()):  # type: ignore[misc]
    """Chains of GET/POST (via the spec's links) on one fresh profile, checked against a dict model."""

    base_url = ""

    def setup(self) -> None:
        self.profile_id = str(uuid.uuid4())
        STORE.add(self.profile_id)
        self.model: dict[str, Any] = dict.fromkeys(IDENTIFIER_KEYS)

    def before_call(self, case: Case) -> None:
        aim_at(case, self.profile_id)

    def get_call_kwargs(self, case: Case) -> dict[str, Any]:
        return {"base_url": self.base_url}

    def after_call(self, response: Any, case: Case) -> None:
        if response.status_code >= 300 or case.headers.get("adapty-profile-id") != self.profile_id:
            return
        operation_id = case.operation.definition.raw.get("operationId")
        if operation_id == "setIntegrationIdentifiers":
            self.model.update({k: v for k, v in case.body.items() if k in self.model})
        elif operation_id == "deleteProfile":
            self.model = dict.fromkeys(IDENTIFIER_KEYS)  # a profile created again with this id starts empty
        elif operation_id == "getIntegrationIdentifiers":
            assert response.json() == self.model, "GET must show exactly what the POSTs so far have set"


def test_mock_state_follows_posts(mock_url: str) -> None:
    MockModel.base_url = mock_url
    MockModel.run(
        settings=settings(
            max_examples=15,
            stateful_step_count=6,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: each step is an HTTP call
        )
    )
