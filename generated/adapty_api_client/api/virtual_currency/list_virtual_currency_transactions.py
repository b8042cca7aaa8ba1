from collections.abc import AsyncIterator, Iterator
from http import HTTPStatus
from typing import Any, overload

import httpx

from ... import _runtime, errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.virtual_currency_transactions_history_item import VirtualCurrencyTransactionsHistoryItem
from ...models.virtual_currency_transactions_history_response import VirtualCurrencyTransactionsHistoryResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(adapty_customer_user_id, Unset):
        headers["adapty-customer-user-id"] = adapty_customer_user_id

    if not isinstance(adapty_profile_id, Unset):
        headers["adapty-profile-id"] = adapty_profile_id

    params: dict[str, Any] = {}

    params["currency_code"] = currency_code

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v2/server-side-api/vc/transactions/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | None | VirtualCurrencyTransactionsHistoryResponse:
    if response.status_code == 200:
        response_200 = VirtualCurrencyTransactionsHistoryResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = None
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content, response.headers)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionsHistoryResponse]:
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


_OPERATION = _runtime.Operation(name="listVirtualCurrencyTransactions", resend_safe=True)
# Resent after a lost response: GET is safe and idempotent (RFC 9110 section 9.2.1)


def _success(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> VirtualCurrencyTransactionsHistoryResponse:
    if response.status_code == 200:
        parsed = _build_response(client=client, response=response).parsed
        if isinstance(parsed, VirtualCurrencyTransactionsHistoryResponse):
            return parsed
    raise _runtime.status_error(response)


@overload
def sync_detailed(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionsHistoryResponse]: ...


@overload
def sync_detailed(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionsHistoryResponse]: ...


def sync_detailed(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionsHistoryResponse]:
    """List virtual currency transactions

     Returns the virtual currency transaction history for a profile, newest first. Results use cursor
    pagination: when the response includes a non-null `pagination.next_cursor`, pass it back as the
    `cursor` query parameter to fetch the next page.

    Args:
        currency_code (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | None | VirtualCurrencyTransactionsHistoryResponse]
    """

    kwargs = _get_kwargs(
        currency_code=currency_code,
        cursor=cursor,
        limit=limit,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    return _build_response(client=client, response=_runtime.send(client, _OPERATION, kwargs))


@overload
def sync(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
) -> VirtualCurrencyTransactionsHistoryResponse: ...


@overload
def sync(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
) -> VirtualCurrencyTransactionsHistoryResponse: ...


def sync(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> VirtualCurrencyTransactionsHistoryResponse:
    """List virtual currency transactions

     Returns the virtual currency transaction history for a profile, newest first. Results use cursor
    pagination: when the response includes a non-null `pagination.next_cursor`, pass it back as the
    `cursor` query parameter to fetch the next page.

    Args:
        currency_code (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        VirtualCurrencyTransactionsHistoryResponse
    """

    kwargs = _get_kwargs(
        currency_code=currency_code,
        cursor=cursor,
        limit=limit,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    return _success(client=client, response=_runtime.send(client, _OPERATION, kwargs))


@overload
async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionsHistoryResponse]: ...


@overload
async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionsHistoryResponse]: ...


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionsHistoryResponse]:
    """List virtual currency transactions

     Returns the virtual currency transaction history for a profile, newest first. Results use cursor
    pagination: when the response includes a non-null `pagination.next_cursor`, pass it back as the
    `cursor` query parameter to fetch the next page.

    Args:
        currency_code (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | None | VirtualCurrencyTransactionsHistoryResponse]
    """

    kwargs = _get_kwargs(
        currency_code=currency_code,
        cursor=cursor,
        limit=limit,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    return _build_response(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))


@overload
async def asyncio(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
) -> VirtualCurrencyTransactionsHistoryResponse: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
) -> VirtualCurrencyTransactionsHistoryResponse: ...


async def asyncio(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> VirtualCurrencyTransactionsHistoryResponse:
    """List virtual currency transactions

     Returns the virtual currency transaction history for a profile, newest first. Results use cursor
    pagination: when the response includes a non-null `pagination.next_cursor`, pass it back as the
    `cursor` query parameter to fetch the next page.

    Args:
        currency_code (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: also after a lost response (GET is safe and idempotent (RFC 9110 section 9.2.1)).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        VirtualCurrencyTransactionsHistoryResponse
    """

    kwargs = _get_kwargs(
        currency_code=currency_code,
        cursor=cursor,
        limit=limit,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    return _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))


@overload
def iter_virtual_currency_transactions(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
) -> Iterator[VirtualCurrencyTransactionsHistoryItem]: ...


@overload
def iter_virtual_currency_transactions(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
) -> Iterator[VirtualCurrencyTransactionsHistoryItem]: ...


def iter_virtual_currency_transactions(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Iterator[VirtualCurrencyTransactionsHistoryItem]:
    """Every item of every page of `listVirtualCurrencyTransactions`, fetching each page when the previous one is used up.

    Each next page is asked for with the previous page's `pagination.next_cursor` as `cursor`; it stops when that
    is null. `limit` sets the page size.
    Every page is a call with the client's retries; an error status raises as `sync` does.
    """
    cursor: str | Unset = UNSET
    while True:
        kwargs = _get_kwargs(
            currency_code=currency_code,
            cursor=cursor,
            limit=limit,
            adapty_customer_user_id=adapty_customer_user_id,
            adapty_profile_id=adapty_profile_id,
        )
        result = _success(client=client, response=_runtime.send(client, _OPERATION, kwargs))
        yield from result.data
        next_cursor = result.pagination.next_cursor
        if not isinstance(next_cursor, str) or not next_cursor:
            return
        cursor = next_cursor


@overload
def aiter_virtual_currency_transactions(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
) -> AsyncIterator[VirtualCurrencyTransactionsHistoryItem]: ...


@overload
def aiter_virtual_currency_transactions(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
) -> AsyncIterator[VirtualCurrencyTransactionsHistoryItem]: ...


async def aiter_virtual_currency_transactions(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> AsyncIterator[VirtualCurrencyTransactionsHistoryItem]:
    """Every item of every page of `listVirtualCurrencyTransactions`, fetching each page when the previous one is used up.

    Each next page is asked for with the previous page's `pagination.next_cursor` as `cursor`; it stops when that
    is null. `limit` sets the page size.
    Every page is a call with the client's retries; an error status raises as `asyncio` does.
    """
    cursor: str | Unset = UNSET
    while True:
        kwargs = _get_kwargs(
            currency_code=currency_code,
            cursor=cursor,
            limit=limit,
            adapty_customer_user_id=adapty_customer_user_id,
            adapty_profile_id=adapty_profile_id,
        )
        result = _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))
        for item in result.data:
            yield item
        next_cursor = result.pagination.next_cursor
        if not isinstance(next_cursor, str) or not next_cursor:
            return
        cursor = next_cursor
