"""Correct servers that read the document differently where it is silent: the counterpart of tests/mutants.py.

Each is the bundled mock with one choice made otherwise (the order it validates in, which documented 4xx it
answers, how it serializes JSON and times, what it refuses that the schema allows, how it orders a list). None of
them breaks a sentence of Adapty's document, so `check` must pass every one (tests/test_alternative_servers.py,
and `scripts/bench_check.py --alternatives` over many seeds): a violation here is a harness bug.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from typing import Any

from starlette.responses import Response

from adapty_contracts.mock import Call, MockAPI, MockError, PaywallStore
from adapty_contracts.mock._spec import Operation

_IDENTITY = ("adapty-profile-id", "adapty-customer-user-id")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


# --- validation order ------------------------------------------------------------------------------------------
class BodyBeforeProfile(MockAPI):
    """Validates the body before it looks the profile up: an unknown profile with a bad body gets 400, not 404."""

    async def handle(self, call: Call) -> Response:
        if call.operation.secured:
            self.authenticate(self.header(call.request, "authorization"))
        self.validate_parameters(call)
        await self.body(call)  # cached: the handler's own read returns it
        return await super().handle(call)


class ParametersBeforeAuth(MockAPI):
    """Validates the required headers and parameters before the API key: no identity and a bad key gets 400."""

    async def handle(self, call: Call) -> Response:
        self.validate_parameters(call)
        return await super().handle(call)


class ProfileBeforeAuth(MockAPI):
    """Looks the profile up before it checks the key: an unknown profile and a bad key gets 404, not 401."""

    async def handle(self, call: Call) -> Response:
        self.validate_parameters(call)
        if set(_IDENTITY) & set(call.operation.required_any_of) and call.operation.operation_id != "createProfile":
            self.profile_of(call)
        return await super().handle(call)


# --- which documented 4xx ------------------------------------------------------------------------------------------
class RejectsWithNotFound(MockAPI):
    """Answers every client error with 404 where the operation documents 404 (a documented 4xx all the same), but
    for the causes the document ties to its 400 by name (`insufficient_balance`, `invalid_cursor`: "Bad request.
    The `error_code` field identifies the cause: ..."): those it states, so they stay 400."""

    def mock_error_response(self, exc: MockError, operation: Operation | None) -> Response:
        named_400 = operation is not None and f"`{exc.error_code}`" in str(
            ((operation.raw.get("responses") or {}).get("400") or {}).get("description") or ""
        )
        if operation is not None and exc.status_code == 400 and operation.documents(404) and not named_400:
            exc = MockError(404, exc.error_code, exc.message, exc.source, exc.headers, path=exc.path)
        return super().mock_error_response(exc, operation)


class CreateProfileRejectsWith401(MockAPI):
    """createProfile's upstream text documents 200, 401 and 500 only: every refusal of it is its documented 401."""

    def mock_error_response(self, exc: MockError, operation: Operation | None) -> Response:
        if operation is not None and operation.operation_id == "createProfile" and 400 <= exc.status_code < 500:
            exc = MockError(401, "unauthorized", exc.message, exc.source, exc.headers)
        return super().mock_error_response(exc, operation)


class PlainBadRequest(MockAPI):
    """Answers a malformed request 400 also where the operation documents no 400 (getPaywall: 401 and 404 only):
    no documented 4xx fits "bad request", so any 4xx does."""

    def mock_error_response(self, exc: MockError, operation: Operation | None) -> Response:
        if operation is not None and exc.status_code == 400 and not operation.documents(400):
            return self.error_response(400, exc.error_code, [exc.message], exc.source, exc.headers)
        return super().mock_error_response(exc, operation)


# --- what a schema-valid body may still be refused for --------------------------------------------------------------
def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


class RejectsNulCharacters(MockAPI):
    """Refuses any string holding a NUL character (many databases cannot store one) with 400."""

    def validate_body(self, operation: Operation, data: Any, media_type: str) -> Any:
        if any("\x00" in text for text in _strings(data)):
            raise MockError(400, "validation_error", "NUL characters are not allowed")
        return super().validate_body(operation, data, media_type)


class RejectsAllNullBodies(MockAPI):
    """Refuses a body setting every property its schema has to null (it would blank the whole resource) with 400."""

    def validate_body(self, operation: Operation, data: Any, media_type: str) -> Any:
        properties = set((operation.bodies[media_type].schema or {}).get("properties") or ())
        if (
            isinstance(data, dict)
            and len(properties) > 1
            and properties <= set(data)
            and all(data[name] is None for name in properties)
        ):
            raise MockError(400, "validation_error", "at least one value must be non-null")
        return super().validate_body(operation, data, media_type)


# --- serialization ---------------------------------------------------------------------------------------------
class CompactRemoteConfig(MockAPI):
    """Stores a remote config's `data` (a JSON document in a string) re-serialized compactly, keys sorted."""

    def update_paywall(self, paywall_id: str, body: dict[str, Any]) -> dict[str, Any]:
        configs = []
        for config in body.get("remote_configs") or []:
            try:
                data = json.dumps(json.loads(config["data"]), separators=(",", ":"), sort_keys=True)
            except (KeyError, TypeError, ValueError):
                configs.append(config)
                continue
            configs.append({**config, "data": data})
        return super().update_paywall(paywall_id, {**body, "remote_configs": configs})


def _retimed(value: Any, render: Any) -> Any:
    if isinstance(value, str) and _DATE_TIME.match(value):
        try:
            return render(dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00")))
        except (ValueError, OverflowError):  # not a date-time; or an instant near year 1 or 9999 no other zone can show
            return value
    if isinstance(value, dict):
        return {key: _retimed(item, render) for key, item in value.items()}
    if isinstance(value, list):
        return [_retimed(item, render) for item in value]
    return value


class _Retimed(MockAPI):
    """Renders every date-time it answers another way (the same instant)."""

    @staticmethod
    def render_time(moment: dt.datetime) -> str:
        raise NotImplementedError

    def json_response(self, call: Call, status: int, body: Any) -> Response:
        data = json.loads(body) if isinstance(body, bytes) else body
        return super().json_response(call, status, _retimed(data, self.render_time))


class ZuluMillisecondTimes(_Retimed):
    """Times as `2024-01-15T10:30:00.000Z` (UTC, `Z`, milliseconds)."""

    @staticmethod
    def render_time(moment: dt.datetime) -> str:
        return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class NonUtcOffsetTimes(_Retimed):
    """Times in the server's zone, `+05:30`, with microseconds."""

    @staticmethod
    def render_time(moment: dt.datetime) -> str:
        zone = dt.timezone(dt.timedelta(hours=5, minutes=30))
        return moment.astimezone(zone).isoformat(timespec="microseconds")


# --- lists ----------------------------------------------------------------------------------------------------------
class UpdatedPaywallsListLast(MockAPI):
    """130 paywalls (more than one page of the largest size), listed by last change: an update moves one last."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.paywalls = PaywallStore.seeded(self.spec, count=130)

    def update_paywall(self, paywall_id: str, body: dict[str, Any]) -> dict[str, Any]:
        updated = super().update_paywall(paywall_id, body)
        store: Any = self.paywalls
        with store._lock:
            store._by_id[paywall_id.lower()] = store._by_id.pop(paywall_id.lower())
            store.version += 1
        return updated


# --- idempotency -----------------------------------------------------------------------------------------------------
class ReusedKeyOtherBodyRefused(MockAPI):
    """A reused Idempotency-Key with another body is refused (409 idempotency_key_reused, as Stripe does), not
    answered with the original result: the document says what a retry gets, not what a different request gets."""

    bodies_by_key: dict[tuple[str, str], bytes]

    async def handle_create_virtual_currency_transaction(self, call: Call) -> Response:
        key = call.request.headers.get("idempotency-key")
        if key:
            profile = self.profile_of(call)
            raw = json.dumps(await self.body(call), sort_keys=True).encode()
            seen = self.__dict__.setdefault("bodies_by_key", {})
            first = seen.setdefault((profile.profile_id, key.lower()), raw)
            if first != raw:
                raise MockError(409, "idempotency_key_reused", "This key was used with another request body.")
        return await super().handle_create_virtual_currency_transaction(call)

    handle_create_virtual_currency_transaction.applies_latency = True  # type: ignore[attr-defined]


# --- back-pressure ---------------------------------------------------------------------------------------------------
class Throttles(MockAPI):
    """Rate-limits: every 7th request gets 429 (Retry-After: 0), every 11th 503 (Retry-After as an HTTP-date now)."""

    requests_seen = 0

    async def handle(self, call: Call) -> Response:
        self.requests_seen += 1
        if self.requests_seen % 7 == 0:
            return self.error_response(429, "rate_limited", ["Too many requests"], headers={"Retry-After": "0"})
        if self.requests_seen % 11 == 0:
            retry_at = email.utils.formatdate(usegmt=True)
            return self.error_response(503, "unavailable", ["Try again"], headers={"Retry-After": retry_at})
        return await super().handle(call)


# name -> (server class, the reading it takes where the document is silent)
ALTERNATIVES: dict[str, tuple[type[MockAPI], str]] = {
    cls.__name__: (cls, str(cls.__doc__).split("\n", 1)[0])
    for cls in (
        BodyBeforeProfile,
        ParametersBeforeAuth,
        ProfileBeforeAuth,
        RejectsWithNotFound,
        CreateProfileRejectsWith401,
        PlainBadRequest,
        RejectsNulCharacters,
        RejectsAllNullBodies,
        CompactRemoteConfig,
        ZuluMillisecondTimes,
        NonUtcOffsetTimes,
        UpdatedPaywallsListLast,
        ReusedKeyOtherBodyRefused,
        Throttles,
    )
}

__all__ = ["ALTERNATIVES"]
