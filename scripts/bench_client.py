#!/usr/bin/env python3
"""Benchmark: the generated client against raw httpx (happy path), and against a server that injects faults.

1. Happy path: a call through the generated client vs a raw `httpx.Client.request` (same method, URL, headers), to
   the bundled mock running in its own process, over one keep-alive connection each. Rounds alternate the two
   sides; we print medians and the ratio (goal <= 1.10x).
2. Faults: a small HTTP server of our own (127.0.0.1, its own process) for createVirtualCurrencyTransaction that,
   by a fixed plan per Idempotency-Key, answers 429 or 503 with `Retry-After: 1`, resets the connection before
   applying, answers 409 `idempotency_in_flight` with `Retry-After: 1`, or applies the credit and then drops the
   connection (the response is lost). It dedups by key, remembers each key's Retry-After deadline and counts
   requests. We check: N keyed credits through the client move the balance by exactly N; no request came back
   before its Retry-After; with `max_retries=0` every call sends exactly one request.
Usage: python scripts/bench_client.py [--calls 2000] [--rounds 5] [--credits 40]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import socket
import statistics
import struct
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from typing import Any

import httpx
from adapty_api_client import AuthenticatedClient, errors
from adapty_api_client.api.integration import get_integration_identifiers
from adapty_api_client.api.profile import get_profile
from adapty_api_client.api.virtual_currency import create_virtual_currency_transaction
from adapty_api_client.models import VirtualCurrencyTransactionRequest

from adapty_contracts.mock import DEFAULT_API_KEY, DEFAULT_PROFILE_ID, running_mock

VC_PATH = "/api/v2/server-side-api/vc/transactions/"
# What the fault server does to the attempts of the k-th key (k modulo the plans); "ok" applies and answers 200.
PLANS = (
    ("429", "ok"),
    ("503", "ok"),
    ("reset", "ok"),
    ("in_flight", "ok"),
    ("lost", "ok"),
    ("429", "lost", "ok"),
    ("reset", "in_flight", "ok"),
    ("ok",),
)


# --- servers, each in its own process -----------------------------------------------------------------------------


def _serve_mock(conn: Connection) -> None:
    with running_mock() as base_url:
        conn.send(base_url)
        conn.recv()  # until the parent says stop


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default listen backlog is 5: with more clients reconnecting at once (after resets and lost
    # answers) the kernel drops or resets connections the handler never sees, an extra fault no plan asked for.
    request_queue_size = 128

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FaultHandler)
        self.lock = threading.Lock()
        self.applied: dict[str, int] = {}  # Idempotency-Key -> amount credited (once)
        self.attempts: dict[str, int] = {}
        self.plan_of: dict[str, tuple[str, ...]] = {}
        self.not_before: dict[str, float] = {}  # key -> monotonic time its last Retry-After allows
        self.early = 0
        self.requests = 0
        self.unkeyed = 0


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _drop(self, reset: bool) -> None:
        if reset:  # RST instead of FIN: the client sees a connection reset
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True

    def do_GET(self) -> None:
        state = self.server
        with state.lock:
            stats = {
                "balance": sum(state.applied.values()),
                "requests": state.requests,
                "early": state.early,
                "unkeyed": state.unkeyed,
            }
        self._send(200, stats)

    def do_POST(self) -> None:
        state = self.server
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        key = self.headers.get("Idempotency-Key", "")
        amount = sum(int(item["amount"]) for item in body.get("items", []))
        with state.lock:
            state.requests += 1
            if not key:
                state.unkeyed += 1
                key = f"unkeyed-{state.requests}"
            now = time.monotonic()
            if now < state.not_before.get(key, 0.0):
                state.early += 1
            plan = state.plan_of.setdefault(key, PLANS[len(state.plan_of) % len(PLANS)])
            attempt = state.attempts.get(key, 0)
            state.attempts[key] = attempt + 1
            step = plan[min(attempt, len(plan) - 1)]
            if step in ("429", "503", "in_flight"):
                state.not_before[key] = now + 1.0
            if step in ("ok", "lost") and key not in state.applied:
                state.applied[key] = amount
            balance = sum(state.applied.values())
        if step == "429":
            self._send(429, _error(429, "rate_limited"), {"Retry-After": "1"})
        elif step == "503":
            self._send(503, _error(503, "unavailable"), {"Retry-After": "1"})
        elif step == "in_flight":
            self._send(409, _error(409, "idempotency_in_flight"), {"Retry-After": "1"})
        elif step == "reset":
            self._drop(reset=True)
        elif step == "lost":
            self._drop(reset=False)
        else:
            balances = [{"code": "COINS", "name": "Coins", "balance": balance, "held": 0, "available": balance}]
            self._send(200, {"transaction_id": str(uuid.uuid4()), "balances": balances})


def _error(status: int, code: str) -> dict[str, Any]:
    return {"errors": [{"source": None, "errors": [code]}], "error_code": code, "status_code": status}


def _serve_faults(conn: Connection) -> None:
    server = FaultServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    conn.send(f"http://127.0.0.1:{server.server_address[1]}")
    conn.recv()
    server.shutdown()


@contextmanager
def in_own_process(target: Callable[[Connection], None]) -> Iterator[str]:
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(target=target, args=(child,), daemon=True)
    process.start()
    try:
        if not parent.poll(30):
            raise RuntimeError("the server did not start")
        yield parent.recv()
    finally:
        parent.send("stop")
        process.join(10)
        if process.is_alive():
            process.terminate()


# --- 1. happy path ------------------------------------------------------------------------------------------------


def per_call(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls


def happy_path(calls: int, rounds: int) -> float:
    headers = {"Authorization": f"Api-Key {DEFAULT_API_KEY}", "adapty-profile-id": DEFAULT_PROFILE_ID}
    worst = 0.0
    with in_own_process(_serve_mock) as base_url:
        raw = httpx.Client(base_url=base_url)
        client = AuthenticatedClient(base_url=base_url, token=DEFAULT_API_KEY)
        operations = [
            (
                "getIntegrationIdentifiers",
                get_integration_identifiers,
                "/api/v2/server-side-api/integration/profile/set/integration-identifiers/",
            ),
            ("getProfile", get_profile, "/api/v2/server-side-api/profile/"),
        ]
        print(f"1. happy path: {calls} calls x {rounds} rounds per side, the mock in its own process ({base_url})")
        print(f"{'operation':<28}{'raw httpx':>12}{'generated':>12}{'ratio':>8}")
        for name, module, path in operations:

            def generated(module: Any = module) -> object:
                return module.sync(client=client, adapty_profile_id=DEFAULT_PROFILE_ID)

            def plain(path: str = path) -> object:
                response = raw.request("GET", path, headers=headers)
                assert response.status_code == 200
                return response.json()

            generated()
            plain()  # warm both connections
            ours, theirs = [], []
            for _ in range(rounds):
                theirs.append(per_call(plain, calls))
                ours.append(per_call(generated, calls))
            a, b = statistics.median(theirs), statistics.median(ours)
            worst = max(worst, b / a)
            print(f"{name:<28}{a * 1e6:>10.0f}us{b * 1e6:>10.0f}us{b / a:>7.2f}x")
        raw.close()
        client.get_httpx_client().close()
    print(f"worst ratio generated/raw: {worst:.2f}x (goal <= 1.10x)")
    return worst


# --- 2. faults ----------------------------------------------------------------------------------------------------


def _stats(base_url: str) -> dict[str, int]:
    return dict(httpx.get(f"{base_url}/stats").json())


def faults(credits: int) -> bool:
    body = VirtualCurrencyTransactionRequest.from_dict({"items": [{"currency_code": "COINS", "amount": 1}]})
    ok = True
    with in_own_process(_serve_faults) as base_url:
        client = AuthenticatedClient(base_url=base_url, token="k", timeout=httpx.Timeout(10.0))

        def credit(_: int) -> None:
            create_virtual_currency_transaction.sync(client=client, body=body, adapty_profile_id="p")

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(credit, range(credits)))
        elapsed = time.perf_counter() - started
        stats = _stats(base_url)
        print(f"\n2. faults: {credits} keyed credits through the client (max_retries=2), fault plans {len(PLANS)}")
        print(
            f"   balance moved by {stats['balance']} (want {credits}); {stats['requests']} requests; "
            f"{stats['early']} before their Retry-After (want 0); {stats['unkeyed']} without a key (want 0); "
            f"{elapsed:.1f} s"
        )
        ok &= stats["balance"] == credits and stats["early"] == 0 and stats["unkeyed"] == 0

        once = client.with_max_retries(0)
        before = stats["requests"]
        outcomes: dict[str, int] = {}
        for _ in range(credits):
            try:
                create_virtual_currency_transaction.sync(client=once, body=body, adapty_profile_id="p")
                outcome = "ok"
            except errors.AdaptyError as error:
                outcome = type(error).__name__
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        sent = _stats(base_url)["requests"] - before
        print(f"   max_retries=0: {credits} calls sent {sent} requests (want {credits}); outcomes {outcomes}")
        ok &= sent == credits
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--credits", type=int, default=40)
    args = parser.parse_args()
    worst = happy_path(args.calls, args.rounds)
    correct = faults(args.credits)
    verdict = "all as expected" if correct else "WRONG"
    print(f"\nhappy path {'within' if worst <= 1.10 else 'OVER'} 1.10x; faults {verdict}")
    return 0 if correct else 1


if __name__ == "__main__":
    sys.exit(main())
