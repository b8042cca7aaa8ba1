"""`nullable: true` (OpenAPI 3.0) means nothing in 3.1 (JSON Schema 2020-12): say "or null" the 3.1 way.

* a typed schema gets `null` in its `type` list;
* an enum, or an untyped schema (`$ref`, `allOf`/`oneOf`/`anyOf`, e.g. `allOf: [$ref: Offer]` + nullable),
  becomes `anyOf: [<the schema>, {type: 'null'}]`, annotations (description, title, ...) kept outside (an enum
  keeps its values as they are: `type: [string, 'null']` beside it would still reject null, and adding `null` to
  the values makes generators emit one enum class per type);
* `nullable: false` is just dropped.
Examples that show `null` for such fields then validate, with no change to them.
"""

from __future__ import annotations

from typing import Any

_ANNOTATIONS = ("title", "description", "default", "example", "examples", "deprecated", "readOnly", "writeOnly")
_NULL = {"type": "null"}


def apply(node: dict[str, Any], doc: dict[str, Any]) -> None:
    if node.pop("nullable", None) is not True:
        return
    kind = node.get("type")
    if kind is not None and "enum" not in node:
        types = kind if isinstance(kind, list) else [kind]
        node["type"] = [*types, "null"] if "null" not in types else types
        return
    inner = {key: value for key, value in node.items() if key not in _ANNOTATIONS}
    if list(inner) == ["allOf"] and isinstance(inner["allOf"], list) and len(inner["allOf"]) == 1:
        inner = inner["allOf"][0]  # `allOf: [X]` was only there to put siblings next to a $ref
    if not inner or (isinstance(inner.get("anyOf"), list) and _NULL in inner["anyOf"]):
        return  # an empty schema already accepts null; so does an anyOf that lists it
    kept = {key: value for key, value in node.items() if key in _ANNOTATIONS}
    node.clear()
    node.update({"anyOf": [inner, dict(_NULL)], **kept})
