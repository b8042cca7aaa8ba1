#!/usr/bin/env python3
"""Benchmark: `scripts/regenerate` against a bare `openapi-python-client generate` on the same spec, in one run.

Both are timed as whole commands (fresh processes), alternating, N rounds each; we print the medians and the ratio.
The bare run writes to a temporary directory with the generator's defaults (its ruff post-hooks included, as a user
would run it). Usage: python scripts/bench_regenerate.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    generator = Path(sys.executable).with_name("openapi-python-client")
    ruff_dir = str(Path(sys.executable).parent)
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bare"
        env_path = f"{ruff_dir}"
        for _ in range(args.rounds):
            ours.append(timed([sys.executable, "scripts/regenerate"], ROOT))
            shutil.rmtree(out, ignore_errors=True)
            bare.append(
                timed(
                    [
                        "env",
                        f"PATH={env_path}:/usr/bin:/bin",
                        str(generator),
                        "generate",
                        "--path",
                        "openapi/adapty-api.yaml",
                        "--meta",
                        "none",
                        "--output-path",
                        str(out),
                        "--overwrite",
                    ],
                    ROOT,
                )
            )
    m_ours, m_bare = statistics.median(ours), statistics.median(bare)
    print(f"{'command':<46}{'median s':>10}{'min s':>8}{'max s':>8}")
    print(f"{'scripts/regenerate':<46}{m_ours:>10.3f}{min(ours):>8.3f}{max(ours):>8.3f}")
    print(f"{'openapi-python-client generate (bare)':<46}{m_bare:>10.3f}{min(bare):>8.3f}{max(bare):>8.3f}")
    print(f"ratio regenerate/bare (median of {args.rounds}): {m_ours / m_bare:.2f}x  (goal <= 1.2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
