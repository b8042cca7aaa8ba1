from collections.abc import AsyncIterator, Iterator
from http import HTTPStatus
from typing import Any

import httpx

from ... import _runtime, errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.paywall_list_item import PaywallListItem
from ...models.paywall_list_response import PaywallListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_number: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page[number]"] = page_number

    params["page[size]"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v2/server-side-api/paywalls/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PaywallListResponse | None:
    if response.status_code == 200:
        response_200 = PaywallListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content, response.headers)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | PaywallListResponse]:
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


_OPERATION = _runtime.Operation(name="listPaywalls", resend_safe=True)
# Resent after a lost response: GET is safe and idempotent (RFC 9110 section 9.2.1)


def _success(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaywallListResponse:
    if response.status_code == 200:
        parsed = _build_response(client=client, response=response).parsed
        if isinstance(parsed, PaywallListResponse):
            return parsed
    raise _runtime.status_error(response)


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[ErrorResponse | PaywallListResponse]:
    """List paywalls

     Retrieves a list of paywalls in your app.

    Args:
        page_number (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | PaywallListResponse]
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
    )

    return _build_response(client=client, response=_runtime.send(client, _OPERATION, kwargs))


def sync(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PaywallListResponse:
    """List paywalls

     Retrieves a list of paywalls in your app.

    Args:
        page_number (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        PaywallListResponse
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
    )

    return _success(client=client, response=_runtime.send(client, _OPERATION, kwargs))


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[ErrorResponse | PaywallListResponse]:
    """List paywalls

     Retrieves a list of paywalls in your app.

    Args:
        page_number (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | PaywallListResponse]
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
    )

    return _build_response(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))


async def asyncio(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PaywallListResponse:
    """List paywalls

     Retrieves a list of paywalls in your app.

    Args:
        page_number (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        PaywallListResponse
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
    )

    return _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))


def iter_paywalls(
    *,
    client: AuthenticatedClient,
    page_size: int | Unset = 20,
) -> Iterator[PaywallListItem]:
    """Every item of every page of `listPaywalls`, fetching each page when the previous one is used up.

    Pages are numbered from 1; it stops after the last page (`meta.pagination.pages`) or at an empty
    page. `page_size` sets the page size.
    Every page is a call with the client's retries; an error status raises as `sync` does.
    """
    page = 1
    while True:
        kwargs = _get_kwargs(
            page_number=page,
            page_size=page_size,
        )
        result = _success(client=client, response=_runtime.send(client, _OPERATION, kwargs))
        yield from result.data
        if not result.data or page >= result.meta.pagination.pages:
            return
        page += 1


async def aiter_paywalls(
    *,
    client: AuthenticatedClient,
    page_size: int | Unset = 20,
) -> AsyncIterator[PaywallListItem]:
    """Every item of every page of `listPaywalls`, fetching each page when the previous one is used up.

    Pages are numbered from 1; it stops after the last page (`meta.pagination.pages`) or at an empty
    page. `page_size` sets the page size.
    Every page is a call with the client's retries; an error status raises as `asyncio` does.
    """
    page = 1
    while True:
        kwargs = _get_kwargs(
            page_number=page,
            page_size=page_size,
        )
        result = _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))
        for item in result.data:
            yield item
        if not result.data or page >= result.meta.pagination.pages:
            return
        page += 1
