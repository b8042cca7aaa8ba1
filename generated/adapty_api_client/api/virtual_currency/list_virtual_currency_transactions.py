from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
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
) -> Any | ErrorResponse | VirtualCurrencyTransactionsHistoryResponse | None:
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
        response_500 = cast(Any, None)
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | VirtualCurrencyTransactionsHistoryResponse]:
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
        raise errors.UnexpectedStatus(response.status_code, response.content) from None
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | VirtualCurrencyTransactionsHistoryResponse]:
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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | VirtualCurrencyTransactionsHistoryResponse]
    """

    kwargs = _get_kwargs(
        currency_code=currency_code,
        cursor=cursor,
        limit=limit,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Any | ErrorResponse | VirtualCurrencyTransactionsHistoryResponse | None:
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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | VirtualCurrencyTransactionsHistoryResponse
    """

    return sync_detailed(
        client=client,
        currency_code=currency_code,
        cursor=cursor,
        limit=limit,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | VirtualCurrencyTransactionsHistoryResponse]:
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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | VirtualCurrencyTransactionsHistoryResponse]
    """

    kwargs = _get_kwargs(
        currency_code=currency_code,
        cursor=cursor,
        limit=limit,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    currency_code: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Any | ErrorResponse | VirtualCurrencyTransactionsHistoryResponse | None:
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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | VirtualCurrencyTransactionsHistoryResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            currency_code=currency_code,
            cursor=cursor,
            limit=limit,
            adapty_customer_user_id=adapty_customer_user_id,
            adapty_profile_id=adapty_profile_id,
        )
    ).parsed
