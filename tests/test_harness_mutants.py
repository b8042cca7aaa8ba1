"""The harness catches every deliberately broken server (one fault each) and passes the correct mock.

Catch rate is the point of the harness: each mutant in tests/mutants.py breaks one property the spec states,
and the run against it must report at least one violation (exit 1 in the CLI). The correct mock must pass
with several seeds, so a red nightly run means a real disagreement, never a flake.
"""

from __future__ import annotations

import pytest
from mutants import BY_RESOURCE, EXPECTED_VIOLATION, MUTANTS, NAMES_PROPERTY

from adapty_contracts.harness import Engine, Result, Target, TestProfile
from adapty_contracts.harness._events import RunFinished
from adapty_contracts.harness._report import render_summary
from adapty_contracts.harness._sources import Sources, resolves
from adapty_contracts.mock import (
    DEFAULT_API_KEY,
    DEFAULT_CUSTOMER_USER_ID,
    DEFAULT_PROFILE_ID,
    MockAPI,
    running_mock,
)

pytestmark = pytest.mark.slow

MAX_EXAMPLES = 10  # modest: every mutant is caught by then (the CLI default is larger)


def check_mock(
    api_class: type[MockAPI] = MockAPI,
    *,
    seed: int = 0,
    tags: tuple[str, ...] = (),
    max_examples: int = MAX_EXAMPLES,
    strict: bool = False,
) -> Result:
    with running_mock(api_class=api_class) as base_url:
        target = Target(base_url, DEFAULT_API_KEY, TestProfile(DEFAULT_PROFILE_ID, DEFAULT_CUSTOMER_USER_ID))
        engine = Engine(target, max_examples=max_examples, seed=seed, tags=tags, strict=strict)
        finished = [e for e in engine.run() if isinstance(e, RunFinished)]
    assert len(finished) == 1
    return finished[0].result


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_correct_mock_is_conformant(seed: int) -> None:
    result = check_mock(seed=seed)
    assert result.ok, render_summary(result)
    assert result.complete and result.restored is True
    # every kind of check judged something (a check that returned "not applicable" is not a run)
    judged = {name for name, stat in result.checks.items() if stat.runs > 0}
    assert {
        "auth_rejected",
        "bad_api_key_rejected",
        "unknown_profile_not_found",
        "identity_header_required",
        "identity_resolution",
        "body_rejection",
        "body_acceptance",
        "edge_values",
        "stored_state",
        "profile_lifecycle",
        "access_levels",
        "transactions",
        "pagination",
        "paywalls",
        "virtual_currency",
    } <= judged, sorted(judged)
    assert all(plan.checked for plan in result.operations), "the bundled mock is checked on every operation"


@pytest.mark.parametrize("name", sorted(MUTANTS))
def test_mutant_is_caught(name: str) -> None:
    api_class, broken_property, tags = MUTANTS[name]
    result = check_mock(api_class, tags=tags)
    assert not result.ok, f"{name} ({broken_property}) was not caught:\n{render_summary(result)}"
    check, words = NAMES_PROPERTY[name]
    assert any(v.check == check and words in v.title for v in result.violations), (
        f"{name}: no {check} violation naming {words!r} ({broken_property}):\n{render_summary(result)}"
    )
    sources = Sources()
    for violation in result.violations:
        assert violation.reproduce and all(line.startswith("curl ") for line in violation.reproduce)
        assert violation.expected and violation.actual
        assert DEFAULT_API_KEY not in repr(violation)
        assert resolves(violation.source, sources), f"{violation.check}: {violation.source} names nothing"
    if name in EXPECTED_VIOLATION:  # and at the operation that shows it
        check, operation, words = EXPECTED_VIOLATION[name]
        named = [(v.check, v.operation, v.title) for v in result.violations]
        assert any(c == check and o == operation and words in t for c, o, t in named), named


def test_every_resource_has_three_realistic_mutants() -> None:
    """Every harness resource model has at least three mutants breaking one of its rules, each a known mutant
    whose violation is named (NAMES_PROPERTY covers every mutant)."""
    for resource, names in BY_RESOURCE.items():
        assert len(set(names)) >= 3, resource
        assert set(names) <= set(MUTANTS), resource
    assert set(NAMES_PROPERTY) >= set(MUTANTS)


def test_there_are_enough_mutants() -> None:
    """At least two single-fault servers per resource group (access levels and transactions: two each)."""
    by_scope: dict[tuple[str, ...], int] = {}
    for _, _, tags in MUTANTS.values():
        by_scope[tags] = by_scope.get(tags, 0) + 1
    assert by_scope[("Integration",)] >= 2
    assert by_scope[("Profile",)] >= 2
    assert by_scope[("Profile", "Purchase")] >= 4
    assert by_scope[("Refund Saver",)] >= 2
    assert by_scope.get(("Stripe", "Profile"), 0) + by_scope.get(("Paddle", "Profile"), 0) >= 2
    assert by_scope[("Paywalls",)] >= 2
    assert by_scope[("Virtual Currency", "Profile")] >= 5


def _replay(lines: tuple[str, ...], base_url: str) -> str:
    """Run a violation's curl lines (key REDACTED -> the mock's key) against `base_url`; the last one's output."""
    import re
    import shlex
    import subprocess

    output = ""
    for line in lines:
        args = shlex.split(line.replace("REDACTED", DEFAULT_API_KEY))
        args = [re.sub(r"^http://127\.0\.0\.1:\d+", base_url, arg) for arg in args]
        output = subprocess.run([*args, "--silent"], capture_output=True, text=True, timeout=30, check=True).stdout
    return output


def test_a_state_failure_replays_from_a_clean_state() -> None:
    """The curl lines of a state violation start with the setup that led to it: run on a fresh server of the same
    kind they show the failure again, and on the correct mock they do not."""
    import json

    result = check_mock(MUTANTS["NullDoesNotClear"][0], tags=MUTANTS["NullDoesNotClear"][2])
    violation = next(v for v in result.violations if v.check == "stored_state" and "null" in v.title)
    assert len(violation.reproduce) >= 3, violation.reproduce  # setup POST, the null POST(s), the GET
    assert violation.reproduce[0].startswith("curl -X POST") and violation.reproduce[-1].startswith("curl -X GET")
    key = violation.title.split("(", 1)[1].split(",")[0].rstrip(")")
    with running_mock(api_class=MUTANTS["NullDoesNotClear"][0]) as fresh:
        assert json.loads(_replay(violation.reproduce, fresh))[key] is not None, "the failure replays"
    with running_mock() as correct:
        assert json.loads(_replay(violation.reproduce, correct))[key] is None, "a correct server passes the replay"
