"""Apply an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0) to a spec.

Semantics follow the Overlay spec: actions run in order; each `target` is an RFC 9535 JSONPath;
`update` is merged into every selected object (objects recursively, arrays appended, scalars
replaced); `remove: true` deletes every selected node from its parent. A target that selects
nothing is an error here (the spec allows it, but for our fixes a no-op means the upstream moved
and the fix silently stopped applying).
"""

from __future__ import annotations

import copy
from typing import Any

import jsonpath

from adapty_contracts._errors import UserError

_JSONPATH = jsonpath.JSONPathEnvironment(strict=True)


def apply_overlay(spec: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """Return a new document: `spec` with every action of `overlay` applied."""
    if not str(overlay.get("overlay", "")).startswith("1."):
        raise UserError("overlay: missing or unsupported `overlay` version (expected 1.x)")
    actions = overlay.get("actions")
    if not isinstance(actions, list) or not actions:
        raise UserError("overlay: `actions` must be a non-empty list")
    result = copy.deepcopy(spec)
    for number, action in enumerate(actions, start=1):
        _apply_action(result, action, number)
    return result


def _apply_action(doc: dict[str, Any], action: Any, number: int) -> None:
    where = f"overlay action {number}"
    if not isinstance(action, dict) or "target" not in action:
        raise UserError(f"{where}: every action needs a `target`")
    target = action["target"]
    where = f"{where} ({action.get('description') or target})"
    if ("update" in action) == bool(action.get("remove")):
        raise UserError(f"{where}: an action has exactly one of `update` or `remove: true`")
    try:
        matches = list(_JSONPATH.finditer(target, doc))
    except jsonpath.JSONPathError as exc:
        raise UserError(f"{where}: invalid JSONPath: {' '.join(str(exc).split())}") from None
    if not matches:
        raise UserError(f"{where}: target selects nothing")
    if action.get("remove"):
        # Delete deepest-first and from the end of arrays, so earlier deletions keep later paths valid.
        for parts in sorted((m.parts for m in matches), key=lambda p: (len(p), p), reverse=True):
            parent = _resolve(doc, parts[:-1])
            del parent[parts[-1]]
        return
    for match in matches:
        if not isinstance(match.obj, dict):
            raise UserError(f"{where}: `update` needs objects, but {match.path} is not one")
        _merge(match.obj, copy.deepcopy(action["update"]))


def _resolve(doc: Any, parts: tuple[Any, ...]) -> Any:
    node = doc
    for part in parts:
        node = node[part]
    return node


def _merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    for key, value in update.items():
        current = target.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            _merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(value)
        else:
            target[key] = value
