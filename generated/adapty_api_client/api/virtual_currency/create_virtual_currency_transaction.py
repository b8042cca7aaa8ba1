from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.virtual_currency_transaction_request import VirtualCurrencyTransactionRequest
from ...models.virtual_currency_transaction_response import VirtualCurrencyTransactionResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(adapty_customer_user_id, Unset):
        headers["adapty-customer-user-id"] = adapty_customer_user_id

    if not isinstance(adapty_profile_id, Unset):
        headers["adapty-profile-id"] = adapty_profile_id

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = str(idempotency_key)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v2/server-side-api/vc/transactions/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | VirtualCurrencyTransactionResponse | None:
    if response.status_code == 200:
        response_200 = VirtualCurrencyTransactionResponse.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = cast(Any, None)
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | VirtualCurrencyTransactionResponse]:
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
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> Response[Any | ErrorResponse | VirtualCurrencyTransactionResponse]:
    """Create virtual currency transaction

     Credits or debits one or more virtual currencies for a profile in a single atomic transaction. Use a
    positive `amount` to credit (grant) and a negative `amount` to debit (spend). All items are applied
    together — if any item fails, none are applied.

    Each currency code may appear only once per request. A credit through this endpoint always creates a
    non-expiring balance.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        idempotency_key (UUID | Unset):
        body (VirtualCurrencyTransactionRequest): Request body for creating a virtual currency
            transaction.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | VirtualCurrencyTransactionResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> Any | ErrorResponse | VirtualCurrencyTransactionResponse | None:
    """Create virtual currency transaction

     Credits or debits one or more virtual currencies for a profile in a single atomic transaction. Use a
    positive `amount` to credit (grant) and a negative `amount` to debit (spend). All items are applied
    together — if any item fails, none are applied.

    Each currency code may appear only once per request. A credit through this endpoint always creates a
    non-expiring balance.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        idempotency_key (UUID | Unset):
        body (VirtualCurrencyTransactionRequest): Request body for creating a virtual currency
            transaction.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | VirtualCurrencyTransactionResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> Response[Any | ErrorResponse | VirtualCurrencyTransactionResponse]:
    """Create virtual currency transaction

     Credits or debits one or more virtual currencies for a profile in a single atomic transaction. Use a
    positive `amount` to credit (grant) and a negative `amount` to debit (spend). All items are applied
    together — if any item fails, none are applied.

    Each currency code may appear only once per request. A credit through this endpoint always creates a
    non-expiring balance.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        idempotency_key (UUID | Unset):
        body (VirtualCurrencyTransactionRequest): Request body for creating a virtual currency
            transaction.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | VirtualCurrencyTransactionResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> Any | ErrorResponse | VirtualCurrencyTransactionResponse | None:
    """Create virtual currency transaction

     Credits or debits one or more virtual currencies for a profile in a single atomic transaction. Use a
    positive `amount` to credit (grant) and a negative `amount` to debit (spend). All items are applied
    together — if any item fails, none are applied.

    Each currency code may appear only once per request. A credit through this endpoint always creates a
    non-expiring balance.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        idempotency_key (UUID | Unset):
        body (VirtualCurrencyTransactionRequest): Request body for creating a virtual currency
            transaction.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | VirtualCurrencyTransactionResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            adapty_customer_user_id=adapty_customer_user_id,
            adapty_profile_id=adapty_profile_id,
            idempotency_key=idempotency_key,
        )
    ).parsed
