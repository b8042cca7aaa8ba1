"""`adapty-contracts vendor`: rebuild openapi/upstream/adapty-api.yaml from the doc pages, changing nothing in them."""

from __future__ import annotations

import argparse
from pathlib import Path

from adapty_contracts import _paths
from adapty_contracts._errors import UserError
from adapty_contracts.spec._effective import dump_yaml
from adapty_contracts.spec._upstream import merge_documents, read_seed

UPSTREAM_HEADER = (
    "# Upstream Adapty spec, vendored unchanged: merged from the doc pages in openapi/upstream/seeds/ by\n"
    "# `adapty-contracts vendor`, or taken from `scripts/regenerate --upstream FILE`.\n"
    "# Do not edit: fixes go in openapi/overlay.yaml.\n"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "pages",
        nargs="*",
        type=Path,
        help="doc pages with one ```yaml operation each (default: openapi/upstream/seeds)",
    )
    parser.add_argument("--output", type=Path, default=_paths.UPSTREAM_SPEC, help="where to write the merged document")
    parser.add_argument("--check", action="store_true", help="exit 1 if the vendored document differs from the pages")


def merged_upstream_text(pages: list[Path]) -> str:
    if not pages:
        raise UserError("no seed pages given or found")
    return dump_yaml(merge_documents([read_seed(page) for page in sorted(pages)]), UPSTREAM_HEADER)


def run(args: argparse.Namespace) -> int:
    pages = list(args.pages) or sorted(_paths.UPSTREAM_SEEDS_DIR.glob("*.md"))
    text = merged_upstream_text(pages)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        print("up to date" if current == text else f"STALE: {args.output} differs from the merged pages")
        return 0 if current == text else 1
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} from {len(pages)} page(s)")
    return 0
