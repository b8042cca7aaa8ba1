"""Errors the client raises: one hierarchy, `AdaptyError` at its root."""

import json

import httpx

from .models.error_response import ErrorResponse
from .models.stripe_error_response import StripeErrorResponse

ErrorBody = ErrorResponse | StripeErrorResponse
"""A parsed error response body: one of the spec's error models."""

ERROR_MODELS: tuple[type[ErrorBody], ...] = (
    ErrorResponse,
    StripeErrorResponse,
)


class AdaptyError(Exception):
    """Base of every error this client raises."""


class ConfigurationError(AdaptyError, ValueError):
    """The client cannot be built as asked (e.g. ADAPTY_API_KEY is not set)."""


class ApiError(AdaptyError):
    """Base of the errors about a response: its status and raw body."""

    def __init__(self, status_code: int, content: bytes, message: str):
        self.status_code = status_code
        self.content = content
        super().__init__(message)


class APIStatusError(ApiError):
    """The server answered with a status that is not a success of the operation (after the client's retries).

    `error_code` is the body's `error_code` (Adapty's short error name) when it has one; `body` the body parsed into
    the spec's error model (None if it is none of them); `content` the raw body; `retry_after` the seconds the
    server asked to wait (`Retry-After`), if it did.
    """

    def __init__(
        self,
        status_code: int,
        content: bytes,
        *,
        headers: httpx.Headers | None = None,
        body: ErrorBody | None = None,
        retry_after: float | None = None,
    ):
        self.headers = headers if headers is not None else httpx.Headers()
        self.body = body
        code = getattr(body, "error_code", None)
        self.error_code: str | None = code if isinstance(code, str) else None
        self.retry_after = retry_after
        text = content.decode(errors="replace")
        shown = text if len(text) <= 500 else text[:500] + "..."
        reason = f" {self.error_code}" if self.error_code else ""
        after = f" (Retry-After: {retry_after:g} s)" if retry_after is not None else ""
        super().__init__(status_code, content, f"HTTP {status_code}{reason}{after}: {shown}")


class BadRequestError(APIStatusError):
    """400: the request is invalid (`error_code` says why)."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or invalid."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not do this (e.g. a feature not enabled for the app)."""


class NotFoundError(APIStatusError):
    """404: the profile (or other resource) does not exist."""


class ConflictError(APIStatusError):
    """409: a conflict (e.g. `idempotency_in_flight`, `duplicate_source_transaction`)."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well-formed but cannot be applied."""


class RateLimitError(APIStatusError):
    """429: rate limited (`retry_after` says for how long)."""


class InternalServerError(APIStatusError):
    """5xx: a server error."""


class UnexpectedStatus(APIStatusError):
    """A status the spec does not document for the operation (`sync_detailed`/`asyncio_detailed`, when the
    client's raise_on_unexpected_status is True, the default)."""

    def __init__(self, status_code: int, content: bytes, headers: httpx.Headers | None = None):
        super().__init__(status_code, content, headers=headers, body=parse_error_body(content))


class UnexpectedResponseBody(ApiError):
    """A documented status came with a body that does not match its schema."""

    def __init__(self, status_code: int, content: bytes, reason: str):
        self.reason = reason
        super().__init__(
            status_code,
            content,
            f"Response body for status {status_code} does not match the schema: {reason}\n\n"
            f"Response content:\n{content.decode(errors='ignore')}",
        )


class APIConnectionError(AdaptyError):
    """No response (after the client's retries): the connection failed or broke. `__cause__` is httpx's error."""


class APITimeoutError(APIConnectionError):
    """No response in time (after the client's retries). `__cause__` is httpx's TimeoutException."""


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def parse_error_body(content: bytes) -> ErrorBody | None:
    """The body as the first of the spec's error models it parses into, else None."""
    try:
        data = json.loads(content)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    for model in ERROR_MODELS:
        try:
            return model.from_dict(data)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            continue
    return None


def status_error(
    status_code: int, content: bytes, headers: httpx.Headers | None = None, *, retry_after: float | None = None
) -> APIStatusError:
    """The error for a non-success response: its class by status (5xx: InternalServerError)."""
    cls = STATUS_ERRORS.get(status_code) or (InternalServerError if status_code >= 500 else APIStatusError)
    return cls(status_code, content, headers=headers, body=parse_error_body(content), retry_after=retry_after)


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AdaptyError",
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "ErrorBody",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnexpectedResponseBody",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "parse_error_body",
    "status_error",
]
