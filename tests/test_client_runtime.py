"""The generated client's runtime, on socket-free transports: typed errors, retries (which, how long, with which
Idempotency-Key), `max_retries`, logging, defaults and `from_env`, page iterators. Sync and async alike.

(scripts/bench_client.py shows the same against a real fault-injecting server in its own process.)
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import importlib.util
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
import yaml
from adapty_api_client import AuthenticatedClient, _runtime, errors
from adapty_api_client.api.paywalls import list_paywalls
from adapty_api_client.api.profile import get_profile
from adapty_api_client.api.purchase import grant_access_level
from adapty_api_client.api.stripe import validate_stripe_purchase
from adapty_api_client.api.virtual_currency import (
    create_virtual_currency_transaction,
    list_virtual_currency_transactions,
)
from adapty_api_client.models import (
    GrantAccessRequest,
    StripeErrorResponse,
    StripeValidationRequest,
    VirtualCurrencyTransactionRequest,
)

from adapty_contracts import _paths

BASE = "http://adapty.invalid"
KEY = "secret_live_runtimeKEY0123456789"
SPEC = yaml.safe_load(_paths.EFFECTIVE_SPEC.read_text(encoding="utf-8"))
VC_PATH = "/api/v2/server-side-api/vc/transactions/"
CREATED = SPEC["paths"][VC_PATH]["post"]["responses"]["200"]["content"]["application/json"]["example"]
HISTORY = SPEC["paths"][VC_PATH]["get"]["responses"]["200"]["content"]["application/json"]["example"]
PAYWALLS = SPEC["paths"]["/api/v2/server-side-api/paywalls/"]["get"]["responses"]["200"]["content"]["application/json"][
    "example"
]


def _error(status: int, code: str) -> dict[str, Any]:
    return {"errors": [{"source": None, "errors": [code]}], "error_code": code, "status_code": status}


Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A scripted server: answers the n-th request with the n-th item (the last one repeats); keeps the requests."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        answer = self.answers[min(len(self.requests), len(self.answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The client's sleeps, recorded instead of slept (sync and async)."""
    seen: list[float] = []

    async def async_sleep(seconds: float) -> None:
        seen.append(seconds)

    monkeypatch.setattr(_runtime, "sleep", seen.append)
    monkeypatch.setattr(_runtime, "async_sleep", async_sleep)
    return seen


def _client(handler: Handler, max_retries: int | None = None) -> AuthenticatedClient:
    client = AuthenticatedClient(base_url=BASE, token=KEY)
    client.set_httpx_client(httpx.Client(base_url=BASE, transport=httpx.MockTransport(handler)))
    client.set_async_httpx_client(httpx.AsyncClient(base_url=BASE, transport=httpx.MockTransport(handler)))
    return client if max_retries is None else client.with_max_retries(max_retries)


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def _credit(client: AuthenticatedClient, **kwargs: Any) -> Any:
    body = VirtualCurrencyTransactionRequest.from_dict({"items": [{"currency_code": "COINS", "amount": 1}]})
    return create_virtual_currency_transaction.sync(client=client, body=body, adapty_profile_id="p", **kwargs)


def _grant(client: AuthenticatedClient) -> Any:
    body = GrantAccessRequest.from_dict({"access_level_id": "premium"})
    return grant_access_level.sync(client=client, body=body, adapty_profile_id="p")


# --- which outcomes are retried --------------------------------------------------------------------------------------

RETRIED_FOR_EVERY_OPERATION = (408, 429, 503)
RETRIED_WHEN_RESEND_IS_SAFE = (500, 502, 504)
NEVER_RETRIED = (400, 401, 403, 404, 409, 422, 501, 505)


@pytest.mark.parametrize("status", RETRIED_FOR_EVERY_OPERATION + RETRIED_WHEN_RESEND_IS_SAFE + NEVER_RETRIED)
def test_an_idempotent_read_is_retried_exactly_on_the_retryable_statuses(status: int, waits: list[float]) -> None:
    server = Recorder(_json(status, _error(status, "e")))
    with pytest.raises(errors.APIStatusError) as caught:
        get_profile.sync(client=_client(server), adapty_profile_id="p")
    retried = status in RETRIED_FOR_EVERY_OPERATION + RETRIED_WHEN_RESEND_IS_SAFE
    assert len(server.requests) == (3 if retried else 1)
    assert len(waits) == len(server.requests) - 1
    assert caught.value.status_code == status


@pytest.mark.parametrize("status", RETRIED_FOR_EVERY_OPERATION + RETRIED_WHEN_RESEND_IS_SAFE)
def test_a_non_idempotent_write_is_resent_only_when_it_surely_was_not_processed(
    status: int, waits: list[float]
) -> None:
    server = Recorder(_json(status, _error(status, "e")))
    with pytest.raises(errors.APIStatusError):
        _grant(_client(server))
    assert len(server.requests) == (3 if status in RETRIED_FOR_EVERY_OPERATION else 1)


def test_409_in_flight_is_retried_with_the_same_key_then_succeeds(waits: list[float]) -> None:
    server = Recorder(_json(409, _error(409, "idempotency_in_flight"), {"Retry-After": "2"}), _json(200, CREATED))
    result = _credit(_client(server))
    assert str(result.transaction_id) == CREATED["transaction_id"]
    keys = [r.headers["Idempotency-Key"] for r in server.requests]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert uuid.UUID(keys[0]).version == 4
    assert waits == [2.0]


def test_409_for_another_cause_is_not_retried(waits: list[float]) -> None:
    server = Recorder(_json(409, _error(409, "duplicate_source_transaction")))
    with pytest.raises(errors.ConflictError) as caught:
        _credit(_client(server))
    assert caught.value.error_code == "duplicate_source_transaction"
    assert len(server.requests) == 1


def test_every_logical_call_has_its_own_key_and_a_callers_key_is_kept(waits: list[float]) -> None:
    server = Recorder(_json(200, CREATED))
    client = _client(server)
    _credit(client)
    _credit(client)
    mine = uuid.uuid4()
    _credit(client, idempotency_key=mine)
    keys = [r.headers["Idempotency-Key"] for r in server.requests]
    assert keys[0] != keys[1]
    assert keys[2] == str(mine)


@pytest.mark.parametrize(
    ("error", "safe_retried", "unsafe_retried"),
    [
        (httpx.ConnectError("refused"), True, True),
        (httpx.ConnectTimeout("slow connect"), True, True),
        (httpx.ReadError("reset"), True, False),
        (httpx.ReadTimeout("slow read"), True, False),
        (httpx.RemoteProtocolError("closed without a response"), True, False),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else str(v),
)
def test_connection_errors(error: Exception, safe_retried: bool, unsafe_retried: bool, waits: list[float]) -> None:
    expected = errors.APITimeoutError if isinstance(error, httpx.TimeoutException) else errors.APIConnectionError
    safe = Recorder(error)
    with pytest.raises(expected) as caught:
        _credit(_client(safe))
    assert isinstance(caught.value.__cause__, type(error))
    assert len(safe.requests) == (3 if safe_retried else 1)
    unsafe = Recorder(error)
    with pytest.raises(expected):
        _grant(_client(unsafe))
    assert len(unsafe.requests) == (3 if unsafe_retried else 1)


def test_a_lost_response_is_recovered_by_the_retry(waits: list[float]) -> None:
    server = Recorder(httpx.ReadError("reset after the server applied it"), _json(200, CREATED))
    assert str(_credit(_client(server)).transaction_id) == CREATED["transaction_id"]
    assert server.requests[0].headers["Idempotency-Key"] == server.requests[1].headers["Idempotency-Key"]


# --- how long, how many --------------------------------------------------------------------------------------------


def test_retry_after_delta_seconds_is_waited_exactly(waits: list[float]) -> None:
    server = Recorder(_json(429, _error(429, "rate_limited"), {"Retry-After": "7"}))
    with pytest.raises(errors.RateLimitError) as caught:
        get_profile.sync(client=_client(server), adapty_profile_id="p")
    assert waits == [7.0, 7.0]
    assert caught.value.retry_after == 7.0 and caught.value.error_code == "rate_limited"


def test_retry_after_http_date_is_never_undercut(waits: list[float]) -> None:
    when = email.utils.formatdate(time.time() + 20, usegmt=True)
    server = Recorder(_json(503, {}, {"Retry-After": when}), _json(404, _error(404, "profile_not_found")))
    with pytest.raises(errors.NotFoundError):
        get_profile.sync(client=_client(server), adapty_profile_id="p")
    (wait,) = waits
    assert 18.0 < wait <= 20.0


def test_a_retry_after_beyond_the_cap_is_surfaced_not_waited(waits: list[float]) -> None:
    server = Recorder(_json(429, _error(429, "rate_limited"), {"Retry-After": "120"}))
    with pytest.raises(errors.RateLimitError) as caught:
        get_profile.sync(client=_client(server), adapty_profile_id="p")
    assert len(server.requests) == 1 and waits == []
    assert caught.value.retry_after == 120.0


def test_without_retry_after_the_backoff_is_full_jitter_within_the_exponential_cap(waits: list[float]) -> None:
    server = Recorder(_json(503, {}))
    client = _client(server, max_retries=8)
    for _ in range(20):
        with pytest.raises(errors.InternalServerError):
            get_profile.sync(client=client, adapty_profile_id="p")
    per_retry = [waits[i::8] for i in range(8)]
    for retry, seen in enumerate(per_retry):
        assert all(0.0 <= w <= min(_runtime.BACKOFF_CAP, _runtime.BACKOFF_BASE * 2**retry) for w in seen), retry
    assert max(per_retry[7]) > _runtime.BACKOFF_BASE * 2**3, "the waits grow (8 s cap, 20 draws)"
    assert len(set(waits)) > 100, "jittered, not fixed"


def test_max_retries_zero_sends_one_request_and_with_max_retries_is_a_copy(waits: list[float]) -> None:
    server = Recorder(_json(503, {}))
    client = _client(server)
    once = client.with_max_retries(0)
    assert client.max_retries == 2 and once.max_retries == 0
    assert once.get_httpx_client() is client.get_httpx_client(), "the copy shares the connection pool"
    with pytest.raises(errors.InternalServerError):
        get_profile.sync(client=once, adapty_profile_id="p")
    assert len(server.requests) == 1 and waits == []
    with pytest.raises(ValueError):
        client.with_max_retries(-1)


def test_sync_detailed_returns_the_last_response_after_the_retries(waits: list[float]) -> None:
    server = Recorder(_json(500, _error(500, "internal")))
    response = get_profile.sync_detailed(client=_client(server), adapty_profile_id="p")
    assert response.status_code == 500 and len(server.requests) == 3


def test_each_retry_is_logged_without_the_key(waits: list[float], caplog: pytest.LogCaptureFixture) -> None:
    server = Recorder(_json(429, {}, {"Retry-After": "1"}), _json(200, CREATED))
    key = uuid.uuid4()
    with caplog.at_level(logging.INFO, logger="adapty_api_client"):
        _credit(_client(server), idempotency_key=key)
    (record,) = [r for r in caplog.records if r.name == "adapty_api_client"]
    message = record.getMessage()
    assert "createVirtualCurrencyTransaction" in message and "retry 1 of 2" in message
    assert "HTTP 429" in message and "1.00 s" in message
    assert str(key) not in message and KEY not in message


# --- async --------------------------------------------------------------------------------------------------------


def test_async_retries_alike(waits: list[float]) -> None:
    server = Recorder(
        httpx.ConnectError("refused"),
        _json(409, _error(409, "idempotency_in_flight"), {"Retry-After": "3"}),
        _json(200, CREATED),
    )
    body = VirtualCurrencyTransactionRequest.from_dict({"items": [{"currency_code": "COINS", "amount": 1}]})

    async def call() -> Any:
        return await create_virtual_currency_transaction.asyncio(
            client=_client(server), body=body, adapty_profile_id="p"
        )

    assert str(asyncio.run(call()).transaction_id) == CREATED["transaction_id"]
    assert len({r.headers["Idempotency-Key"] for r in server.requests}) == 1 and len(server.requests) == 3
    assert waits[1] == 3.0


def test_async_raises_alike(waits: list[float]) -> None:
    server = Recorder(_json(401, _error(401, "unauthorized")))

    async def call() -> Any:
        return await get_profile.asyncio(client=_client(server), adapty_profile_id="p")

    with pytest.raises(errors.AuthenticationError):
        asyncio.run(call())


# --- errors --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (500, errors.InternalServerError),
        (502, errors.InternalServerError),
        (418, errors.APIStatusError),
    ],
)
def test_the_error_class_follows_the_status(status: int, kind: type[errors.APIStatusError]) -> None:
    server = Recorder(_json(status, _error(status, f"code_{status}")))
    with pytest.raises(kind) as caught:
        _credit(_client(server, max_retries=0))
    error = caught.value
    assert isinstance(error, errors.AdaptyError)
    assert error.status_code == status and error.error_code == f"code_{status}"
    assert error.body is not None and error.body.to_dict() == _error(status, f"code_{status}")
    assert json.loads(error.content) == _error(status, f"code_{status}")


def test_a_stripe_error_body_is_parsed_into_its_model() -> None:
    stripe = {"errors": [{"detail": "bad token", "source": {"pointer": "/data/token"}, "status": "400"}]}
    server = Recorder(_json(400, stripe))
    media = SPEC["paths"]["/api/v1/sdk/purchase/stripe/token/validate/"]["post"]["requestBody"]["content"]
    body = StripeValidationRequest.from_dict(next(iter(media.values()))["example"])
    with pytest.raises(errors.BadRequestError) as caught:
        validate_stripe_purchase.sync(client=_client(server, max_retries=0), body=body)
    assert isinstance(caught.value.body, StripeErrorResponse) and caught.value.error_code is None


def test_a_body_that_is_no_error_model_still_raises_with_the_raw_content() -> None:
    server = Recorder(httpx.Response(502, text="<html>bad gateway</html>"))
    with pytest.raises(errors.InternalServerError) as caught:
        get_profile.sync(client=_client(server, max_retries=0), adapty_profile_id="p")
    assert caught.value.body is None and caught.value.content == b"<html>bad gateway</html>"


# --- defaults and from_env ----------------------------------------------------------------------------------------


def test_every_construction_path_has_the_same_documented_defaults() -> None:
    plain = AuthenticatedClient(base_url=BASE, token=KEY)
    from_env = AuthenticatedClient.from_env(environ={"ADAPTY_API_KEY": KEY})
    for client in (plain, from_env):
        assert client.max_retries == 2
        assert client.raise_on_unexpected_status is True
        timeout = client.get_httpx_client().timeout
        assert (timeout.connect, timeout.read, timeout.write) == (5.0, 30.0, 30.0)
    assert str(from_env.get_httpx_client().base_url).rstrip("/") == SPEC["servers"][0]["url"]
    assert KEY not in repr(from_env)


def test_from_env_reads_the_base_url_and_refuses_a_missing_key() -> None:
    client = AuthenticatedClient.from_env(environ={"ADAPTY_API_KEY": KEY, "ADAPTY_BASE_URL": "http://127.0.0.1:9/"})
    assert str(client.get_httpx_client().base_url) == "http://127.0.0.1:9"
    assert client.get_httpx_client().headers["authorization"] == f"Api-Key {KEY}"
    for environ in ({}, {"ADAPTY_API_KEY": " "}):
        with pytest.raises(errors.ConfigurationError, match="ADAPTY_API_KEY"):
            AuthenticatedClient.from_env(environ=environ)


def test_an_undocumented_status_raises_in_sync_detailed_by_default() -> None:
    server = Recorder(_json(418, {}))
    with pytest.raises(errors.UnexpectedStatus):
        get_profile.sync_detailed(client=_client(server), adapty_profile_id="p")


# --- pagination ---------------------------------------------------------------------------------------------------


def _paywall_pages(pages: int, per_page: int) -> Iterator[dict[str, Any]]:
    item = PAYWALLS["data"][0]
    for page in range(1, pages + 1):
        data = [{**item, "title": f"p{page}-{i}"} for i in range(per_page)]
        yield {"data": data, "meta": {"pagination": {"count": pages * per_page, "page": page, "pages": pages}}}


def test_iter_paywalls_walks_every_page_and_stops_at_the_last() -> None:
    pages = list(_paywall_pages(3, 2))
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        assert request.url.params["page[size]"] == "2"
        return _json(200, pages[int(request.url.params["page[number]"]) - 1])

    titles = [p.title for p in list_paywalls.iter_paywalls(client=_client(handler), page_size=2)]
    assert titles == ["p1-0", "p1-1", "p2-0", "p2-1", "p3-0", "p3-1"]
    assert [r.url.params["page[number]"] for r in seen] == ["1", "2", "3"]

    async def collect() -> list[str]:
        return [p.title async for p in list_paywalls.aiter_paywalls(client=_client(handler), page_size=2)]

    assert asyncio.run(collect()) == titles


def test_iter_paywalls_stops_at_an_empty_first_page() -> None:
    empty = {"data": [], "meta": {"pagination": {"count": 0, "page": 1, "pages": 0}}}
    server = Recorder(_json(200, empty))
    assert list(list_paywalls.iter_paywalls(client=_client(server))) == []
    assert len(server.requests) == 1


def test_iter_virtual_currency_transactions_follows_the_cursor_to_null() -> None:
    item = HISTORY["data"][0]
    chain = {None: ("c1", "a"), "c1": ("c2", "b"), "c2": (None, "c")}

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["adapty-customer-user-id"] == "u"
        following, label = chain[request.url.params.get("cursor")]
        data = [{**item, "transaction_id": str(uuid.uuid5(uuid.NAMESPACE_URL, label))}]
        return _json(200, {"data": data, "pagination": {"next_cursor": following}})

    expected = [uuid.uuid5(uuid.NAMESPACE_URL, label) for label in "abc"]
    client = _client(handler)
    it = list_virtual_currency_transactions.iter_virtual_currency_transactions(
        client=client, adapty_customer_user_id="u"
    )
    assert [t.transaction_id for t in it] == expected

    async def collect() -> list[uuid.UUID]:
        it = list_virtual_currency_transactions.aiter_virtual_currency_transactions(
            client=client, adapty_customer_user_id="u"
        )
        return [t.transaction_id async for t in it]

    assert asyncio.run(collect()) == expected


# --- a real server that injects faults (scripts/bench_client.py's) -------------------------------------------------


@pytest.mark.slow
def test_keyed_credits_against_a_fault_injecting_server_apply_exactly_once() -> None:
    """Over real sockets: 429/503 with Retry-After, resets, 409 in flight, responses lost after the credit was
    applied. Every credit lands exactly once, no retry comes before its Retry-After, max_retries=0 sends one request
    per call."""
    spec = importlib.util.spec_from_file_location("bench_client", _paths.REPO_ROOT / "scripts" / "bench_client.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    server = bench.FaultServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    client = AuthenticatedClient(base_url=base, token=KEY)
    try:
        credits = len(bench.PLANS) * 2
        with ThreadPoolExecutor(max_workers=credits) as pool:
            results = list(pool.map(lambda _: _credit(client), range(credits)))
        assert len(results) == credits
        stats = httpx.get(f"{base}/stats").json()
        assert stats["balance"] == credits, stats
        assert stats["early"] == 0 and stats["unkeyed"] == 0, stats
        assert stats["requests"] > credits, ("the plans did inject faults", stats)
        before = stats["requests"]
        once = client.with_max_retries(0)
        for _ in range(credits):
            with contextlib.suppress(errors.AdaptyError):
                _credit(once)
        after = httpx.get(f"{base}/stats").json()
        assert after["requests"] - before == credits, after
    finally:
        client.get_httpx_client().close()
        server.shutdown()
        server.server_close()


def test_threads_sharing_a_new_client_share_one_httpx_client() -> None:
    client = AuthenticatedClient(base_url=BASE, token=KEY)
    barrier = threading.Barrier(8)

    def get(_: int) -> httpx.Client:
        barrier.wait()
        return client.get_httpx_client()

    with ThreadPoolExecutor(max_workers=8) as pool:
        built = set(map(id, pool.map(get, range(8))))
    assert len(built) == 1
    client.get_httpx_client().close()
