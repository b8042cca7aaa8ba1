"""The `adapty-contracts` command: one subcommand per pipeline stage, each in its own module.

Each subcommand module exposes `add_arguments(parser)` and `run(args) -> int`; it is imported only when
used, so `adapty-contracts diff` does not pay for starting schemathesis. A UserError becomes one line on
stderr and its exit code (2 by default): no tracebacks for user mistakes. The commands that write the pipeline's
files (WRITES_CHECKOUT) refuse to run without a checkout (see `_paths` for how it is found).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from adapty_contracts._errors import UserError

# name -> (module, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "vendor": (
        "adapty_contracts.spec._vendor_cmd",
        "vendor Adapty's whole document byte for byte (--check: the seed pages agree with it)",
    ),
    "lint-spec": ("adapty_contracts.spec._lint", "lint an OpenAPI document (default: the effective spec)"),
    "regenerate": (
        "adapty_contracts.regenerate",
        "rebuild the effective spec and the generated client (--check: gate)",
    ),
    "mock": ("adapty_contracts.mock._cli", "run the bundled stateful mock of the Adapty API"),
    "check": ("adapty_contracts.harness._cli", "check a server (default: the bundled mock) against the spec"),
    "diff": ("adapty_contracts.spec._diff", "report changes between two specs, marking the breaking ones"),
}
WRITES_CHECKOUT = frozenset({"regenerate", "vendor"})


def version() -> str:
    """The installed distribution's version; the package's own `__version__` when run from a bare source tree."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as distribution_version

    try:
        return distribution_version("adapty-contracts")
    except PackageNotFoundError:
        from adapty_contracts import __version__

        return __version__


class _VersionAction(argparse.Action):
    """`--version`, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        print(f"{parser.prog} {version()}")
        parser.exit()


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the chosen subcommand's module is imported (to add its arguments)."""
    parser = argparse.ArgumentParser(prog="adapty-contracts", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--version", action=_VersionAction, help="print adapty-contracts's version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module, help_text) in SUBCOMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        sub_parser.set_defaults(_module=module)
        if name == chosen:
            importlib.import_module(module).add_arguments(sub_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    args = build_parser(chosen).parse_args(argv)
    try:
        if args.command in WRITES_CHECKOUT:
            from adapty_contracts._paths import require_checkout

            require_checkout(args.command)
        result: int = importlib.import_module(args._module).run(args)
        return result
    except UserError as exc:
        print(f"adapty-contracts {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"adapty-contracts {args.command}: interrupted", file=sys.stderr)
        return 130
