#!/usr/bin/env python3
"""Overhead per test of the pytest plugin's fixtures (reset + client), side by side with fixture-free tests.

    python scripts/bench_fixture.py [--tests 1000]

Runs pytest twice in a subprocess on generated files of N empty tests: one where each test takes `adapty_client`
(so `adapty_mock`: state reset, rate limit/faults off, a new AuthenticatedClient, closed afterwards), and a
baseline whose tests take no fixture. A conftest records each test's setup + teardown time (pytest's own phase
durations); the first test (which starts the session's server) is reported apart. Goal (issue 17): median
overhead <= 5 ms per test over 1,000 tests.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CONFTEST = """
import json
phases = {}

def pytest_runtest_logreport(report):
    if report.when in ("setup", "teardown"):
        phases[report.nodeid] = phases.get(report.nodeid, 0.0) + report.duration

def pytest_sessionfinish(session):
    with open("phases.json", "w") as fh:
        json.dump(list(phases.values()), fh)
"""


def run(directory: Path, fixture: str, count: int) -> list[float]:
    directory.mkdir()
    (directory / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    args = f"{fixture}, n" if fixture else "n"
    (directory / "test_many.py").write_text(
        f"import pytest\n\n@pytest.mark.parametrize('n', range({count}))\ndef test_nothing({args}):\n    pass\n",
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "test_many.py"],
        cwd=directory,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    timings: list[float] = json.loads((directory / "phases.json").read_text(encoding="utf-8"))
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tests", type=int, default=1000, help="tests per run (default: %(default)s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-fixture-") as tmp:
        baseline = run(Path(tmp) / "baseline", "", args.tests)
        fixture = run(Path(tmp) / "fixture", "adapty_client", args.tests)
    first, rest = fixture[0], fixture[1:]
    base_median, fix_median = statistics.median(baseline[1:]), statistics.median(rest)
    overhead = fix_median - base_median
    p90 = statistics.quantiles(rest, n=10)[-1]
    print(f"{args.tests} tests, setup + teardown per test (pytest's phase durations):")
    print(f"  no fixture (baseline):  median {base_median * 1000:.3f} ms")
    print(f"  adapty_client:          median {fix_median * 1000:.3f} ms, p90 {p90 * 1000:.3f} ms")
    print(f"  first test (starts the session's mock server): {first * 1000:.0f} ms")
    verdict = "MET" if overhead <= 0.005 else "MISSED"
    print(f"overhead per test (median): {overhead * 1000:.3f} ms  goal <= 5 ms: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
