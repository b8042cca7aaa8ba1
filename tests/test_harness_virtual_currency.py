"""The harness's virtual-currency model judges only what the spec states: servers that choose differently where the
spec is silent pass, and the model stops with a note (no violation) where it cannot run."""

from __future__ import annotations

from typing import Any

import pytest

from adapty_contracts.harness import Engine, Result, Target, TestProfile
from adapty_contracts.harness._engine import ALL_PHASES
from adapty_contracts.harness._events import RunFinished
from adapty_contracts.harness._report import render_summary
from adapty_contracts.mock import (
    DEFAULT_API_KEY,
    DEFAULT_CUSTOMER_USER_ID,
    DEFAULT_PROFILE_ID,
    MockAPI,
    MockError,
    running_mock,
)
from adapty_contracts.mock._spec import Operation
from adapty_contracts.mock.resources.virtual_currency import Currency, VirtualCurrencyStore

pytestmark = pytest.mark.slow

TAGS = ("Virtual Currency", "Profile")


def check(api_class: type[MockAPI] = MockAPI, phases: tuple[str, ...] = ALL_PHASES, **mock: Any) -> Result:
    with running_mock(api_class=api_class, **mock) as base_url:
        target = Target(base_url, DEFAULT_API_KEY, TestProfile(DEFAULT_PROFILE_ID, DEFAULT_CUSTOMER_USER_ID))
        engine = Engine(target, max_examples=5, seed=2, tags=TAGS, phases=phases)
        return next(e.result for e in engine.run() if isinstance(e, RunFinished))


class EmptyItems422(MockAPI):
    """Empty `items` answered as the schema failure it also is (minItems 1): the documented 422."""

    def validate_body(self, operation: Operation, data: Any, media_type: str) -> Any:
        if isinstance(data, dict) and data.get("items") == []:
            raise MockError(422, "validation_error", "items: should be non-empty", "items")
        return super().validate_body(operation, data, media_type)


def test_a_server_starting_every_profile_at_zero_with_other_choices_passes() -> None:
    zero = VirtualCurrencyStore([Currency("COINS", "Coins"), Currency("GEMS", "Gems")])
    result = check(EmptyItems422, virtual_currency=zero)
    assert result.ok, render_summary(result)
    assert result.checks["virtual_currency"].runs >= 20


def test_a_single_currency_app_runs_what_it_can() -> None:
    result = check(virtual_currency=VirtualCurrencyStore([Currency("ONLY", "Only", 10)]))
    assert result.ok, render_summary(result)
    assert result.checks["virtual_currency"].runs > 0 and result.checks["pagination"].runs > 0


@pytest.mark.parametrize(
    ("mock", "note"),
    [
        ({"virtual_currency": VirtualCurrencyStore([])}, "the app has no currencies"),
        ({"vc_disabled": True}, "not enabled for the app (403)"),
    ],
)
def test_the_model_stops_with_a_note_where_it_cannot_run(mock: dict[str, Any], note: str) -> None:
    # The model alone: with the feature disabled every VC operation answers its documented 403, which the generic
    # identity phase (expecting 404 for an unknown profile) does not yet take into account.
    result = check(phases=("stateful",), **mock)
    assert result.ok, render_summary(result)
    assert any(note in notice for notice in result.notices), result.notices
    assert "virtual_currency" not in result.checks
