"""Apply an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0) to a spec.

Semantics follow the Overlay spec: actions run in order; each `target` is an RFC 9535 JSONPath;
`update` is merged into every selected object (objects recursively, arrays appended without duplicates, scalars
replaced); `remove: true` deletes every selected node from its parent.

Two extensions (Overlay allows `x-` fields on an action), both for fixes that must survive the next upstream:

* `x-rule: NAME` applies a named rule (`spec/rules/`, one small module each) to every selected node: a rewrite
  that `update`/`remove` cannot express (wrap a schema in `anyOf`, turn strings into objects), for a *class* of
  defect wherever it occurs. A rule whose target selects nothing is fine: that defect is simply absent.
* `x-optional: true` lets a plain `update`/`remove` select nothing, for the same reason.

Any other action that selects nothing is an error (the spec allows it, but for a specific fix a no-op means the
upstream moved and the fix silently stopped applying).
"""

from __future__ import annotations

import copy
from typing import Any

import jsonpath

from adapty_contracts._errors import UserError
from adapty_contracts.spec.rules import RULES

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
    kinds = ("update" in action) + bool(action.get("remove")) + ("x-rule" in action)
    if kinds != 1:
        raise UserError(f"{where}: an action has exactly one of `update`, `remove: true` or `x-rule`")
    rule = None
    if "x-rule" in action:
        rule = RULES.get(str(action["x-rule"]))
        if rule is None:
            known = ", ".join(sorted(RULES))
            raise UserError(f"{where}: unknown rule {action['x-rule']!r} (known: {known})")
    try:
        matches = list(_JSONPATH.finditer(target, doc))
    except jsonpath.JSONPathError as exc:
        raise UserError(f"{where}: invalid JSONPath: {' '.join(str(exc).split())}") from None
    if not matches:
        if rule is not None or action.get("x-optional") is True:
            return
        raise UserError(f"{where}: target selects nothing")
    if rule is not None:
        for match in matches:
            if not isinstance(match.obj, dict):
                raise UserError(f"{where}: rule {action['x-rule']!r} needs objects, but {match.path} is not one")
            rule(match.obj, doc)
        return
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
            current.extend(item for item in value if item not in current)
        else:
            target[key] = value
