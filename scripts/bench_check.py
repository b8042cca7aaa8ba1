#!/usr/bin/env python3
"""Benchmark: `adapty-contracts check` side by side with a bare `schemathesis run` on the same servers.

For the correct mock: wall time, requests the server saw, verdict (exit code) of each tool. For every mutant in
tests/mutants.py: whether each tool catches it, and its wall time. Both tools run as subprocesses against an
in-process mock that counts requests, so startup and request costs are comparable.

A catch is a failure the tool reports on the mutant beyond its false positives: a (check, operation) pair it does
not also report on the correct mock with the same seed (read from each tool's JSON report). A tool that is red on
the correct mock is red on every server, so its exit code alone says nothing about the mutant.

    python scripts/bench_check.py                      # everything (the mutant sweep takes minutes)
    python scripts/bench_check.py --mutants none       # only the correct mock
    python scripts/bench_check.py --mutants GetWrongType,ReplaceNotMerge --json out.json
    python scripts/bench_check.py --mutants none --seeds 20   # false positives of ours on the correct mock
    python scripts/bench_check.py --mutants none --alternatives 10 --seeds 20
        # false positives of ours on every alternative correct server (tests/alternative_servers.py), 10 seeds each,
        # and on the correct mock over 20 more seeds; at the default --max-examples (fewer examples hide some)
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from alternative_servers import ALTERNATIVES  # noqa: E402
from mutants import MUTANTS  # noqa: E402

from adapty_contracts._paths import EFFECTIVE_SPEC  # noqa: E402
from adapty_contracts.mock import (  # noqa: E402
    DEFAULT_API_KEY,
    DEFAULT_CUSTOMER_USER_ID,
    DEFAULT_PROFILE_ID,
    MockAPI,
    running_mock,
)

BIN = Path(sys.executable).parent


def counting(api_class: type[MockAPI]) -> tuple[type[MockAPI], Callable[[], int]]:
    """`api_class` plus a request counter (the server's view: includes every extra request a check sends)."""
    seen = [0]

    async def __call__(self: MockAPI, scope: Any, receive: Any, send: Any) -> None:
        seen[0] += 1
        await api_class.__call__(self, scope, receive, send)

    return type(f"Counting{api_class.__name__}", (api_class,), {"__call__": __call__}), lambda: seen[0]


TAGS: list[str] = []  # --tag: what ours checks (default: every operation)


def ours(base_url: str, seed: int, max_examples: int | None, report: Path | None = None) -> list[str]:
    cmd = [str(BIN / "adapty-contracts"), "check", "--base-url", base_url, "--seed", str(seed)]
    cmd += ["--report", str(report)] if report else []
    cmd += [f"--tag={tag}" for tag in TAGS]
    cmd += ["--profile-id", DEFAULT_PROFILE_ID, "--customer-user-id", DEFAULT_CUSTOMER_USER_ID]
    cmd += ["--allow-irreversible"]  # a mock behind --base-url: every operation, as the default check of the mock
    if max_examples is not None:
        cmd += ["--max-examples", str(max_examples)]
    return cmd


def bare(base_url: str, seed: int, max_examples: int, report: Path | None = None) -> list[str]:
    return [
        str(BIN / "schemathesis"),
        "run",
        str(EFFECTIVE_SPEC),
        "--url",
        base_url,
        "--checks",
        "all",
        "-H",
        f"Authorization: Api-Key {DEFAULT_API_KEY}",
        "-H",
        f"adapty-profile-id: {DEFAULT_PROFILE_ID}",
        "-H",  # the same identity inputs as ours: the test profile by both of its identities
        f"adapty-customer-user-id: {DEFAULT_CUSTOMER_USER_ID}",
        "--max-examples",
        str(max_examples),
        "--seed",
        str(seed),
        "--no-color",
        *(["--report-json-path", str(report)] if report else []),
    ]


def our_failures(report: dict[str, Any]) -> set[tuple[str, str]]:
    """(check, operation) of every violation (notes are not failures)."""
    return {(v["check"], v["operation"]) for v in report.get("violations", [])}


def bare_failures(report: dict[str, Any]) -> set[tuple[str, str]]:
    """(failure title, operation) of every failure schemathesis reports."""
    return {(f["title"], op) for f in report.get("failures", []) for op in f.get("operations", [])} | {
        ("error: " + str(e.get("title", e)), "") for e in report.get("errors", [])
    }


def run_one(
    api_class: type[MockAPI],
    make_cmd: Callable[..., list[str]],
    failures_of: Callable[[dict[str, Any]], set[tuple[str, str]]] | None = None,
) -> dict[str, Any]:
    """Run one tool against `api_class`; with `failures_of`, also read its JSON report into `failures`."""
    cls, count = counting(api_class)
    env = {**os.environ, "ADAPTY_API_KEY": DEFAULT_API_KEY}
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        report = Path(tmp) / "report.json" if failures_of else None
        with running_mock(api_class=cls) as base_url:
            cmd = make_cmd(base_url, report=report)
            start = time.monotonic()
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd="/tmp", check=False)
            seconds = time.monotonic() - start
        failures = failures_of(json.loads(report.read_text())) if failures_of and report and report.exists() else set()
    tail = (done.stdout + done.stderr).strip().splitlines()[-1:] or [""]
    return {
        "exit": done.returncode,
        "seconds": round(seconds, 2),
        "requests": count(),
        "failures": sorted(failures),
        "last_line": tail[0][:160],
    }


def _verdict(outcome: dict[str, Any], false_positives: set[tuple[str, str]]) -> str:
    """CAUGHT: failures beyond the tool's false positives on the correct mock (CAUGHT+2: ours also could not put the
    server back, a mutant that breaks the very write a restore uses, which ours reports loudly by design). red: the
    tool exited non-zero, but only with failures it also reports on the correct mock; not a catch."""
    beyond = {tuple(f) for f in outcome["failures"]} - false_positives
    if beyond:
        return "CAUGHT+2" if outcome["exit"] == 2 else "CAUGHT"
    return {0: "missed"}.get(outcome["exit"], "red" if outcome["exit"] == 1 else f"error{outcome['exit']}")


def main() -> int:
    logging.getLogger("adapty_contracts.mock").disabled = True  # mutants' 500s are expected; keep the table clean
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-examples", type=int, default=None, help="for adapty-contracts (default: its default)")
    parser.add_argument("--schemathesis-max-examples", type=int, default=50)
    parser.add_argument("--mutants", default="all", help="'all', 'none' or comma-separated names")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--seeds", type=int, default=0, help="also run ours on the correct mock with N more seeds")
    parser.add_argument(
        "--alternatives",
        type=int,
        default=0,
        metavar="N",
        help="also run ours on every alternative correct server with N seeds each (any red run is a false positive)",
    )
    parser.add_argument("--tag", action="append", default=[], help="ours checks only operations with this tag")
    args = parser.parse_args()
    TAGS.extend(args.tag)

    tools: dict[str, Callable[..., list[str]]] = {
        "adapty-contracts check": lambda url, report=None: ours(url, args.seed, args.max_examples, report),
        "bare schemathesis run": lambda url, report=None: bare(url, args.seed, args.schemathesis_max_examples, report),
    }
    failures_of = {"adapty-contracts check": our_failures, "bare schemathesis run": bare_failures}
    results: dict[str, Any] = {"correct_mock": {}, "mutants": {}}
    print("== correct mock (exit 0 = conformant) ==")
    for tool, make in tools.items():
        outcome = run_one(MockAPI, make, failures_of[tool])
        results["correct_mock"][tool] = outcome
        fp = f"  false positives: {len(outcome['failures'])}" if outcome["failures"] else ""
        print(f"{tool:24s} exit {outcome['exit']}  {outcome['seconds']:6.1f}s  {outcome['requests']:5d} requests{fp}")
        for title, operation in outcome["failures"]:
            print(f"{'':26s}{title}: {operation}")
    base = results["correct_mock"]
    ratio = base["bare schemathesis run"]["seconds"] / max(base["adapty-contracts check"]["seconds"], 1e-9)
    print(f"wall-time ratio bare/ours on the correct mock: {ratio:.2f}x")
    false_positives = {tool: {tuple(f) for f in base[tool]["failures"]} for tool in tools}

    if args.seeds:
        red_seeds, total = [], 0.0
        for seed in range(args.seed + 1, args.seed + 1 + args.seeds):
            outcome = run_one(MockAPI, functools.partial(ours, seed=seed, max_examples=args.max_examples))
            total += outcome["seconds"]
            if outcome["exit"] != 0:
                red_seeds.append(seed)
        results["false_positives"] = {"seeds": args.seeds, "red": red_seeds, "seconds": round(total, 1)}
        print(f"correct mock over {args.seeds} more seeds: {len(red_seeds)} red {red_seeds} ({total:.0f}s)")

    if args.alternatives:
        print(f"\n== {len(ALTERNATIVES)} alternative correct servers x {args.alternatives} seeds (exit 0 expected) ==")
        red: dict[str, list[int]] = {}
        total = 0.0
        for name, (api_class, _) in sorted(ALTERNATIVES.items()):
            for seed in range(args.seed, args.seed + args.alternatives):
                outcome = run_one(api_class, functools.partial(ours, seed=seed, max_examples=args.max_examples))
                total += outcome["seconds"]
                if outcome["exit"] != 0:
                    red.setdefault(name, []).append(seed)
            print(f"{name:28s} {'red seeds ' + str(red[name]) if name in red else 'all green'}", flush=True)
        runs = len(ALTERNATIVES) * args.alternatives
        false = sum(map(len, red.values()))
        results["alternatives"] = {"runs": runs, "false_positives": red, "seconds": round(total, 1)}
        print(f"alternative servers: {false} false positive(s) in {runs} runs ({total:.0f}s)")

    names = [] if args.mutants == "none" else sorted(MUTANTS) if args.mutants == "all" else args.mutants.split(",")
    if names:
        print(f"\n== {len(names)} mutants (CAUGHT: failures beyond the tool's false positives; red: only those) ==")
        print(f"{'mutant':28s} {'ours':>14s} {'bare':>14s}")
    caught = dict.fromkeys(tools, 0)
    seconds = dict.fromkeys(tools, 0.0)
    for name in names:
        row = {}
        for tool, make in tools.items():
            outcome = run_one(MUTANTS[name][0], make, failures_of[tool])
            outcome["verdict"] = _verdict(outcome, false_positives[tool])
            row[tool] = outcome
            caught[tool] += outcome["verdict"].startswith("CAUGHT")
            seconds[tool] += outcome["seconds"]
        results["mutants"][name] = row
        cells = [f"{row[t]['verdict']:>8s} {row[t]['seconds']:5.1f}s" for t in tools]
        print(f"{name:28s} {cells[0]:>14s} {cells[1]:>14s}", flush=True)
    if names:
        print()
        for tool in tools:
            print(
                f"{tool:24s} caught {caught[tool]}/{len(names)} in {seconds[tool]:.0f}s total; "
                f"{len(false_positives[tool])} false positive(s) on the correct mock"
            )
            results.setdefault("catch_rate", {})[tool] = f"{caught[tool]}/{len(names)}"
        per = {t: seconds[t] / caught[t] if caught[t] else None for t in tools}
        per_cell = ", ".join(f"{t} {'n/a' if per[t] is None else f'{per[t]:.1f}s'}" for t in tools)
        mine, theirs = per["adapty-contracts check"], per["bare schemathesis run"]
        ratio_text = f"{theirs / mine:.2f}x" if mine and theirs else "n/a"
        results["per_caught_mutant"] = {**per, "ratio": ratio_text}
        print(f"seconds per caught mutant: {per_cell} (ratio bare/ours {ratio_text})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
