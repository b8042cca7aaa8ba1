"""Limits a map schema states in words ("At most 5 keys. Each key matches `RE`, and each value is at most N
characters."), made machine-checkable: `maxProperties`, `propertyNames.pattern`, and the value schema's `maxLength`.

Adapty's virtual-currency `metadata` documents its limits only in prose and answers 422 when they are broken; with
the keywords the mock, the harness and the client's users all see the same limits. Each sentence is read on its own,
so a description that states only some limits gets only those.
"""

from __future__ import annotations

import re
from typing import Any

_MAX_KEYS = re.compile(r"\b[Aa]t most (\d+) keys?\b")
_KEY_PATTERN = re.compile(r"\b[Ee]ach key (?:must )?match(?:es)? `([^`]+)`")
_VALUE_LENGTH = re.compile(r"\beach value (?:is|must be) at most (\d+) characters?\b", re.IGNORECASE)


def apply(schema: dict[str, Any], doc: dict[str, Any]) -> None:
    text = str(schema.get("description") or "")
    values = schema.get("additionalProperties")
    if not text or not isinstance(values, dict):
        return
    if match := _MAX_KEYS.search(text):
        schema.setdefault("maxProperties", int(match.group(1)))
    if match := _KEY_PATTERN.search(text):
        schema.setdefault("propertyNames", {"pattern": match.group(1)})
    if (match := _VALUE_LENGTH.search(text)) and "$ref" not in values:
        values.setdefault("maxLength", int(match.group(1)))
