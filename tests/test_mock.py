"""The bundled mock over real HTTP on loopback: every rule of the API it stands in for, and its limits."""

from __future__ import annotations

import asyncio
import json
import socket
import uuid
from typing import Any

import httpx
import jsonschema
import pytest
import yaml

from adapty_contracts._errors import UserError
from adapty_contracts._paths import EFFECTIVE_SPEC
from adapty_contracts.mock import (
    API_PATH,
    DEFAULT_API_KEY,
    DEFAULT_CUSTOMER_USER_ID,
    DEFAULT_PROFILE_ID,
    IDENTIFIER_KEYS,
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    Call,
    MockAPI,
    Profile,
    ProfileStore,
    load_profiles,
    running_mock,
)

pytestmark = pytest.mark.slow

SPEC: dict[str, Any] = yaml.safe_load(EFFECTIVE_SPEC.read_text(encoding="utf-8"))
SCHEMAS = SPEC["components"]["schemas"]
AUTH = {"Authorization": f"Api-Key {DEFAULT_API_KEY}"}


def error_body_valid(response: httpx.Response, status: int, error_code: str, source: str | None = None) -> list[str]:
    """Assert the ErrorResponse shape (per the spec's schema) and values; return the messages."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    jsonschema.validate(body, SCHEMAS["ErrorResponse"])
    assert body["status_code"] == status
    assert body["error_code"] == error_code
    assert len(body["errors"]) == 1
    assert body["errors"][0]["source"] == source
    messages: list[str] = body["errors"][0]["errors"]
    assert messages
    assert all(isinstance(m, str) and m for m in messages)
    assert "Traceback" not in response.text
    return messages


@pytest.fixture
def profile(store: ProfileStore) -> Profile:
    """A fresh profile per test, so tests do not see each other's writes."""
    return store.add(str(uuid.uuid4()), f"customer-{uuid.uuid4()}")


def by_id(profile: Profile) -> dict[str, str]:
    return {**AUTH, "adapty-profile-id": profile.profile_id}


def get(client: httpx.Client, profile: Profile) -> dict[str, Any]:
    response = client.get(API_PATH, headers=by_id(profile))
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def serving(client: httpx.Client) -> bool:
    """The server still answers a normal request correctly (after something nasty)."""
    response = client.get(API_PATH, headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID})
    return response.status_code == 200 and set(response.json()) == set(IDENTIFIER_KEYS)


# --- what the mock reads from the spec --------------------------------------------------------------------------
def test_identifier_keys_and_path_come_from_the_spec() -> None:
    response_schema = SCHEMAS["IntegrationIdentifiersResponse"]
    assert set(IDENTIFIER_KEYS) == set(response_schema["required"]) == set(response_schema["properties"])
    assert set(IDENTIFIER_KEYS) == set(SCHEMAS["IntegrationIdentifiersRequest"]["properties"])
    assert len(IDENTIFIER_KEYS) == 16
    operations = SPEC["paths"][API_PATH]
    assert operations["get"]["operationId"] == "getIntegrationIdentifiers"
    assert operations["post"]["operationId"] == "setIntegrationIdentifiers"


# --- GET / POST ---------------------------------------------------------------------------------------------------
def test_get_returns_all_keys_null_when_unset(client: httpx.Client, profile: Profile) -> None:
    response = client.get(API_PATH, headers=by_id(profile))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    jsonschema.validate(body, SCHEMAS["IntegrationIdentifiersResponse"])
    assert list(body) == list(IDENTIFIER_KEYS)
    assert all(value is None for value in body.values())


def test_post_then_get_shows_what_was_set(client: httpx.Client, profile: Profile) -> None:
    response = client.post(API_PATH, headers=by_id(profile), json={"branch_id": "b-1", "appsflyer_id": "af-1"})
    assert response.status_code == 200
    assert response.content == b""
    body = get(client, profile)
    assert body["branch_id"] == "b-1"
    assert body["appsflyer_id"] == "af-1"
    assert [k for k, v in body.items() if v is not None] == ["appsflyer_id", "branch_id"]


def test_post_adds_keeps_unmentioned_and_null_clears(client: httpx.Client, profile: Profile) -> None:
    headers = by_id(profile)
    assert client.post(API_PATH, headers=headers, json={"branch_id": "b", "mixpanel_user_id": "m"}).status_code == 200
    assert client.post(API_PATH, headers=headers, json={"adjust_device_id": "a"}).status_code == 200
    body = get(client, profile)
    assert (body["branch_id"], body["mixpanel_user_id"], body["adjust_device_id"]) == ("b", "m", "a")
    assert client.post(API_PATH, headers=headers, json={"branch_id": None, "adjust_device_id": "a2"}).status_code == 200
    body = get(client, profile)
    assert (body["branch_id"], body["mixpanel_user_id"], body["adjust_device_id"]) == (None, "m", "a2")
    # null alone is a valid request: it clears
    assert client.post(API_PATH, headers=headers, json={"mixpanel_user_id": None}).status_code == 200
    assert get(client, profile)["mixpanel_user_id"] is None


def test_every_identifier_round_trips(client: httpx.Client, profile: Profile) -> None:
    values = {key: f"value of {key}" for key in IDENTIFIER_KEYS}
    assert client.post(API_PATH, headers=by_id(profile), json=values).status_code == 200
    assert get(client, profile) == values


@pytest.mark.parametrize(
    "value",
    ["", "héllo wörld", "日本語のID", "emoji \U0001f600\U0001f680", "nul\x00inside", "  spaces  ", "x" * 500_000],
    ids=["empty", "latin", "cjk", "emoji", "nul", "spaces", "500k"],
)
def test_values_are_arbitrary_unicode_strings(client: httpx.Client, profile: Profile, value: str) -> None:
    response = client.post(API_PATH, headers=by_id(profile), json={"posthog_distinct_user_id": value})
    assert response.status_code == 200, response.text[:200]
    assert get(client, profile)["posthog_distinct_user_id"] == value


def test_unknown_keys_next_to_a_known_one_are_ignored(client: httpx.Client, profile: Profile) -> None:
    body = {"branch_id": "b", "not_an_identifier": 5, "nested": {"x": [1]}}
    assert client.post(API_PATH, headers=by_id(profile), json=body).status_code == 200
    got = get(client, profile)
    assert set(got) == set(IDENTIFIER_KEYS)
    assert got["branch_id"] == "b"


def test_head_is_get_without_body(client: httpx.Client, profile: Profile) -> None:
    response = client.head(API_PATH, headers=by_id(profile))
    assert response.status_code == 200
    assert response.content == b""


# --- identity ---------------------------------------------------------------------------------------------------
def test_customer_user_id_finds_the_same_profile(client: httpx.Client, profile: Profile) -> None:
    by_customer = {**AUTH, "adapty-customer-user-id": str(profile.customer_user_id)}
    assert client.post(API_PATH, headers=by_customer, json={"airbridge_device_id": "via-customer"}).status_code == 200
    assert get(client, profile)["airbridge_device_id"] == "via-customer"
    response = client.get(API_PATH, headers=by_customer)
    assert response.status_code == 200
    assert response.json()["airbridge_device_id"] == "via-customer"


def test_non_ascii_customer_user_id(client: httpx.Client, store: ProfileStore) -> None:
    profile = store.add(str(uuid.uuid4()), "клиент-☃")
    headers = {**AUTH, "adapty-customer-user-id": "клиент-☃".encode()}
    assert client.post(API_PATH, headers=headers, json={"branch_id": "snow"}).status_code == 200  # type: ignore[dict-item]
    assert get(client, profile)["branch_id"] == "snow"


def test_seeded_default_profile_has_both_ids(client: httpx.Client) -> None:
    by_pid = client.get(API_PATH, headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID})
    by_cid = client.get(API_PATH, headers={**AUTH, "adapty-customer-user-id": DEFAULT_CUSTOMER_USER_ID})
    assert by_pid.status_code == by_cid.status_code == 200
    assert by_pid.json() == by_cid.json()


def test_profile_id_wins_when_both_headers_are_sent(client: httpx.Client, store: ProfileStore) -> None:
    first = store.add(str(uuid.uuid4()), f"c-{uuid.uuid4()}")
    second = store.add(str(uuid.uuid4()), f"c-{uuid.uuid4()}")
    headers = {**AUTH, "adapty-profile-id": first.profile_id, "adapty-customer-user-id": str(second.customer_user_id)}
    assert client.post(API_PATH, headers=headers, json={"branch_id": "to-first"}).status_code == 200
    assert get(client, first)["branch_id"] == "to-first"
    assert get(client, second)["branch_id"] is None
    # an unknown profile id is not rescued by a known customer id
    headers["adapty-profile-id"] = str(uuid.uuid4())
    error_body_valid(client.get(API_PATH, headers=headers), 404, "profile_not_found")


def test_profile_id_is_case_insensitive(client: httpx.Client, profile: Profile) -> None:
    response = client.get(API_PATH, headers={**AUTH, "adapty-profile-id": profile.profile_id.upper()})
    assert response.status_code == 200


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize(
    "identity",
    [
        {},
        {"adapty-profile-id": ""},
        {"adapty-customer-user-id": ""},
        {"adapty-profile-id": "", "adapty-customer-user-id": ""},
    ],
    ids=["none", "empty-pid", "empty-cid", "both-empty"],
)
def test_no_identity_is_a_validation_error(client: httpx.Client, method: str, identity: dict[str, str]) -> None:
    response = client.request(method, API_PATH, headers={**AUTH, **identity}, json={"branch_id": "x"})
    error_body_valid(response, 400, "validation_error", source="adapty-profile-id")
    assert serving(client)


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize(
    "bad_id",
    ["not-a-uuid", "00000000000040008000000000000000", "{00000000-0000-4000-8000-00000000a0a0}", "g" * 36, "0" * 1000],
)
def test_malformed_profile_id_is_400_not_500(client: httpx.Client, method: str, bad_id: str) -> None:
    response = client.request(method, API_PATH, headers={**AUTH, "adapty-profile-id": bad_id}, json={"branch_id": "x"})
    error_body_valid(response, 400, "validation_error", source="adapty-profile-id")


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_unknown_profile_is_404(client: httpx.Client, method: str) -> None:
    for identity in ({"adapty-profile-id": str(uuid.uuid4())}, {"adapty-customer-user-id": "nobody-has-this-id"}):
        response = client.request(method, API_PATH, headers={**AUTH, **identity}, json={"branch_id": "x"})
        assert error_body_valid(response, 404, "profile_not_found") == ["Profile not found"]


# --- auth -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Api-Key",
        f"Bearer {DEFAULT_API_KEY}",
        DEFAULT_API_KEY,
        f"Api-Key {DEFAULT_API_KEY}x",
        f"Api-Key {DEFAULT_API_KEY[:-1]}",
        "Api-Key wrong",
    ],
)
def test_missing_or_wrong_key_is_401(
    client: httpx.Client, profile: Profile, method: str, authorization: str | None
) -> None:
    headers = {"adapty-profile-id": profile.profile_id}
    if authorization is not None:
        headers["Authorization"] = authorization
    response = client.request(method, API_PATH, headers=headers, json={"branch_id": "must-not-be-set"})
    assert response.json() == {
        "errors": [{"source": None, "errors": ["Invalid API key"]}],
        "error_code": "unauthorized",
        "status_code": 401,
    }
    error_body_valid(response, 401, "unauthorized")
    assert get(client, profile)["branch_id"] is None


def test_scheme_is_case_insensitive(client: httpx.Client, profile: Profile) -> None:
    response = client.get(
        API_PATH, headers={"Authorization": f"api-key {DEFAULT_API_KEY}", "adapty-profile-id": profile.profile_id}
    )
    assert response.status_code == 200


def test_the_configured_key_is_the_only_one_accepted() -> None:
    store = ProfileStore.with_default_profile()
    with running_mock(api_key="sk_test_configured", store=store) as url, httpx.Client(base_url=url) as c:
        identity = {"adapty-profile-id": DEFAULT_PROFILE_ID}
        assert c.get(API_PATH, headers={**identity, "Authorization": "Api-Key sk_test_configured"}).status_code == 200
        error_body_valid(c.get(API_PATH, headers={**identity, **AUTH}), 401, "unauthorized")


def test_key_is_not_in_the_repr() -> None:
    api = MockAPI(api_key="sk_very_secret_value", store=ProfileStore())
    assert "sk_very_secret_value" not in repr(api)
    with pytest.raises(ValueError, match="empty"):
        MockAPI(api_key="", store=ProfileStore())


# --- order of checks: auth -> identity -> lookup -> body ----------------------------------------------------------
def test_order_of_checks(client: httpx.Client) -> None:
    bad_body = b"{not json"
    unknown = {"adapty-profile-id": str(uuid.uuid4())}
    error_body_valid(
        client.post(API_PATH, content=bad_body, headers={"Authorization": "Api-Key no"}), 401, "unauthorized"
    )
    error_body_valid(
        client.post(API_PATH, content=bad_body, headers=AUTH), 400, "validation_error", "adapty-profile-id"
    )
    error_body_valid(client.post(API_PATH, content=bad_body, headers={**AUTH, **unknown}), 404, "profile_not_found")
    known = {"adapty-profile-id": DEFAULT_PROFILE_ID}
    error_body_valid(client.post(API_PATH, content=bad_body, headers={**AUTH, **known}), 400, "validation_error")


# --- body validation --------------------------------------------------------------------------------------------
BAD_BODIES: list[tuple[str, bytes, str | None]] = [
    ("empty-object", b"{}", None),
    ("only-unknown-keys", b'{"not_an_identifier": "x", "other": null}', None),
    ("number-value", b'{"branch_id": 1}', "branch_id"),
    ("bool-value", b'{"branch_id": "ok", "appsflyer_id": true}', "appsflyer_id"),
    ("list-value", b'{"mixpanel_user_id": ["x"]}', "mixpanel_user_id"),
    ("object-value", b'{"adjust_device_id": {"a": "b"}}', "adjust_device_id"),
    ("lone-surrogate", b'{"branch_id": "\\ud800"}', "branch_id"),
    ("array", b'[{"branch_id": "x"}]', None),
    ("string", b'"branch_id"', None),
    ("null", b"null", None),
    ("number", b"42", None),
    ("empty-body", b"", None),
    ("invalid-json", b'{"branch_id": "x",}', None),
    ("truncated-json", b'{"branch_id": "x', None),
    ("nan", b'{"branch_id": NaN}', None),
    ("invalid-utf8", b'{"branch_id": "\xff\xfe"}', None),
    ("utf8-bom", b'\xef\xbb\xbf{"branch_id": "x"}', None),
    ("deep-nesting", b"[" * 100_000 + b"]" * 100_000, None),
    ("deep-object", b'{"a":' * 50_000 + b"1" + b"}" * 50_000, None),
    ("huge-integer", b'{"branch_id": "x", "n": ' + b"9" * 10_000 + b"}", None),
]


@pytest.mark.parametrize(("raw", "source"), [(b, s) for _, b, s in BAD_BODIES], ids=[n for n, _, _ in BAD_BODIES])
def test_bad_bodies_are_400_naming_the_field(
    client: httpx.Client, profile: Profile, raw: bytes, source: str | None
) -> None:
    headers = {**by_id(profile), "content-type": "application/json"}
    response = client.post(API_PATH, headers=headers, content=raw)
    error_body_valid(response, 400, "validation_error", source=source)
    assert all(value is None for value in get(client, profile).values()), "a rejected body must change nothing"


# --- everything else: 404, 405, 413, 431, 500 -------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/nope", API_PATH.rstrip("/"), API_PATH + "x", API_PATH + "/", "/api/v2/"])
def test_unknown_path_is_404(client: httpx.Client, path: str) -> None:
    error_body_valid(client.get(path, headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID}), 404, "not_found")


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "QUERY"])
def test_other_methods_are_405_with_allow(client: httpx.Client, method: str) -> None:
    response = client.request(method, API_PATH, headers=AUTH)
    error_body_valid(response, 405, "method_not_allowed")
    assert {m.strip() for m in response.headers["allow"].split(",")} == {"GET", "HEAD", "POST"}


def test_body_over_the_limit_is_413(client: httpx.Client, profile: Profile) -> None:
    value = "x" * MAX_BODY_BYTES
    response = client.post(API_PATH, headers=by_id(profile), json={"branch_id": value})
    error_body_valid(response, 413, "request_too_large")
    # a chunked body (no Content-Length) is counted as it arrives
    chunks = (b'{"branch_id": "' + b"y" * 100_000 for _ in range(20))
    response = client.post(API_PATH, headers=by_id(profile), content=chunks)
    error_body_valid(response, 413, "request_too_large")
    assert get(client, profile)["branch_id"] is None
    assert serving(client)


def test_body_just_under_the_limit_is_accepted(client: httpx.Client, profile: Profile) -> None:
    value = "z" * (MAX_BODY_BYTES - 100)
    assert client.post(API_PATH, headers=by_id(profile), json={"branch_id": value}).status_code == 200
    assert get(client, profile)["branch_id"] == value


@pytest.mark.parametrize("shape", ["one-big", "many"])
def test_huge_headers_are_431(client: httpx.Client, shape: str) -> None:
    size = MAX_HEADER_BYTES * 4
    extra = {"x-big": "a" * size} if shape == "one-big" else {f"x-h{i}": "v" * 100 for i in range(size // 100)}
    response = client.get(API_PATH, headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID, **extra})
    error_body_valid(response, 431, "request_header_fields_too_large")
    assert serving(client)


def raw_exchange(base_url: str, request: bytes) -> bytes:
    """Send raw bytes; return what came back (possibly nothing if the server closed the connection early)."""
    host, port = httpx.URL(base_url).host, httpx.URL(base_url).port
    received = b""
    with socket.create_connection((host, port), timeout=10) as sock:
        try:
            sock.sendall(request)
            sock.shutdown(socket.SHUT_WR)
            while chunk := sock.recv(65536):
                received += chunk
        except (ConnectionResetError, BrokenPipeError):
            pass
    return received


def test_header_bomb_gets_4xx_or_closed_and_server_keeps_serving(base_url: str, client: httpx.Client) -> None:
    head = f"GET {API_PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: Api-Key {DEFAULT_API_KEY}\r\n".encode()
    received = raw_exchange(base_url, head + b"X-Bomb: " + b"b" * (8 * 1024 * 1024) + b"\r\n\r\n")
    if received:  # the server may close before the client has finished sending; then there is nothing to read
        status = int(received.split(b" ", 2)[1])
        assert 400 <= status < 500
    assert serving(client)


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GARBAGE\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        b"POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        b"GET /\x00 HTTP/1.1\r\n\r\n",
    ],
    ids=["garbage", "negative-length", "length-and-chunked", "nul-in-path"],
)
def test_malformed_http_gets_4xx(base_url: str, client: httpx.Client, request_bytes: bytes) -> None:
    received = raw_exchange(base_url, request_bytes)
    assert received.startswith(b"HTTP/1.1 4"), received[:100]
    assert serving(client)


class ExplodingAPI(MockAPI):
    """A deliberately broken subclass: proves the last-resort handler turns any exception into a JSON 500."""

    def validate_body(self, operation: Any, data: Any, media_type: str) -> Any:
        raise ZeroDivisionError("secret internals")


def test_unexpected_exception_is_json_500_without_traceback(caplog: pytest.LogCaptureFixture) -> None:
    with running_mock(api_class=ExplodingAPI) as url, httpx.Client(base_url=url) as c:
        response = c.post(API_PATH, headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID}, json={"branch_id": "x"})
        error_body_valid(response, 500, "server_error")
        assert "secret internals" not in response.text
        assert "ZeroDivisionError" not in response.text
        assert serving(c)
    assert any("ZeroDivisionError" in (record.exc_text or "") or record.exc_info for record in caplog.records)


# --- concurrency ------------------------------------------------------------------------------------------------
WRITERS = 64


def hammer(base_url: str, profile: Profile) -> dict[str, set[str]]:
    """WRITERS concurrent clients each set one key (4 writers per key); return what was written per key."""
    written: dict[str, set[str]] = {key: set() for key in IDENTIFIER_KEYS}

    async def writer(client: httpx.AsyncClient, i: int) -> None:
        key = IDENTIFIER_KEYS[i % len(IDENTIFIER_KEYS)]
        value = f"writer-{i}"
        written[key].add(value)
        response = await client.post(API_PATH, headers=by_id(profile), json={key: value})
        assert response.status_code == 200

    async def main() -> None:
        limits = httpx.Limits(max_connections=WRITERS)
        async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as client:
            await asyncio.gather(*(writer(client, i) for i in range(WRITERS)))

    asyncio.run(main())
    return written


def lost_updates(final: dict[str, Any], written: dict[str, set[str]]) -> dict[str, Any]:
    return {key: final[key] for key, values in written.items() if final[key] not in values}


def test_concurrent_writers_lose_nothing(base_url: str, client: httpx.Client, store: ProfileStore) -> None:
    profile = store.add(str(uuid.uuid4()), identifiers=dict.fromkeys(IDENTIFIER_KEYS, "seed"))
    written = hammer(base_url, profile)
    assert lost_updates(get(client, profile), written) == {}


class RacyAPI(MockAPI):
    """Read-modify-write with an await in between: the lost-update bug the concurrency test must catch."""

    async def handle_set_integration_identifiers(self, call: Call) -> Any:
        profile = self.profile_of(call)
        changes = self.identifier_changes(await self.body(call))
        current = self.store.snapshot(profile)
        await asyncio.sleep(0.02)
        self.store.update(profile, {**current, **changes})
        return self.identifiers_set_response(call, profile)


def test_the_concurrency_check_catches_lost_updates() -> None:
    store = ProfileStore()
    profile = store.add(str(uuid.uuid4()), identifiers=dict.fromkeys(IDENTIFIER_KEYS, "seed"))
    with running_mock(store=store, api_class=RacyAPI) as url:
        written = hammer(url, profile)
    assert lost_updates(store.snapshot(profile), written) != {}


# --- the store ----------------------------------------------------------------------------------------------------
def test_store_rejects_bad_profiles() -> None:
    store = ProfileStore()
    pid = str(uuid.uuid4())
    store.add(pid, "c1", {"branch_id": "b"})
    for args in [
        (pid.upper(), None, None),
        (str(uuid.uuid4()), "c1", None),
        ("nope", None, None),
        (str(uuid.uuid4()), "", None),
        (str(uuid.uuid4()), None, {"nope": "x"}),
        (str(uuid.uuid4()), None, {"branch_id": 3}),
    ]:
        with pytest.raises(ValueError):
            store.add(*args)  # type: ignore[arg-type]
    assert len(store) == 1
    found = store.find_by_customer_user_id("c1")
    assert found is not None
    assert found is store.find_by_profile_id(pid)
    snap = store.snapshot(found)
    snap["branch_id"] = "changed"
    assert store.snapshot(found)["branch_id"] == "b", "a snapshot is a copy"
    assert json.dumps(store.snapshot(found))


UID2 = "6c1d5b63-4a2f-4d66-8e8f-3b7a1d2e0f12"
UID = "5b0c4a52-3f1e-4c55-9d7e-2a6f0c1d9e01"  # fixed: parametrize ids must match across xdist workers


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("[]", 0),
        (" [ ] \n", 0),
        (f'[{{"profile_id": "{UID}"}}]', 1),
        (f'[\n  {{"profile_id": "{UID}", "customer_user_id": "c"}} ,\n  {{"profile_id": "{UID2}"}}\n]\n', 2),
        (f"[{{profile_id: {UID}}}]", 1),  # a YAML flow sequence, not JSON
        (f"- profile_id: {UID}\n  identifiers: {{branch_id: b}}\n", 1),
    ],
)
def test_load_profiles_json_streamed_or_yaml(tmp_path: Any, text: str, count: int) -> None:
    path = tmp_path / "p.json"
    path.write_text(text, encoding="utf-8")
    store = ProfileStore()
    assert load_profiles(path, store) == count
    assert len(store) == count


@pytest.mark.parametrize(
    "text",
    [
        f'[{{"profile_id": "{UID}"}}] extra',
        f'[{{"profile_id": "{UID}"}} {{"profile_id": "{UID}"}}]',
        f'[{{"profile_id": "{UID}"}}, {{"bad',
        f'[{{"profile_id": "{UID}"}},',
        "[",
        "[1,]",
        "{}",
        "",
    ],
)
def test_load_profiles_rejects_malformed_files(tmp_path: Any, text: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_profiles(path, ProfileStore())
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("chunk", [1, 3, 7, 64])
def test_load_profiles_streams_across_chunk_boundaries(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    from adapty_contracts.mock import _store

    monkeypatch.setattr(_store, "_CHUNK", chunk)
    entries = [
        {
            "profile_id": str(uuid.uuid4()),
            "customer_user_id": f"c{i}-\u00e9\U0001f600",
            "identifiers": {"branch_id": f"b{i}" * i},
        }
        for i in range(12)
    ]
    path = tmp_path / "p.json"
    path.write_text(
        " \n[\n" + " ,\n".join(json.dumps(e, ensure_ascii=i % 2 == 0) for i, e in enumerate(entries)) + "]\n"
    )
    store = ProfileStore()
    assert load_profiles(path, store) == len(entries)
    for i, entry in enumerate(entries):
        found = store.find_by_customer_user_id(entry["customer_user_id"])  # type: ignore[arg-type]
        assert found is not None
        assert found.profile_id == entry["profile_id"]
        assert store.snapshot(found)["branch_id"] == f"b{i}" * i
