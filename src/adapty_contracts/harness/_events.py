"""What the engine tells reporters: a stream of small immutable events, ending with the run's Result."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Violation:
    """One distinct way the server disagrees with the spec, with the smallest request seen to reproduce it."""

    check: str
    operation: str
    phase: str
    title: str
    expected: str
    actual: str
    reproduce: tuple[str, ...]  # curl lines, key REDACTED; several when the failure is a sequence
    occurrences: int = 1
    # Where the rule is stated: a JSON pointer into Adapty's document, or the overlay action encoding a sentence.
    source: str = ""
    # True: rests on our reading of something the document leaves open (shown, counted, never a failing exit
    # unless --strict).
    note: bool = False


@dataclass
class CheckStat:
    runs: int = 0  # requests the check judged ("not applicable" is not a run)
    failures: int = 0
    notes: int = 0  # disagreements on a reading the document leaves open


@dataclass(frozen=True)
class OperationPlan:
    """Whether an operation is checked in this run, and if not, why (every report lists both)."""

    operation_id: str
    label: str  # METHOD /path
    effect: str  # read | restorable | creating | irreversible (harness/_safety.py)
    checked: bool
    reason: str | None = None


@dataclass
class Result:
    base_url: str
    seed: int
    max_examples: int
    duration: float = 0.0
    requests: int = 0
    checks: dict[str, CheckStat] = field(default_factory=dict)
    operations: list[OperationPlan] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    notes: list[Violation] = field(default_factory=list)  # see Violation.note; in `violations` under --strict
    notices: list[str] = field(default_factory=list)
    strict: bool = False
    backpressure: int = 0  # 429 / 503 / 409 idempotency_in_flight answers waited out and resent
    waited: float = 0.0  # seconds spent waiting for them (Retry-After)
    retried_connections: int = 0  # connection errors retried
    unrestored: list[str] = field(default_factory=list)  # curl lines that put back what a restore did not
    complete: bool = True  # False when the request budget ran out
    aborted: str | None = None  # why the run ended early because the server became unavailable (exit 2)
    restored: bool | None = None  # None: nothing to restore
    reports: list[str] = field(default_factory=list)  # files the CLI wrote

    @property
    def ok(self) -> bool:
        return not self.violations


@dataclass(frozen=True)
class RunStarted:
    base_url: str
    seed: int
    max_examples: int
    live: bool


@dataclass(frozen=True)
class PhaseStarted:
    name: str
    description: str


@dataclass(frozen=True)
class PhaseFinished:
    name: str
    requests: int
    seconds: float
    violations: int


@dataclass(frozen=True)
class ViolationFound:
    violation: Violation


@dataclass(frozen=True)
class Notice:
    message: str


@dataclass(frozen=True)
class RunFinished:
    result: Result


Event = RunStarted | PhaseStarted | PhaseFinished | ViolationFound | Notice | RunFinished
