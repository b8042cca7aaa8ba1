"""`adapty-contracts lint-spec`: the defects a generator or a test harness would trip over, each with a JSON pointer.

Three sources of findings: the document against the OpenAPI meta-schema (openapi-spec-validator; catches unknown
fields such as `default` on a Security Scheme), `nullable` used under OpenAPI 3.1 (silently ignored there), and every
example validated against its schema (OpenAPI's own dialect via openapi-schema-validator, `$ref`s resolved).
"""

from __future__ import annotations

import argparse
import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from adapty_contracts import _paths
from adapty_contracts.spec._effective import load_spec
from adapty_contracts.spec._pointer import escape

_SPEC_URI = "urn:adapty-contracts:spec"


@dataclass(frozen=True)
class Finding:
    """One defect: where it is (RFC 6901 JSON pointer), which rule found it, and what is wrong."""

    pointer: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: [{self.rule}] {self.message}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", nargs="?", type=Path, default=_paths.EFFECTIVE_SPEC, help="OpenAPI document (YAML/JSON)"
    )


def run(args: argparse.Namespace) -> int:
    findings = lint_document(load_spec(args.path))
    for finding in findings:
        print(finding)
    if findings:
        print(f"{args.path}: {len(findings)} defect(s)")
        return 1
    print(f"{args.path}: clean")
    return 0


def lint_document(doc: dict[str, Any]) -> list[Finding]:
    """All findings for `doc`, sorted by pointer (empty means clean)."""
    version = str(doc.get("openapi", ""))
    findings = list(_meta_schema(doc, version))
    if version.startswith("3.1"):
        findings += [
            Finding(p, "nullable-3.1", "`nullable` is ignored in OpenAPI 3.1; use type: [T, 'null']")
            for p in _pointers_of_key(doc, "nullable")
        ]
    findings += _examples(doc, version)
    findings += _undeclared_retry_after(doc)
    findings += _limits_only_in_prose(doc)
    return sorted(set(findings), key=lambda f: (f.pointer, f.rule, f.message))


def _undeclared_retry_after(doc: dict[str, Any]) -> Iterator[Finding]:
    """A response that asks the client to wait (a 429/503, or `Retry-After` in its words) declares no such header."""
    from adapty_contracts.spec.rules.retry_after_header import HEADER, wants_retry_after

    for pointer, node in _walk(doc.get("paths") or {}, "/paths"):
        if not pointer.endswith("/responses") or not isinstance(node, dict):
            continue
        for code, response in node.items():
            if not isinstance(response, dict) or not wants_retry_after(str(code), response):
                continue
            if not any(str(name).lower() == HEADER.lower() for name in response.get("headers") or {}):
                where = f"{pointer}/{escape(str(code))}"
                yield Finding(where, "retry-after-undeclared", f"a {code} that asks to wait declares no `{HEADER}`")


def _limits_only_in_prose(doc: dict[str, Any]) -> Iterator[Finding]:
    """A map schema whose description states limits (keys, key pattern, value length) its keywords do not have."""
    from adapty_contracts.spec.rules import map_limits

    for pointer, node in _walk(doc.get("components") or {}, "/components"):
        if isinstance(node, dict) and isinstance(node.get("additionalProperties"), dict) and node.get("description"):
            fixed = copy.deepcopy(node)
            map_limits.apply(fixed, doc)
            if fixed != node:
                yield Finding(pointer, "limits-in-prose", "limits stated in the description are not in the schema")


def _meta_schema(doc: dict[str, Any], version: str) -> Iterator[Finding]:
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    if version.startswith("3.1"):
        validator: Any = OpenAPIV31SpecValidator(doc)
    elif version.startswith("3.0"):
        validator = OpenAPIV30SpecValidator(doc)
    else:
        yield Finding("/openapi", "openapi-version", f"unsupported or missing OpenAPI version {version!r}")
        return
    try:
        errors = list(validator.iter_errors())
    except Exception as exc:  # the validator raises on some broken references instead of yielding
        yield Finding("", "openapi-schema", " ".join(str(exc).split())[:300])
        return
    for error in errors:
        pointer = _pointer(getattr(error, "absolute_path", None) or getattr(error, "path", None) or ())
        message = str(getattr(error, "message", error)).splitlines()[0]
        if "Unevaluated properties are not allowed" in message or "Additional properties are not allowed" in message:
            # Name the unknown field in the pointer itself: that is what a reviewer needs to find.
            for field in _quoted_names(message):
                yield Finding(f"{pointer}/{escape(field)}", "unknown-field", f"`{field}` is not a field of this object")
        else:
            yield Finding(pointer, "openapi-schema", message)


def _examples(doc: dict[str, Any], version: str) -> list[Finding]:
    from openapi_schema_validator import OAS30Validator, OAS31Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    validator_class: Any = OAS31Validator if version.startswith("3.1") else OAS30Validator
    registry: Registry[Any] = Registry().with_resource(
        _SPEC_URI, Resource.from_contents(doc, default_specification=DRAFT202012)
    )
    findings = []
    for schema_pointer, example_pointer, example in _example_sites(doc):
        validator = validator_class({"$ref": f"{_SPEC_URI}#{schema_pointer}"}, registry=registry)
        try:
            errors = sorted(validator.iter_errors(example), key=lambda e: list(e.absolute_path))
        except Exception as exc:  # an unresolvable $ref: report it where the example is
            findings.append(Finding(example_pointer, "example-schema", " ".join(str(exc).split())[:300]))
            continue
        for error in errors:
            where = example_pointer + _pointer(error.absolute_path)
            findings.append(Finding(where, "example-schema", error.message.splitlines()[0][:300]))
    return findings


def _example_sites(doc: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(schema pointer, example pointer, example) for media types and parameters that carry both."""
    for pointer, node in _walk(doc, ""):
        if not isinstance(node, dict) or "schema" not in node:
            continue
        schema_pointer = f"{pointer}/schema"
        if "example" in node:
            yield schema_pointer, f"{pointer}/example", node["example"]
        for name, example in (node.get("examples") or {}).items():
            if isinstance(example, dict) and "value" in example:
                yield schema_pointer, f"{pointer}/examples/{escape(name)}/value", example["value"]


def _walk(node: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("example", "examples") and pointer.rsplit("/", 1)[-1] != "properties":
                continue  # example payloads are data, not spec structure
            yield from _walk(value, f"{pointer}/{escape(str(key))}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{pointer}/{index}")


def _pointers_of_key(doc: dict[str, Any], key: str) -> list[str]:
    return [f"{p}/{key}" for p, node in _walk(doc, "") if isinstance(node, dict) and key in node]


def _pointer(parts: Any) -> str:
    return "".join(f"/{escape(str(part))}" for part in parts)


def _quoted_names(message: str) -> list[str]:
    """Field names in a jsonschema message such as "... ('default', 'x' were unexpected)"."""
    inside = message[message.find("(") + 1 : message.rfind(")")]
    return re.findall(r"'([^']*)'", inside) or ["?"]
