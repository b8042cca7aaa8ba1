"""Spec-derived strategies and oracles for the client contract tests (contracts/test_client_*.py).

Everything is computed from the effective spec (openapi/adapty-api.yaml) and from the generated functions' own
signatures; nothing is a hand-kept list of operations, fields or enums:
- operations: every (path, method) of the spec, with the generated module that calls it; its arguments come from the
  spec's parameters (python names by the generator's rule, values converted to the type `sync_detailed` declares)
  and its request body (`example`, `examples.*.value`, the component's `example`, or a synthesized minimal value),
  as the generated model of the `oneOf` branch the value satisfies;
- response bodies: schemathesis generates request bodies (positive and negative) but not responses, so we load a
  synthetic spec whose operation `/<n>` takes a documented response schema as its request body;
- requests: schemathesis's own cases for the real operations (header values already restricted to what HTTP carries);
- enums: `enum_sites` walks a body schema (nested objects, arrays, anyOf/oneOf/nullable, $ref'd components) to every
  enum, with the concrete schemas on the way, so a body holding any value there can be built;
- the oracles: jsonschema (Draft 2020-12, OpenAPI 3.1's dialect, formats asserted) on the spec's schemas, and
  `request_violations`, which checks a captured httpx.Request against the operation's method, path and path
  parameters, query and header parameters, security scheme and request body.
"""

from __future__ import annotations

import datetime
import enum
import functools
import importlib
import json
import re
import sys
import types
import typing
import urllib.parse
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import adapty_api_client.models
import httpx
import jsonschema
import schemathesis
import yaml
from adapty_api_client.types import Unset
from hypothesis import strategies as st
from openapi_python_client.strings import ClassName, PythonIdentifier, snake_case
from schemathesis import GenerationMode

from adapty_contracts import _paths

JSON_MEDIA = "application/json"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
UNKNOWN_KEY = "x_unknown"
UNKNOWN_VALUE: Any = {"nested": [1, None, "a"]}
JsonValue = Any
Where = tuple[str | int, ...]


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
def _generator_config() -> dict[str, Any]:
    with open(_paths.GENERATOR_CONFIG, encoding="utf-8") as fh:
        config: dict[str, Any] = yaml.safe_load(fh) or {}
    return config


@functools.cache
def api() -> Any:
    """The effective spec as schemathesis sees it (for its request cases)."""
    return schemathesis.openapi.from_dict(raw_spec())


def base_url() -> str:
    return str(raw_spec()["servers"][0]["url"]).rstrip("/")


# --- the spec's schemas -------------------------------------------------------------------------------------------


def resolve(node: Any) -> Any:
    """`node` with its local `$ref` chain followed (`#/components/...`)."""
    seen = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/") and ref not in seen, f"unsupported or circular $ref {ref}"
        seen.add(ref)
        node = raw_spec()
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def is_json_media(media_type: str) -> bool:
    """application/json, or a structured `+json` type (application/vnd.api+json)."""
    main = media_type.split(";")[0].strip().lower()
    return main == JSON_MEDIA or (main.startswith("application/") and main.endswith("+json"))


def json_media(content: dict[str, Any] | None) -> tuple[str, dict[str, Any]] | None:
    """The (media type, media object) of a `content` map: its one JSON media type (None: no content)."""
    found = [(media_type, media) for media_type, media in (content or {}).items() if is_json_media(media_type)]
    assert len(found) == len(content or {}) <= 1, f"content the tests cannot read: {list(content or {})}"
    return found[0] if found else None


def media_examples(media: dict[str, Any]) -> tuple[tuple[str, JsonValue], ...]:
    """A media object's examples: `example`, then every `examples.<name>.value`, as (name, value)."""
    found: list[tuple[str, JsonValue]] = []
    if "example" in media:
        found.append(("example", media["example"]))
    for name, example in (media.get("examples") or {}).items():
        example = resolve(example)
        if "value" in example:
            found.append((name, example["value"]))
    return tuple(found)


def _open_enum(validator: Any, enums: list[Any], instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    """`enum`, open: any value of an enum value's JSON type (what a forward-compatible client must accept)."""
    if not any(_json_types(instance) & _json_types(value) for value in enums):
        yield jsonschema.ValidationError(f"{instance!r} is not of the JSON type of {enums!r}")


def _ignored(validator: Any, bound: Any, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    yield from ()


# The keywords that bound a value rather than shape it: the client types, requires and parses (formats), but does
# not bound, like it does not close enums. A body whose only faults are these is one it must still read.
VALUE_BOUNDS = (
    "maxLength", "minLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
)  # fmt: skip
_LenientValidator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, {"enum": _open_enum, **dict.fromkeys(VALUE_BOUNDS, _ignored)}
)


@functools.cache
def _validator_for(key: str, lenient: bool) -> Any:
    schema = json.loads(key)
    # The root keeps `components`, so the spec's `#/components/...` references resolve inside it.
    document = {**schema, "components": raw_spec().get("components", {})}
    cls = _LenientValidator if lenient else jsonschema.Draft202012Validator
    return cls(document, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def validator(schema: dict[str, Any], lenient: bool = False) -> Any:
    """A Draft 2020-12 validator of a spec schema (formats asserted: the client parses uuid, date, date-time).
    `lenient`: enums admit any value of their type (a value Adapty adds after the client was generated) and value
    bounds (VALUE_BOUNDS) are not checked: only the shape a typed client reads is."""
    return _validator_for(json.dumps(schema, sort_keys=True), lenient)


def conforms(schema: dict[str, Any], value: JsonValue, lenient: bool = False) -> bool:
    return bool(validator(schema, lenient).is_valid(value))


def _json_types(value: JsonValue) -> set[str]:
    if value is None:
        return {"null"}
    if isinstance(value, bool):
        return {"boolean"}
    if isinstance(value, int):
        return {"integer", "number"}
    if isinstance(value, float):
        return {"integer", "number"} if value.is_integer() else {"number"}
    return {{str: "string", list: "array", dict: "object"}[type(value)]}


def _schema_types(schema: dict[str, Any]) -> set[str] | None:
    declared = schema.get("type")
    if declared is None:
        return {"object"} if "properties" in schema else None
    return set(declared) if isinstance(declared, list) else {declared}


def concrete(schema: Any, value: JsonValue) -> dict[str, Any]:
    """The schema that describes `value` once $refs are followed and an anyOf/oneOf branch is chosen (the branch
    `value` satisfies, else the first whose type admits it: a value the spec does not list still finds its branch)."""
    node = resolve(schema) if isinstance(schema, dict) else {}
    for keyword in ("oneOf", "anyOf"):
        branches = node.get(keyword)
        if branches:
            return concrete(_branch(branches, value), value)
    result: dict[str, Any] = node
    return result


def _branch(branches: list[Any], value: JsonValue) -> Any:
    """The branch `value` satisfies, else the first whose type admits it, else the first."""
    chosen = next((b for b in branches if conforms(b, value)), None)
    if chosen is None:
        admits = (b for b in branches if (_schema_types(resolve(b)) or _json_types(value)) & _json_types(value))
        chosen = next(admits, branches[0])
    return chosen


def nullable(schema: Any) -> bool:
    node = resolve(schema)
    if "null" in (_schema_types(node) or set()):
        return True
    return any(nullable(b) for b in node.get("anyOf", []) + node.get("oneOf", []))


def canonical(schema: Any, value: JsonValue) -> Any:
    """`value` with what the client may re-spell but not change made comparable: formatted strings (date-time, date,
    uuid) as the values they denote, booleans apart from numbers. `canonical(s, a) == canonical(s, b)`: no loss."""
    node = concrete(schema, value)
    if isinstance(value, dict):
        properties = node.get("properties") or {}
        return {key: canonical(properties.get(key, {}), item) for key, item in value.items()}
    if isinstance(value, list):
        return [canonical(node.get("items", {}), item) for item in value]
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, str):
        parse: Callable[[str], Any] | None = {
            "date-time": datetime.datetime.fromisoformat,
            "date": datetime.date.fromisoformat,
            "uuid": uuid.UUID,
        }.get(node.get("format", ""))
        if parse is not None:
            try:
                return parse(value)
            except ValueError:
                return value
    return value


_FORMAT_SAMPLES = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "date-time": "2024-01-15T10:30:00+00:00",
    "date": "2024-01-15",
    "uri": "https://example.com/",
    "email": "jane.doe@example.com",
    "ipv4": "192.0.2.1",
}


def minimal_instance(schema: Any) -> JsonValue:
    """A small value the schema accepts: an object's required properties (and enough others for minProperties),
    empty arrays, an enum's first value, a sample for a format, the first non-null type or branch."""
    node = resolve(schema)
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return node["enum"][0]
    for keyword in ("oneOf", "anyOf"):
        if keyword in node:
            branches = [b for b in node[keyword] if _schema_types(resolve(b)) != {"null"}] or node[keyword]
            return minimal_instance(branches[0])
    kinds = _schema_types(node)
    kind = next((k for k in ("object", "array", "string", "integer", "number", "boolean") if k in (kinds or ())), None)
    if kind == "object" or kinds is None:
        properties = node.get("properties") or {}
        value = {name: minimal_instance(properties.get(name, {})) for name in node.get("required", [])}
        for name, sub in properties.items():
            if len(value) >= node.get("minProperties", 0):
                break
            value.setdefault(name, minimal_instance(sub))
        return value
    if kind == "array":
        return [minimal_instance(node.get("items", {})) for _ in range(node.get("minItems", 0))]
    if kind == "string":
        if node.get("format") in _FORMAT_SAMPLES:
            return _FORMAT_SAMPLES[node["format"]]
        return "x" * max(1, node.get("minLength", 1))
    if kind in ("integer", "number"):
        return node.get("default", node.get("minimum", 0))
    if kind == "boolean":
        return False
    return None


# --- the generated client's names ---------------------------------------------------------------------------------


def _field_prefix() -> str:
    return str(_generator_config().get("field_prefix", "field_"))


def python_name(name: str) -> str:
    """The generator's Python identifier for a spec name (a property, a parameter: `page[number]` -> `pagenumber`)."""
    return str(PythonIdentifier(name, _field_prefix()))


def parameter_python_name(parameter: dict[str, Any]) -> str:
    """A parameter's Python name: its `x-python-name` (the overlay's choice: `page_number`), else the generator's."""
    return str(parameter.get("x-python-name") or python_name(parameter["name"]))


def _class_name(string: str) -> str:
    name = ClassName(string, _field_prefix())
    override = (_generator_config().get("class_overrides") or {}).get(str(name)) or {}
    return str(override.get("class_name") or name)


def model_for_ref(schema: dict[str, Any]) -> type[Any]:
    """The generated class of a `$ref: '#/components/schemas/Name'`: named by the schema's `title` if it has one
    (`OneTimePurchaseDTO`, titled "One-time Purchase", is `OneTimePurchase`), else by the component name."""
    name = schema["$ref"].rsplit("/", 1)[-1]
    cls: type[Any] = getattr(adapty_api_client.models, _class_name(resolve(schema).get("title") or name))
    return cls


def models_for(schema: dict[str, Any]) -> tuple[type[Any], ...]:
    """The generated classes a body of this schema can be: its model, or one per branch of a oneOf/anyOf of $refs."""
    node = resolve(schema)
    branches = node.get("oneOf") or node.get("anyOf")
    if branches and "properties" not in node:
        assert all("$ref" in b for b in branches), f"a union body of inline schemas: {schema}"
        return tuple(model_for_ref(b) for b in branches)
    return (model_for_ref(schema),)


def model_for_value(schema: dict[str, Any], value: JsonValue) -> type[Any]:
    """The generated class for a body value: the model, or the model of the one oneOf branch `value` satisfies."""
    node = resolve(schema)
    branches = node.get("oneOf") or node.get("anyOf")
    if branches and "properties" not in node:
        return model_for_ref(_branch(branches, value))
    return model_for_ref(schema)


def union_members(hint: Any) -> tuple[Any, ...]:
    """The types of an annotation (`UUID | Unset` -> (UUID,)), without Unset and None."""
    members = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    return tuple(m for m in members if m is not Unset and m is not type(None))


def type_hints(obj: Any) -> dict[str, Any]:
    """`typing.get_type_hints`, with the models the generated modules import only for type checking in scope."""
    module = sys.modules[obj.__module__]
    return typing.get_type_hints(obj, globalns={**vars(adapty_api_client.models), **vars(module)})


def argument(hint: Any, raw: Any) -> Any:
    """`raw` (a spec value: a JSON value or a string from HTTP) as the type a generated parameter declares."""
    for kind in union_members(hint):
        if kind is uuid.UUID:
            return uuid.UUID(str(raw))
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return kind(raw)
        if kind is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() == "true"
        if kind in (int, float, str):
            return kind(raw)
        if hasattr(kind, "from_dict"):
            return kind.from_dict(raw)
    raise AssertionError(f"no argument of type {hint} from {raw!r}")


# --- operations ---------------------------------------------------------------------------------------------------


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

    @property
    def hints(self) -> dict[str, Any]:
        """The annotations of `sync_detailed` (parameter name -> type, and `return`)."""
        return type_hints(self.module.sync_detailed)

    def documented_statuses(self) -> set[int]:
        return {int(code) for code in self.definition["responses"]}

    @property
    def parameters(self) -> tuple[dict[str, Any], ...]:
        """The path item's and the operation's parameters (the operation's win), resolved."""
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for parameter in raw_spec()["paths"][self.path].get("parameters", []) + self.definition.get("parameters", []):
            parameter = resolve(parameter)
            merged[(parameter["name"], parameter["in"])] = parameter
        return tuple(merged.values())

    @property
    def request_media(self) -> tuple[str, dict[str, Any]] | None:
        body = resolve(self.definition.get("requestBody"))
        return json_media(body["content"]) if body else None

    @property
    def request_schema(self) -> dict[str, Any] | None:
        media = self.request_media
        return media[1]["schema"] if media else None

    def request_examples(self) -> tuple[tuple[str, JsonValue], ...]:
        """The request body's examples; else the body component's own `example`; else a synthesized minimal value."""
        media = self.request_media
        if media is None:
            return ()
        found = media_examples(media[1])
        if not found and "example" in resolve(media[1]["schema"]):
            found = (("schema example", resolve(media[1]["schema"])["example"]),)
        return found or (("minimal", minimal_instance(media[1]["schema"])),)

    def body_argument(self, value: JsonValue) -> Any:
        """A request body value as the generated model `sync_detailed` takes (the oneOf branch it satisfies)."""
        assert self.request_schema is not None
        cls = model_for_value(self.request_schema, value)
        assert cls in union_members(self.hints["body"]), (cls, self.hints["body"])
        return cls.from_dict(value)

    def parameter_argument(self, parameter: dict[str, Any], raw: Any) -> tuple[str, Any]:
        name = parameter_python_name(parameter)
        return name, argument(self.hints[name], raw)


@functools.cache
def operations() -> tuple[Operation, ...]:
    found = []
    for path, item in raw_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                definition = item[method]
                found.append(Operation(definition["operationId"], method, path, definition))
    return tuple(found)


def parameter_example(parameter: dict[str, Any]) -> JsonValue:
    """A value the spec documents for a parameter: its example, its schema's example or default, else a minimal one."""
    schema = resolve(parameter.get("schema", {}))
    for candidate in (parameter, schema):
        if "example" in candidate:
            return candidate["example"]
    examples = media_examples({"examples": parameter.get("examples", {})})
    if examples:
        return examples[0][1]
    return schema["default"] if "default" in schema else minimal_instance(schema)


def call_kwargs(operation: Operation, body: JsonValue | None = None) -> dict[str, Any]:
    """Arguments for `sync_detailed(client=..., **kwargs)` that the spec accepts: every parameter (a documented or
    minimal value, converted to the declared type) and the request body (`body`, default its first example)."""
    kwargs = dict(operation.parameter_argument(p, parameter_example(p)) for p in operation.parameters)
    if operation.request_media is not None:
        value = operation.request_examples()[0][1] if body is None else body
        kwargs["body"] = operation.body_argument(value)
    return kwargs


# --- documented responses -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentedResponse:
    """A documented (operation, status): its media type and body schema (None: no body), the generated type and
    the documented examples (`example` and `examples.*.value`)."""

    operation: Operation
    status: int
    media_type: str | None
    schema: dict[str, Any] | None
    model: type[Any] | None
    examples: tuple[tuple[str, JsonValue], ...]

    @property
    def label(self) -> str:
        return f"{self.operation.operation_id}-{self.status}"

    @property
    def example(self) -> JsonValue | None:
        return self.examples[0][1] if self.examples else None

    def conforms(self, body: JsonValue, lenient: bool = False) -> bool:
        """The oracle: does this JSON value satisfy the documented schema (`lenient`: its shape, which a typed,
        forward-compatible client must read, whatever enum values and value bounds)?"""
        assert self.schema is not None
        return conforms(self.schema, body, lenient)


@functools.cache
def documented_responses() -> tuple[DocumentedResponse, ...]:
    found = []
    for operation in operations():
        for code, response in operation.definition["responses"].items():
            media = json_media(resolve(response).get("content"))
            if media is None:
                found.append(DocumentedResponse(operation, int(code), None, None, None, ()))
                continue
            media_type, media_object = media
            schema = media_object["schema"]
            model = model_for_ref(schema)
            found.append(
                DocumentedResponse(operation, int(code), media_type, schema, model, media_examples(media_object))
            )
    return tuple(found)


def with_body() -> tuple[DocumentedResponse, ...]:
    return tuple(r for r in documented_responses() if r.schema is not None)


@functools.cache
def response_groups() -> dict[str, tuple[DocumentedResponse, ...]]:
    """The documented responses with a body, by generated model (same model, same schema, same parsing)."""
    groups: dict[str, list[DocumentedResponse]] = {}
    for response in with_body():
        assert response.model is not None
        groups.setdefault(response.model.__name__, []).append(response)
    return {name: tuple(group) for name, group in sorted(groups.items())}


def base_body(response: DocumentedResponse) -> JsonValue:
    """A realistic valid body: an example documented for this response or its model, else a minimal one."""
    group = response_groups()[response.model.__name__]  # type: ignore[union-attr]
    for candidate in (response, *group):
        if candidate.example is not None and response.conforms(candidate.example):
            return candidate.example
    assert response.schema is not None
    return minimal_instance(response.schema)


# --- response bodies ----------------------------------------------------------------------------------------------


@functools.cache
def _bodies_api() -> Any:
    """A synthetic spec whose request bodies are the documented response schemas (same components, same $refs)."""
    spec = raw_spec()
    paths = {}
    for index, group in enumerate(response_groups().values()):
        paths[f"/{index}"] = {
            "post": {
                "requestBody": {"required": True, "content": {JSON_MEDIA: {"schema": group[0].schema}}},
                "responses": {"200": {"description": "unused"}},
            }
        }
    doc = {"openapi": spec["openapi"], "info": spec["info"], "paths": paths, "components": spec["components"]}
    return schemathesis.openapi.from_dict(doc)


@functools.cache
def _bodies(model_name: str, mode: GenerationMode) -> st.SearchStrategy[JsonValue]:
    index = list(response_groups()).index(model_name)
    operation = _bodies_api()[f"/{index}"]["POST"]
    return operation.as_strategy(generation_mode=mode).map(lambda case: case.body)


def responses_with(
    model_name: str, make: Callable[[DocumentedResponse], st.SearchStrategy[Any]]
) -> st.SearchStrategy[tuple[DocumentedResponse, Any]]:
    """A documented response of this model (any operation, any status) and a value drawn for it by `make`."""
    group = response_groups()[model_name]
    return st.sampled_from(group).flatmap(lambda response: st.tuples(st.just(response), make(response)))


def valid_bodies(response: DocumentedResponse) -> st.SearchStrategy[JsonValue]:
    """JSON values satisfying the documented schema (schemathesis positive mode: nulls, unknown keys included)."""
    return _bodies(response.model.__name__, GenerationMode.POSITIVE)  # type: ignore[union-attr]


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


def _locations(value: JsonValue, here: Where = ()) -> list[Where]:
    """Every path to a value inside `value` (the root is `()`)."""
    found = [here]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _locations(item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _locations(item, (*here, index))
    return found


def replace_at(value: JsonValue, where: Where, new: JsonValue) -> JsonValue:
    if not where:
        return new
    copy = json.loads(json.dumps(value))
    parent = copy
    for part in where[:-1]:
        parent = parent[part]
    parent[where[-1]] = new
    return copy


def _drop(value: JsonValue, where: Where) -> JsonValue:
    copy = json.loads(json.dumps(value))
    parent = copy
    for part in where[:-1]:
        parent = parent[part]
    del parent[where[-1]]
    return copy


def pick(value: JsonValue, where: Where) -> JsonValue:
    for part in where:
        value = value[part]
    return value


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
        return [body] if not where else replace_at(body, where, [pick(body, where)])
    old_type = _json_type(pick(body, where))
    new = draw(json_values().filter(lambda v: _json_type(v) != old_type))
    return replace_at(body, where, new)


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
    return _malformed(response.model.__name__)  # type: ignore[union-attr]


@functools.cache
def _malformed(model_name: str) -> st.SearchStrategy[bytes]:
    response = response_groups()[model_name][0]
    negative = _bodies(model_name, GenerationMode.NEGATIVE).map(
        lambda body: body if isinstance(body, bytes) else json.dumps(body).encode()
    )
    values = (mutated_bodies(response) | json_values()).map(lambda body: json.dumps(body).encode())
    return st.one_of(negative, values, invalid_json_texts(response))


# --- walking bodies -----------------------------------------------------------------------------------------------


def with_unknown_keys(schema: Any, value: JsonValue) -> JsonValue:
    """`value` with `x_unknown` added to every object whose schema is a model (no `additionalProperties` schema)."""
    node = concrete(schema, value)
    if isinstance(value, list):
        return [with_unknown_keys(node.get("items", {}), item) for item in value]
    if not isinstance(value, dict):
        return value
    properties = node.get("properties") or {}
    result = {key: with_unknown_keys(properties.get(key, {}), item) for key, item in value.items()}
    if node.get("additionalProperties", True) is True and UNKNOWN_KEY not in properties:
        result[UNKNOWN_KEY] = UNKNOWN_VALUE
    return result


def with_nulls(schema: Any, value: JsonValue) -> JsonValue:
    """`value` with every nullable property (at any depth) set to null."""
    node = concrete(schema, value)
    if isinstance(value, list):
        return [with_nulls(node.get("items", {}), item) for item in value]
    if not isinstance(value, dict):
        return value
    properties = node.get("properties") or {}
    return {
        key: None if key in properties and nullable(properties[key]) else with_nulls(properties.get(key, {}), item)
        for key, item in value.items()
    }


def value_sites(schema: Any, value: JsonValue, here: Where = ()) -> Iterator[tuple[Where, dict[str, Any], JsonValue]]:
    """Every (where, concrete schema, value) inside `value`, following the schema."""
    node = concrete(schema, value)
    yield here, node, value
    if isinstance(value, dict):
        properties = node.get("properties") or {}
        for key, item in value.items():
            yield from value_sites(properties.get(key, {}), item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from value_sites(node.get("items", {}), item, (*here, index))


def navigate(parsed: Any, where: Where) -> Any:
    """The part of a parsed model at a JSON location (properties by the generator's Python names)."""
    for step in where:
        parsed = parsed[step] if isinstance(step, int) else getattr(parsed, python_name(step))
    return parsed


def declared_types(parsed: Any, where: Where) -> tuple[Any, ...]:
    """The types the generated model declares for the value at `where` (through list items)."""
    owner, name, depth = None, "", 0
    node = parsed
    for step in where:
        if isinstance(step, int):
            depth += 1
            node = node[step]
        else:
            owner, name, depth = node, python_name(step), 0
            node = getattr(node, name)
    assert owner is not None, where
    members = union_members(type_hints(type(owner))[name])
    for _ in range(depth):
        members = tuple(m for member in members for m in union_members(*(typing.get_args(member) or (member,))))
    return members


# --- enums --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EnumSite:
    """An enum in a body schema: where it sits in a body, the concrete schema of every container on the way
    (`route[i]` holds `where[i]`), the enum's own schema, and the components passed through (for the label)."""

    where: Where
    route: tuple[dict[str, Any], ...]
    schema: dict[str, Any]
    via: tuple[str, ...]

    @property
    def values(self) -> tuple[Any, ...]:
        return tuple(self.schema["enum"])

    @property
    def kind(self) -> str:
        """The enum's JSON type ("string", "integer"), from its schema or its values."""
        declared = _schema_types(self.schema) or set().union(*(_json_types(v) for v in self.values))
        return next(k for k in ("string", "integer", "number", "boolean") if k in declared)

    @property
    def label(self) -> str:
        path = "".join("[]" if isinstance(step, int) else f".{step}" for step in self.where)
        return f"{'>'.join(self.via)}:{path.lstrip('.')}"

    def body(self, leaf: JsonValue) -> JsonValue:
        """A minimal body holding `leaf` at this site (every container on the route built from its schema)."""
        value = leaf
        for container, step in reversed(list(zip(self.route, self.where, strict=True))):
            built = minimal_instance(container)
            if isinstance(step, int):
                built = [value, *built[1:]]
            else:
                built[step] = value
            value = built
        return value


def enum_sites(schema: dict[str, Any]) -> tuple[EnumSite, ...]:
    """Every enum a body of `schema` can hold: through properties, array items, anyOf/oneOf/allOf branches
    (nullable ones included) and $ref'd components."""
    found: list[EnumSite] = []

    def walk(node: Any, where: Where, route: tuple[dict[str, Any], ...], via: tuple[str, ...]) -> None:
        if isinstance(node, dict) and "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name in via:
                return  # a recursive schema: each component once per path
            via = (*via, name)
        target = resolve(node)
        if not isinstance(target, dict):
            return
        for keyword in ("anyOf", "oneOf", "allOf"):
            for branch in target.get(keyword, []):
                walk(branch, where, route, via)
        if "enum" in target:
            found.append(EnumSite(where, route, target, via))
        for name, sub in (target.get("properties") or {}).items():
            walk(sub, (*where, name), (*route, target), via)
        if isinstance(target.get("items"), dict):
            walk(target["items"], (*where, 0), (*route, target), via)

    walk(schema, (), (), ())
    return tuple(found)


@functools.cache
def response_enum_sites() -> tuple[tuple[DocumentedResponse, EnumSite], ...]:
    """Every enum of every documented response schema, per response."""
    return tuple((response, site) for response in with_body() for site in enum_sites(response.schema or {}))


@functools.cache
def request_enum_sites() -> tuple[tuple[Operation, EnumSite], ...]:
    """Every enum of every request body schema, per operation."""
    return tuple(
        (operation, site)
        for operation in operations()
        if operation.request_schema is not None
        for site in enum_sites(operation.request_schema)
    )


def unknown_enum_values(site: EnumSite) -> st.SearchStrategy[Any]:
    """Values of the enum's JSON type that the spec does not list."""
    if site.kind == "string":
        values: st.SearchStrategy[Any] = st.text(max_size=24)
    elif site.kind == "integer":
        values = st.integers(-(2**31), 2**31)
    else:
        raise AssertionError(f"an enum of {site.kind} at {site.label}")
    return values.filter(lambda v: v not in site.values)


def a_new_value(site: EnumSite) -> Any:
    """A plausible next value that no version of the document has (`grant` -> `grant_next_version`: `grant_prorated`
    was the real one, added in be716adc); for an integer enum, one past the largest."""
    if site.kind == "integer":
        return max(site.values) + 1
    value = f"{site.values[0]}_next_version"
    assert value not in site.values, f"{value!r} is a value of {site.label} now: pick another"
    return value


# --- requests -----------------------------------------------------------------------------------------------------


def request_cases(operation: Operation) -> st.SearchStrategy[Any]:
    """schemathesis cases (parameters incl. the security header, body) for a real operation of the effective spec."""
    return operation.schemathesis_operation.as_strategy()


def case_kwargs(operation: Operation, case: Any) -> dict[str, Any]:
    """A schemathesis case as `sync_detailed` keyword arguments (parameters converted to their declared types)."""
    sources = {
        "header": {k.lower(): v for k, v in (case.headers or {}).items()},
        "path": case.path_parameters or {},
        "query": case.query or {},
    }
    kwargs = {}
    for parameter in operation.parameters:
        source = sources[parameter["in"]]
        key = parameter["name"].lower() if parameter["in"] == "header" else parameter["name"]
        if key in source:
            name, value = operation.parameter_argument(parameter, source[key])
            kwargs[name] = value
    if operation.request_media is not None:
        kwargs["body"] = operation.body_argument(case.body)
    return kwargs


def api_keys() -> st.SearchStrategy[str]:
    """Keys shaped like Adapty's (`secret_live_...`): distinctive enough that finding one in a repr is no accident."""
    return st.from_regex(r"secret_(live|test)_[A-Za-z0-9]{12,40}", fullmatch=True)


def _path_pattern(path: str) -> tuple[re.Pattern[str], list[str]]:
    """A regex for a path template (`/paywalls/{paywall_id}/`) on the raw (percent-encoded) path, and its names."""
    names: list[str] = []
    pattern = ""
    for index, part in enumerate(re.split(r"\{([^}]+)\}", path)):
        if index % 2:
            names.append(part)
            pattern += f"(?P<p{len(names) - 1}>[^/]+)"
        else:
            pattern += re.escape(part)
    return re.compile(pattern), names


def match_operation(request: httpx.Request) -> tuple[Operation, dict[str, str]] | None:
    """The operation of the spec a request calls, and its path parameters (decoded); None: no operation."""
    base = httpx.URL(base_url())
    if (request.url.scheme, request.url.netloc) != (base.scheme, base.netloc):
        return None
    raw_path = request.url.raw_path.decode("ascii").split("?", 1)[0]
    prefix = base.raw_path.decode("ascii").rstrip("/")
    matching = []
    for operation in operations():
        pattern, names = _path_pattern(prefix + operation.path)
        found = pattern.fullmatch(raw_path)
        if found and operation.method.upper() == request.method:
            values = {name: urllib.parse.unquote(found.group(f"p{i}")) for i, name in enumerate(names)}
            matching.append((operation, values))
    assert len(matching) <= 1, f"{request.method} {raw_path} matches {[m[0].operation_id for m in matching]}"
    return matching[0] if matching else None


_NOT_OF_TYPE = object()


def _from_text(schema: dict[str, Any], text: str) -> Any:
    """A parameter's text as the JSON value its schema types (`"20"` for an integer is 20)."""
    kinds = _schema_types(resolve(schema)) or {"string"}
    if "string" in kinds:
        return text
    for kind, parse in (("integer", int), ("number", float)):
        if kind in kinds:
            try:
                return parse(text)
            except ValueError:
                continue
    if "boolean" in kinds and text in ("true", "false"):
        return text == "true"
    return _NOT_OF_TYPE


def request_violations(request: httpx.Request, api_key: str) -> list[str]:
    """Everything about `request` that the effective spec does not allow (empty: it conforms)."""
    matched = match_operation(request)
    if matched is None:
        return [f"{request.method} {request.url} is not an operation of the spec"]
    operation, path_values = matched
    problems = []
    documented_headers, documented_query = set(), set()
    for parameter in operation.parameters:
        name, location = parameter["name"], parameter["in"]
        texts: list[str]
        if location == "header":
            documented_headers.add(name.lower())
            texts = request.headers.get_list(name)
        elif location == "path":
            texts = [path_values[name]] if name in path_values else []
        elif location == "query":
            documented_query.add(name)
            texts = request.url.params.get_list(name)
        else:
            problems.append(f"{location} parameter {name}: the test cannot check it")
            continue
        if not texts:
            if parameter.get("required") or location == "path":
                problems.append(f"required {location} parameter {name} is missing")
            continue
        if len(texts) > 1:
            problems.append(f"{location} parameter {name} sent {len(texts)} times")
        value = _from_text(parameter.get("schema", {}), texts[0])
        if value is _NOT_OF_TYPE:
            problems.append(f"{location} parameter {name}: {texts[0]!r} is not of type {parameter['schema']['type']}")
            continue
        for error in validator(parameter.get("schema", {})).iter_errors(value):
            problems.append(f"{location} parameter {name}: {error.message}")
    for name in request.headers:
        if name.lower().startswith("adapty-") and name.lower() not in documented_headers:
            problems.append(f"undocumented header {name}")
    for name in request.url.params:
        if name not in documented_query:
            problems.append(f"undocumented query parameter {name!r}")
    problems += _security_violations(operation, request, api_key)
    problems += _body_violations(operation, request)
    return problems


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


def _body_violations(operation: Operation, request: httpx.Request) -> list[str]:
    request_body = resolve(operation.definition.get("requestBody"))
    content = request.content
    if not request_body:
        return [f"{request.method} documents no request body, but {len(content)} bytes were sent"] if content else []
    if not content:
        return ["the required request body is missing"] if request_body.get("required") else []
    media_type = request.headers.get("content-type", "").split(";")[0].strip()
    media = request_body["content"].get(media_type)
    if media is None:
        return [f"content-type {media_type!r} is not one of {list(request_body['content'])}"]
    try:
        value = json.loads(content)
    except ValueError as exc:
        return [f"the request body is not JSON: {exc}"]
    errors = validator(media["schema"]).iter_errors(value)
    return [f"body{_json_path(e.absolute_path)}: {e.message}" for e in errors]


def _json_path(parts: Any) -> str:
    return "".join(f"[{part!r}]" for part in parts)


def mock_transport(
    status: int, content: bytes, seen: list[httpx.Request] | None = None, content_type: str | None = JSON_MEDIA
) -> httpx.MockTransport:
    """A transport that answers every request with `status` and `content` (and records the requests)."""

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            request.read()
            seen.append(request)
        headers = {"content-type": content_type} if content and content_type else {}
        return httpx.Response(status, content=content, headers=headers)

    return httpx.MockTransport(handler)


def documented_reply(operation: Operation) -> tuple[int, bytes, str | None]:
    """(status, content, content type) of a reply the operation documents (for tests that only look at requests)."""
    response = next(r for r in documented_responses() if r.operation == operation)
    if response.schema is None:
        return response.status, b"", None
    return response.status, json.dumps(base_body(response)).encode(), response.media_type
