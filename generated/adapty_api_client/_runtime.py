"""The client's runtime: its defaults, and sending a request with retries (sync and async).

Retried (up to the client's `max_retries`, default 2; 0 turns retries off):

- for every operation, what surely did not reach the server or was refused before it was processed: a connection
  that could not be made (ConnectError, ConnectTimeout, PoolTimeout) and the statuses 408, 429 and 503;
- only for an operation whose resend is safe (`Operation.resend_safe`: it sends an `Idempotency-Key`, or the spec
  marks it `x-idempotent`), what may have been applied: a connection lost or timed out after the request was sent,
  the statuses 500, 502 and 504, and 409 `idempotency_in_flight`.

The wait before a retry is the server's `Retry-After` (delta-seconds or HTTP-date), never less; a `Retry-After`
beyond RETRY_AFTER_CAP stops the retries and the response is the outcome. Without it: exponential backoff with full
jitter (a uniform draw from 0 to min(BACKOFF_CAP, BACKOFF_BASE * 2**retry)). Each retry is logged on the
`adapty_api_client` logger (operation, attempt, reason, wait; never a header). After the last attempt the caller
gets the last response, or the last connection error as `errors.APIConnectionError`/`errors.APITimeoutError`.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from . import errors

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

logger = logging.getLogger("adapty_api_client")

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""Every client's default: 5 s to connect, 30 s to read, write or wait for a pooled connection."""
DEFAULT_MAX_RETRIES = 2
RETRY_AFTER_CAP = 60.0
BACKOFF_BASE = 0.5
BACKOFF_CAP = 8.0
REFUSED_STATUSES = frozenset({408, 429, 503})
MAYBE_APPLIED_STATUSES = frozenset({500, 502, 504})
IN_FLIGHT = "idempotency_in_flight"
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
LOST = (httpx.NetworkError, httpx.TimeoutException, httpx.RemoteProtocolError)

sleep: Callable[[float], None] = time.sleep
async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep


@dataclass(frozen=True)
class Operation:
    """What the retry policy needs to know of an operation (generated from the spec)."""

    name: str
    resend_safe: bool


def retry_after(response: httpx.Response) -> float | None:
    """Seconds the response asks to wait (`Retry-After`: delta-seconds or HTTP-date), or None."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def backoff(retry: int) -> float:
    """Full-jitter exponential backoff before retry number `retry` (0-based)."""
    return random.uniform(0.0, min(BACKOFF_CAP, BACKOFF_BASE * 2.0**retry))


def _error_code(response: httpx.Response) -> str | None:
    try:
        data = response.json()
    except (ValueError, RecursionError):
        return None
    code = data.get("error_code") if isinstance(data, dict) else None
    return code if isinstance(code, str) else None


def status_retry_reason(operation: Operation, response: httpx.Response) -> str | None:
    """Why this response is worth a retry, or None."""
    status = response.status_code
    if status in REFUSED_STATUSES:
        return f"HTTP {status}"
    if operation.resend_safe and status in MAYBE_APPLIED_STATUSES:
        return f"HTTP {status}"
    if operation.resend_safe and status == 409 and _error_code(response) == IN_FLIGHT:
        return f"HTTP 409 {IN_FLIGHT}"
    return None


def error_retry_reason(operation: Operation, exc: httpx.TransportError) -> str | None:
    """Why this connection error is worth a retry, or None."""
    if isinstance(exc, NOT_SENT) or (operation.resend_safe and isinstance(exc, LOST)):
        return type(exc).__name__
    return None


def connection_error(operation: Operation, exc: httpx.TransportError) -> errors.APIConnectionError:
    kind = errors.APITimeoutError if isinstance(exc, httpx.TimeoutException) else errors.APIConnectionError
    return kind(f"{operation.name}: {type(exc).__name__}: {exc}")


def _wait(operation: Operation, response: httpx.Response, retry: int) -> float | None:
    """Seconds to wait before retrying after `response`; None when its Retry-After is beyond the cap."""
    after = retry_after(response)
    if after is None:
        return backoff(retry)
    return after if after <= RETRY_AFTER_CAP else None


def _log(operation: Operation, retry: int, max_retries: int, reason: str, wait: float) -> None:
    logger.info("%s: retry %d of %d in %.2f s after %s", operation.name, retry + 1, max_retries, wait, reason)


def send(client: AuthenticatedClient | Client, operation: Operation, kwargs: dict[str, Any]) -> httpx.Response:
    """Send the request, retrying as the module docstring says; the last response (or connection error)."""
    http = client.get_httpx_client()
    max_retries = client.max_retries
    retry = 0
    while True:
        try:
            response = http.request(**kwargs)
        except httpx.TransportError as exc:
            reason = error_retry_reason(operation, exc)
            if reason is None or retry >= max_retries:
                raise connection_error(operation, exc) from exc
            wait: float | None = backoff(retry)
        else:
            reason = status_retry_reason(operation, response)
            if reason is None or retry >= max_retries:
                return response
            wait = _wait(operation, response, retry)
            if wait is None:
                return response
        assert wait is not None
        _log(operation, retry, max_retries, reason, wait)
        sleep(wait)
        retry += 1


async def send_async(
    client: AuthenticatedClient | Client, operation: Operation, kwargs: dict[str, Any]
) -> httpx.Response:
    """`send`, for the async client."""
    http = client.get_async_httpx_client()
    max_retries = client.max_retries
    retry = 0
    while True:
        try:
            response = await http.request(**kwargs)
        except httpx.TransportError as exc:
            reason = error_retry_reason(operation, exc)
            if reason is None or retry >= max_retries:
                raise connection_error(operation, exc) from exc
            wait: float | None = backoff(retry)
        else:
            reason = status_retry_reason(operation, response)
            if reason is None or retry >= max_retries:
                return response
            wait = _wait(operation, response, retry)
            if wait is None:
                return response
        assert wait is not None
        _log(operation, retry, max_retries, reason, wait)
        await async_sleep(wait)
        retry += 1


def status_error(response: httpx.Response) -> errors.APIStatusError:
    """The error `sync`/`asyncio` raise for a response that is not a success."""
    return errors.status_error(
        response.status_code, response.content, response.headers, retry_after=retry_after(response)
    )
