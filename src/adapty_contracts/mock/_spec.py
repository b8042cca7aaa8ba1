"""What the mock takes from the effective spec: the operations' path and the 16 identifier keys.

Read at start-up rather than hard-coded, so that a spec change (a new identifier, a moved path) reaches the
mock without a code change, and a spec that no longer has these operations fails loudly at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from adapty_contracts._paths import EFFECTIVE_SPEC

GET_OPERATION_ID = "getIntegrationIdentifiers"
SET_OPERATION_ID = "setIntegrationIdentifiers"
RESPONSE_SCHEMA = "IntegrationIdentifiersResponse"

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SpecFacts:
    """The parts of the spec the mock serves: one path carrying both operations, and the identifier keys."""

    path: str
    identifier_keys: tuple[str, ...]


def load_spec_facts(spec_path: Path = EFFECTIVE_SPEC) -> SpecFacts:
    """Find the path whose GET and POST are the two operations, and the response schema's property names."""
    with open(spec_path, encoding="utf-8") as fh:
        doc: Any = yaml.load(fh, Loader=_Loader)  # safe loader only
    if not isinstance(doc, dict):
        raise RuntimeError(f"{spec_path}: not an OpenAPI document")
    path = None
    for candidate, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        get_id = (item.get("get") or {}).get("operationId")
        post_id = (item.get("post") or {}).get("operationId")
        if get_id == GET_OPERATION_ID and post_id == SET_OPERATION_ID:
            path = str(candidate)
            break
    if path is None:
        raise RuntimeError(f"{spec_path}: no path has both {GET_OPERATION_ID} (GET) and {SET_OPERATION_ID} (POST)")
    schema = ((doc.get("components") or {}).get("schemas") or {}).get(RESPONSE_SCHEMA) or {}
    keys = tuple(str(key) for key in (schema.get("properties") or {}))
    if not keys:
        raise RuntimeError(f"{spec_path}: schema {RESPONSE_SCHEMA} has no properties")
    return SpecFacts(path=path, identifier_keys=keys)


SPEC_FACTS = load_spec_facts()
IDENTIFIER_KEYS: tuple[str, ...] = SPEC_FACTS.identifier_keys
API_PATH: str = SPEC_FACTS.path
