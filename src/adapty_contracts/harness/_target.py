"""The server under test: base URL, API key, the writable test profile, rate limit and request budget.

Every request of a check run goes through one `TargetSession`, so rate limiting, the request budget and the
request count hold for schemathesis's own extra requests (e.g. its auth checks) as much as for ours.
"""

from __future__ import annotations

import contextlib
import email.utils
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
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


class ServerUnavailable(BudgetExhausted):
    """The server stopped answering (connection errors after retries, or back-pressure that never eased): the run
    ends with what it checked so far, exit 2 (it proves nothing either way about the rest)."""


# Adapty documents 600 requests a minute per app: a live run stays under it unless told otherwise.
DEFAULT_LIVE_RATE_LIMIT = 9.0  # requests per second (540 a minute)
MAX_RESENDS = 6  # back-pressure answers waited out per request before the server counts as unavailable
MAX_WAIT = 60.0  # seconds: a longer Retry-After is cut to this
CONNECTION_RETRIES = 3  # connection errors retried per request (0.5 s, 1 s, 2 s apart)
CONNECTION_BACKOFF = 0.5  # seconds before the first retry; doubled for each next one
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
# Set by the CLI's SIGTERM handler: a stop whose KeyboardInterrupt was swallowed is raised at the next request that
# is not part of the cleanup.
STOP = threading.Event()


def retry_after(response: requests.Response) -> float | None:
    """Seconds to wait before resending, when the answer is back-pressure (429, 503, 409 idempotency_in_flight);
    None otherwise. `Retry-After` as delay-seconds or an HTTP-date (RFC 9110); 1 s when absent."""
    status = response.status_code
    if status == 409:
        if b"idempotency_in_flight" not in (response.content or b""):
            return None
    elif status not in (429, 503):
        return None
    header = (response.headers.get("Retry-After") or "").strip()
    if header.isdigit():
        return min(float(header), MAX_WAIT)
    if header:
        try:
            moment = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return 1.0
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return max(0.0, min((moment - datetime.now(UTC)).total_seconds(), MAX_WAIT))
    return 1.0


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
        self.backpressure = 0  # back-pressure answers waited out and resent
        self.waited = 0.0  # seconds waited for them
        self.retried_connections = 0

    @contextlib.contextmanager
    def exempted(self) -> Iterator[None]:
        """Requests in this block (snapshot, restore, cleanup) are outside the budget, and counted apart."""
        previous, self.exempt = self.exempt, True
        try:
            yield
        finally:
            self.exempt = previous

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:
        """Send; back-pressure is waited out (Retry-After) and resent, connection errors retried, both bounded."""
        resends = connection_errors = 0
        while True:
            try:
                response = self._request_once(method, url, *args, resent=bool(resends or connection_errors), **kwargs)
            except requests.ConnectionError as exc:
                if isinstance(exc, requests.ReadTimeout) or connection_errors >= CONNECTION_RETRIES:
                    if connection_errors >= CONNECTION_RETRIES:
                        raise ServerUnavailable(
                            f"no connection to the server after {connection_errors + 1} tries ({type(exc).__name__})"
                        ) from None
                    raise
                time.sleep(CONNECTION_BACKOFF * 2**connection_errors)
                connection_errors += 1
                self.retried_connections += 1
                continue
            wait = retry_after(response)
            if wait is None:
                return response
            if resends >= MAX_RESENDS:
                raise ServerUnavailable(
                    f"the server kept answering {response.status_code} (back-pressure) after {resends} waits"
                )
            resends += 1
            self.backpressure += 1
            self.waited += wait
            time.sleep(wait)

    def _request_once(
        self, method: str | bytes, url: str | bytes, *args: Any, resent: bool = False, **kwargs: Any
    ) -> requests.Response:
        if STOP.is_set() and not self.exempt:
            raise KeyboardInterrupt
        with self._lock:
            budgeted = self.count - self.exempt_count
            if not self.exempt and not resent and self.max_requests is not None and budgeted >= self.max_requests:
                raise BudgetExhausted(f"request budget of {self.max_requests} reached")
            self.count += 1
            self.exempt_count += int(self.exempt or resent)  # a resend is not a new request of the budget
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
        host = urlsplit(self.base_url).hostname or ""
        if self.rate_limit is None and host not in LOOPBACK_HOSTS:
            self.rate_limit = DEFAULT_LIVE_RATE_LIMIT
        self.session = TargetSession(rate_limit=self.rate_limit, max_requests=self.max_requests, timeout=self.timeout)
        if host in LOOPBACK_HOSTS:
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
