"""A response that tells the client to wait (`Retry-After` in its prose, or a 429/503) declares the header.

Adapty's 409 `idempotency_in_flight` says "Retry after the interval in the `Retry-After` response header" and its
429 `rate_limited` is back-pressure (RFC 6585 lets it carry the header), yet neither response has `headers`. Without
a declaration a client cannot read it typed and a harness cannot check its form. The header is declared optional
(a 409 for another cause has none) with RFC 9110's grammar: delay-seconds or an IMF-fixdate.
"""

from __future__ import annotations

from typing import Any

from adapty_contracts.spec.rules._refs import resolve

HEADER = "Retry-After"
BACK_PRESSURE = frozenset({"429", "503"})
# RFC 9110 section 10.2.3: Retry-After = HTTP-date / delay-seconds (the HTTP-date's preferred IMF-fixdate form).
PATTERN = (
    r"^(?:[0-9]+|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT)$"
)
DECLARATION: dict[str, Any] = {
    "description": "How long to wait before retrying: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3).",
    "required": False,
    "schema": {"type": "string", "pattern": PATTERN},
}


def wants_retry_after(code: str, response: dict[str, Any]) -> bool:
    """The response asks the client to come back later (by its status, or in words)."""
    return code in BACK_PRESSURE or HEADER.lower() in str(response.get("description") or "").lower()


def apply(responses: dict[str, Any], doc: dict[str, Any]) -> None:
    for code, raw in responses.items():
        response = resolve(doc, raw)
        if not isinstance(response, dict) or not wants_retry_after(str(code), response):
            continue
        headers = response.setdefault("headers", {})
        if not any(str(name).lower() == HEADER.lower() for name in headers):
            headers[HEADER] = dict(DECLARATION, schema=dict(DECLARATION["schema"]))
