"""What is wrong with a request as it was sent: "one fault per judged request".

A request wrong in several ways may be answered for any of them (a server may validate its body before it looks
the profile up, or its required headers before the API key), so a check that demands one particular answer judges
only requests whose one fault is the property it tests. `FaultFinder.faults` names the faults of a sent request
from the spec alone: the key, the identity headers (none, or one its schema rejects), a profile nobody has, other
parameters its schema rejects, a body that is missing, not JSON or not valid against its schema. When in doubt a
property counts as faulty: a request judged too rarely costs a little coverage, one judged wrongly cries wolf.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import jsonschema
from requests.structures import CaseInsensitiveDict

from adapty_contracts.harness._operations import OperationFacts

AUTH = "auth"  # the Authorization header is not the run's valid key
IDENTITY = "identity"  # none of the required identity headers, or one its schema rejects
UNKNOWN_PROFILE = "unknown profile"  # a well-formed identity naming a profile the run does not know
PARAMETERS = "parameters"  # another header, query or path parameter missing or rejected by its schema
BODY = "body"  # a required body missing, not JSON, or not valid against its schema

# Operations whose description says they create the profile they are given (never 'not found').
MAY_CREATE_PROFILE = frozenset({"createProfile"})


def _coerce(raw: str, schema: Mapping[str, Any]) -> Any:
    """A parameter's text as the JSON value its schema's type names (as a server parses it)."""
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
    if "integer" in kinds and re.fullmatch(r"[+-]?\d+", raw.strip()):
        return int(raw)
    if "number" in kinds:
        try:
            return float(raw)
        except ValueError:
            pass
    if "boolean" in kinds and raw in ("true", "false"):
        return raw == "true"
    return raw


class FaultFinder:
    """Names the faults of sent requests; validators are built once per schema."""

    def __init__(
        self,
        *,
        auth_header: str,
        is_known_profile: Callable[[CaseInsensitiveDict[str]], bool],
    ) -> None:
        self.auth_header = auth_header
        self.is_known_profile = is_known_profile
        self._validators: dict[int, jsonschema.protocols.Validator] = {}
        self._schemas: list[Any] = []  # keeps the schemas whose id() keys the cache alive

    def _valid(self, schema: Any, value: Any) -> bool:
        if not isinstance(schema, dict) or not schema:
            return True
        validator = self._validators.get(id(schema))
        if validator is None:
            cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
            validator = cls(schema, format_checker=jsonschema.FormatChecker())
            self._validators[id(schema)] = validator
            self._schemas.append(schema)
        try:
            return bool(validator.is_valid(value))
        except Exception:  # a schema jsonschema cannot evaluate: treat the value as doubtful
            return False

    def faults(
        self,
        facts: OperationFacts,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: bytes | None,
    ) -> frozenset[str]:
        found: set[str] = set()
        sent = CaseInsensitiveDict(headers)
        if facts.secured and sent.get("Authorization") != self.auth_header:
            found.add(AUTH)
        if method.upper() != facts.method:
            found.add(PARAMETERS)
        split = urlsplit(url)
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        path_values = _path_values(facts.path, split.path)
        if path_values is None:
            found.add(PARAMETERS)
            path_values = {}
        identities: dict[str, str] = {}
        for parameter in facts.parameters:
            name, where = str(parameter.get("name")), parameter.get("in")
            raw: str | None
            if where == "header":
                raw = sent.get(name) or None
            elif where == "query":
                raw = query.get(name)
            elif where == "path":
                raw = path_values.get(name)
            else:
                continue
            fault = IDENTITY if name in facts.identity_parameters else PARAMETERS
            if raw is None:
                if parameter.get("required"):
                    found.add(fault)
                continue
            if not self._valid(parameter.get("schema"), _coerce(raw, parameter.get("schema") or {})):
                found.add(fault)
            elif fault == IDENTITY:
                identities[name] = raw
        if facts.identity_parameters:
            if not identities and IDENTITY not in found:
                found.add(IDENTITY)
            if (
                IDENTITY not in found
                and facts.operation_id not in MAY_CREATE_PROFILE
                and not all(self.is_known_profile(CaseInsensitiveDict({k: v})) for k, v in identities.items())
            ):
                found.add(UNKNOWN_PROFILE)
        if facts.body_schema is not None and self._body_fault(facts, sent, body):
            found.add(BODY)
        return frozenset(found)

    def _body_fault(self, facts: OperationFacts, headers: CaseInsensitiveDict[str], body: bytes | None) -> bool:
        if not body:
            return facts.body_required
        media = (headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
        if media and media != (facts.body_media_type or "") and not media.endswith("json"):
            return True
        try:
            data = json.loads(body)
        except ValueError:
            return True
        return not self._valid(facts.body_schema, data)


def _path_values(template: str, path: str) -> dict[str, str] | None:
    """The path parameters of `path` under `template` (`/a/{id}/`), or None when it does not match."""
    pattern = "".join(
        f"(?P<p{index}>[^/]*)" if part.startswith("{") else re.escape(part)
        for index, part in enumerate(re.split(r"(\{[^}]+\})", template))
    )
    names = {f"p{index}": part[1:-1] for index, part in enumerate(re.split(r"(\{[^}]+\})", template))}
    match = re.fullmatch(pattern, path)
    if match is None:
        return None
    return {names[group]: unquote(value) for group, value in match.groupdict().items()}


__all__ = ["AUTH", "BODY", "IDENTITY", "MAY_CREATE_PROFILE", "PARAMETERS", "UNKNOWN_PROFILE", "FaultFinder"]
