"""Error examples whose `errors` are plain strings, where the response schema says items are objects.

Adapty's ErrorResponse (normative) has `errors: [{source, errors: [str]}]`; many examples show `errors: ["msg"]`.
For a media type whose schema's `errors` items are objects with an `errors` string array, each string item of
each example becomes `{source: null, errors: [msg]}` (`source` only if the item schema has it): the message is
kept, the shape is fixed. Examples that already fit, and other schemas, are left alone.
"""

from __future__ import annotations

from typing import Any

from adapty_contracts.spec.rules._refs import resolve


def apply(media_type: dict[str, Any], doc: dict[str, Any]) -> None:
    schema = resolve(doc, media_type.get("schema"))
    if not isinstance(schema, dict):
        return
    item_schema = resolve(doc, ((schema.get("properties") or {}).get("errors") or {}).get("items"))
    if not isinstance(item_schema, dict):
        return
    item_properties = item_schema.get("properties") or {}
    if "errors" not in item_properties:
        return
    with_source = "source" in item_properties
    for example in _example_values(media_type):
        if isinstance(example, dict) and isinstance(example.get("errors"), list):
            example["errors"] = [_as_item(item, with_source) for item in example["errors"]]


def _example_values(media_type: dict[str, Any]) -> list[Any]:
    values = [media_type["example"]] if "example" in media_type else []
    for example in (media_type.get("examples") or {}).values():
        if isinstance(example, dict) and "value" in example:
            values.append(example["value"])
    return values


def _as_item(item: Any, with_source: bool) -> Any:
    if not isinstance(item, str):
        return item
    return {"source": None, "errors": [item]} if with_source else {"errors": [item]}
