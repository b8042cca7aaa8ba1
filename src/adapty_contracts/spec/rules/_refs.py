"""Local `$ref` resolution for rules (`#/components/...` only: the upstream is one self-contained document)."""

from __future__ import annotations

from typing import Any

from adapty_contracts.spec._pointer import unescape


def resolve(doc: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """`node` with its (chain of) local `$ref` followed; unresolvable references give None."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 32:
        ref: str = node["$ref"]
        if not ref.startswith("#/"):
            return None
        target: Any = doc
        for token in ref[2:].split("/"):
            if not isinstance(target, dict):
                return None
            target = target.get(unescape(token))
        node, depth = target, depth + 1
    return node
