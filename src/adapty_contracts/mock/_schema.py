"""JSON Schema helpers of the mock: `$ref` inlining, precompiled validators that name the offending field, request
value coercion (query/header/path strings to the schema's type), and example values generated from a schema.

All of it runs once per operation at start-up except the compiled checks, which run per request.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

_FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER
_UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
MAX_MESSAGE = 200

# Keywords the mock understands (JSON Schema 2020-12 as OpenAPI 3.1 uses it, plus OpenAPI's annotations). A schema
# using anything else fails at start-up, as stripe-mock does: served wrongly is worse than not served.
SUPPORTED_KEYWORDS = frozenset(
    {
        "type", "enum", "const", "format", "properties", "required", "items", "additionalProperties",
        "minProperties", "maxProperties", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength",
        "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "allOf", "anyOf",
        "oneOf", "not", "discriminator", "default", "description", "title", "example", "examples", "deprecated",
        "readOnly", "writeOnly", "$ref", "nullable", "xml", "externalDocs", "$comment", "contentMediaType",
        "contentEncoding", "patternProperties", "propertyNames", "dependentRequired", "if", "then", "else",
    }
)  # fmt: skip


class SchemaError(ValueError):
    """The spec holds something the mock cannot serve (an unresolvable `$ref`, an unknown keyword)."""


class Invalid(ValueError):
    """A request value failed its schema: `path` is where (JSON path items from the part's root), `message` why."""

    def __init__(self, message: str, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


def resolve_refs(node: Any, doc: dict[str, Any], _stack: tuple[str, ...] = ()) -> Any:
    """A copy of `node` with every local `$ref` replaced by its target (siblings of a `$ref` kept, as 3.1 allows)."""
    if isinstance(node, list):
        return [resolve_refs(item, doc, _stack) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        if not ref.startswith("#/"):
            raise SchemaError(f"only local $refs are supported, got {ref!r}")
        if ref in _stack:
            raise SchemaError(f"recursive $ref {ref!r} is not supported")
        target: Any = doc
        for token in ref[2:].split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or token not in target:
                raise SchemaError(f"$ref {ref!r} points at nothing")
            target = target[token]
        resolved = resolve_refs(target, doc, (*_stack, ref))
        siblings = {k: resolve_refs(v, doc, _stack) for k, v in node.items() if k != "$ref"}
        if not siblings:
            return resolved
        if isinstance(resolved, dict):
            return {**resolved, **siblings}
        return resolved
    return {key: resolve_refs(value, doc, _stack) for key, value in node.items()}


def check_keywords(schema: Any, where: str) -> None:
    """Refuse schema keywords the mock does not understand (inside properties, the keys are names, not keywords)."""
    if not isinstance(schema, dict):
        return
    for key, value in schema.items():
        if key.startswith("x-"):
            continue
        if key not in SUPPORTED_KEYWORDS:
            raise SchemaError(f"{where}: unsupported schema keyword {key!r}")
        if key in ("properties", "patternProperties"):
            for name, sub in (value or {}).items():
                check_keywords(sub, f"{where}/{key}/{name}")
        elif key in ("items", "additionalProperties", "not", "propertyNames", "if", "then", "else"):
            check_keywords(value, f"{where}/{key}")
        elif key in ("allOf", "anyOf", "oneOf"):
            for i, sub in enumerate(value or []):
                check_keywords(sub, f"{where}/{key}/{i}")


def types_of(schema: dict[str, Any]) -> tuple[str, ...]:
    kind = schema.get("type")
    if isinstance(kind, str):
        return (kind,)
    if isinstance(kind, list):
        return tuple(str(k) for k in kind)
    return ()


# --- per-request checks -----------------------------------------------------------------------------------------------
def compile_validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=_FORMAT_CHECKER)


def first_error(validator: Draft202012Validator, instance: Any) -> ValidationError | None:
    """The most relevant schema violation (deepest in the branch that matched best), or None."""
    return best_match(validator.iter_errors(instance))


def error_path(error: ValidationError) -> tuple[str | int, ...]:
    """Where a violation is: its instance path, plus the missing property for `required`."""
    path: tuple[str | int, ...] = tuple(error.absolute_path)
    if error.validator == "required" and isinstance(error.validator_value, list):
        present = error.instance if isinstance(error.instance, dict) else {}
        missing = [name for name in error.validator_value if name not in present]
        if missing:
            path += (str(missing[0]),)
    elif error.validator == "dependentRequired":
        pass
    return path


def error_message(error: ValidationError, schema_root: dict[str, Any] | None = None) -> str:
    """A short message: the failing schema's description for whole-object rules, else jsonschema's (truncated)."""
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    if not error.absolute_path and error.validator in ("minProperties", "anyOf", "oneOf", "allOf") and schema_root:
        description = description or schema_root.get("description")
    if error.validator in ("minProperties", "anyOf") and isinstance(description, str) and description.strip():
        return _one_line(description.strip().rstrip(".") + ".")
    if error.validator == "required" and isinstance(error.validator_value, list):
        present = error.instance if isinstance(error.instance, dict) else {}
        missing = [str(name) for name in error.validator_value if name not in present]
        if missing:
            return f"{missing[0]} is required."
    if error.validator == "type":
        expected = error.validator_value
        names = expected if isinstance(expected, list) else [expected]
        return f"Must be of type {' or '.join(str(n) for n in names)}."
    if error.validator == "enum":
        return f"Must be one of: {', '.join(map(_short_repr, error.validator_value))}."
    if error.validator == "format":
        return f"Must be a valid {error.validator_value}."
    return _one_line(error.message)


def _short_repr(value: Any) -> str:
    return "null" if value is None else str(value)


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 3] + "..."


def lone_surrogate_path(value: Any, path: tuple[str | int, ...] = ()) -> tuple[str | int, ...] | None:
    """Where a string holds a lone surrogate (JSON `"\\ud800"`: not Unicode text, not storable), or None."""
    if isinstance(value, str):
        if value.isascii():
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and lone_surrogate_path(key) is not None:
                return (*path, key)
            found = lone_surrogate_path(item, (*path, key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = lone_surrogate_path(item, (*path, i))
            if found is not None:
                return found
    return None


ScalarCheck = Callable[[str], Any]


def compile_scalar(schema: dict[str, Any]) -> ScalarCheck:
    """A check for one parameter value as sent (a string): coerced to the schema's type, then validated.

    Returns the coerced value or raises `Invalid`. The common cases (a plain string; a UUID) skip jsonschema: they
    run on every request of the hot paths.
    """
    plain = {k: v for k, v in schema.items() if k not in ("description", "title", "example", "examples", "default")}
    kinds = types_of(plain)
    if set(plain) <= {"type"} and kinds in ((), ("string",)):
        return _identity
    if set(plain) <= {"type", "format"} and kinds == ("string",) and plain.get("format") == "uuid":
        return _uuid
    validator = compile_validator(schema)
    number_kinds = [k for k in kinds if k in ("integer", "number", "boolean")]

    def check(raw: str) -> Any:
        value: Any = raw
        for kind in number_kinds:
            coerced = _coerce(raw, kind)
            if coerced is not _FAILED:
                value = coerced
                break
        error = first_error(validator, value)
        if error is not None:
            raise Invalid(error_message(error))
        return value

    return check


_FAILED = object()


def _coerce(raw: str, kind: str) -> Any:
    if kind == "integer":
        text = raw.strip()
        if re.fullmatch(r"[+-]?\d{1,4000}", text):
            return int(text)
        return _FAILED
    if kind == "number":
        try:
            number = float(raw)
        except ValueError:
            return _FAILED
        return number if number == number and abs(number) != float("inf") else _FAILED
    if kind == "boolean":
        return {"true": True, "false": False}.get(raw.lower(), _FAILED)
    return _FAILED


def _identity(raw: str) -> str:
    return raw


def _uuid(raw: str) -> str:
    if len(raw) != 36 or _UUID_RE.fullmatch(raw) is None:
        raise Invalid("Must be a valid uuid (8-4-4-4-12 hex digits).")
    return raw


# --- generated values ---------------------------------------------------------------------------------------------
_FORMAT_SAMPLES: dict[str, Any] = {
    "uuid": "00000000-0000-4000-8000-000000000000",
    "date-time": "2025-01-01T00:00:00+00:00",
    "date": "2025-01-01",
    "email": "user@example.com",
    "uri": "https://example.com/",
    "ipv4": "127.0.0.1",
    "ipv6": "::1",
    "time": "00:00:00+00:00",
}


def generate(schema: Any, *, required_only: bool = False) -> Any:
    """A deterministic value valid against `schema` (refs resolved): its example, default, first enum, or built."""
    if not isinstance(schema, dict):
        return None
    for key in ("example", "default", "const"):
        if key in schema and _valid(schema, schema[key]):
            return copy.deepcopy(schema[key])
    if isinstance(schema.get("examples"), list) and schema["examples"] and _valid(schema, schema["examples"][0]):
        return copy.deepcopy(schema["examples"][0])
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return copy.deepcopy(schema["enum"][0])
    for key in ("oneOf", "anyOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            non_null = [o for o in options if not (isinstance(o, dict) and o.get("type") == "null")]
            merged = {k: v for k, v in schema.items() if k not in (key, "discriminator")}
            return generate({**merged, **(non_null or options)[0]}, required_only=required_only)
    if isinstance(schema.get("allOf"), list):
        merged = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema["allOf"]:
            if isinstance(part, dict):
                merged = _merge(merged, part)
        return generate(merged, required_only=required_only)
    kinds = [k for k in types_of(schema) if k != "null"] or (["object"] if "properties" in schema else [])
    kind = kinds[0] if kinds else ("null" if types_of(schema) == ("null",) else "string")
    if kind == "object":
        required = set(schema.get("required") or [])
        result = {}
        for name, sub in (schema.get("properties") or {}).items():
            if required_only and name not in required:
                continue
            result[name] = generate(sub)
        return result
    if kind == "array":
        count = int(schema.get("minItems") or 0)
        return [generate(schema.get("items") or {}) for _ in range(count)]
    if kind == "string":
        if schema.get("format") in _FORMAT_SAMPLES:
            return _FORMAT_SAMPLES[str(schema["format"])]
        length = int(schema.get("minLength") or 0)
        return "string"[: max(length, 6)] if length <= 6 else "s" * length
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0)) or 0
        value = max(0, low + (1 if "exclusiveMinimum" in schema else 0))
        if "maximum" in schema:
            value = min(value, schema["maximum"])
        return int(value) if kind == "integer" else float(value)
    if kind == "boolean":
        return False
    return None


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if key == "properties":
            merged["properties"] = {**(merged.get("properties") or {}), **value}
        elif key == "required":
            merged["required"] = [*(merged.get("required") or []), *value]
        else:
            merged.setdefault(key, value)
    return merged


def _valid(schema: dict[str, Any], value: Any) -> bool:
    try:
        return bool(compile_validator(schema).is_valid(value))
    except jsonschema.exceptions.SchemaError:
        return False


def complete(value: dict[str, Any], schema: Any) -> dict[str, Any]:
    """`value` with every property `schema` declares that it lacks filled by `generate` (spec-added fields)."""
    props: Iterable[tuple[str, Any]] = (
        ((schema or {}).get("properties") or {}).items() if isinstance(schema, dict) else ()
    )
    for name, sub in props:
        if name not in value:
            value[name] = generate(sub)
    return value


@dataclass(frozen=True)
class BodyCheck:
    """A precompiled body validator: `check(data)` returns `data` or raises `Invalid` naming the field."""

    schema: dict[str, Any]
    validator: Draft202012Validator

    def check(self, data: Any) -> Any:
        error = first_error(self.validator, data)
        if error is not None:
            raise Invalid(error_message(error, self.schema), error_path(error))
        surrogate = lone_surrogate_path(data)
        if surrogate is not None:
            raise Invalid("Must be valid Unicode text (no lone surrogates).", surrogate)
        return data


def compile_body(schema: dict[str, Any]) -> BodyCheck:
    return BodyCheck(schema, compile_validator(schema))
