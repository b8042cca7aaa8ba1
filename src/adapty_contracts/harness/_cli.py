"""`adapty-contracts check`: check a server (the bundled mock by default, or --base-url) against the spec.

Exit 0 conformant, 1 violations found, 2 could not run (bad flags, unreachable server, missing key).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import signal
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from adapty_contracts._errors import UserError
from adapty_contracts.harness._api import DEFAULT_MAX_EXAMPLES, CheckInterrupted, run_check
from adapty_contracts.harness._engine import ALL_PHASES
from adapty_contracts.harness._events import Result
from adapty_contracts.harness._report import ConsoleProgress, render_summary, write_junit, write_report
from adapty_contracts.harness._target import API_KEY_ENV, STOP, redact_key

_RATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:/\s*s)?\s*$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base-url", help="server to check (default: start the bundled mock on a free port)")
    parser.add_argument("--profile-id", help="UUID of a test profile the run may write to (restored at the end)")
    parser.add_argument("--customer-user-id", help="customer user id of that test profile")
    parser.add_argument(
        "--max-examples", type=int, default=DEFAULT_MAX_EXAMPLES, help="generated cases per operation and phase"
    )
    parser.add_argument("--seed", type=int, help="seed for reproducible runs (default: random, printed)")
    parser.add_argument("--rate-limit", metavar="R/s", help="at most R requests per second (live servers)")
    parser.add_argument("--max-requests", type=int, metavar="N", help="stop after N requests (live servers)")
    parser.add_argument("--phases", help=f"comma-separated subset of: {','.join(ALL_PHASES)}")
    parser.add_argument(
        "--operation",
        action="append",
        default=[],
        metavar="ID",
        help="check only this operation id (repeatable, or comma-separated; default: every operation)",
    )
    parser.add_argument("--tag", action="append", default=[], metavar="TAG", help="check only operations with this tag")
    parser.add_argument(
        "--allow-irreversible",
        action="store_true",
        help="a live run also sends the irreversible operations (transactions, purchase validation, paywall updates)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="notes (disagreements on readings the document leaves open) fail the run too",
    )
    parser.add_argument("--junit-xml", type=Path, metavar="PATH", help="write a JUnit XML report")
    parser.add_argument("--report", type=Path, metavar="PATH", help="write a JSON (.json) or HTML (.html) report")
    parser.add_argument("--timeout", type=float, default=10.0, help="per-request timeout in seconds")


def _rate(text: str | None) -> float | None:
    if text is None:
        return None
    match = _RATE.match(text)
    if match is None or float(match.group(1)) <= 0:
        raise UserError(f"--rate-limit {text!r}: expected a positive number of requests per second, e.g. 5/s")
    return float(match.group(1))


def _phases(text: str | None) -> tuple[str, ...]:
    if not text:
        return ALL_PHASES
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [name for name in chosen if name not in ALL_PHASES]
    if unknown or not chosen:
        raise UserError(f"--phases: unknown phase(s) {', '.join(unknown)}; choose from {', '.join(ALL_PHASES)}")
    return tuple(name for name in ALL_PHASES if name in chosen)


def _validate(args: argparse.Namespace) -> None:
    if args.max_examples < 1:
        raise UserError("--max-examples must be at least 1")
    if args.max_requests is not None and args.max_requests < 1:
        raise UserError("--max-requests must be at least 1")
    if args.timeout <= 0:
        raise UserError("--timeout must be positive")
    if args.profile_id is not None:
        try:
            uuid.UUID(args.profile_id)
        except ValueError:
            raise UserError(f"--profile-id {args.profile_id!r} is not a UUID") from None
    if args.customer_user_id == "":
        raise UserError("--customer-user-id must not be empty")
    if args.base_url is not None and not re.match(r"^https?://[^/\s]+", args.base_url):
        raise UserError(f"--base-url {args.base_url!r}: expected an http:// or https:// URL")
    for option, path in (("--report", args.report), ("--junit-xml", args.junit_xml)):
        if path is not None and not path.parent.is_dir():
            raise UserError(f"{option} {path}: directory {path.parent} does not exist")
    if args.report is not None and args.report.suffix.lower() not in (".json", ".html", ".htm"):
        raise UserError(f"--report {args.report}: use a .json or .html file name")


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM (a CI job being cancelled) unwinds like Ctrl-C, so the test profile is still restored.

    The raised KeyboardInterrupt can land where Python swallows it (a garbage-collector callback), so the stop is
    also recorded: the next request the run sends raises it again (`_target.STOP`). SIGINT gets the same handler,
    also when the process was started with SIGINT ignored (as a shell starts a background job, or a test runner's
    worker): Ctrl-C, or `kill -INT`, always stops the run and cleans up.
    """

    def handler(signum: int, frame: FrameType | None) -> None:
        STOP.set()
        raise KeyboardInterrupt

    try:
        previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        for sig, before in previous.items():
            signal.signal(sig, before)
        STOP.clear()


def _redactor(key: str) -> Callable[[str], str]:
    return lambda text: redact_key(text, key)


def run_cli_check(args: argparse.Namespace) -> Result:
    """Run the whole check as the CLI does (progress on stderr, summary on stdout, reports) and return the Result."""
    _validate(args)
    phases = _phases(args.phases)
    rate = _rate(args.rate_limit)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    key = os.environ.get(API_KEY_ENV) or None
    if args.base_url is not None:
        if not key:
            raise UserError(f"{API_KEY_ENV} is not set: a live server needs its API key in the environment")
        if not args.profile_id and not args.customer_user_id:
            raise UserError("a live server needs a writable test profile: pass --profile-id and/or --customer-user-id")
    else:
        from adapty_contracts.mock import DEFAULT_API_KEY

        key = DEFAULT_API_KEY  # the bundled mock's own key: a real key never needs to be in play
    assert key is not None
    redact = _redactor(key)
    with _sigterm_as_interrupt():
        result = run_check(
            args.base_url,
            api_key=key,
            profile_id=args.profile_id,
            customer_user_id=args.customer_user_id,
            max_examples=args.max_examples,
            seed=seed,
            phases=phases,
            rate_limit=rate,
            max_requests=args.max_requests,
            timeout=args.timeout,
            on_event=ConsoleProgress(redact=redact),
            operations=_names(args.operation),
            tags=_names(args.tag),
            allow_irreversible=args.allow_irreversible,
            strict=args.strict,
        )
    if args.report is not None:
        write_report(result, args.report, redact)
        result.reports.append(str(args.report))
    if args.junit_xml is not None:
        write_junit(result, args.junit_xml, redact)
        result.reports.append(str(args.junit_xml))
    print(redact(render_summary(result)), flush=True)
    return result


def _names(values: list[str]) -> tuple[str, ...]:
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def run(args: argparse.Namespace) -> int:
    try:
        result = run_cli_check(args)
    except CheckInterrupted as exc:
        restored = {True: "restored", False: "NOT restored", None: "not touched"}[exc.restored]
        print(f"adapty-contracts check: interrupted; test profile {restored}", file=sys.stderr)
        return 130
    if result.aborted is not None:
        print(f"adapty-contracts check: the server became unavailable: {result.aborted}", file=sys.stderr)
        return 2
    if result.restored is False:
        # Loud: the server is left changed. What is left, and the requests that put it back by hand.
        print("adapty-contracts check: a restore did not take; the server is left changed", file=sys.stderr)
        for line in result.unrestored:
            print(f"  {line}", file=sys.stderr)
        return 2
    return 0 if result.ok else 1
