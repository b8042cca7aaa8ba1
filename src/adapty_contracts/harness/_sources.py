"""Where each verdict comes from: a JSON pointer into Adapty's document (or the overlay action encoding a sentence).

"Every check cites its source": a violation carries `upstream#/paths/~1api~1.../post/responses/404/description`
(the sentence it rests on) or `overlay#/actions/N` (an overlay action that made a sentence machine-checkable).
What rests on our reading of something the document leaves open is a *note* instead (`Violation.note`).

A pointer is cut back to the deepest part the loaded document has, so a newer upstream that moves a sentence still
gets a citation of its nearest place rather than a dangling one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from adapty_contracts._paths import EFFECTIVE_SPEC, OVERLAY, UPSTREAM_SPEC


def escape(part: object) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def resolve(doc: Any, parts: list[str]) -> tuple[list[str], Any]:
    """The longest prefix of `parts` that exists in `doc`, and the node there."""
    node, found = doc, []
    for part in parts:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            break
        found.append(part)
    return found, node


# libyaml's parser when PyYAML has it (its wheels do): the same document, ~10x faster than pure Python.
YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Sources:
    """Builds citations against the vendored upstream document (the effective spec where none is shipped)."""

    def __init__(self, upstream: Path = UPSTREAM_SPEC, overlay: Path = OVERLAY) -> None:
        self.name = "upstream" if upstream.is_file() else "spec"
        with open(upstream if upstream.is_file() else EFFECTIVE_SPEC, encoding="utf-8") as fh:
            self.doc: dict[str, Any] = yaml.load(fh, Loader=YAML_LOADER)
        self.actions: list[dict[str, Any]] = []
        if overlay.is_file():
            with open(overlay, encoding="utf-8") as fh:
                self.actions = list((yaml.load(fh, Loader=YAML_LOADER) or {}).get("actions") or [])
        self._operations: dict[str, tuple[str, str]] = {}
        for path, item in (self.doc.get("paths") or {}).items():
            for method, operation in (item or {}).items():
                if isinstance(operation, dict) and operation.get("operationId"):
                    self._operations[str(operation["operationId"])] = (str(path), str(method))

    def pointer(self, *parts: object) -> str:
        found, _ = resolve(self.doc, [str(p) for p in parts])
        return f"{self.name}#/" + "/".join(escape(p) for p in found)

    def operation(self, operation_id: str, *parts: object) -> str:
        """A place in one operation (`responses`, `404`, `description`), cut back to what exists."""
        where = self._operations.get(operation_id)
        if where is None:
            return f"{self.name}#/paths"
        return self.pointer("paths", where[0], where[1], *parts)

    def parameter(self, operation_id: str, name: str, *parts: object) -> str:
        """A parameter of an operation by name (its description states the either-or rule)."""
        where = self._operations.get(operation_id)
        if where is None:
            return self.operation(operation_id)
        operation = self.doc["paths"][where[0]][where[1]]
        for index, parameter in enumerate(operation.get("parameters") or []):
            if isinstance(parameter, dict) and parameter.get("name") == name:
                return self.operation(operation_id, "parameters", index, *parts)
        return self.operation(operation_id, "parameters")

    def body_property(self, operation_id: str, name: str, *parts: object) -> str:
        """A request body property's place in its component schema (where its description is)."""
        where = self._operations.get(operation_id)
        if where is None:
            return self.operation(operation_id)
        content = ((self.doc["paths"][where[0]][where[1]].get("requestBody") or {}).get("content")) or {}
        media: dict[str, Any] = next(iter(content.values()), {})
        schema = media.get("schema") or {}
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            return self.pointer("components", "schemas", ref.rsplit("/", 1)[1], "properties", name, *parts)
        return self.operation(operation_id, "requestBody")

    def schema(self, name: str, *parts: object) -> str:
        return self.pointer("components", "schemas", name, *parts)

    def overlay(self, text: str) -> str:
        """The overlay action whose description contains `text`."""
        for index, action in enumerate(self.actions):
            if text in str(action.get("description") or ""):
                return f"overlay#/actions/{index}"
        return "overlay#/actions"


def resolves(source: str, sources: Sources) -> bool:
    """Does `source` name a place that exists (in the upstream document or the overlay)?"""
    document, _, pointer = source.partition("#/")
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")] if pointer else []
    if document == "overlay":
        found, _ = resolve({"actions": sources.actions}, parts)
    elif document == sources.name:
        found, _ = resolve(sources.doc, parts)
    else:
        return False
    return len(found) == len(parts)


__all__ = ["Sources", "escape", "resolves"]
