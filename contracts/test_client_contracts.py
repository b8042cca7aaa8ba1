"""Client-side contracts: what the generated `adapty_api_client` makes of every response the spec allows (and of
those it does not), and that every request it builds is one the spec allows.

Bodies, statuses, headers and the oracles all come from the effective spec (see _strategies.py); the transport is
httpx.MockTransport, so nothing leaves the process.
"""

from __future__ import annotations

import asyncio
import json
import typing
import uuid
from typing import Any

import httpx
import pytest
from _strategies import (
    DocumentedResponse,
    Operation,
    api_keys,
    base_url,
    call_kwargs,
    documented_responses,
    malformed_contents,
    mock_transport,
    operations,
    parses_as_json,
    request_cases,
    request_violations,
    responses_with,
    upstream_spec,
    valid_bodies,
    with_body,
)
from adapty_api_client import errors
from adapty_api_client.types import Response
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapty_contracts import client_from_env

KEY = "secret_live_contractsKEY0123456789"
SETTINGS = settings(
    max_examples=80,
    deadline=None,
    # Body size follows the schema, not a bug: only the timing and size checks are off.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


def _client(transport: httpx.MockTransport, key: str = KEY) -> Any:
    """The client every caller gets (client_from_env: raise_on_unexpected_status=True) on a socket-free transport."""
    httpx_client = httpx.Client(base_url=base_url(), transport=transport)
    return client_from_env(environ={"ADAPTY_API_KEY": key}, base_url=base_url(), httpx_client=httpx_client)


def _call(operation: Operation, status: int, content: bytes, content_type: str = "application/json") -> Response[Any]:
    client = _client(mock_transport(status, content, content_type=content_type))
    detailed: Response[Any] = operation.module.sync_detailed(
        client=client, adapty_profile_id=uuid.uuid4(), **call_kwargs(operation)
    )
    return detailed


def _assert_parses(response: DocumentedResponse, body: Any) -> None:
    """`body` (valid JSON for `response.status`) parses into the documented type and back without loss."""
    content = json.dumps(body).encode()
    detailed = _call(response.operation, response.status, content)
    assert detailed.status_code == response.status
    assert detailed.content == content
    parsed = detailed.parsed
    assert type(parsed) is response.model
    assert parsed.to_dict() == body
    assert response.model.from_dict(parsed.to_dict()) == parsed


# --- 1. every schema-valid body parses into the documented type, and back -------------------------------------------


def test_the_spec_documents_what_the_client_returns() -> None:
    """The derived table is not empty, and every documented model is in the generated function's return type."""
    assert {r.operation.operation_id for r in documented_responses()} == {op.operation_id for op in operations()}
    assert with_body(), "no documented response has a JSON body"
    for response in with_body():
        returned = typing.get_type_hints(response.operation.module.sync)["return"]
        assert response.model in typing.get_args(returned), (response.label, returned)


@SETTINGS
@given(drawn=responses_with(valid_bodies))
def test_valid_bodies_parse_into_the_documented_type_and_round_trip(drawn: tuple[DocumentedResponse, Any]) -> None:
    response, body = drawn
    assert response.conforms(body), "the generator and the oracle disagree"
    _assert_parses(response, body)


@pytest.mark.parametrize("response", [r for r in with_body() if r.example is not None], ids=lambda r: r.label)
def test_the_spec_examples_parse_and_round_trip(response: DocumentedResponse) -> None:
    """The examples carry the realistic shapes: `null` identifiers, `source: null`."""
    assert response.conforms(response.example)
    _assert_parses(response, response.example)


@pytest.mark.parametrize("response", with_body(), ids=lambda r: r.label)
def test_nulls_and_unknown_keys_survive(response: DocumentedResponse) -> None:
    """Explicit nulls stay nulls (not absent), unknown keys land in additional_properties and come back out."""
    example = next(r.example for r in with_body() if r.model is response.model and r.example is not None)
    body = _with_nulls_and_unknown_keys(response.schema, example)
    assert response.conforms(body)
    assert body != example, "the schema has no nullable property and no object to extend"
    _assert_parses(response, body)
    parsed = _call(response.operation, response.status, json.dumps(body).encode()).parsed
    assert parsed.additional_properties == {"x_unknown": {"nested": [1, None, "a"]}}


def _with_nulls_and_unknown_keys(schema: Any, value: Any) -> Any:
    """`value` with every nullable property (at any depth) set to null and an unknown key in every object."""
    if isinstance(value, list):
        return [_with_nulls_and_unknown_keys(schema.get("items", {}), item) for item in value]
    if not isinstance(value, dict):
        return value
    result = {"x_unknown": {"nested": [1, None, "a"]}}
    for name, item in value.items():
        sub = schema.get("properties", {}).get(name, {})
        types = sub.get("type", [])
        result[name] = None if "null" in types else _with_nulls_and_unknown_keys(sub, item)
    return result


@pytest.mark.parametrize("response", [r for r in documented_responses() if r.schema is None], ids=lambda r: r.label)
def test_documented_statuses_without_a_body_parse_to_none(response: DocumentedResponse) -> None:
    detailed = _call(response.operation, response.status, b"", content_type="")
    assert detailed.status_code == response.status
    assert detailed.parsed is None
    assert detailed.content == b""


def test_an_integral_float_is_a_json_schema_integer() -> None:
    """JSON Schema's `integer` includes 401.0 (Python's json reads it as a float): it parses, as an int."""
    response = next(r for r in with_body() if "status_code" in (r.schema or {}).get("properties", {}))
    body = {**response.example, "status_code": float(response.status)}
    assert response.conforms(body)
    parsed = _call(response.operation, response.status, json.dumps(body).encode()).parsed
    assert parsed.status_code == response.status
    assert type(parsed.status_code) is int


# --- 3. undocumented statuses and malformed bodies are typed errors -------------------------------------------------


@SETTINGS
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


@settings(SETTINGS, max_examples=120)
@given(drawn=responses_with(malformed_contents))
def test_malformed_bodies_raise_unexpected_response_body(drawn: tuple[DocumentedResponse, bytes]) -> None:
    """A body breaking the schema (the oracle says so) is UnexpectedResponseBody; one still valid parses."""
    response, content = drawn
    if parses_as_json(content) and response.conforms(json.loads(content)):
        _assert_parses(response, json.loads(content))
        return
    _assert_rejected(response, content)


def _assert_rejected(response: DocumentedResponse, content: bytes) -> None:
    with pytest.raises(errors.UnexpectedResponseBody) as caught:
        _call(response.operation, response.status, content)
    error = caught.value
    assert isinstance(error, errors.ApiError)
    assert error.status_code == response.status
    assert error.content == content
    assert isinstance(error.reason, str)
    assert error.reason


@pytest.mark.parametrize("response", with_body(), ids=lambda r: r.label)
@pytest.mark.parametrize(
    "content",
    [b"", b"null", b"[]", b'"text"', b"42", b"{", b"\xff\xfe", b"[" * 100_000 + b"]" * 100_000],
    ids=["empty", "null", "array", "string", "number", "truncated", "not-utf8", "deeply-nested"],
)
def test_non_object_bodies_are_typed_errors(response: DocumentedResponse, content: bytes) -> None:
    _assert_rejected(response, content)


def _upstream_error_examples() -> list[tuple[DocumentedResponse, Any]]:
    """The upstream seed's error examples, whose `errors` are plain strings (the overlay's defect 2)."""
    found = []
    for response in with_body():
        op = response.operation
        upstream = upstream_spec()["paths"][op.path][op.method]["responses"].get(str(response.status), {})
        example = ((upstream.get("content") or {}).get("application/json") or {}).get("example")
        if isinstance(example, dict) and any(isinstance(e, str) for e in example.get("errors", [])):
            found.append((response, example))
    return found


@pytest.mark.parametrize(("response", "example"), _upstream_error_examples(), ids=lambda x: getattr(x, "label", ""))
def test_upstream_string_error_examples_are_typed_errors(response: DocumentedResponse, example: Any) -> None:
    assert not response.conforms(example)
    _assert_rejected(response, json.dumps(example).encode())


def test_the_upstream_string_examples_are_all_found() -> None:
    """400 (POST), 401 and 404 of both operations carry the string-`errors` examples upstream."""
    assert len(_upstream_error_examples()) == 5


# --- 2. every request the client builds is one the spec allows ------------------------------------------------------


@pytest.mark.parametrize("operation", operations(), ids=lambda op: op.operation_id)
@settings(SETTINGS, max_examples=40)
@given(data=st.data())
def test_requests_conform_to_the_spec(operation: Operation, data: Any) -> None:
    case = data.draw(request_cases(operation), label="case")
    key = data.draw(api_keys(), label="key")
    headers = case.headers or {}
    kwargs: dict[str, Any] = {}
    if "adapty-customer-user-id" in headers:
        kwargs["adapty_customer_user_id"] = headers["adapty-customer-user-id"]
    if "adapty-profile-id" in headers:
        kwargs["adapty_profile_id"] = uuid.UUID(headers["adapty-profile-id"])
    if operation.definition.get("requestBody"):
        kwargs["body"] = call_kwargs(operation)["body"].from_dict(case.body)
    seen: list[httpx.Request] = []
    error = next(r for r in documented_responses() if r.operation == operation and r.status == 404)
    client = _client(mock_transport(404, json.dumps(error.example).encode(), seen), key)
    operation.module.sync_detailed(client=client, **kwargs)

    (request,) = seen
    assert request_violations(request, key) == []
    if "adapty_profile_id" in kwargs:
        assert request.headers["adapty-profile-id"] == str(kwargs["adapty_profile_id"])
    if "adapty_customer_user_id" in kwargs:
        assert request.headers["adapty-customer-user-id"] == kwargs["adapty_customer_user_id"]
    if "body" in kwargs:
        assert json.loads(request.content) == case.body


def _captured(operation: Operation, **kwargs: Any) -> httpx.Request:
    seen: list[httpx.Request] = []
    client = _client(mock_transport(500, b'{"errors": [], "error_code": "e", "status_code": 500}', seen))
    operation.module.sync_detailed(client=client, **{**call_kwargs(operation), **kwargs})
    return seen[0]


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


def test_the_request_oracle_catches_what_the_spec_forbids() -> None:
    """Guards against a vacuous oracle: each broken copy of a valid request is flagged."""
    post = next(op for op in operations() if op.definition.get("requestBody"))
    good = _captured(post, adapty_profile_id=uuid.uuid4(), adapty_customer_user_id="user-1")
    assert request_violations(good, KEY) == []
    broken = {
        "method": _rebuilt(good, method="PUT"),
        "path": _rebuilt(good, url=str(good.url) + "extra/"),
        "query": _rebuilt(good, url=str(good.url) + "?x=1"),
        "profile id not a uuid": _rebuilt(good, headers={"adapty-profile-id": "not-a-uuid"}),
        "undocumented header": _rebuilt(good, headers={"adapty-user-id": "u"}),
        "no auth": _rebuilt(good, headers={"authorization": None}),
        "wrong auth scheme": _rebuilt(good, headers={"authorization": f"Bearer {KEY}"}),
        "no body": _rebuilt(good, content=b""),
        "empty object": _rebuilt(good, content=b"{}"),
        "wrong type": _rebuilt(good, content=b'{"branch_id": 5}'),
        "not json": _rebuilt(good, content=b"{"),
        "wrong media type": _rebuilt(good, headers={"content-type": "text/plain"}),
    }
    for name, request in broken.items():
        assert request_violations(request, KEY), name
    get = next(op for op in operations() if not op.definition.get("requestBody"))
    assert request_violations(_rebuilt(_captured(get), content=b"{}"), KEY), "a body on GET"


# --- the async functions share the parsing ----------------------------------------------------------------------------


def test_async_functions_parse_and_reject_alike() -> None:
    response = next(r for r in with_body() if r.example is not None)
    operation = response.operation

    async def call(content: bytes) -> Any:
        transport = mock_transport(response.status, content)
        client = client_from_env(environ={"ADAPTY_API_KEY": KEY}, base_url=base_url())
        client.set_async_httpx_client(httpx.AsyncClient(base_url=base_url(), transport=transport))
        async with client:
            kwargs = {"adapty_profile_id": uuid.uuid4(), **call_kwargs(operation)}
            return await operation.module.asyncio(client=client, **kwargs)

    parsed = asyncio.run(call(json.dumps(response.example).encode()))
    assert type(parsed) is response.model
    assert parsed.to_dict() == response.example
    with pytest.raises(errors.UnexpectedResponseBody):
        asyncio.run(call(b"[1]"))
