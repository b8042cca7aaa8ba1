"""Prose "Either `a` or `b` is required" on an operation's parameters, made machine-checkable.

Adapty marks both identity headers `required: false` and says in their descriptions that one of them is required.
OpenAPI cannot say "at least one of these parameters", so the operation gets the extension
`x-required-any-of: [a, b]` (parameter names, in the order the prose gives them), which the mock and the harness
read, and a documented 400 (the error schema its other 4xx responses use) for a request with neither, if it had
no 400 yet.
"""

from __future__ import annotations

import re
from typing import Any

from adapty_contracts.spec.rules._refs import resolve

_EITHER = re.compile(r"Either `([^`]+)` or `([^`]+)` is required")
EXTENSION = "x-required-any-of"


def apply(operation: dict[str, Any], doc: dict[str, Any]) -> None:
    parameters = [resolve(doc, p) for p in operation.get("parameters") or []]
    names = {p.get("name") for p in parameters if isinstance(p, dict)}
    group: list[str] = []
    for parameter in parameters:
        match = _EITHER.search(str((parameter or {}).get("description") or ""))
        if match and set(match.groups()) <= names:
            group = list(match.groups())
            break
    if not group:
        return
    operation[EXTENSION] = group
    responses = operation.setdefault("responses", {})
    if "400" in responses or 400 in responses:
        return
    error_schema = _error_schema(responses)
    if error_schema is None:
        return
    message = f"Either {group[0]} or {group[1]} is required."
    responses["400"] = {
        "description": f"Bad request (neither {group[0]} nor {group[1]} was sent)",
        "content": {
            "application/json": {
                "schema": error_schema,
                "example": {
                    "errors": [{"source": group[-1], "errors": [message]}],
                    "error_code": "validation_error",
                    "status_code": 400,
                },
            }
        },
    }


def _error_schema(responses: dict[Any, Any]) -> Any:
    """The schema the operation's other client errors use (a `$ref`, copied), if any."""
    for code in sorted(responses, key=str):
        if str(code).startswith("4"):
            schema = ((((responses[code] or {}).get("content") or {}).get("application/json")) or {}).get("schema")
            if schema is not None:
                return dict(schema)
    return None
