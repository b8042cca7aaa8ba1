"""The server under test: base URL, API key, the writable test profile, rate limit and request budget.

Every request of a check run goes through one `TargetSession`, so rate limiting, the request budget and the
request count hold for schemathesis's own extra requests (e.g. its auth checks) as much as for ours.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests

API_KEY_ENV = "ADAPTY_API_KEY"
PROFILE_ID_HEADER = "adapty-profile-id"
CUSTOMER_USER_ID_HEADER = "adapty-customer-user-id"
IDENTITY_HEADERS = (PROFILE_ID_HEADER, CUSTOMER_USER_ID_HEADER)
REDACTED = "REDACTED"


def redact_key(text: str, key: str) -> str:
    """`text` with the API key replaced by REDACTED.

    In the Authorization form always; bare occurrences only for keys of 8+ characters, since replacing a
    1-character test key everywhere would mangle the text while protecting nothing real.
    """
    if not key:
        return text
    text = text.replace(f"Api-Key {key}", f"Api-Key {REDACTED}")
    return text.replace(key, REDACTED) if len(key) >= 8 else text


class BudgetExhausted(Exception):
    """The run reached `--max-requests`; the engine stops generating and reports what it saw."""


@dataclass(frozen=True)
class TestProfile:
    """A profile the run may write to, known by profile id and/or customer user id."""

    __test__ = False  # not a pytest test class

    profile_id: str | None = None
    customer_user_id: str | None = None

    def identities(self) -> list[dict[str, str]]:
        """One header set per way of naming the profile (exactly one identity header each)."""
        found: list[dict[str, str]] = []
        if self.profile_id:
            found.append({PROFILE_ID_HEADER: self.profile_id})
        if self.customer_user_id:
            found.append({CUSTOMER_USER_ID_HEADER: self.customer_user_id})
        return found


class TargetSession(requests.Session):
    """A requests session that waits for the rate limit, counts requests and enforces the budget."""

    def __init__(self, *, rate_limit: float | None, max_requests: int | None, timeout: float) -> None:
        super().__init__()
        self.rate_limit = rate_limit
        self.max_requests = max_requests
        self.timeout = timeout
        self.count = 0
        self.exempt = False  # snapshot/restore/cleanup requests are never refused by the budget
        self.exempt_count = 0  # ... and are counted apart from it
        self._lock = threading.Lock()
        self._next_slot = 0.0

    @contextlib.contextmanager
    def exempted(self) -> Iterator[None]:
        """Requests in this block (snapshot, restore, cleanup) are outside the budget, and counted apart."""
        previous, self.exempt = self.exempt, True
        try:
            yield
        finally:
            self.exempt = previous

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:
        with self._lock:
            budgeted = self.count - self.exempt_count
            if not self.exempt and self.max_requests is not None and budgeted >= self.max_requests:
                raise BudgetExhausted(f"request budget of {self.max_requests} reached")
            self.count += 1
            self.exempt_count += int(self.exempt)
            if self.rate_limit:
                now = time.monotonic()
                wait = self._next_slot - now
                self._next_slot = max(now, self._next_slot) + 1.0 / self.rate_limit
            else:
                wait = 0.0
        if wait > 0:
            time.sleep(wait)
        kwargs.setdefault("timeout", self.timeout)
        method = method.decode() if isinstance(method, bytes) else method
        url = url.decode() if isinstance(url, bytes) else url
        return super().request(method, url, *args, **kwargs)


@dataclass
class Target:
    """Where and as whom to send requests; the key is kept out of repr and every rendered string."""

    base_url: str
    api_key: str = field(repr=False)
    profile: TestProfile
    live: bool = False
    rate_limit: float | None = None
    max_requests: int | None = None
    timeout: float = 10.0
    session: TargetSession = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self.session = TargetSession(rate_limit=self.rate_limit, max_requests=self.max_requests, timeout=self.timeout)
        host = urlsplit(self.base_url).hostname or ""
        if host in ("127.0.0.1", "localhost", "::1"):
            self.session.trust_env = False  # no proxy lookup per request on loopback (a third of a request's cost)

    @property
    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Api-Key {self.api_key}"}

    @property
    def request_count(self) -> int:
        return self.session.count

    def redact(self, text: str) -> str:
        """Text with the API key replaced; applied to everything that leaves the engine."""
        return redact_key(text, self.api_key)
