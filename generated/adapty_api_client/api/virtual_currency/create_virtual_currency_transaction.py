from http import HTTPStatus
from typing import Any, overload
from uuid import UUID, uuid4

import httpx

from ... import _runtime, errors
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
) -> ErrorResponse | None | VirtualCurrencyTransactionResponse:
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
        response_500 = None
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content, response.headers)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionResponse]:
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


_OPERATION = _runtime.Operation(name="createVirtualCurrencyTransaction", resend_safe=True)
# Resent after a lost response: its Idempotency-Key header makes a resend idempotent


def _success(*, client: AuthenticatedClient | Client, response: httpx.Response) -> VirtualCurrencyTransactionResponse:
    if response.status_code == 200:
        parsed = _build_response(client=client, response=response).parsed
        if isinstance(parsed, VirtualCurrencyTransactionResponse):
            return parsed
    raise _runtime.status_error(response)


@overload
def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionResponse]: ...


@overload
def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
    idempotency_key: UUID | Unset = UNSET,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionResponse]: ...


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionResponse]:
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

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Idempotency: `idempotency_key` is sent on every call (a fresh UUID v4 when not given) and is the same on every
    retry, so a retried call is applied at most once.

    Retries: also after a lost response (its Idempotency-Key header makes a resend idempotent).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | None | VirtualCurrencyTransactionResponse]
    """

    if isinstance(idempotency_key, Unset):
        idempotency_key = uuid4()
    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
        idempotency_key=idempotency_key,
    )

    return _build_response(client=client, response=_runtime.send(client, _OPERATION, kwargs))


@overload
def sync(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> VirtualCurrencyTransactionResponse: ...


@overload
def sync(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
    idempotency_key: UUID | Unset = UNSET,
) -> VirtualCurrencyTransactionResponse: ...


def sync(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> VirtualCurrencyTransactionResponse:
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

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Idempotency: `idempotency_key` is sent on every call (a fresh UUID v4 when not given) and is the same on every
    retry, so a retried call is applied at most once.

    Retries: also after a lost response (its Idempotency-Key header makes a resend idempotent).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        VirtualCurrencyTransactionResponse
    """

    if isinstance(idempotency_key, Unset):
        idempotency_key = uuid4()
    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
        idempotency_key=idempotency_key,
    )

    return _success(client=client, response=_runtime.send(client, _OPERATION, kwargs))


@overload
async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionResponse]: ...


@overload
async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
    idempotency_key: UUID | Unset = UNSET,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionResponse]: ...


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> Response[ErrorResponse | None | VirtualCurrencyTransactionResponse]:
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

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Idempotency: `idempotency_key` is sent on every call (a fresh UUID v4 when not given) and is the same on every
    retry, so a retried call is applied at most once.

    Retries: also after a lost response (its Idempotency-Key header makes a resend idempotent).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | None | VirtualCurrencyTransactionResponse]
    """

    if isinstance(idempotency_key, Unset):
        idempotency_key = uuid4()
    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
        idempotency_key=idempotency_key,
    )

    return _build_response(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))


@overload
async def asyncio(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> VirtualCurrencyTransactionResponse: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
    idempotency_key: UUID | Unset = UNSET,
) -> VirtualCurrencyTransactionResponse: ...


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: VirtualCurrencyTransactionRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    idempotency_key: UUID | Unset = UNSET,
) -> VirtualCurrencyTransactionResponse:
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

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Idempotency: `idempotency_key` is sent on every call (a fresh UUID v4 when not given) and is the same on every
    retry, so a retried call is applied at most once.

    Retries: also after a lost response (its Idempotency-Key header makes a resend idempotent).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        VirtualCurrencyTransactionResponse
    """

    if isinstance(idempotency_key, Unset):
        idempotency_key = uuid4()
    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
        idempotency_key=idempotency_key,
    )

    return _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))
