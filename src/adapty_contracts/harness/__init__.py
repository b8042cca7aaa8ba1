"""Contract checks of a server (the bundled mock or a live URL) against the effective spec.

`run_check(base_url=None, ...)` runs every phase and returns a `Result` (`.ok`, `.violations`, `.checks`);
`Engine(target).run()` yields the events reporters consume.
"""

from adapty_contracts.harness._api import DEFAULT_MAX_EXAMPLES, CheckInterrupted, run_check, run_engine
from adapty_contracts.harness._engine import ALL_PHASES, Engine
from adapty_contracts.harness._events import CheckStat, Result, Violation
from adapty_contracts.harness._target import Target, TestProfile

__all__ = [
    "ALL_PHASES",
    "DEFAULT_MAX_EXAMPLES",
    "CheckInterrupted",
    "CheckStat",
    "Engine",
    "Result",
    "Target",
    "TestProfile",
    "Violation",
    "run_check",
    "run_engine",
]
