"""Turn Adapty's per-operation doc pages into one upstream OpenAPI document, changing nothing else.

Each seed is a Markdown page with a ```yaml block whose first line is a locator
(`/api-specs/adapty-api.yaml post /api/...`), not YAML. We drop that line, parse the rest and
merge the operations of all pages; conflicting definitions of the same component are an error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from adapty_contracts._errors import UserError
from adapty_contracts.spec._pointer import escape

_YAML_BLOCK = re.compile(r"^```ya?ml[ \t]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
_LOCATOR = re.compile(r"^\S+\.ya?ml\s+(get|put|post|delete|patch|head|options|trace)\s+/\S*\s*$", re.IGNORECASE)


def read_seed(path: Path) -> dict[str, Any]:
    """Parse the OpenAPI document in one seed page (the locator line is dropped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read seed {path}: {exc}") from None
    match = _YAML_BLOCK.search(text)
    if match is None:
        raise UserError(f"{path}: no ```yaml block found")
    lines = match.group(1).splitlines()
    if lines and _LOCATOR.match(lines[0]):
        lines = lines[1:]
    try:
        doc = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError as exc:
        raise UserError(f"{path}: invalid YAML in the spec block: {_one_line(exc)}") from None
    if not isinstance(doc, dict):
        raise UserError(f"{path}: the spec block is not a YAML mapping")
    return doc


def merge_documents(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """Merge OpenAPI documents: operations are united per path; equal keys must agree exactly."""
    merged: dict[str, Any] = {}
    for doc in docs:
        _merge_into(merged, doc, "")
    return merged


def _merge_into(target: dict[str, Any], source: dict[str, Any], pointer: str) -> None:
    for key, value in source.items():
        here = f"{pointer}/{escape(str(key))}"
        if key not in target:
            target[key] = value
        elif isinstance(target[key], dict) and isinstance(value, dict):
            _merge_into(target[key], value, here)
        elif target[key] != value:
            raise UserError(f"seeds disagree at {here}")


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
