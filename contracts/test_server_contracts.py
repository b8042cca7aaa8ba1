"""Server contracts: the whole harness against the bundled mock, or against ADAPTY_BASE_URL when set.

Thin on purpose: the checks live in adapty_contracts.harness (the same engine as `adapty-contracts check`);
this test fails with the harness's summary (per check, and a curl line per violation, key REDACTED).
"""

from __future__ import annotations

import os

import pytest

from adapty_contracts.harness import Engine, Target
from adapty_contracts.harness._events import RunFinished
from adapty_contracts.harness._report import render_summary

pytestmark = pytest.mark.slow


def test_server_conforms_to_the_spec(server_target: Target) -> None:
    seed = int(os.environ.get("ADAPTY_CHECK_SEED", "0"))
    max_examples = int(os.environ.get("ADAPTY_CHECK_MAX_EXAMPLES", "25"))
    engine = Engine(server_target, max_examples=max_examples, seed=seed)
    result = next(event.result for event in engine.run() if isinstance(event, RunFinished))
    assert result.ok, server_target.redact(render_summary(result))
    assert result.restored is not False, "the test profile could not be restored"
