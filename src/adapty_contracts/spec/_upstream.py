"""Read Adapty's per-operation doc pages (the seeds we started from; kept as provenance of the vendored document).

Each seed is a Markdown page with a ```yaml block whose first line is a locator
(`/api-specs/adapty-api.yaml post /api/...`), not YAML. We drop that line and parse the rest.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from adapty_contracts._errors import UserError

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


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
