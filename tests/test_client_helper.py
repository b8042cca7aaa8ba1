"""`client_from_env` and the generated client's auth handling: the key reaches the wire on every path (including a
caller's own httpx client) and nowhere else (no repr, no error message)."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import httpx
import pytest
from adapty_api_client import AuthenticatedClient
from adapty_api_client.api.integration import get_integration_identifiers, set_integration_identifiers
from adapty_api_client.models import IntegrationIdentifiersRequest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapty_contracts import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, UserError, client_from_env

BASE = "http://mock.invalid"
KEYS = st.from_regex(r"secret_(live|test)_[A-Za-z0-9]{12,40}", fullmatch=True)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOT_FOUND = {"errors": [], "error_code": "profile_not_found", "status_code": 404}


def _recording(seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(404, json=NOT_FOUND)

    return httpx.MockTransport(handler)


@SETTINGS
@given(key=KEYS)
def test_a_custom_httpx_client_keeps_the_authorization_header(key: str) -> None:
    seen: list[httpx.Request] = []
    custom = httpx.Client(base_url=BASE, transport=_recording(seen), headers={"X-Trace": "t-1"})
    client = client_from_env(environ={API_KEY_ENV: key}).set_httpx_client(custom)
    get_integration_identifiers.sync_detailed(client=client, adapty_customer_user_id="u1")
    (request,) = seen
    assert request.headers["authorization"] == f"Api-Key {key}"
    assert request.headers["x-trace"] == "t-1", "the caller's own headers are kept"


def test_the_key_replaces_an_authorization_header_the_custom_client_had() -> None:
    seen: list[httpx.Request] = []
    custom = httpx.Client(base_url=BASE, transport=_recording(seen), headers={"Authorization": "Bearer stale"})
    client = client_from_env(environ={API_KEY_ENV: "secret_live_new"}, httpx_client=custom)
    set_integration_identifiers.sync_detailed(
        client=client, body=IntegrationIdentifiersRequest(branch_id="b"), adapty_customer_user_id="u1"
    )
    assert seen[0].headers.get_list("authorization") == ["Api-Key secret_live_new"]


def test_a_custom_async_httpx_client_keeps_the_authorization_header() -> None:
    seen: list[httpx.Request] = []

    async def call() -> None:
        client = client_from_env(environ={API_KEY_ENV: "secret_live_async"})
        client.set_async_httpx_client(httpx.AsyncClient(base_url=BASE, transport=_recording(seen)))
        async with client:
            await get_integration_identifiers.asyncio_detailed(client=client, adapty_customer_user_id="u1")

    asyncio.run(call())
    assert seen[0].headers["authorization"] == "Api-Key secret_live_async"


def test_a_custom_httpx_client_without_base_url_gets_the_configured_one() -> None:
    seen: list[httpx.Request] = []
    client = client_from_env(
        environ={API_KEY_ENV: "k"}, base_url=BASE, httpx_client=httpx.Client(transport=_recording(seen))
    )
    get_integration_identifiers.sync_detailed(client=client, adapty_customer_user_id="u1")
    assert str(seen[0].url).startswith(BASE + "/api/")


@SETTINGS
@given(profile_id=st.uuids(), customer_user_id=st.none() | st.from_regex(r"[!-~]{1,20}", fullmatch=True))
def test_a_uuid_profile_id_is_sent_as_its_string_form(profile_id: uuid.UUID, customer_user_id: str | None) -> None:
    seen: list[httpx.Request] = []
    client = client_from_env(
        environ={API_KEY_ENV: "k"}, httpx_client=httpx.Client(base_url=BASE, transport=_recording(seen))
    )
    kwargs: dict[str, Any] = {"adapty_profile_id": profile_id}
    if customer_user_id is not None:
        kwargs["adapty_customer_user_id"] = customer_user_id
    body = IntegrationIdentifiersRequest(appsflyer_id=None, branch_id="b")
    set_integration_identifiers.sync_detailed(client=client, body=body, **kwargs)
    (request,) = seen
    assert request.headers["adapty-profile-id"] == str(profile_id)
    assert request.headers.get("adapty-customer-user-id") == customer_user_id
    assert json.loads(request.content) == {"appsflyer_id": None, "branch_id": "b"}, "an explicit null is sent"


@SETTINGS
@given(key=KEYS)
def test_no_repr_shows_the_key(key: str) -> None:
    client = client_from_env(environ={API_KEY_ENV: key, BASE_URL_ENV: BASE})
    shown = [repr(client), str(client)]
    client.get_httpx_client()
    shown.append(repr(client))
    shown.append(repr(client.with_headers({"X-Trace": "t"})))
    shown.append(repr(client.with_timeout(httpx.Timeout(1.0))))
    shown.append(repr(client.set_httpx_client(httpx.Client(base_url=BASE))))
    shown.append(repr(AuthenticatedClient(base_url=BASE, token=key)))
    for text in shown:
        assert key not in text
    assert "token" not in shown[0], "not even a masked token field"


def test_client_from_env_raises_on_undocumented_statuses() -> None:
    client = client_from_env(environ={API_KEY_ENV: "k"})
    assert client.raise_on_unexpected_status is True


@pytest.mark.parametrize(
    "environ",
    [{}, {API_KEY_ENV: ""}, {API_KEY_ENV: "   \t"}],
    ids=["unset", "empty", "blank"],
)
def test_a_missing_key_is_a_user_error_naming_the_variable(environ: dict[str, str]) -> None:
    others = {BASE_URL_ENV: "https://private-host.example", "OTHER_SECRET": "s3cr3t-value"}
    with pytest.raises(UserError) as caught:
        client_from_env(environ={**others, **environ})
    message = str(caught.value)
    assert API_KEY_ENV in message
    assert "\n" not in message
    assert caught.value.exit_code == 2
    for value in others.values():
        assert value not in message


def test_a_key_with_a_line_break_is_refused_without_showing_it() -> None:
    with pytest.raises(UserError) as caught:
        client_from_env(environ={API_KEY_ENV: "secret_live_abc\r\nX-Injected: 1"})
    assert API_KEY_ENV in str(caught.value)
    assert "secret_live_abc" not in str(caught.value)


def test_the_process_environment_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(API_KEY_ENV, raising=False)
    with pytest.raises(UserError, match=API_KEY_ENV):
        client_from_env()
    monkeypatch.setenv(API_KEY_ENV, "secret_live_fromenv")
    monkeypatch.delenv(BASE_URL_ENV, raising=False)
    client = client_from_env()
    assert client.token == "secret_live_fromenv"
    assert str(client.get_httpx_client().base_url).rstrip("/") == DEFAULT_BASE_URL


def test_base_url_precedence() -> None:
    def url(**kwargs: Any) -> str:
        return str(client_from_env(**kwargs).get_httpx_client().base_url).rstrip("/")

    assert url(environ={API_KEY_ENV: "k"}) == DEFAULT_BASE_URL
    assert url(environ={API_KEY_ENV: "k", BASE_URL_ENV: "http://env:1/"}) == "http://env:1"
    assert url(environ={API_KEY_ENV: "k", BASE_URL_ENV: "http://env:1"}, base_url="http://arg:2") == "http://arg:2"
    with pytest.raises(UserError, match="http"):
        client_from_env(environ={API_KEY_ENV: "k"}, base_url="ftp://nope")
