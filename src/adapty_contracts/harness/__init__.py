"""Contract checks of a server (the bundled mock or a live URL) against the effective spec."""

from adapty_contracts.harness._engine import ALL_PHASES, Engine
from adapty_contracts.harness._events import CheckStat, Result, Violation
from adapty_contracts.harness._target import Target, TestProfile

__all__ = ["ALL_PHASES", "CheckStat", "Engine", "Result", "Target", "TestProfile", "Violation"]
