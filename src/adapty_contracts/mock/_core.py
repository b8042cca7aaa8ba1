"""The spec-driven core of the mock: routing, auth, request validation, errors, and the stateless answer.

`Core` serves every operation of a compiled `Spec`. An operation whose id a resource module has claimed (with
`@operation("opId")` on a method) is answered by that method; any other operation is "stateless": its request is
validated like every other, and it answers its documented success response (example, or generated from the
schema). So an operation a newer upstream adds is served with no code change. Each step is one method, so a
subclass (a mutant server) changes exactly one behaviour.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from adapty_contracts.mock._schema import Invalid
from adapty_contracts.mock._spec import Documented, Operation, Parameter, Spec, default_spec
from adapty_contracts.mock._store import ProfileStore, encode_json

log = logging.getLogger("adapty_contracts.mock")

# Public and documented (README, `mock --help`): the key the mock accepts when ADAPTY_API_KEY is not set.
DEFAULT_API_KEY = "secret_mock_adapty_contracts_development_key"
API_KEY_ENV = "ADAPTY_API_KEY"
MAX_BODY_BYTES = 1024 * 1024  # 1 MiB: larger request bodies get 413
MAX_HEADER_BYTES = 16 * 1024  # all header names and values together; more gets 431 (uvicorn's h11 limit is 16 KiB too)

MSG_INVALID_KEY = "Invalid API key"
VALIDATION_ERROR = "validation_error"
JSON = "application/json"

# A client error the operation does not document is answered with the first documented one of these instead
# (e.g. "profile not found" on an operation documenting only 400, a malformed path id where only 404 is documented).
_CLIENT_ERROR_FALLBACK = (400, 422, 404, 409)
_REMAPPABLE = frozenset({400, 404, 409, 415, 422})

Handler = Callable[["Call"], Awaitable[Response]]
F = TypeVar("F", bound=Callable[..., Any])


def operation(operation_id: str) -> Callable[[F], F]:
    """Mark a method as the handler of one operation (by operationId); the core routes that operation to it."""

    def mark(method: F) -> F:
        method.__mock_operation__ = operation_id  # type: ignore[attr-defined]
        return method

    return mark


class MockError(Exception):
    """Raised by an override point to answer with an ErrorResponse; the core turns it into the response.

    `kind` "not_found" lets the core use the error code the operation documents for a missing resource.
    `path` is where in the request body the fault is (JSON:API error bodies render it as a pointer).
    """

    def __init__(
        self,
        status_code: int,
        error_code: str,
        message: str,
        source: str | None = None,
        headers: Mapping[str, str] | None = None,
        *,
        kind: str | None = None,
        path: tuple[str | int, ...] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.error_code = error_code
        self.message = message
        self.source = source
        self.headers = dict(headers or {})
        self.kind = kind
        self.path = path


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class Call:
    """One request to one operation: the Starlette request, the operation, its parameters once validated."""

    __slots__ = ("_body", "_has_body", "operation", "params", "path_params", "request")

    def __init__(self, request: Request, operation: Operation, path_params: dict[str, str]) -> None:
        self.request = request
        self.operation = operation
        self.path_params = path_params
        self.params: dict[str, Any] = {}  # validated (coerced) header/query/path values by parameter name
        self._body: Any = None
        self._has_body = False


def format_source(path: tuple[str | int, ...]) -> str | None:
    """A body location as ErrorResponse's `source`: the field name, dotted for nested ones (`a.0.b`)."""
    return ".".join(str(part) for part in path) if path else None


class Core:
    """Serves every operation of the spec; see the module docstring. Override points, in request order:

    - `__call__` (ASGI): `check_limits` (431, 413), route (404), method (405 + Allow), errors -> responses.
    - `handle(call)`: `authenticate` -> `validate_parameters` -> the operation's handler, or `stateless_response`.
    - `authenticate(authorization)`: 401 unless `Authorization: Api-Key <key>` (constant-time compare).
    - `validate_parameters(call)` -> `check_parameter` per parameter, then `require_any_of`.
    - `body(call)`: `read_body` (413) -> `parse_body` (UTF-8 JSON or 400) -> `validate_body` (schema; 400 naming
      the field, 422 where the operation documents 422) - called by handlers after their lookups, so "not found"
      comes before "bad body".
    - `json_response(call, status, body)`, `empty_response(call, status)`: success answers.
    - `error_response(status_code, error_code, messages, source, headers, operation=...)`: every error body.
    - `server_error(exc)`: the last-resort JSON 500 (logged, no traceback in the response).
    """

    max_body_bytes: int = MAX_BODY_BYTES
    max_header_bytes: int = MAX_HEADER_BYTES
    latency: float = 0.0  # seconds every answer is delayed (`--faults latency=`); see `_production`

    def __init__(self, *, api_key: str, store: ProfileStore, spec: Spec | None = None) -> None:
        if not api_key:
            raise ValueError("api_key must not be empty")
        self._expected_key = api_key.encode("utf-8")
        self.store = store
        self.spec = spec if spec is not None else default_spec()
        claimed: dict[str, str] = {}
        for cls in reversed(type(self).__mro__):
            for name, value in vars(cls).items():
                operation_id = getattr(value, "__mock_operation__", None)
                if operation_id is not None:
                    claimed[operation_id] = name
        self.handlers: dict[str, Handler] = {
            operation_id: getattr(self, name)
            for operation_id, name in claimed.items()
            if operation_id in self.spec.operations
        }

    def __repr__(self) -> str:  # never the key
        return f"{type(self).__name__}(operations={len(self.spec.operations)}, profiles={len(self.store)})"

    def stores(self) -> list[Any]:
        """Every store this API holds: any attribute with a `reset` method (a resource module adding a store
        needs no change here)."""
        return [value for value in vars(self).values() if callable(getattr(value, "reset", None))]

    def save_state(self) -> None:
        """Make the current state of every store (that can `save`) the one `reset_state` returns to."""
        for store in self.stores():
            save = getattr(store, "save", None)
            if callable(save):
                save()

    def reset_state(self) -> None:
        """Every store back to its saved (seeded) state: how the pytest plugin gives each test a fresh mock."""
        for store in self.stores():
            store.reset()

    @property
    def stateless_operations(self) -> list[str]:
        """Operations of the spec no resource module claims: answered from the spec alone."""
        return [operation_id for operation_id in self.spec.operations if operation_id not in self.handlers]

    # --- ASGI entry -------------------------------------------------------------------------------------------
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # no lifespan (uvicorn runs with lifespan="off"), no websockets
            return
        request = Request(scope, receive)
        operation: Operation | None = None
        try:
            try:
                self.check_limits(request)
                found = self.spec.match(scope["path"])
                if found is None:
                    raise MockError(404, "not_found", f"No such path: {scope['path'][:200]}")
                route, path_params = found
                method = scope["method"]
                operation = route.operations.get("GET" if method == "HEAD" else method)
                if operation is None:
                    raise MockError(
                        405,
                        "method_not_allowed",
                        f"Method {method[:20]} is not allowed; use one of {route.allow}.",
                        headers={"Allow": route.allow},
                    )
                response = await self.handle(Call(request, operation, path_params))
            except MockError as exc:
                response = self.mock_error_response(exc, operation)
        except Exception as exc:
            response = self.server_error(exc)
        await response(scope, receive, send)

    async def handle(self, call: Call) -> Response:
        if call.operation.secured:
            self.authenticate(self.header(call.request, "authorization"))
        self.validate_parameters(call)
        handler = self.handlers.get(call.operation.operation_id)
        if handler is not None:
            return await handler(call)
        return await self.stateless_response(call)

    async def stateless_response(self, call: Call) -> Response:
        """The documented success response of an operation no resource module claims."""
        await self.body(call)
        success = call.operation.success
        if success is None:
            return Response(status_code=200)
        media_type, body = call.operation.success_body
        if media_type is None:
            return self.empty_response(call, success.status)
        return self.json_response(call, success.status, body)

    # --- override points: auth and parameters ---------------------------------------------------------------------
    def header(self, request: Request, name: str) -> str | None:
        """A request header as text: UTF-8 when it decodes (customer ids may be non-ASCII), else Latin-1."""
        return self.raw_header(request, name.lower().encode("latin-1"))

    def raw_header(self, request: Request, raw_name: bytes) -> str | None:
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

    def validate_parameters(self, call: Call) -> None:
        """Every header, query and path parameter the operation declares, checked against its schema.

        Empty header values count as absent. Query parameters the operation does not declare are ignored.
        """
        request = call.request
        query = request.query_params if call.operation.query else None
        present: set[str] = set()
        for parameter in call.operation.parameters:
            if parameter.location == "header":
                raw = self.raw_header(request, parameter.raw_name)
                if raw == "":
                    raw = None
            elif parameter.location == "query":
                assert query is not None
                raw = query.get(parameter.name)
            else:
                raw = call.path_params.get(parameter.name)
            if raw is None:
                if parameter.required:
                    raise MockError(400, VALIDATION_ERROR, f"{parameter.name} is required.", source=parameter.name)
                continue
            present.add(parameter.name)
            call.params[parameter.name] = self.check_parameter(call.operation, parameter, raw)
        if call.operation.required_any_of:
            self.require_any_of(call.operation, present)

    def check_parameter(self, operation: Operation, parameter: Parameter, raw: str) -> Any:
        """One parameter value, coerced to its schema's type; 400 naming the parameter when it does not fit."""
        try:
            return parameter.check(raw)
        except Invalid as exc:
            raise MockError(400, VALIDATION_ERROR, f"{parameter.name}: {exc.message}", source=parameter.name) from None

    def require_any_of(self, operation: Operation, present: set[str]) -> None:
        """`x-required-any-of`: at least one of the named parameters must be sent (non-empty)."""
        group = operation.required_any_of
        if present.intersection(group):
            return
        if len(group) == 2:
            message = f"Either {group[0]} or {group[1]} is required."
        else:
            message = f"One of {', '.join(group)} is required."
        raise MockError(400, VALIDATION_ERROR, message, source=self.documented_source(operation, 400, group))

    def documented_source(self, operation: Operation, status: int, candidates: tuple[str, ...]) -> str:
        """The `source` the operation's own example for `status` names among `candidates`, else the last (the
        spec's rule for x-required-any-of names the last one of the group in the examples it writes)."""
        documented = operation.responses.get(status)
        for example in documented.examples() if documented is not None else []:
            for item in (example.get("errors") or []) if isinstance(example, dict) else []:
                if isinstance(item, dict) and item.get("source") in candidates:
                    return str(item["source"])
        return candidates[-1]

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

    async def body(self, call: Call) -> Any:
        """The request body, validated against the operation's schema for its media type (None if it has none).

        Read once: later calls return the same value. An operation without a documented body ignores one.
        """
        if call._has_body:
            return call._body
        raw = await self.read_body(call.request)
        operation = call.operation
        value: Any = None
        if operation.bodies and (raw or operation.body_required):
            media_type = self.select_media_type(call)
            value = self.validate_body(operation, self.parse_body(raw), media_type)
        call._body, call._has_body = value, True
        return value

    def select_media_type(self, call: Call) -> str:
        """The documented request media type the request's Content-Type names (any JSON type, or none, is taken as
        the first documented one); 415 (or the documented 400) for a type the operation does not accept."""
        bodies = call.operation.bodies
        sent = (self.header(call.request, "content-type") or "").split(";", 1)[0].strip().lower()
        if sent in bodies:
            return sent
        first = next(iter(bodies))
        if not sent or sent == "*/*" or sent == JSON or (sent.startswith("application/") and sent.endswith("+json")):
            return first
        raise MockError(
            415, VALIDATION_ERROR, f"Content-Type must be {' or '.join(bodies)}, not {sent[:100]}.", "Content-Type"
        )

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
            raise MockError(400, VALIDATION_ERROR, "Request body is not valid UTF-8.") from None
        try:
            return json.loads(text, parse_constant=_reject_constant)
        except RecursionError:
            raise MockError(400, VALIDATION_ERROR, "Request body JSON is nested too deeply.") from None
        except ValueError as exc:  # JSONDecodeError, NaN/Infinity, too many integer digits
            reason = " ".join(str(exc).split())[:200]
            raise MockError(400, VALIDATION_ERROR, f"Request body is not valid JSON: {reason}") from None

    def validate_body(self, operation: Operation, data: Any, media_type: str) -> Any:
        """The body against its schema; 400 whose `source` names the offending field (None for the whole body), or
        422 where the operation documents 422 (Adapty's "request body failed schema validation")."""
        try:
            return operation.bodies[media_type].check.check(data)
        except Invalid as exc:
            status = 422 if operation.documents(422) else 400
            raise MockError(
                status, VALIDATION_ERROR, exc.message, source=format_source(exc.path), path=exc.path
            ) from None
        except RecursionError:
            raise MockError(400, VALIDATION_ERROR, "Request body JSON is nested too deeply.") from None

    # --- override points: responses -------------------------------------------------------------------------
    def media_type_of(self, operation: Operation | None, status: int) -> str:
        documented = operation.responses.get(status) if operation is not None else None
        media_type = documented.media_type if documented is not None else None
        return media_type or JSON

    def json_response(self, call: Call, status: int, body: Any) -> Response:
        content = body if isinstance(body, bytes) else encode_json(body)
        return Response(content, status_code=status, media_type=self.media_type_of(call.operation, status))

    def empty_response(self, call: Call, status: int) -> Response:
        return Response(status_code=status)

    def mock_error_response(self, exc: MockError, operation: Operation | None) -> Response:
        status, code = exc.status_code, exc.error_code
        if operation is not None and status in _REMAPPABLE and not operation.documents(status):
            status = next((s for s in _CLIENT_ERROR_FALLBACK if operation.documents(s)), status)
        if operation is not None and exc.kind == "not_found":
            code = self.documented_error_code(operation.responses.get(status), code)
        return self.error_response(
            status, code, [exc.message], exc.source, exc.headers, operation=operation, path=exc.path
        )

    def documented_error_code(self, documented: Documented | None, default: str) -> str:
        """The "not found" error code the operation's example shows (Adapty spells it several ways)."""
        for example in documented.examples() if documented is not None else []:
            code = example.get("error_code") if isinstance(example, dict) else None
            if isinstance(code, str) and ("not_found" in code or "not_exist" in code):
                return code
        return default

    def error_response(
        self,
        status_code: int,
        error_code: str,
        messages: list[str],
        source: str | None = None,
        headers: Mapping[str, str] | None = None,
        *,
        operation: Operation | None = None,
        path: tuple[str | int, ...] | None = None,
    ) -> Response:
        """An ErrorResponse; in the documented media type, and JSON:API-shaped where the spec documents that."""
        media_type = self.media_type_of(operation, status_code)
        schema = operation.schema_of(status_code) if operation is not None else None
        if schema is not None and _is_json_api_errors(schema):
            pointer = "/" + "/".join(str(p) for p in path) if path else "/" + (source or "data")
            body: Any = {
                "errors": [{"detail": m, "source": {"pointer": pointer}, "status": str(status_code)} for m in messages]
            }
        else:
            body = {
                "errors": [{"source": source, "errors": messages}],
                "error_code": error_code,
                "status_code": status_code,
            }
        return Response(encode_json(body), status_code=status_code, headers=dict(headers or {}), media_type=media_type)

    def server_error(self, exc: BaseException) -> Response:
        log.error("mock: unhandled error while handling a request", exc_info=exc)
        return self.error_response(500, "server_error", ["Internal server error"])


def _is_json_api_errors(schema: dict[str, Any]) -> bool:
    """A JSON:API error document ({errors: [{detail, source: {pointer}, status}]}) rather than ErrorResponse."""
    items = ((schema.get("properties") or {}).get("errors") or {}).get("items") or {}
    return isinstance(items, dict) and "detail" in (items.get("properties") or {})
