"""Production failure modes of the mock: a rate limit, and seeded fault injection (`--rate-limit`, `--faults`).

Both are off by default, and then the mock is served as it is (`serving_app` returns the bare `MockAPI`): the
request hot path pays nothing for them. When one is set, `ProductionApp` wraps the API: per request, in order,

1. the rate limit (a sliding window: at most N requests in any window; beyond it 429 `rate_limited` with an
   honest integer `Retry-After`: the seconds until the oldest request in the window leaves it, at least 1),
2. one seeded draw of the fault plan: `429`/`503` (with `Retry-After`), `500` (an `ErrorResponse`,
   `error_code: server_error`), `reset` (the connection is reset before the request is applied), `lost` (the
   request is applied, then the connection is closed without an answer): a fault either happens before anything is
   applied or after the request is applied completely, so it never corrupts state,
3. the request itself; with `latency`, every answer is delayed by that long (a handler marked with the function
   attribute `applies_latency = True` sleeps `MockAPI.latency` itself, where that delay means something).

The same seed and the same sequence of requests give the same faults (concurrent requests draw in arrival order).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import math
import random
import re
import socket
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.types import Message, Receive, Scope, Send

from adapty_contracts.mock._core import Core

ADAPTY_RATE = "adapty"  # the documented default limit: 600 requests a minute per app
ADAPTY_LIMIT, ADAPTY_WINDOW = 600, 60.0
STATUS_FAULTS = ("429", "500", "503")
CONNECTION_FAULTS = ("reset", "lost")
FAULT_KINDS = STATUS_FAULTS + CONNECTION_FAULTS
_FAULT_CODES = {"429": "rate_limited", "500": "server_error", "503": "service_unavailable"}
_FAULT_MESSAGES = {
    "429": "Too many requests (injected fault).",
    "500": "Internal server error (injected fault).",
    "503": "Service temporarily unavailable (injected fault).",
}
_RATE_RE = re.compile(r"\s*([0-9]+)\s*/\s*(s|sec|second|m|min|minute)\s*", re.IGNORECASE)
_DURATION_RE = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s)?\s*", re.IGNORECASE)


# --- the rate limit --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RateLimit:
    """At most `limit` requests in any `window` seconds."""

    limit: int
    window: float

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        """`N/s`, `N/min`, or `adapty` (600/min); ValueError saying what is accepted."""
        if text.strip().lower() == ADAPTY_RATE:
            return cls(ADAPTY_LIMIT, ADAPTY_WINDOW)
        match = _RATE_RE.fullmatch(text)
        if match is None:
            raise ValueError("expected N/s, N/min or adapty (600/min)")
        limit = int(match.group(1))
        if limit < 1:
            raise ValueError("the limit must be at least 1 request")
        return cls(limit, 1.0 if match.group(2).lower().startswith("s") else 60.0)

    def __str__(self) -> str:
        return f"{self.limit}/{'s' if self.window == 1.0 else 'min'}"


class RateLimiter:
    """A sliding-window log: the times of the accepted requests still in the window (rejected ones do not count)."""

    def __init__(self, rate: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.clock = clock
        self._accepted: collections.deque[float] = collections.deque()

    def acquire(self) -> int:
        """0 when the request is accepted (and counted), else the honest Retry-After in whole seconds (>= 1)."""
        now = self.clock()
        accepted = self._accepted
        cutoff = now - self.rate.window
        while accepted and accepted[0] <= cutoff:
            accepted.popleft()
        if len(accepted) < self.rate.limit:
            accepted.append(now)
            return 0
        return max(1, math.ceil(accepted[0] - cutoff))  # when the oldest leaves the window


# --- faults ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FaultPlan:
    """Probability per fault kind (each request draws at most one), the latency of every answer, and the
    Retry-After that injected 429/503 answers carry."""

    probabilities: dict[str, float] = field(default_factory=dict)
    latency: float = 0.0
    retry_after: int = 1

    @classmethod
    def parse(cls, text: str) -> FaultPlan:
        """`429=0.05,503=0.02,500=0.01,reset=0.01,lost=0.01,latency=50ms,retry_after=1`; ValueError naming the
        part that is wrong."""
        probabilities: dict[str, float] = {}
        latency, retry_after = 0.0, 1
        for part in text.split(","):
            if not part.strip():
                continue
            name, sep, value = (s.strip() for s in part.partition("="))
            name = name.lower().replace("-", "_")
            if not sep or not value:
                raise ValueError(f"{part.strip()!r}: expected NAME=VALUE")
            if name == "latency":
                latency = parse_duration(value, part.strip())
            elif name == "retry_after":
                if not value.isdigit():
                    raise ValueError(f"{part.strip()!r}: retry_after is whole seconds (0 or more)")
                retry_after = int(value)
            elif name in FAULT_KINDS:
                try:
                    probability = float(value)
                except ValueError:
                    probability = math.nan
                if not 0.0 <= probability <= 1.0:
                    raise ValueError(f"{part.strip()!r}: a probability is a number from 0 to 1")
                probabilities[name] = probability
            else:
                raise ValueError(
                    f"{part.strip()!r}: unknown fault {name!r} (known: {', '.join(FAULT_KINDS)}, latency, retry_after)"
                )
        if sum(probabilities.values()) > 1.0 + 1e-9:
            raise ValueError("the probabilities add up to more than 1")
        if not probabilities and not latency:
            raise ValueError("no fault and no latency given")
        return cls({k: v for k, v in probabilities.items() if v > 0}, latency, retry_after)

    def __str__(self) -> str:
        parts = [f"{name} {p:.4g}" for name, p in self.probabilities.items()]
        if self.latency:
            parts.append(f"latency {self.latency * 1000:g} ms")
        if self.probabilities.keys() & {"429", "503"}:
            parts.append(f"Retry-After {self.retry_after}")
        return ", ".join(parts)


def parse_duration(value: str, where: str) -> float:
    """`50ms`, `0.05s`, `1` (seconds) -> seconds."""
    match = _DURATION_RE.fullmatch(value)
    if match is None:
        raise ValueError(f"{where!r}: a duration is like 50ms or 0.05s")
    number = float(match.group(1))
    return number / 1000 if (match.group(2) or "s").lower() == "ms" else number


class FaultInjector:
    """Draws at most one fault per request from a seeded generator."""

    def __init__(self, plan: FaultPlan, seed: int) -> None:
        self.plan = plan
        self.seed = seed
        self._random = random.Random(seed)
        self._cumulative: list[tuple[float, str]] = []
        total = 0.0
        for name, probability in plan.probabilities.items():
            total += probability
            self._cumulative.append((total, name))

    def draw(self) -> str | None:
        """The fault for the next request, or None (one random number per request, also when nothing is drawn)."""
        if not self._cumulative:
            return None
        u = self._random.random()
        for bound, name in self._cumulative:
            if u < bound:
                return name
        return None


# --- serving ---------------------------------------------------------------------------------------------------
def as_rate_limit(value: RateLimit | str | None) -> RateLimit | None:
    return RateLimit.parse(value) if isinstance(value, str) else value


def as_fault_plan(value: FaultPlan | str | None) -> FaultPlan | None:
    return FaultPlan.parse(value) if isinstance(value, str) else value


class ProductionApp:
    """The ASGI app that applies the rate limit and faults around a `MockAPI` (see the module docstring).

    `configure` changes both at run time (the pytest plugin sets them for one test); the API's state is untouched.
    """

    def __init__(
        self,
        api: Core,
        *,
        rate_limit: RateLimit | str | None = None,
        faults: FaultPlan | str | None = None,
        seed: int | None = None,
    ) -> None:
        self.api = api
        self.limiter: RateLimiter | None = None
        self.injector: FaultInjector | None = None
        self.latency = 0.0
        self.seed: int | None = None
        self.configure(rate_limit=rate_limit, faults=faults, seed=seed)

    def configure(
        self,
        *,
        rate_limit: RateLimit | str | None = None,
        faults: FaultPlan | str | None = None,
        seed: int | None = None,
    ) -> None:
        """Set (or, with None, turn off) the rate limit and the fault plan; ValueError for a malformed one.

        A fresh window and a fresh generator: `seed` None picks a random seed (`self.injector.seed` tells it).
        """
        rate, plan = as_rate_limit(rate_limit), as_fault_plan(faults)
        self.limiter = RateLimiter(rate) if rate is not None else None
        if plan is not None and (plan.probabilities or plan.latency):
            chosen = seed if seed is not None else random.SystemRandom().randrange(2**31)
            self.injector = FaultInjector(plan, chosen) if plan.probabilities else None
            self.latency = plan.latency
        else:
            self.injector, self.latency = None, 0.0
        self.api.latency = self.latency
        self.seed = self.injector.seed if self.injector is not None else seed

    def describe(self) -> list[str]:
        """What is active, one line each (the start-up banner prints them)."""
        lines = []
        if self.limiter is not None:
            lines.append(f"rate limit: {self.limiter.rate} (beyond it: 429 rate_limited + Retry-After)")
        if self.injector is not None:
            lines.append(f"faults: {self.injector.plan} (seed {self.injector.seed}; --seed replays them)")
        elif self.latency:
            lines.append(f"latency: {self.latency * 1000:g} ms on every answer")
        return lines or ["rate limit and faults: off (every probability 0)"]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.api(scope, receive, send)
            return
        connection = send  # uvicorn's own `send`: how a connection fault reaches the transport
        if self.latency and not self._applies_own_latency(scope):
            send = self._delayed(send)
        limiter = self.limiter
        if limiter is not None:
            retry_after = limiter.acquire()
            if retry_after:
                message = f"Rate limit of {limiter.rate} exceeded; retry after {retry_after} s."
                await self._answer(send, scope, receive, 429, "rate_limited", message, retry_after)
                return
        injector = self.injector  # read once: `configure` may replace it from another thread
        fault = injector.draw() if injector is not None else None
        if fault is None:
            await self.api(scope, receive, send)
        elif fault == "reset":
            await _close_connection(connection, reset=True)
        elif fault == "lost":
            await self.api(scope, receive, _discard)
            await _close_connection(connection, reset=False)
        else:
            assert injector is not None
            after = injector.plan.retry_after if fault != "500" else None
            code, message = _FAULT_CODES[fault], _FAULT_MESSAGES[fault]
            await self._answer(send, scope, receive, int(fault), code, message, after)

    async def _answer(
        self, send: Send, scope: Scope, receive: Receive, status: int, code: str, message: str, retry_after: int | None
    ) -> None:
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
        response = self.api.error_response(status, code, [message], None, headers)
        await response(scope, receive, send)

    def _applies_own_latency(self, scope: Scope) -> bool:
        found = self.api.spec.match(scope["path"])
        if found is None:
            return False
        method = scope["method"]
        operation = found[0].operations.get("GET" if method == "HEAD" else method)
        handler = self.api.handlers.get(operation.operation_id) if operation is not None else None
        return bool(getattr(handler, "applies_latency", False))

    def _delayed(self, send: Send) -> Send:
        latency = self.latency

        async def delayed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                await asyncio.sleep(latency)
            await send(message)

        return delayed_send


def serving_app(
    api: Core,
    *,
    rate_limit: RateLimit | str | None = None,
    faults: FaultPlan | str | None = None,
    seed: int | None = None,
) -> Any:
    """What to serve: the bare API when neither is set (no per-request cost), else a `ProductionApp`."""
    if rate_limit is None and faults is None:
        return api
    return ProductionApp(api, rate_limit=rate_limit, faults=faults, seed=seed)


async def _discard(message: Message) -> None:
    """The `send` of a request whose answer is lost."""


async def _close_connection(send: Send, *, reset: bool) -> None:
    """Close the client's connection without an answer: an RST (`reset`) or a plain close (FIN).

    ASGI cannot say "no answer", so this reaches the server's transport through `send` (uvicorn's
    RequestResponseCycle); marking the cycle disconnected keeps uvicorn from answering 500 in our stead.
    """
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:
        raise RuntimeError("closing a connection needs uvicorn's transport")
    if reset:
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):  # not a TCP socket: a plain abort still drops it
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
    else:
        transport.close()
    cycle.disconnected = True  # type: ignore[union-attr]
    await asyncio.sleep(0)  # let the protocol see the connection go
