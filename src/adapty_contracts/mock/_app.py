"""Request handling of the mock: one class, one small overridable method per behaviour of the real API."""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from adapty_contracts.mock._spec import API_PATH
from adapty_contracts.mock._store import Profile, ProfileStore, is_unicode_text, parse_profile_id

log = logging.getLogger("adapty_contracts.mock")

# Public and documented (README, `mock --help`): the key the mock accepts when ADAPTY_API_KEY is not set.
DEFAULT_API_KEY = "secret_mock_adapty_contracts_development_key"
API_KEY_ENV = "ADAPTY_API_KEY"
MAX_BODY_BYTES = 1024 * 1024  # 1 MiB: larger request bodies get 413
MAX_HEADER_BYTES = 16 * 1024  # all header names and values together; more gets 431 (uvicorn's h11 limit is 16 KiB too)

PROFILE_ID_HEADER = "adapty-profile-id"
CUSTOMER_USER_ID_HEADER = "adapty-customer-user-id"

MSG_INVALID_KEY = "Invalid API key"
MSG_NEED_IDENTITY = "Either adapty-customer-user-id or adapty-profile-id is required."
MSG_BAD_UUID = "adapty-profile-id must be a UUID (8-4-4-4-12 hex digits)."
MSG_NOT_FOUND = "Profile not found"
MSG_NEED_IDENTIFIER = "At least one integration identifier must be provided."
MSG_NOT_STRING = "Must be a string or null."
MSG_NOT_UNICODE = "Must be valid Unicode text (no lone surrogates)."

_JSON_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class MockError(Exception):
    """Raised by an override point to answer with an ErrorResponse; `__call__` turns it into the response."""

    def __init__(
        self,
        status_code: int,
        error_code: str,
        message: str,
        source: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.error_code = error_code
        self.message = message
        self.source = source
        self.headers = dict(headers or {})


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class MockAPI:
    """The stateful Adapty API on its one path: GET reads a profile's identifiers, POST adds to them.

    Request flow (each step a method, so a subclass can change exactly one behaviour):

    - `__call__` (ASGI): limits (`check_limits`: 431, 413), path (404), method (405 + Allow), errors -> responses.
    - `handle_get` / `handle_post`: the order of checks, auth -> identity headers -> profile lookup -> body.
    - `authenticate(authorization)`: raise 401 unless `Authorization: Api-Key <key>` (constant-time compare).
    - `identify_profile(profile_id, customer_user_id)`: 400 for neither header or a malformed UUID; profile id
      wins when both are sent; uses `find_by_profile_id` / `find_by_customer_user_id`; 404 when unknown.
    - `read_body(request)` (413 over `max_body_bytes`), `parse_body(raw)` (UTF-8 JSON or 400),
      `validate_body(data)` -> the identifier changes (400 with the offending field as `source`).
    - `apply_update(profile, changes)`: merge into the stored profile (given keys set, null clears).
    - `profile_body(profile)` -> the 16-key dict; `render_profile(profile)` -> the GET response;
      `updated_response(profile)` -> the POST success response (200, empty body).
    - `error_response(status_code, error_code, messages, source, headers)`: every error body, ErrorResponse-shaped.
    - `server_error(exc)`: the last-resort JSON 500 (logged, no traceback in the response).
    """

    allowed_methods: tuple[str, ...] = ("GET", "HEAD", "POST")
    max_body_bytes: int = MAX_BODY_BYTES
    max_header_bytes: int = MAX_HEADER_BYTES

    def __init__(self, *, api_key: str, store: ProfileStore, path: str = API_PATH) -> None:
        if not api_key:
            raise ValueError("api_key must not be empty")
        self._expected_key = api_key.encode("utf-8")
        self.store = store
        self.path = path

    def __repr__(self) -> str:  # never the key
        return f"{type(self).__name__}(path={self.path!r}, profiles={len(self.store)})"

    # --- ASGI entry -------------------------------------------------------------------------------------------
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # no lifespan (uvicorn runs with lifespan="off"), no websockets
            return
        request = Request(scope, receive)
        try:
            try:
                self.check_limits(request)
                if scope["path"] != self.path:
                    raise MockError(404, "not_found", f"No such path; this API serves {self.path}")
                method = scope["method"]
                if method in ("GET", "HEAD"):
                    response = await self.handle_get(request)
                elif method == "POST":
                    response = await self.handle_post(request)
                else:
                    raise MockError(
                        405,
                        "method_not_allowed",
                        f"Method {method} is not allowed; use one of {', '.join(self.allowed_methods)}.",
                        headers={"Allow": ", ".join(self.allowed_methods)},
                    )
            except MockError as exc:
                response = self.error_response(exc.status_code, exc.error_code, [exc.message], exc.source, exc.headers)
        except Exception as exc:
            response = self.server_error(exc)
        await response(scope, receive, send)

    # --- operations ---------------------------------------------------------------------------------------------
    async def handle_get(self, request: Request) -> Response:
        self.authenticate(self.header(request, "authorization"))
        profile = self.identify_profile(
            self.header(request, PROFILE_ID_HEADER), self.header(request, CUSTOMER_USER_ID_HEADER)
        )
        return self.render_profile(profile)

    async def handle_post(self, request: Request) -> Response:
        self.authenticate(self.header(request, "authorization"))
        profile = self.identify_profile(
            self.header(request, PROFILE_ID_HEADER), self.header(request, CUSTOMER_USER_ID_HEADER)
        )
        changes = self.validate_body(self.parse_body(await self.read_body(request)))
        self.apply_update(profile, changes)
        return self.updated_response(profile)

    # --- override points: auth and identity ----------------------------------------------------------------------
    def header(self, request: Request, name: str) -> str | None:
        """A request header as text: UTF-8 when it decodes (customer ids may be non-ASCII), else Latin-1."""
        raw_name = name.encode("ascii")
        for key, value in request.scope["headers"]:
            if key == raw_name:
                try:
                    text: str = value.decode("utf-8")
                except UnicodeDecodeError:
                    text = value.decode("latin-1")
                return text
        return None

    def authenticate(self, authorization: str | None) -> None:
        """`Api-Key <key>` (scheme case-insensitive, as HTTP auth schemes are); the key compared in constant time."""
        scheme, _, token = (authorization or "").strip().partition(" ")
        presented = token.strip().encode("utf-8", "surrogateescape")
        key_matches = hmac.compare_digest(presented, self._expected_key)
        if not (key_matches and scheme.lower() == "api-key"):
            raise MockError(401, "unauthorized", MSG_INVALID_KEY)

    def identify_profile(self, profile_id: str | None, customer_user_id: str | None) -> Profile:
        """Profile id wins when both headers are sent; empty values count as absent."""
        if profile_id:
            if parse_profile_id(profile_id) is None:
                raise MockError(400, "validation_error", MSG_BAD_UUID, source=PROFILE_ID_HEADER)
            profile = self.find_by_profile_id(profile_id)
        elif customer_user_id:
            profile = self.find_by_customer_user_id(customer_user_id)
        else:
            raise MockError(400, "validation_error", MSG_NEED_IDENTITY, source=PROFILE_ID_HEADER)
        if profile is None:
            raise MockError(404, "profile_not_found", MSG_NOT_FOUND)
        return profile

    def find_by_profile_id(self, profile_id: str) -> Profile | None:
        return self.store.find_by_profile_id(profile_id)

    def find_by_customer_user_id(self, customer_user_id: str) -> Profile | None:
        return self.store.find_by_customer_user_id(customer_user_id)

    # --- override points: body --------------------------------------------------------------------------------
    def check_limits(self, request: Request) -> None:
        """431/413 for oversized headers or a declared Content-Length over the limit, before anything else."""
        header_bytes = sum(len(name) + len(value) for name, value in request.scope["headers"])
        if header_bytes > self.max_header_bytes:
            raise MockError(
                431,
                "request_header_fields_too_large",
                f"Request headers are larger than the limit of {self.max_header_bytes} bytes.",
            )
        declared = self.header(request, "content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            raise self._too_large()

    async def read_body(self, request: Request) -> bytes:
        """The request body, counted while it streams in (chunked bodies have no Content-Length)."""
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_body_bytes:
                raise self._too_large()
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_large(self) -> MockError:
        return MockError(
            413, "request_too_large", f"Request body is larger than the limit of {self.max_body_bytes} bytes."
        )

    def parse_body(self, raw: bytes) -> object:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise MockError(400, "validation_error", "Request body is not valid UTF-8.") from None
        try:
            return json.loads(text, parse_constant=_reject_constant)
        except RecursionError:
            raise MockError(400, "validation_error", "Request body JSON is nested too deeply.") from None
        except ValueError as exc:  # JSONDecodeError, NaN/Infinity, too many integer digits
            reason = " ".join(str(exc).split())[:200]
            raise MockError(400, "validation_error", f"Request body is not valid JSON: {reason}") from None

    def validate_body(self, data: object) -> dict[str, str | None]:
        """Known identifiers only; unknown keys are ignored (the spec allows additional properties)."""
        if not isinstance(data, dict):
            raise MockError(400, "validation_error", "Request body must be a JSON object.")
        changes: dict[str, str | None] = {}
        for key in self.store.keys:
            if key not in data:
                continue
            value = data[key]
            if value is not None:
                if not isinstance(value, str):
                    raise MockError(400, "validation_error", MSG_NOT_STRING, source=key)
                if not is_unicode_text(value):
                    raise MockError(400, "validation_error", MSG_NOT_UNICODE, source=key)
            changes[key] = value
        if not changes:
            raise MockError(400, "validation_error", MSG_NEED_IDENTIFIER)
        return changes

    def apply_update(self, profile: Profile, changes: dict[str, str | None]) -> None:
        self.store.update(profile, changes)

    # --- override points: responses -------------------------------------------------------------------------
    def profile_body(self, profile: Profile) -> dict[str, str | None]:
        return self.store.snapshot(profile)

    def render_profile(self, profile: Profile) -> Response:
        content = _JSON_ENCODER.encode(self.profile_body(profile)).encode("utf-8")
        return Response(content, status_code=200, media_type="application/json")

    def updated_response(self, profile: Profile) -> Response:
        return Response(status_code=200)

    def error_response(
        self,
        status_code: int,
        error_code: str,
        messages: list[str],
        source: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        body = {
            "errors": [{"source": source, "errors": messages}],
            "error_code": error_code,
            "status_code": status_code,
        }
        content = _JSON_ENCODER.encode(body).encode("utf-8")
        return Response(content, status_code=status_code, headers=dict(headers or {}), media_type="application/json")

    def server_error(self, exc: BaseException) -> Response:
        log.error("mock: unhandled error while handling a request", exc_info=exc)
        return self.error_response(500, "server_error", ["Internal server error"])


def create_app(*, api_key: str, store: ProfileStore, api_class: type[MockAPI] = MockAPI) -> MockAPI:
    """The ASGI app: an `api_class` instance, which routes its one path itself (no framework middleware).

    Routing in `MockAPI.__call__` rather than a Starlette router keeps every answer (404, 405, 413, 500)
    ErrorResponse-shaped and under the subclass's control, and doubles throughput.
    """
    return api_class(api_key=api_key, store=store)
