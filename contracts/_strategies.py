"""Spec-derived strategies and oracles for the client contract tests (contracts/test_client_contracts.py).

Everything is computed from the effective spec (openapi/adapty-api.yaml), nothing is a hand-kept list of fields:
- response bodies: schemathesis generates request bodies (positive and negative) but not responses, so we load a
  synthetic spec whose operation `/<operationId>/<status>` takes the documented response schema as its request body;
- requests: schemathesis's own cases for the real operations (header values already restricted to what HTTP carries);
- the oracles: jsonschema (Draft 2020-12, OpenAPI 3.1's dialect) on the schemas schemathesis resolved, and
  `request_violations`, which checks a captured httpx.Request against the operation's method, path, header
  parameters, security scheme and request body.
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import adapty_api_client.models
import httpx
import jsonschema
import schemathesis
import yaml
from hypothesis import strategies as st
from openapi_python_client.strings import pascal_case, snake_case
from schemathesis import GenerationMode

from adapty_contracts import _paths

JSON_MEDIA = "application/json"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
JsonValue = Any


@functools.cache
def raw_spec() -> dict[str, Any]:
    with open(_paths.EFFECTIVE_SPEC, encoding="utf-8") as fh:
        doc: dict[str, Any] = yaml.safe_load(fh)
    return doc


@functools.cache
def upstream_spec() -> dict[str, Any]:
    with open(_paths.UPSTREAM_SPEC, encoding="utf-8") as fh:
        doc: dict[str, Any] = yaml.safe_load(fh)
    return doc


@functools.cache
def api() -> Any:
    """The effective spec as schemathesis sees it (operations with resolved parameter, body and response schemas)."""
    return schemathesis.openapi.from_dict(raw_spec())


def base_url() -> str:
    return str(raw_spec()["servers"][0]["url"]).rstrip("/")


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, with the generated api module that calls it."""

    operation_id: str
    method: str
    path: str
    definition: dict[str, Any]

    @property
    def schemathesis_operation(self) -> Any:
        return api()[self.path][self.method.upper()]

    @property
    def module(self) -> ModuleType:
        """`adapty_api_client.api.<tag>.<operation id>`: the generator's naming, applied to the spec's names."""
        tag = snake_case(self.definition["tags"][0])
        return importlib.import_module(f"adapty_api_client.api.{tag}.{snake_case(self.operation_id)}")

    def documented_statuses(self) -> set[int]:
        return {int(code) for code in self.definition["responses"]}


@functools.cache
def operations() -> tuple[Operation, ...]:
    found = []
    for path, item in raw_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                definition = item[method]
                found.append(Operation(definition["operationId"], method, path, definition))
    return tuple(found)


def model_for_ref(schema: dict[str, Any]) -> type[Any]:
    """The generated class for a `$ref: '#/components/schemas/Name'` schema."""
    name = schema["$ref"].rsplit("/", 1)[-1]
    cls: type[Any] = getattr(adapty_api_client.models, pascal_case(name))
    return cls


@dataclass(frozen=True)
class DocumentedResponse:
    """A documented (operation, status): its resolved JSON body schema (None: no body) and the generated type."""

    operation: Operation
    status: int
    schema: dict[str, Any] | None
    model: type[Any] | None
    example: JsonValue | None

    @property
    def label(self) -> str:
        return f"{self.operation.operation_id}-{self.status}"

    @functools.cached_property
    def _validator(self) -> Any:
        assert self.schema is not None
        return jsonschema.Draft202012Validator(self.schema)

    def conforms(self, body: JsonValue) -> bool:
        """The oracle: does this JSON value satisfy the documented schema?"""
        return bool(self._validator.is_valid(body))


@functools.cache
def documented_responses() -> tuple[DocumentedResponse, ...]:
    found = []
    for operation in operations():
        responses = operation.schemathesis_operation.responses
        for code, response in operation.definition["responses"].items():
            media = (response.get("content") or {}).get(JSON_MEDIA)
            if media is None:
                found.append(DocumentedResponse(operation, int(code), None, None, None))
                continue
            resolved = responses.get(str(code)).get_schema(JSON_MEDIA).schema
            model = model_for_ref(media["schema"])
            found.append(DocumentedResponse(operation, int(code), resolved, model, media.get("example")))
    return tuple(found)


def with_body() -> tuple[DocumentedResponse, ...]:
    return tuple(r for r in documented_responses() if r.schema is not None)


# --- response bodies ----------------------------------------------------------------------------------------------


@functools.cache
def _bodies_api() -> Any:
    """A synthetic spec whose request bodies are the documented response schemas (same components, same $refs)."""
    spec = raw_spec()
    paths = {}
    for response in with_body():
        media = response.operation.definition["responses"][str(response.status)]["content"][JSON_MEDIA]
        paths[f"/{response.label}"] = {
            "post": {
                "requestBody": {"required": True, "content": {JSON_MEDIA: {"schema": media["schema"]}}},
                "responses": {"200": {"description": "unused"}},
            }
        }
    doc = {"openapi": spec["openapi"], "info": spec["info"], "paths": paths, "components": spec["components"]}
    return schemathesis.openapi.from_dict(doc)


def _bodies(response: DocumentedResponse, mode: GenerationMode) -> st.SearchStrategy[JsonValue]:
    return _bodies_by_label(response.label, mode)


@functools.cache
def _bodies_by_label(label: str, mode: GenerationMode) -> st.SearchStrategy[JsonValue]:
    operation = _bodies_api()[f"/{label}"]["POST"]
    return operation.as_strategy(generation_mode=mode).map(lambda case: case.body)


def responses_with(
    make: Callable[[DocumentedResponse], st.SearchStrategy[Any]],
) -> st.SearchStrategy[tuple[DocumentedResponse, Any]]:
    """A documented response with a JSON body (any operation, any status) and a value drawn for it by `make`."""
    return st.sampled_from(with_body()).flatmap(lambda response: st.tuples(st.just(response), make(response)))


def valid_bodies(response: DocumentedResponse) -> st.SearchStrategy[JsonValue]:
    """JSON values satisfying the documented schema (schemathesis positive mode: nulls, unknown keys included)."""
    return _bodies(response, GenerationMode.POSITIVE)


def json_values() -> st.SearchStrategy[JsonValue]:
    scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
    return st.recursive(
        scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3)
    )


def _json_type(value: JsonValue) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


def _locations(value: JsonValue, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside `value` (the root is `()`)."""
    found = [here]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _locations(item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _locations(item, (*here, index))
    return found


def _replace(value: JsonValue, where: tuple[Any, ...], new: JsonValue) -> JsonValue:
    if not where:
        return new
    copy = json.loads(json.dumps(value))
    parent = copy
    for part in where[:-1]:
        parent = parent[part]
    parent[where[-1]] = new
    return copy


def _drop(value: JsonValue, where: tuple[Any, ...]) -> JsonValue:
    copy = json.loads(json.dumps(value))
    parent = copy
    for part in where[:-1]:
        parent = parent[part]
    del parent[where[-1]]
    return copy


@st.composite
def mutated_bodies(draw: st.DrawFn, response: DocumentedResponse) -> JsonValue:
    """A valid body with one change: a key dropped, a value swapped for one of another JSON type, or wrapped in an
    array. Some results are still valid (e.g. an optional key dropped): the caller asks the oracle."""
    body = draw(valid_bodies(response))
    where = draw(st.sampled_from(_locations(body)))
    kind = draw(st.sampled_from(["drop", "retype", "wrap"] if where else ["retype", "wrap"]))
    if kind == "drop":
        return _drop(body, where)
    if kind == "wrap":
        return [body] if not where else _replace(body, where, [_pick(body, where)])
    old_type = _json_type(_pick(body, where))
    new = draw(json_values().filter(lambda v: _json_type(v) != old_type))
    return _replace(body, where, new)


def _pick(value: JsonValue, where: tuple[Any, ...]) -> JsonValue:
    for part in where:
        value = value[part]
    return value


@st.composite
def invalid_json_texts(draw: st.DrawFn, response: DocumentedResponse) -> bytes:
    """Bytes that are not JSON: a valid body's text cut short or with a stray byte, or arbitrary bytes."""
    text = json.dumps(draw(valid_bodies(response))).encode()
    kind = draw(st.sampled_from(["truncate", "insert", "bytes"]))
    if kind == "truncate":
        content = text[: draw(st.integers(0, len(text) - 1))]
    elif kind == "insert":
        at = draw(st.integers(0, len(text)))
        content = text[:at] + draw(st.sampled_from([b"{", b"]", b",", b'"', b"\xff", b"\x00"])) + text[at:]
    else:
        content = draw(st.binary(max_size=64))
    return content


def parses_as_json(content: bytes) -> bool:
    try:
        json.loads(content)
    except ValueError:
        return False
    return True


def malformed_contents(response: DocumentedResponse) -> st.SearchStrategy[bytes]:
    """Response contents for a documented status that may break its contract (the oracle decides which do):
    schemathesis negative data, mutated valid bodies, any JSON value, and non-JSON bytes."""
    return _malformed_by_label(response.label)


@functools.cache
def _malformed_by_label(label: str) -> st.SearchStrategy[bytes]:
    response = next(r for r in with_body() if r.label == label)
    negative = _bodies(response, GenerationMode.NEGATIVE).map(
        lambda body: body if isinstance(body, bytes) else json.dumps(body).encode()
    )
    values = (mutated_bodies(response) | json_values()).map(lambda body: json.dumps(body).encode())
    return st.one_of(negative, values, invalid_json_texts(response))


# --- requests -----------------------------------------------------------------------------------------------------


def request_cases(operation: Operation) -> st.SearchStrategy[Any]:
    """schemathesis cases (headers incl. the security header, body) for a real operation of the effective spec."""
    return operation.schemathesis_operation.as_strategy()


def api_keys() -> st.SearchStrategy[str]:
    """Keys shaped like Adapty's (`secret_live_...`): distinctive enough that finding one in a repr is no accident."""
    return st.from_regex(r"secret_(live|test)_[A-Za-z0-9]{12,40}", fullmatch=True)


def request_violations(request: httpx.Request, api_key: str) -> list[str]:
    """Everything about `request` that the effective spec does not allow (empty: it conforms)."""
    matching = [
        op for op in operations() if op.method.upper() == request.method and base_url() + op.path == _no_query(request)
    ]
    if not matching:
        return [f"{request.method} {request.url} is not an operation of the spec"]
    (operation,) = matching
    st_operation = operation.schemathesis_operation
    problems = []
    if request.url.query:
        problems.append(f"undocumented query string {request.url.query!r}")
    documented = {}
    for parameter in st_operation.iter_parameters():
        if str(parameter.location.value) != "header":
            continue
        documented[parameter.name.lower()] = parameter
        value = request.headers.get(parameter.name)
        if value is None:
            if parameter.is_required:
                problems.append(f"required header {parameter.name} is missing")
            continue
        checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
        for error in jsonschema.Draft202012Validator(parameter.optimized_schema, format_checker=checker).iter_errors(
            value
        ):
            problems.append(f"header {parameter.name}: {error.message}")
    for name in request.headers:
        if name.lower().startswith("adapty-") and name.lower() not in documented:
            problems.append(f"undocumented header {name}")
    problems += _security_violations(operation, request, api_key)
    problems += _body_violations(st_operation, request)
    return problems


def _no_query(request: httpx.Request) -> str:
    return str(request.url.copy_with(query=None))


def _security_violations(operation: Operation, request: httpx.Request, api_key: str) -> list[str]:
    schemes = raw_spec()["components"]["securitySchemes"]
    problems = []
    for requirement in operation.definition.get("security", raw_spec().get("security", [])):
        for name in requirement:
            scheme = schemes[name]
            if scheme["type"] != "apiKey" or scheme["in"] != "header":
                problems.append(f"security scheme {name} is not an API key in a header (the test cannot check it)")
                continue
            # The scheme's description: the value is `Api-Key {Your secret API key}`.
            if request.headers.get(scheme["name"]) != f"Api-Key {api_key}":
                problems.append(f"header {scheme['name']} is not `Api-Key <key>` (security scheme {name})")
    return problems


def _body_violations(st_operation: Any, request: httpx.Request) -> list[str]:
    bodies = list(st_operation.body)
    content = request.content
    if not bodies:
        return [f"{request.method} documents no request body, but {len(content)} bytes were sent"] if content else []
    if not content:
        return ["the required request body is missing"] if any(b.is_required for b in bodies) else []
    media_type = request.headers.get("content-type", "").split(";")[0].strip()
    body = next((b for b in bodies if b.media_type == media_type), None)
    if body is None:
        return [f"content-type {media_type!r} is not one of {[b.media_type for b in bodies]}"]
    try:
        value = json.loads(content)
    except ValueError as exc:
        return [f"the request body is not JSON: {exc}"]
    validator = jsonschema.Draft202012Validator(body.optimized_schema)
    return [f"body{_json_path(e.absolute_path)}: {e.message}" for e in validator.iter_errors(value)]


def _json_path(parts: Any) -> str:
    return "".join(f"[{part!r}]" for part in parts)


def mock_transport(
    status: int, content: bytes, seen: list[httpx.Request] | None = None, content_type: str = JSON_MEDIA
) -> httpx.MockTransport:
    """A transport that answers every request with `status` and `content` (and records the requests)."""

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            request.read()
            seen.append(request)
        headers = {"content-type": content_type} if content else {}
        return httpx.Response(status, content=content, headers=headers)

    return httpx.MockTransport(handler)


def call_kwargs(operation: Operation) -> dict[str, Any]:
    """Arguments for calling `operation` that the spec accepts: its request body's example, as the generated model."""
    request_body = operation.definition.get("requestBody")
    if request_body is None:
        return {}
    media = request_body["content"][JSON_MEDIA]
    return {"body": model_for_ref(media["schema"]).from_dict(media["example"])}
