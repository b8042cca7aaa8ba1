"""`adapty-contracts vendor`: take Adapty's whole published document into openapi/upstream/, byte for byte.

`vendor FILE` copies FILE (Adapty's `adapty-api.yaml`) unchanged to openapi/upstream/adapty-api.yaml, after checking
that it is an OpenAPI 3 document. `vendor --check` proves provenance: every operation and component schema of the
doc pages we started from (openapi/upstream/seeds/*.md, one operation each) is the same in the vendored document.
Fixes never go into the vendored file: they are overlay rules (openapi/overlay.yaml).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from adapty_contracts import _paths
from adapty_contracts._errors import UserError
from adapty_contracts.spec._effective import load_spec
from adapty_contracts.spec._pointer import escape
from adapty_contracts.spec._upstream import read_seed

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("document", nargs="?", type=Path, help="Adapty's adapty-api.yaml to vendor (copied as is)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 unless every seed page's operations and schemas are the same in the vendored document",
    )
    parser.add_argument("--seeds", type=Path, default=_paths.UPSTREAM_SEEDS_DIR, help="folder of the seed pages")
    parser.add_argument("--upstream", type=Path, default=_paths.UPSTREAM_SPEC, help="the vendored document")


def run(args: argparse.Namespace) -> int:
    if args.check:
        disagreements = seed_disagreements(sorted(Path(args.seeds).glob("*.md")), load_openapi(args.upstream))
        for line in disagreements:
            print(f"STALE: {line}")
        if disagreements:
            return 1
        print(f"up to date: the seed pages in {args.seeds} agree with {args.upstream}")
        return 0
    if args.document is None:
        raise UserError("name the document to vendor (Adapty's adapty-api.yaml), or use --check")
    vendor(args.document, args.upstream)
    print(f"vendored {args.document} as {args.upstream} (unchanged)")
    return 0


def load_openapi(path: Path) -> dict[str, Any]:
    """A YAML/JSON OpenAPI 3 document with paths, or a UserError saying why not."""
    doc = load_spec(path)
    if not str(doc.get("openapi", "")).startswith("3.") or not isinstance(doc.get("paths"), dict):
        raise UserError(f"{path}: not an OpenAPI 3 document (no `openapi: 3.x`, or no `paths` mapping)")
    return doc


def vendor(source: Path, destination: Path) -> None:
    """Copy `source` byte for byte to `destination` (atomically), once it is known to be an OpenAPI document."""
    load_openapi(source)
    data = source.read_bytes()
    if not destination.parent.is_dir():
        raise UserError(f"cannot write {destination}: folder {destination.parent} does not exist")
    staged = destination.with_name(f".{destination.name}.staged")
    staged.write_bytes(data)
    os.replace(staged, destination)


def seed_disagreements(pages: list[Path], document: dict[str, Any]) -> list[str]:
    """Where a seed page's operations or component schemas differ from the whole document (empty: they agree)."""
    if not pages:
        raise UserError("no seed pages found")
    found = []
    for page in pages:
        seed = read_seed(page)
        for path, item in (seed.get("paths") or {}).items():
            for method in HTTP_METHODS:
                if method in (item or {}):
                    theirs = ((document.get("paths") or {}).get(path) or {}).get(method)
                    if theirs != item[method]:
                        where = f"/paths/{escape(str(path))}/{method}"
                        found.append(f"{page.name}: {where} {'is missing' if theirs is None else 'differs'}")
        schemas = (document.get("components") or {}).get("schemas") or {}
        for name, schema in ((seed.get("components") or {}).get("schemas") or {}).items():
            if schemas.get(name) != schema:
                state = "is missing" if name not in schemas else "differs"
                found.append(f"{page.name}: /components/schemas/{escape(str(name))} {state}")
    return found
