"""Prose "at least one of its fields must be provided" on an object schema, made machine-checkable.

`minProperties: 1` alone would accept one *unknown* key, so the schema also gets `anyOf` of one `required` per
declared property, wrapped in `allOf` (openapi-python-client turns a top-level `anyOf` into `body: Any` and drops
the model; inside `allOf` it is kept). `null` counts as provided: for Adapty it clears the field.
"""

from __future__ import annotations

from typing import Any


def apply(schema: dict[str, Any], doc: dict[str, Any]) -> None:
    properties = list(schema.get("properties") or {})
    if not properties:
        return
    schema["minProperties"] = max(1, int(schema.get("minProperties", 0)))
    alternatives = [{"required": [name]} for name in properties]
    all_of = schema.setdefault("allOf", [])
    if not any(isinstance(part, dict) and part.get("anyOf") == alternatives for part in all_of):
        all_of.append({"anyOf": alternatives})
