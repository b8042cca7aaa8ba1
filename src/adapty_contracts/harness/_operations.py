"""What the harness knows about each operation, read from the effective spec (never from the generated client).

`OperationFacts` is everything a generic phase or check needs: method and path, tags, which identity parameters
the spec requires one of (`x-required-any-of`, from the overlay), whether it is secured, its JSON request body
schema (local `$ref`s inlined), its documented statuses. A new operation in a newer upstream needs no code here.

`select_operations` is the `--operation` / `--tag` filter: it keeps the spec's order and refuses a filter that
matches nothing (with what exists), so a typo is never a silent "0 operations checked".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from adapty_contracts._errors import UserError

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REQUIRED_ANY_OF = "x-required-any-of"
JSON_MEDIA_TYPES = ("application/json", "application/vnd.api+json")


def inline_refs(node: Any, doc: dict[str, Any], depth: int = 0) -> Any:
    """`node` with local `$ref`s inlined (the spec's schemas are small and acyclic; depth-capped regardless)."""
    if depth > 40:
        return {}
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
            target: Any = doc
            for part in node["$ref"][2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            siblings = {key: value for key, value in node.items() if key != "$ref"}
            resolved = inline_refs(target, doc, depth + 1)
            return {**resolved, **inline_refs(siblings, doc, depth + 1)} if siblings else resolved
        return {key: inline_refs(value, doc, depth + 1) for key, value in node.items()}
    if isinstance(node, list):
        return [inline_refs(item, doc, depth + 1) for item in node]
    return node


@dataclass(frozen=True)
class OperationFacts:
    operation_id: str
    method: str  # upper case
    path: str
    tags: tuple[str, ...]
    raw: dict[str, Any] = field(repr=False, compare=False)
    identity_parameters: tuple[str, ...]  # the spec requires at least one of these (header) parameters
    secured: bool
    body_media_type: str | None
    body_schema: dict[str, Any] | None = field(repr=False, compare=False)
    body_required: bool
    statuses: frozenset[str]
    path_parameters: tuple[str, ...]
    parameters: tuple[dict[str, Any], ...] = field(default=(), repr=False, compare=False)  # inlined, every location

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def header_names(self) -> frozenset[str]:
        """The header parameters the spec declares, lower case."""
        return frozenset(str(p.get("name", "")).lower() for p in self.parameters if p.get("in") == "header")

    def documents(self, status: int) -> bool:
        return str(status) in self.statuses or f"{str(status)[0]}XX" in self.statuses or "default" in self.statuses

    def response_has_body(self, status: int) -> bool | None:
        """True/False when the spec documents `status` with/without content; None when undocumented."""
        response = (self.raw.get("responses") or {}).get(str(status))
        if response is None:
            return None
        return bool((response or {}).get("content"))


def operation_facts(doc: dict[str, Any]) -> list[OperationFacts]:
    """Every operation of the document, in its order."""
    found = []
    global_security = doc.get("security")
    for path, item in (doc.get("paths") or {}).items():
        shared = (item or {}).get("parameters") or []
        for method in HTTP_METHODS:
            operation = (item or {}).get(method)
            if not isinstance(operation, dict):
                continue
            parameters = [inline_refs(p, doc) for p in [*shared, *(operation.get("parameters") or [])]]
            body = inline_refs(operation.get("requestBody"), doc) or {}
            content = body.get("content") or {}
            media = next((m for m in content if m in JSON_MEDIA_TYPES), next(iter(content), None))
            security = operation.get("security", global_security) or []
            found.append(
                OperationFacts(
                    operation_id=str(operation.get("operationId") or f"{method} {path}"),
                    method=method.upper(),
                    path=str(path),
                    tags=tuple(str(tag) for tag in operation.get("tags") or ()),
                    raw=operation,
                    identity_parameters=tuple(operation.get(REQUIRED_ANY_OF) or ()),
                    secured=bool(security) and all(bool(requirement) for requirement in security),  # `{}`: optional
                    body_media_type=media,
                    body_schema=(content.get(media) or {}).get("schema") if media else None,
                    body_required=bool(body.get("required")),
                    statuses=frozenset(str(code) for code in operation.get("responses") or {}),
                    path_parameters=tuple(
                        p["name"] for p in parameters if isinstance(p, dict) and p.get("in") == "path"
                    ),
                    parameters=tuple(p for p in parameters if isinstance(p, dict)),
                )
            )
    return found


def select_operations(
    facts: Iterable[OperationFacts], operation_ids: Iterable[str] = (), tags: Iterable[str] = ()
) -> list[OperationFacts]:
    """The operations named by id or carrying one of the tags (case-insensitive); all when neither is given."""
    facts = list(facts)
    wanted_ids = {name.lower() for name in operation_ids}
    wanted_tags = {name.lower() for name in tags}
    if not wanted_ids and not wanted_tags:
        return facts
    known_ids = {f.operation_id.lower() for f in facts}
    known_tags = {tag.lower() for f in facts for tag in f.tags}
    unknown = sorted(wanted_ids - known_ids)
    if unknown:
        choices = ", ".join(f.operation_id for f in facts)
        raise UserError(f"--operation {', '.join(unknown)}: no such operation in the spec (choose from {choices})")
    unknown = sorted(wanted_tags - known_tags)
    if unknown:
        choices = ", ".join(sorted({tag for f in facts for tag in f.tags}))
        raise UserError(f"--tag {', '.join(unknown)}: no operation has this tag (tags: {choices})")
    return [f for f in facts if f.operation_id.lower() in wanted_ids or wanted_tags & {tag.lower() for tag in f.tags}]
