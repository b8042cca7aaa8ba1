"""Named overlay rules: each fixes one *class* of upstream defect wherever its overlay target selects it.

A rule is `apply(node, doc)`: it rewrites `node` (a dict the target selected) in place and may read `doc`
(e.g. to resolve a local `$ref`). Rules are idempotent: applied to an already-fixed node they change nothing,
so a newer upstream that fixed a defect itself goes through unchanged. One module per rule; register it here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from adapty_contracts.spec.rules import (
    at_least_one_property,
    error_example_items,
    map_limits,
    nullable,
    python_names,
    required_any_of,
    retry_after_header,
    unique_titles,
)

Rule = Callable[[dict[str, Any], dict[str, Any]], None]

RULES: dict[str, Rule] = {
    "nullable-to-type-list": nullable.apply,
    "error-example-items": error_example_items.apply,
    "required-any-of-parameters": required_any_of.apply,
    "at-least-one-property": at_least_one_property.apply,
    "unique-model-titles": unique_titles.apply,
    "retry-after-header": retry_after_header.apply,
    "map-limits-from-prose": map_limits.apply,
    "bracket-parameter-python-names": python_names.apply,
}
