"""Serving the mock with uvicorn: in a background thread (tests, `check`) or in the foreground (`mock`)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn

from adapty_contracts.mock._app import DEFAULT_API_KEY, MockAPI, create_app
from adapty_contracts.mock._store import ProfileStore

LOOPBACK = "127.0.0.1"


def bind_socket(host: str, port: int) -> socket.socket:
    """Listen before uvicorn starts, so port 0 yields a known free port and `OSError` comes early and clearly."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
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
        # h11 rejects (400, closing the connection) header blocks larger than this; smaller ones reach the app,
        # which answers 431 with an ErrorResponse above MAX_HEADER_BYTES.
        "h11_max_incomplete_event_size": 1024 * 1024,
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
    startup_timeout: float = 10.0,
) -> Iterator[str]:
    """Serve the mock on a free loopback port in a background thread; yields the base URL, stops on exit."""
    app = create_app(
        api_key=api_key, store=store if store is not None else ProfileStore.with_default_profile(), api_class=api_class
    )
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
