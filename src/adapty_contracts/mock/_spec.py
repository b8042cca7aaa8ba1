"""The effective spec compiled for serving: every operation's route, parameters, body and responses.

Built once at start-up from the spec file (stripe-mock's model): routes from every path x method (static paths
before parametrised ones, `{param}` as a named regex group), one precompiled check per parameter and per body
media type, and for each response its media type, schema and example. Nothing here knows a resource: an
operation the spec adds is routed, validated and answered from its documented success response with no code.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from adapty_contracts._paths import EFFECTIVE_SPEC
from adapty_contracts.mock._schema import (
    BodyCheck,
    ScalarCheck,
    SchemaError,
    check_keywords,
    compile_body,
    compile_scalar,
    generate,
    resolve_refs,
)

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
REQUIRED_ANY_OF = "x-required-any-of"
INTEGRATION_GET_ID = "getIntegrationIdentifiers"
INTEGRATION_SET_ID = "setIntegrationIdentifiers"

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # header | query | path (cookie parameters are ignored: Adapty has none)
    required: bool
    schema: dict[str, Any]
    check: ScalarCheck
    raw_name: bytes  # the lower-cased header name as bytes (headers only)


@dataclass(frozen=True)
class MediaBody:
    media_type: str
    schema: dict[str, Any]
    check: BodyCheck


@dataclass(frozen=True)
class Documented:
    """One documented response: status, and per media type its schema and example (None when there is none)."""

    status: int
    description: str
    media: dict[str, tuple[dict[str, Any] | None, Any]]
    all_examples: tuple[Any, ...] = ()  # every example of every media type (`example` and all of `examples`)

    @property
    def media_type(self) -> str | None:
        return next(iter(self.media), None)

    @property
    def schema(self) -> dict[str, Any] | None:
        return next(iter(self.media.values()), (None, None))[0]

    def examples(self) -> list[Any]:
        return list(self.all_examples)


@dataclass
class Operation:
    operation_id: str
    method: str  # upper case
    path: str  # the template, e.g. /api/v2/server-side-api/paywalls/{paywall_id}/
    summary: str
    description: str
    secured: bool
    parameters: list[Parameter]
    required_any_of: tuple[str, ...]
    body_required: bool
    bodies: dict[str, MediaBody]  # by media type
    responses: dict[int, Documented]
    raw: dict[str, Any] = field(repr=False)

    @functools.cached_property
    def headers(self) -> list[Parameter]:
        return [p for p in self.parameters if p.location == "header"]

    @functools.cached_property
    def query(self) -> list[Parameter]:
        return [p for p in self.parameters if p.location == "query"]

    @functools.cached_property
    def path_params(self) -> list[Parameter]:
        return [p for p in self.parameters if p.location == "path"]

    @functools.cached_property
    def success(self) -> Documented | None:
        """The documented success response (the lowest 2xx)."""
        codes = sorted(code for code in self.responses if 200 <= code < 300)
        return self.responses[codes[0]] if codes else None

    def documents(self, status: int) -> bool:
        return status in self.responses

    def schema_of(self, status: int) -> dict[str, Any] | None:
        documented = self.responses.get(status)
        return documented.schema if documented is not None else None

    @functools.cached_property
    def success_body(self) -> tuple[str | None, Any]:
        """(media type, body) of the stateless answer: the documented example, else one generated from the schema."""
        success = self.success
        if success is None or not success.media:
            return None, None
        media_type, (schema, example) = next(iter(success.media.items()))
        if example is not None:
            return media_type, copy.deepcopy(example)
        return media_type, generate(schema) if schema is not None else None


@dataclass
class Route:
    template: str
    pattern: re.Pattern[str] | None  # None for a static path
    operations: dict[str, Operation]  # by upper-case method

    @functools.cached_property
    def allow(self) -> str:
        methods = set(self.operations)
        if "GET" in methods:
            methods.add("HEAD")
        return ", ".join(sorted(methods))


class Spec:
    """The compiled spec: `match(path)` -> (route, path parameters); operations by id."""

    def __init__(self, doc: dict[str, Any], source: str = "<spec>") -> None:
        self.doc = doc
        self.source = source
        self.operations: dict[str, Operation] = {}
        self._static: dict[str, Route] = {}
        self._dynamic: list[Route] = []
        schemas = ((doc.get("components") or {}).get("schemas")) or {}
        self.schemas: dict[str, Any] = {name: resolve_refs(schema, doc) for name, schema in schemas.items()}
        for path, item in (doc.get("paths") or {}).items():
            if not isinstance(item, dict):
                continue
            item = resolve_refs(item, doc)
            shared = item.get("parameters") or []
            route = Route(str(path), _compile_path(str(path)), {})
            for method in METHODS:
                raw = item.get(method)
                if not isinstance(raw, dict):
                    continue
                operation = self._operation(str(path), method.upper(), raw, shared, doc)
                if operation.operation_id in self.operations:
                    raise SchemaError(f"{source}: duplicate operationId {operation.operation_id!r}")
                self.operations[operation.operation_id] = operation
                route.operations[operation.method] = operation
            if not route.operations:
                continue
            if route.pattern is None:
                self._static[route.template] = route
            else:
                self._dynamic.append(route)
        # more literal text first, so /a/{x}/b beats /a/{x}/{y} for the same request
        self._dynamic.sort(key=lambda r: -len(re.sub(r"\{[^}]*\}", "", r.template)))

    def match(self, path: str) -> tuple[Route, dict[str, str]] | None:
        route = self._static.get(path)
        if route is not None:
            return route, {}
        for route in self._dynamic:
            assert route.pattern is not None
            found = route.pattern.fullmatch(path)
            if found is not None:
                return route, found.groupdict()
        return None

    @property
    def routes(self) -> list[Route]:
        return [*self._static.values(), *self._dynamic]

    def _operation(
        self, path: str, method: str, raw: dict[str, Any], shared: list[Any], doc: dict[str, Any]
    ) -> Operation:
        operation_id = str(raw.get("operationId") or f"{method.lower()} {path}")
        where = f"{self.source}: {method} {path}"
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for param in [*shared, *(raw.get("parameters") or [])]:
            if isinstance(param, dict) and "name" in param and "in" in param:
                merged[(str(param["in"]), str(param["name"]))] = param
        parameters = []
        for (location, name), param in merged.items():
            if location not in ("header", "query", "path"):
                continue
            schema = param.get("schema") or {}
            check_keywords(schema, f"{where} parameter {name}")
            parameters.append(
                Parameter(
                    name=name,
                    location=location,
                    required=bool(param.get("required")) or location == "path",
                    schema=schema,
                    check=compile_scalar(schema),
                    raw_name=name.lower().encode("latin-1") if location == "header" else b"",
                )
            )
        body = raw.get("requestBody") or {}
        bodies = {}
        for media_type, media in (body.get("content") or {}).items():
            schema = (media or {}).get("schema") or {}
            check_keywords(schema, f"{where} request body {media_type}")
            bodies[str(media_type).lower()] = MediaBody(str(media_type).lower(), schema, compile_body(schema))
        responses = {}
        for code, response in (raw.get("responses") or {}).items():
            if not str(code).isdigit() or not isinstance(response, dict):
                continue  # `default` / `4XX` ranges: nothing a mock can choose from
            media = {}
            every: list[Any] = []
            for media_type, content in (response.get("content") or {}).items():
                content = content or {}
                if content.get("example") is not None:
                    every.append(content["example"])
                for named in (
                    (content.get("examples") or {}).values() if isinstance(content.get("examples"), dict) else []
                ):
                    if isinstance(named, dict) and named.get("value") is not None:
                        every.append(named["value"])
                example = content.get("example")
                if example is None and isinstance(content.get("examples"), dict) and content["examples"]:
                    example = (next(iter(content["examples"].values())) or {}).get("value")
                schema = content.get("schema")
                if isinstance(schema, dict):
                    check_keywords(schema, f"{where} response {code}")
                media[str(media_type)] = (schema if isinstance(schema, dict) else None, example)
            responses[int(code)] = Documented(int(code), str(response.get("description") or ""), media, tuple(every))
        security = raw.get("security", doc.get("security"))
        any_of = raw.get(REQUIRED_ANY_OF) or ()
        return Operation(
            operation_id=operation_id,
            method=method,
            path=path,
            summary=str(raw.get("summary") or ""),
            description=str(raw.get("description") or ""),
            secured=bool(security),
            parameters=parameters,
            required_any_of=tuple(str(name) for name in any_of),
            body_required=bool(body.get("required")),
            bodies=bodies,
            responses=responses,
            raw=raw,
        )


def _compile_path(template: str) -> re.Pattern[str] | None:
    if "{" not in template:
        return None
    parts = re.split(r"(\{[^}/]+\})", template)
    regex = "".join(f"(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(regex)


def load_spec(spec_path: Path | str = EFFECTIVE_SPEC) -> Spec:
    """Read and compile an OpenAPI document; RuntimeError (with the file name) when it cannot be served."""
    with open(spec_path, encoding="utf-8") as fh:
        doc: Any = yaml.load(fh, Loader=_Loader)  # safe loader only
    if not isinstance(doc, dict) or not isinstance(doc.get("paths"), dict):
        raise RuntimeError(f"{spec_path}: not an OpenAPI document")
    try:
        return Spec(doc, str(spec_path))
    except SchemaError as exc:
        raise RuntimeError(str(exc)) from None


@functools.cache
def default_spec() -> Spec:
    """The effective spec, compiled once per process."""
    return load_spec(EFFECTIVE_SPEC)


def profile_schema(spec: Spec) -> dict[str, Any]:
    """The profile object as getProfile answers it (inside its envelope, if any); {} when the spec has none."""
    get = spec.operations.get("getProfile")
    schema = (get.schema_of(200) if get is not None else None) or {}
    props = schema.get("properties") or {}
    if "profile_id" in props:
        return schema
    return next((s for s in props.values() if isinstance(s, dict) and "profile_id" in (s.get("properties") or {})), {})


def seed_schemas(spec: Spec) -> dict[str, Any]:
    """What seed-file entries are checked against: each profile list's item schema, the refund-saver settings,
    and a paywall (getPaywall's answer)."""
    props = profile_schema(spec).get("properties") or {}
    schemas: dict[str, Any] = {name: (sub or {}).get("items") for name, sub in props.items() if isinstance(sub, dict)}
    refund = spec.operations.get("getRefundSaverSettings")
    refund_schema = (refund.schema_of(200) if refund is not None else None) or {}
    schemas["refund_saver"] = (refund_schema.get("properties") or {}).get("settings")
    paywall = spec.operations.get("getPaywall")
    schemas["paywall"] = paywall.schema_of(200) if paywall is not None else None
    return schemas


def _integration_facts(spec: Spec) -> tuple[str, tuple[str, ...]]:
    get = spec.operations.get(INTEGRATION_GET_ID)
    if get is None:
        raise RuntimeError(f"{spec.source}: no operation {INTEGRATION_GET_ID}")
    schema = get.schema_of(200) or {}
    keys = tuple(str(key) for key in (schema.get("properties") or {}))
    if not keys:
        raise RuntimeError(f"{spec.source}: {INTEGRATION_GET_ID}'s 200 schema has no properties")
    return get.path, keys


API_PATH, IDENTIFIER_KEYS = _integration_facts(default_spec())
