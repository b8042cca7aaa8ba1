"""Serving the mock with uvicorn: in a background thread (tests, `check`) or in the foreground (`mock`)."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn

from adapty_contracts.mock._app import DEFAULT_API_KEY, MockAPI, create_app
from adapty_contracts.mock._production import FaultPlan, RateLimit, serving_app
from adapty_contracts.mock._spec import Spec
from adapty_contracts.mock._store import ProfileStore
from adapty_contracts.mock.resources import PaywallStore, VirtualCurrencyStore

LOOPBACK = "127.0.0.1"
# Bytes a client may send before its headers end. Below it the app answers 431 (over MAX_HEADER_BYTES); above
# it the connection is answered with a bare 431 and closed, so a header bomb costs at most this much memory.
MAX_HEAD_BYTES = 1024 * 1024


def _http_protocol() -> Any:
    """httptools (3x h11's throughput) with the header-size limit it lacks; h11 when it is not installed."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:
        return "h11"

    class BoundedHttpToolsProtocol(HttpToolsProtocol):
        _in_head = True
        _head_bytes = 0

        def data_received(self, data: bytes) -> None:
            if self.transport.is_closing():
                return
            if self._in_head:
                self._head_bytes += len(data)
                if self._head_bytes > MAX_HEAD_BYTES:
                    self._reject_head()
                    return
            super().data_received(data)

        def on_headers_complete(self) -> None:
            self._in_head = False
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            self._in_head, self._head_bytes = True, 0
            super().on_message_complete()

        def _reject_head(self) -> None:
            body = _error_body(431, "request_header_fields_too_large", "Request headers are far too large.")
            head = (
                b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json\r\n"
                b"connection: close\r\ncontent-length: " + str(len(body)).encode("ascii") + b"\r\n\r\n"
            )
            self.transport.write(head + body)
            self.transport.close()

    return BoundedHttpToolsProtocol


def _error_body(status_code: int, error_code: str, message: str) -> bytes:
    body = {"errors": [{"source": None, "errors": [message]}], "error_code": error_code, "status_code": status_code}
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


def bind_socket(host: str, port: int) -> socket.socket:
    """Listen before uvicorn starts, so port 0 yields a known free port and `OSError` comes early and clearly."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY only on sockets that say so; without it every
    # response waits ~40 ms for a delayed ACK (Nagle), i.e. 23 requests/s on one connection.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def server_config(app: Any, *, quiet: bool = True, **overrides: Any) -> uvicorn.Config:
    """uvicorn settings shared by both ways of serving: no lifespan, no access log, keep-alive for benchmarks."""
    options: dict[str, Any] = {
        "lifespan": "off",
        "access_log": False,
        "log_level": "warning",
        "server_header": False,
        "timeout_graceful_shutdown": 2,
        # h11 answers a bare 400 and closes when the headers exceed this (BoundedHttpToolsProtocol: 431).
        "h11_max_incomplete_event_size": MAX_HEAD_BYTES,
        "http": _http_protocol(),
    }
    if quiet:
        options["log_config"] = None  # do not reconfigure the host process's logging (pytest, `check`)
        options["log_level"] = "error"  # not a line per malformed request that a fuzzer sends on purpose
    options.update(overrides)
    return uvicorn.Config(app, **options)


@contextlib.contextmanager
def running_mock(
    *,
    api_key: str = DEFAULT_API_KEY,
    store: ProfileStore | None = None,
    api_class: type[MockAPI] = MockAPI,
    paywalls: PaywallStore | None = None,
    spec: Spec | None = None,
    virtual_currency: VirtualCurrencyStore | None = None,
    vc_disabled: bool = False,
    startup_timeout: float = 10.0,
    rate_limit: RateLimit | str | None = None,
    faults: FaultPlan | str | None = None,
    seed: int | None = None,
) -> Iterator[str]:
    """Serve the mock on a free loopback port in a background thread; yields the base URL, stops on exit.

    `rate_limit` (`"600/min"`, `"10/s"`, `"adapty"`) and `faults` (`"429=0.05,reset=0.01,latency=50ms"`, drawn
    from `seed`) as `adapty-contracts mock --rate-limit/--faults/--seed`; ValueError for a malformed one.
    """
    api = create_app(
        api_key=api_key,
        store=store if store is not None else ProfileStore.with_default_profile(),
        api_class=api_class,
        paywalls=paywalls,
        spec=spec,
        virtual_currency=virtual_currency,
        vc_disabled=vc_disabled,
    )
    app = serving_app(api, rate_limit=rate_limit, faults=faults, seed=seed)
    with serving(app, startup_timeout=startup_timeout) as url:
        yield url


@contextlib.contextmanager
def serving(app: Any, *, startup_timeout: float = 10.0) -> Iterator[str]:
    """Serve an ASGI app (the mock, or the mock wrapped by `serving_app`) on a free loopback port in a background
    thread; yields the base URL, stops on exit."""
    sock = bind_socket(LOOPBACK, 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(server_config(app))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=f"adapty-mock-{port}", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the mock server did not start")
            time.sleep(0.005)
        yield f"http://{LOOPBACK}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
