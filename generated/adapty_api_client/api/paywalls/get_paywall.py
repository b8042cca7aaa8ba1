from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import _runtime, errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.paywall_response import PaywallResponse
from ...types import Response


def _get_kwargs(
    paywall_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v2/server-side-api/paywalls/{paywall_id}/".format(
            paywall_id=quote(str(paywall_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PaywallResponse | None:
    if response.status_code == 200:
        response_200 = PaywallResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content, response.headers)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | PaywallResponse]:
    try:
        parsed = _parse_response(client=client, response=response)
    except errors.ApiError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise errors.UnexpectedResponseBody(
            response.status_code, response.content, f"{type(exc).__name__}: {exc}"
        ) from exc
    try:
        status_code = HTTPStatus(response.status_code)
    except ValueError:
        raise errors.UnexpectedStatus(response.status_code, response.content, response.headers) from None
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


_OPERATION = _runtime.Operation(name="getPaywall", resend_safe=True)
# Resent after a lost response: GET is safe and idempotent (RFC 9110 section 9.2.1)


def _success(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaywallResponse:
    if response.status_code == 200:
        parsed = _build_response(client=client, response=response).parsed
        if isinstance(parsed, PaywallResponse):
            return parsed
    raise _runtime.status_error(response)


def sync_detailed(
    paywall_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | PaywallResponse]:
    """Get paywall

     Retrieves a specific paywall in your app.

    Args:
        paywall_id (UUID):

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | PaywallResponse]
    """

    kwargs = _get_kwargs(
        paywall_id=paywall_id,
    )

    return _build_response(client=client, response=_runtime.send(client, _OPERATION, kwargs))


def sync(
    paywall_id: UUID,
    *,
    client: AuthenticatedClient,
) -> PaywallResponse:
    """Get paywall

     Retrieves a specific paywall in your app.

    Args:
        paywall_id (UUID):

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        PaywallResponse
    """

    kwargs = _get_kwargs(
        paywall_id=paywall_id,
    )

    return _success(client=client, response=_runtime.send(client, _OPERATION, kwargs))


async def asyncio_detailed(
    paywall_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | PaywallResponse]:
    """Get paywall

     Retrieves a specific paywall in your app.

    Args:
        paywall_id (UUID):

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | PaywallResponse]
    """

    kwargs = _get_kwargs(
        paywall_id=paywall_id,
    )

    return _build_response(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))


async def asyncio(
    paywall_id: UUID,
    *,
    client: AuthenticatedClient,
) -> PaywallResponse:
    """Get paywall

     Retrieves a specific paywall in your app.

    Args:
        paywall_id (UUID):

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        PaywallResponse
    """

    kwargs = _get_kwargs(
        paywall_id=paywall_id,
    )

    return _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))
