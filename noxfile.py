"""Every CI step as a nox session, so a user's CI and a laptop run the same commands: `nox -s NAME`.

Each session installs the project itself (`.[dev]`) into a fresh virtualenv, so any one of them works alone on a
fresh machine. `nox` with no arguments runs the offline gate: lint, spec, generated, tests, contracts.
Live checks read the API key from ADAPTY_API_KEY only; no session prints it or puts it on a command line.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

PYTHON = "3.11"
ROOT = Path(__file__).parent
REPORTS = "reports"
LINT_PATHS = ["src", "tests", "contracts", "scripts", "noxfile.py", "hatch_build.py"]
BENCHMARKS = ["bench_regenerate.py", "bench_client.py", "bench_mock.py", "bench_check.py"]
# Where `adapty-contracts check` writes its reports: JUnit for CI, HTML for people (offline run), JSON for the
# nightly job summary (live run). `--report` takes one file per run, its format by extension.
JUNIT_ARGS = ["--junit-xml", f"{REPORTS}/contracts.xml"]
REPORT_ARGS = [*JUNIT_ARGS, "--report", f"{REPORTS}/contracts.html"]
LIVE_REPORT_ARGS = [*JUNIT_ARGS, "--report", f"{REPORTS}/contracts.json"]
LIVE_ENV = ("ADAPTY_BASE_URL", "ADAPTY_API_KEY")
LIVE_IDENTITY_ENV = ("ADAPTY_TEST_PROFILE_ID", "ADAPTY_TEST_CUSTOMER_USER_ID")

nox.options.sessions = ["lint", "spec", "generated", "tests", "contracts"]
nox.options.error_on_external_run = True


def _install(session: nox.Session) -> None:
    session.install("-e", ".[dev]")


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff (lint + format) on hand-written code, mypy strict on it and on the generated client."""
    _install(session)
    paths = [p for p in LINT_PATHS if (ROOT / p).exists()]
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)
    session.run("mypy")  # files = ["src"], strict: from pyproject.toml
    session.run("mypy", "--strict", "generated/adapty_api_client")


@nox.session(python=PYTHON)
def spec(session: nox.Session) -> None:
    """The upstream spec must still show its known defects (exit 1); the effective spec must lint clean."""
    _install(session)
    session.log("upstream spec: expecting the known defects (exit code 1)")
    session.run("adapty-contracts", "lint-spec", "openapi/upstream/adapty-api.yaml", success_codes=[1])
    session.run("adapty-contracts", "lint-spec", "openapi/adapty-api.yaml")


@nox.session(python=PYTHON)
def regenerate(session: nox.Session) -> None:
    """Rebuild the effective spec and generated/ from upstream + overlay (pass `-- --upstream FILE` for a new spec)."""
    _install(session)
    session.run("python", "scripts/regenerate", *session.posargs)


@nox.session(python=PYTHON)
def generated(session: nox.Session) -> None:
    """The drift gate: generated/ and the effective spec must be exactly what the pipeline produces."""
    _install(session)
    session.run("python", "scripts/regenerate", "--check")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """pytest; arguments after `--` go to pytest (e.g. `nox -s tests -- -m 'not slow' -x`)."""
    _install(session)
    # pytest-xdist: one worker per core (the suite starts many loopback servers; 2 cores halve its wall time).
    # loadgroup: tests marked xdist_group share a worker (the install tests build one fresh venv per module).
    session.run("pytest", *(session.posargs or ["-n", "auto", "--dist", "loadgroup"]))


@nox.session(python=PYTHON)
def contracts(session: nox.Session) -> None:
    """The contract checks against the bundled mock; reports in reports/ (JUnit XML, HTML)."""
    _install(session)
    Path(REPORTS).mkdir(exist_ok=True)
    session.run("adapty-contracts", "check", *REPORT_ARGS, *session.posargs)


@nox.session(name="contracts_live", python=PYTHON)
def contracts_live(session: nox.Session) -> None:
    """The contract checks against the real API (or any ADAPTY_BASE_URL); refuses to run half-configured.

    Reports: reports/contracts.xml (JUnit) and reports/contracts.json (the nightly job summary reads it).
    """
    missing = [name for name in LIVE_ENV if not os.environ.get(name)]
    if not any(os.environ.get(name) for name in LIVE_IDENTITY_ENV):
        missing.append(" or ".join(LIVE_IDENTITY_ENV))
    if missing:
        session.error(f"contracts_live needs {', '.join(missing)} set in the environment; nothing was checked")
    _install(session)
    Path(REPORTS).mkdir(exist_ok=True)
    # The key travels in the inherited environment (ADAPTY_API_KEY), never on the logged command line.
    identity = []
    if os.environ.get("ADAPTY_TEST_PROFILE_ID"):
        identity += ["--profile-id", os.environ["ADAPTY_TEST_PROFILE_ID"]]
    if os.environ.get("ADAPTY_TEST_CUSTOMER_USER_ID"):
        identity += ["--customer-user-id", os.environ["ADAPTY_TEST_CUSTOMER_USER_ID"]]
    base_url = os.environ["ADAPTY_BASE_URL"]
    # The budget fits the nightly job's 45 minutes at the default live rate (9 requests/s, under Adapty's documented
    # 600 a minute): 15,000 requests take about 28 minutes, leaving room for back-pressure waits and cleanup.
    budget = ["--max-requests", "15000"]
    session.run(
        "adapty-contracts", "check", "--base-url", base_url, *identity, *budget, *LIVE_REPORT_ARGS, *session.posargs
    )


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Each benchmark script present under scripts/ (each prints its ratio against its own baseline)."""
    scripts = [ROOT / "scripts" / name for name in BENCHMARKS if (ROOT / "scripts" / name).exists()]
    if not scripts:
        session.error(f"no benchmark scripts found (looked for {', '.join(BENCHMARKS)} in scripts/)")
    _install(session)
    if shutil.which("wrk") is None:  # bench_mock.py's load generator (Prism it installs itself, from npm)
        if shutil.which("apt-get") is None:
            session.error("bench needs wrk (a Debian/Ubuntu package) and apt-get is not available to install it")
        session.log("installing wrk from Debian's packages")
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", "wrk", external=True, env={"DEBIAN_FRONTEND": "noninteractive"})
    for script in scripts:
        session.run("python", str(script.relative_to(ROOT)), *session.posargs)
