"""Client-side contracts: what the generated `adapty_api_client` makes of every response the spec allows (and of
those it does not), and that every request it builds is one the spec allows, for every operation of the spec.

Operations, parameters, bodies, statuses, media types, headers and the oracles all come from the effective spec and
the generated functions' signatures (see _strategies.py); the transport is httpx.MockTransport, so nothing leaves
the process.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import typing
import urllib.parse
from typing import Any

import httpx
import pytest
from _strategies import (
    DocumentedResponse,
    Operation,
    api_keys,
    base_body,
    base_url,
    call_kwargs,
    canonical,
    case_kwargs,
    concrete,
    conforms,
    documented_reply,
    documented_responses,
    is_json_media,
    malformed_contents,
    mock_transport,
    models_for,
    navigate,
    nullable,
    operations,
    parameter_python_name,
    parses_as_json,
    pick,
    python_name,
    raw_spec,
    replace_at,
    request_cases,
    request_violations,
    resolve,
    response_groups,
    responses_with,
    union_members,
    upstream_spec,
    valid_bodies,
    validator,
    value_sites,
    with_body,
    with_nulls,
    with_unknown_keys,
)
from adapty_api_client import errors
from adapty_api_client.types import Response
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from adapty_contracts import client_from_env

KEY = "secret_live_contractsKEY0123456789"
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    # Body size follows the schema, not a bug: only the timing and size checks are off.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
# Generated response bodies are large: shrinking one takes minutes on 2 cores, and the failure already names the
# JSON path and the schema rule broken (_assert_rejected), so the body tests report the first failing example.
NO_SHRINK = [phase for phase in Phase if phase is not Phase.shrink]
MODELS = list(response_groups())


def _client(transport: httpx.MockTransport, key: str = KEY) -> Any:
    """The client every caller gets (client_from_env: raise_on_unexpected_status=True) on a socket-free transport,
    without retries: these tests are about one response (tests/test_client_runtime.py tests the retries)."""
    httpx_client = httpx.Client(base_url=base_url(), transport=transport)
    client = client_from_env(environ={"ADAPTY_API_KEY": key}, base_url=base_url(), httpx_client=httpx_client)
    return client.with_max_retries(0)


def _call(operation: Operation, status: int, content: bytes, content_type: str | None = "application/json") -> Any:
    """`sync_detailed` with arguments the spec accepts, answered by `status` and `content`."""
    client = _client(mock_transport(status, content, content_type=content_type))
    detailed: Response[Any] = operation.module.sync_detailed(client=client, **call_kwargs(operation))
    return detailed


def _reply(response: DocumentedResponse, body: Any) -> Any:
    return _call(response.operation, response.status, json.dumps(body).encode(), response.media_type)


def _assert_parses(response: DocumentedResponse, body: Any, lenient: bool = False) -> Any:
    """`body` (valid JSON for `response.status`) parses into the documented type and back without loss: the same
    JSON (date-times, dates and uuids compared as what they denote, which the client may re-spell), itself valid,
    parsing to an equal model."""
    content = json.dumps(body).encode()
    detailed = _call(response.operation, response.status, content, response.media_type)
    assert detailed.status_code == response.status
    assert detailed.content == content
    parsed = detailed.parsed
    assert type(parsed) is response.model
    out = parsed.to_dict()
    assert canonical(response.schema, out) == canonical(response.schema, body)
    assert response.conforms(json.loads(json.dumps(out)), lenient), "to_dict() breaks the schema"
    assert response.model.from_dict(out) == parsed
    return parsed


# --- 0. the tables the tests derive from the spec, against the generated client -----------------------------------


def test_the_spec_uses_only_media_types_the_tests_read() -> None:
    """Every request and response body is JSON (application/json or a +json type such as application/vnd.api+json),
    one media type per body: the derived tables below miss nothing."""
    found = set()
    for operation in operations():
        bodies = [resolve(operation.definition.get("requestBody") or {})]
        bodies += [resolve(r) for r in operation.definition["responses"].values()]
        for body in bodies:
            content = body.get("content") or {}
            assert len(content) <= 1, (operation.operation_id, list(content))
            found.update(content)
    assert found and all(is_json_media(m) for m in found), found
    assert {r.media_type for r in with_body()} | {op.request_media[0] for op in operations() if op.request_media} == (
        found
    )


def test_the_spec_documents_what_the_client_returns() -> None:
    """The derived table is not empty, and every documented model is in the generated function's return type."""
    assert {r.operation.operation_id for r in documented_responses()} == {op.operation_id for op in operations()}
    assert with_body(), "no documented response has a JSON body"
    for response in with_body():
        (returned,) = typing.get_args(typing.get_type_hints(response.operation.module.sync_detailed)["return"])
        assert response.model in typing.get_args(returned), (response.label, returned)
        if 200 <= response.status <= 299:  # `sync` returns the success model(s) only
            success = typing.get_type_hints(response.operation.module.sync)["return"]
            assert response.model in (success, *typing.get_args(success)), (response.label, success)


@pytest.mark.parametrize("operation", operations(), ids=lambda op: op.operation_id)
def test_the_generated_functions_take_what_the_spec_documents(operation: Operation) -> None:
    """One keyword per spec parameter (the generator's Python name), typed as its schema says (uuid -> UUID,
    integer -> int, string -> str), required where the spec requires it; `body` the request body's model(s)."""
    signature = inspect.signature(operation.module.sync_detailed)
    expected = {parameter_python_name(p): p for p in operation.parameters}
    assert set(signature.parameters) - {"client", "body"} == set(expected)
    assert ("body" in signature.parameters) == (operation.request_media is not None)
    for name, parameter in expected.items():
        schema = resolve(parameter.get("schema", {}))
        members = {t.__name__ for t in union_members(operation.hints[name])}
        by_type = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}
        wanted = {"uuid": "UUID"}.get(schema.get("format"), by_type.get(schema["type"]))
        assert members == {wanted}, (name, members, schema)
        required = parameter.get("required") or parameter["in"] == "path"
        assert (signature.parameters[name].default is inspect.Parameter.empty) == bool(required), name
    if operation.request_schema is not None:
        assert set(union_members(operation.hints["body"])) == set(models_for(operation.request_schema))
    for other in ("sync", "asyncio_detailed", "asyncio"):
        assert inspect.signature(getattr(operation.module, other)).parameters == signature.parameters, other


def test_the_request_examples_are_valid_bodies() -> None:
    """Every request body example (and the values the tests fall back to) satisfies the schema and builds a model."""
    for operation in operations():
        for name, example in operation.request_examples():
            assert operation.request_schema is not None
            assert conforms(operation.request_schema, example), (operation.operation_id, name)
            model = operation.body_argument(example)
            assert canonical(operation.request_schema, model.to_dict()) == canonical(operation.request_schema, example)


# --- 1. every schema-valid body parses into the documented type, and back -------------------------------------------


@pytest.mark.parametrize("model", MODELS)
@settings(SETTINGS, phases=NO_SHRINK)
@given(data=st.data())
def test_valid_bodies_parse_into_the_documented_type_and_round_trip(model: str, data: Any) -> None:
    response, body = data.draw(responses_with(model, valid_bodies), label="response, body")
    assert response.conforms(body), "the generator and the oracle disagree"
    _assert_parses(response, body)


def _documented_examples() -> list[tuple[DocumentedResponse, str, Any]]:
    return [(r, name, example) for r in with_body() for name, example in r.examples]


@pytest.mark.parametrize(
    ("response", "name", "example"),
    _documented_examples(),
    ids=[f"{r.label}-{name}" for r, name, _ in _documented_examples()],
)
def test_the_spec_examples_parse_and_round_trip(response: DocumentedResponse, name: str, example: Any) -> None:
    """The examples (`example` and every `examples.*.value`) carry the realistic shapes: `null` ids, `source: null`."""
    assert response.conforms(example), name
    _assert_parses(response, example)


@pytest.mark.parametrize("response", with_body(), ids=lambda r: r.label)
def test_nulls_and_unknown_keys_survive(response: DocumentedResponse) -> None:
    """Explicit nulls stay nulls (not absent), unknown keys land in additional_properties (at every depth) and come
    back out."""
    example = base_body(response)
    body = with_unknown_keys(response.schema, with_nulls(response.schema, example))
    assert response.conforms(body)
    assert body != example, "the schema has no nullable property and no object to extend"
    parsed = _assert_parses(response, body)
    assert parsed.additional_properties == {"x_unknown": {"nested": [1, None, "a"]}}
    for where, _, value in value_sites(response.schema, body):
        if isinstance(value, dict) and "x_unknown" in value and where:
            assert navigate(parsed, where).additional_properties["x_unknown"] == value["x_unknown"], where


@pytest.mark.parametrize("response", [r for r in documented_responses() if r.schema is None], ids=lambda r: r.label)
def test_documented_statuses_without_a_body_parse_to_none(response: DocumentedResponse) -> None:
    detailed = _call(response.operation, response.status, b"", content_type=None)
    assert detailed.status_code == response.status
    assert detailed.parsed is None
    assert detailed.content == b""


def _integers(response: DocumentedResponse) -> list[tuple[Any, ...]]:
    body = base_body(response)
    return [w for w, node, v in value_sites(response.schema, body) if node.get("type") == "integer" and type(v) is int]


@pytest.mark.parametrize("response", [r for r in with_body() if _integers(r)], ids=lambda r: r.label)
def test_an_integral_float_is_a_json_schema_integer(response: DocumentedResponse) -> None:
    """JSON Schema's `integer` includes 401.0 (Python's json reads it as a float): it parses, as an int, wherever
    the schema has an integer (`status_code`, `timestamp`, `meta.pagination.count`, ...)."""
    for where in _integers(response):
        body = base_body(response)
        body = replace_at(body, where, float(pick(body, where)))
        assert response.conforms(body), where
        parsed = _reply(response, body).parsed
        assert navigate(parsed, where) == pick(body, where)
        assert type(navigate(parsed, where)) is int, where


# --- 3. undocumented statuses and malformed bodies are typed errors -------------------------------------------------


@settings(SETTINGS, max_examples=60)
@given(data=st.data())
def test_undocumented_statuses_raise_unexpected_status(data: Any) -> None:
    operation = data.draw(st.sampled_from(operations()), label="operation")
    status = data.draw(st.integers(100, 599).filter(lambda s: s not in operation.documented_statuses()), label="status")
    content = data.draw(st.binary(max_size=32) | st.just(b'{"error_code": "x"}'), label="content")
    with pytest.raises(errors.UnexpectedStatus) as caught:
        _call(operation, status, content)
    assert caught.value.status_code == status
    assert caught.value.content == content
    assert isinstance(caught.value, errors.ApiError)


@pytest.mark.parametrize("model", MODELS)
@settings(SETTINGS, max_examples=40, phases=NO_SHRINK)
@given(data=st.data())
def test_malformed_bodies_raise_unexpected_response_body(model: str, data: Any) -> None:
    """A body breaking the schema's shape (types, required keys, formats: the oracle says so) is
    UnexpectedResponseBody; one still valid parses, and so does one whose only faults are values the spec does not
    list or bound (an enum value added later, a string past maxLength: see test_value_bounds_are_not_enforced and
    test_client_forward_compat.py)."""
    response, content = data.draw(responses_with(model, malformed_contents), label="response, content")
    if parses_as_json(content) and response.conforms(json.loads(content), lenient=True):
        _assert_parses(response, json.loads(content), lenient=True)
        return
    _assert_rejected(response, content)


def _bounded(response: DocumentedResponse) -> list[tuple[tuple[Any, ...], str, Any]]:
    """(where, keyword, a value past the bound) for every bounded value of a realistic body (e.g. maxLength)."""
    found = []
    for where, node, value in value_sites(response.schema, base_body(response)):
        if isinstance(value, str) and "maxLength" in node:
            found.append((where, "maxLength", "k" * (node["maxLength"] + 1)))
        if isinstance(value, str) and node.get("minLength", 0) > 0:
            found.append((where, "minLength", ""))
        if type(value) in (int, float) and "maximum" in node:
            found.append((where, "maximum", node["maximum"] + 1))
        if type(value) in (int, float) and "minimum" in node:
            found.append((where, "minimum", node["minimum"] - 1))
    return found


def _bounded_cases() -> list[tuple[DocumentedResponse, tuple[Any, ...], str, Any]]:
    cases = {}
    for response in with_body():
        for where, keyword, past in _bounded(response):
            key = (response.model, tuple("[]" if isinstance(step, int) else step for step in where), keyword)
            cases.setdefault(key, (response, where, keyword, past))
    return list(cases.values())


def test_value_bounds_are_found() -> None:
    """Not vacuous: ProfileResponse's custom_attributes[].key has maxLength 30."""
    assert _bounded_cases()


@pytest.mark.parametrize(
    ("response", "where", "keyword", "past"),
    _bounded_cases(),
    ids=[f"{r.model.__name__}-{'.'.join(map(str, w))}-{k}" for r, w, k, _ in _bounded_cases()],
)
def test_value_bounds_are_not_enforced(response: DocumentedResponse, where: Any, keyword: str, past: Any) -> None:
    """The client types what it reads but does not bound it (as it does not close enums): a value past a bound of
    the spec (a 31-character custom attribute key) is kept as received, not a failure of the whole response."""
    body = replace_at(base_body(response), where, past)
    assert not response.conforms(body)
    assert response.conforms(body, lenient=True)
    parsed = _assert_parses(response, body, lenient=True)
    assert navigate(parsed, where) == past


def _assert_rejected(response: DocumentedResponse, content: bytes) -> None:
    try:
        _call(response.operation, response.status, content, response.media_type)
    except errors.UnexpectedResponseBody as caught:
        error = caught
    else:
        assert response.schema is not None
        why = (
            [
                f"{list(e.absolute_path)}: {e.message}"
                for e in validator(response.schema, True).iter_errors(json.loads(content))
            ]
            if parses_as_json(content)
            else ["not JSON"]
        )
        pytest.fail(f"{response.label} parsed a body the spec forbids: {why[:3]}")
    assert isinstance(error, errors.ApiError)
    assert error.status_code == response.status
    assert error.content == content
    assert isinstance(error.reason, str)
    assert error.reason


def _nullable_properties(response: DocumentedResponse) -> list[tuple[tuple[Any, ...], Any]]:
    """(where, a value of a type the property does not admit) for each nullable property of a realistic body."""
    found = []
    body = with_nulls(response.schema, base_body(response))
    for where, node, value in value_sites(response.schema, body):
        if not isinstance(value, dict):
            continue
        for name, sub in (node.get("properties") or {}).items():
            if name in value and nullable(sub):
                wrong = next(v for v in (5, "x", [], {}, True) if not conforms(sub, v, lenient=True))
                found.append(((*where, name), wrong))
    return found


def _nullable_cases() -> list[tuple[DocumentedResponse, tuple[Any, ...], Any]]:
    cases = {}
    for response in with_body():
        for where, wrong in _nullable_properties(response):
            # one case per property of a model: another operation or array item parses it with the same code
            key = (response.model, tuple("[]" if isinstance(step, int) else step for step in where))
            cases.setdefault(key, (response, where, wrong))
    return list(cases.values())


@pytest.mark.parametrize(
    ("response", "where", "wrong"),
    _nullable_cases(),
    ids=[f"{r.model.__name__}-{'.'.join(map(str, w))}" for r, w, _ in _nullable_cases()],
)
def test_a_wrong_type_in_a_nullable_property_is_a_typed_error(
    response: DocumentedResponse, where: tuple[Any, ...], wrong: Any
) -> None:
    """`type: [T, 'null']` / `anyOf: [T, null]` admits T or null, nothing else: a body with, say, `5` for a nullable
    date-time or model is UnexpectedResponseBody (not a model holding an int where a datetime is declared)."""
    body = replace_at(with_nulls(response.schema, base_body(response)), where, wrong)
    assert not response.conforms(body, lenient=True)
    _assert_rejected(response, json.dumps(body).encode())


@pytest.mark.parametrize("response", with_body(), ids=lambda r: r.label)
@pytest.mark.parametrize(
    "content",
    [b"", b"null", b"[]", b'"text"', b"42", b"{", b"\xff\xfe", b"[" * 100_000 + b"]" * 100_000],
    ids=["empty", "null", "array", "string", "number", "truncated", "not-utf8", "deeply-nested"],
)
def test_non_object_bodies_are_typed_errors(response: DocumentedResponse, content: bytes) -> None:
    _assert_rejected(response, content)


def _upstream_error_examples() -> list[tuple[DocumentedResponse, str, Any]]:
    """The upstream seed's error examples (`example` and `examples.*.value`, any JSON media type) whose `errors`
    are plain strings (the overlay's defect 2)."""
    found = []
    for response in with_body():
        op = response.operation
        upstream = upstream_spec()["paths"].get(op.path, {}).get(op.method, {}).get("responses", {})
        content = (upstream.get(str(response.status)) or {}).get("content") or {}
        for media in content.values():
            examples = [("example", media["example"])] if "example" in media else []
            examples += [(name, e.get("value")) for name, e in (media.get("examples") or {}).items()]
            for name, example in examples:
                if isinstance(example, dict) and any(isinstance(e, str) for e in example.get("errors", [])):
                    found.append((response, name, example))
    return found


@pytest.mark.parametrize(
    ("response", "name", "example"),
    _upstream_error_examples(),
    ids=[f"{r.label}-{name}" for r, name, _ in _upstream_error_examples()],
)
def test_upstream_string_error_examples_are_typed_errors(response: DocumentedResponse, name: str, example: Any) -> None:
    assert not response.conforms(example)
    _assert_rejected(response, json.dumps(example).encode())


def test_the_upstream_string_examples_are_all_found() -> None:
    """Upstream, 17 error examples carry string `errors`: refund saver get (400, 401) and set (400 x2, 401),
    Paddle (400 x3, 401), integration identifiers get (401, 404) and set (400, 401, 404), the paywall operations
    (401 each)."""
    assert len(_upstream_error_examples()) == 17


# --- 2. every request the client builds is one the spec allows ------------------------------------------------------


def _send(operation: Operation, kwargs: dict[str, Any], key: str = KEY) -> httpx.Request:
    seen: list[httpx.Request] = []
    status, content, content_type = documented_reply(operation)
    client = _client(mock_transport(status, content, seen, content_type), key)
    operation.module.sync_detailed(client=client, **kwargs)
    (request,) = seen
    return request


@pytest.mark.parametrize("operation", operations(), ids=lambda op: op.operation_id)
@settings(SETTINGS, max_examples=25)
@given(data=st.data())
def test_requests_conform_to_the_spec(operation: Operation, data: Any) -> None:
    """Any parameters and body the spec allows (schemathesis's cases) make a request the spec allows, carrying them."""
    case = data.draw(request_cases(operation), label="case")
    key = data.draw(api_keys(), label="key")
    kwargs = case_kwargs(operation, case)
    request = _send(operation, kwargs, key)

    assert request_violations(request, key) == []
    _assert_carries(operation, request, kwargs)
    if operation.request_schema is not None:
        assert canonical(operation.request_schema, json.loads(request.content)) == canonical(
            operation.request_schema, case.body
        )


def _assert_carries(operation: Operation, request: httpx.Request, kwargs: dict[str, Any]) -> None:
    """Every parameter passed is in the request, where the spec puts it, as its text."""
    path = request.url.raw_path.decode("ascii").split("?", 1)[0]
    for parameter in operation.parameters:
        name = parameter_python_name(parameter)
        if name not in kwargs:
            continue
        text = str(kwargs[name])
        if parameter["in"] == "header":
            assert request.headers[parameter["name"]] == text, name
        elif parameter["in"] == "query":
            assert request.url.params[parameter["name"]] == text, name
        else:
            assert urllib.parse.quote(text, safe="") in path.split("/"), name


def _captured(operation: Operation, **kwargs: Any) -> httpx.Request:
    return _send(operation, {**call_kwargs(operation), **kwargs})


def _rebuilt(request: httpx.Request, **changes: Any) -> httpx.Request:
    fields: dict[str, Any] = {"method": request.method, "url": request.url, "content": request.content}
    headers = dict(request.headers)
    for name, value in changes.pop("headers", {}).items():
        if value is None:
            headers.pop(name, None)
        else:
            headers[name] = value
    fields.update(changes)
    fields["headers"] = {k: v for k, v in headers.items() if k != "content-length"}
    return httpx.Request(**fields)


def _with_query(request: httpx.Request, name: str, value: str | None) -> httpx.Request:
    params = {k: v for k, v in request.url.params.multi_items() if k != name}
    if value is not None:
        params[name] = value
    return _rebuilt(request, url=request.url.copy_with(params=params))


def _with_path_value(operation: Operation, request: httpx.Request, name: str, value: str) -> httpx.Request:
    good = str(call_kwargs(operation)[python_name(name)])
    raw = request.url.raw_path.decode("ascii").split("?", 1)
    path = raw[0].replace(urllib.parse.quote(good, safe=""), urllib.parse.quote(value, safe=""))
    return _rebuilt(
        request, url=request.url.copy_with(raw_path=(path + ("?" + raw[1] if len(raw) > 1 else "")).encode())
    )


def _breaking_values(schema: dict[str, Any]) -> dict[str, str]:
    """Texts a parameter's schema forbids (by its type, format, bounds)."""
    schema = resolve(schema)
    found = {}
    if schema.get("format") == "uuid":
        found["not a uuid"] = "not-a-uuid"
    if schema.get("type") == "integer":
        found["not an integer"] = "abc"
        if "minimum" in schema:
            found["below minimum"] = str(schema["minimum"] - 1)
        if "maximum" in schema:
            found["above maximum"] = str(schema["maximum"] + 1)
    return found


def _retyped(schema: Any, value: Any) -> Any:
    """A JSON value of a type the (concrete) schema does not admit."""
    node = concrete(schema, value)
    kinds = set(node.get("type") if isinstance(node.get("type"), list) else [node.get("type", "object")])
    for candidate, kind in ((5, "integer"), ("x", "string"), ([], "array"), ({}, "object"), (True, "boolean")):
        if kind not in kinds and not (kind == "integer" and "number" in kinds):
            return candidate
    raise AssertionError(node)


def test_the_request_oracle_is_tried_on_every_parameter_location() -> None:
    """Not vacuous: the spec has header (uuid), path (uuid) and query (integer, bounded) parameters, and the test
    below breaks one of each."""
    locations = {p["in"] for op in operations() for p in op.parameters}
    breakable = {p["in"] for op in operations() for p in op.parameters if _breaking_values(p.get("schema", {}))}
    assert locations == breakable == {"header", "path", "query"}


@pytest.mark.parametrize("operation", operations(), ids=lambda op: op.operation_id)
def test_the_request_oracle_catches_what_the_spec_forbids(operation: Operation) -> None:
    """Guards against a vacuous oracle: each broken copy of a valid request (method, path, every parameter's type,
    format and bounds, undocumented headers and query, auth, body) is flagged."""
    good = _captured(operation)
    assert request_violations(good, KEY) == []
    undocumented = next(
        m for m in ("put", "patch", "delete", "post", "get") if m not in raw_spec()["paths"][operation.path]
    )
    broken = {
        "method": _rebuilt(good, method=undocumented.upper()),
        "path": _rebuilt(good, url=str(good.url.copy_with(query=None)) + "extra/"),
        "query": _with_query(good, "x", "1"),
        "undocumented header": _rebuilt(good, headers={"adapty-user-id": "u"}),
        "no auth": _rebuilt(good, headers={"authorization": None}),
        "wrong auth scheme": _rebuilt(good, headers={"authorization": f"Bearer {KEY}"}),
        "other host": _rebuilt(good, url=good.url.copy_with(host="example.com")),
    }
    for parameter in operation.parameters:
        name, location = parameter["name"], parameter["in"]
        for why, text in _breaking_values(parameter.get("schema", {})).items():
            label = f"{location} {name} {why}"
            if location == "header":
                broken[label] = _rebuilt(good, headers={name: text})
            elif location == "query":
                broken[label] = _with_query(good, name, text)
            else:
                broken[label] = _with_path_value(operation, good, name, text)
        if location == "query":
            broken[f"{name} twice"] = _rebuilt(good, url=str(good.url) + f"&{urllib.parse.quote(name)}=1")
    if operation.request_schema is None:
        broken["a body"] = _rebuilt(good, content=b"{}")
    else:
        body = json.loads(good.content)
        node = concrete(operation.request_schema, body)
        broken["no body"] = _rebuilt(good, content=b"")
        broken["not json"] = _rebuilt(good, content=b"{")
        broken["not an object"] = _rebuilt(good, content=b"[]")
        broken["wrong media type"] = _rebuilt(good, headers={"content-type": "text/plain"})
        for name in node.get("required", []):
            dropped = {k: v for k, v in body.items() if k != name}
            broken[f"without {name}"] = _rebuilt(good, content=json.dumps(dropped).encode())
        for name, sub in (node.get("properties") or {}).items():
            if name in body:
                retyped = {**body, name: _retyped(sub, body[name])}
                broken[f"{name} retyped"] = _rebuilt(good, content=json.dumps(retyped).encode())
    for name, request in broken.items():
        assert request_violations(request, KEY), name


# --- the async functions share the parsing ----------------------------------------------------------------------------


async def _async_call(operation: Operation, status: int, content: bytes, content_type: str | None) -> Any:
    transport = mock_transport(status, content, content_type=content_type)
    client = client_from_env(environ={"ADAPTY_API_KEY": KEY}, base_url=base_url()).with_max_retries(0)
    client.set_async_httpx_client(httpx.AsyncClient(base_url=base_url(), transport=transport))
    async with client:
        return (await operation.module.asyncio_detailed(client=client, **call_kwargs(operation))).parsed


@pytest.mark.parametrize("operation", operations(), ids=lambda op: op.operation_id)
def test_async_functions_parse_and_reject_alike(operation: Operation) -> None:
    """`asyncio_detailed` parses what `sync_detailed` parses (to an equal model), and raises the same typed errors."""
    response = next(r for r in with_body() if r.operation == operation)
    content = json.dumps(base_body(response)).encode()

    parsed = asyncio.run(_async_call(operation, response.status, content, response.media_type))
    assert type(parsed) is response.model
    assert parsed == _call(operation, response.status, content, response.media_type).parsed
    with pytest.raises(errors.UnexpectedResponseBody):
        asyncio.run(_async_call(operation, response.status, b"[1]", response.media_type))
    undocumented = next(s for s in range(200, 600) if s not in operation.documented_statuses())
    with pytest.raises(errors.UnexpectedStatus):
        asyncio.run(_async_call(operation, undocumented, b"{}", response.media_type))
