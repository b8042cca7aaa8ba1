from http import HTTPStatus
from typing import Any, overload
from uuid import UUID

import httpx

from ... import _runtime, errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.integration_identifiers_request import IntegrationIdentifiersRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(adapty_customer_user_id, Unset):
        headers["adapty-customer-user-id"] = adapty_customer_user_id

    if not isinstance(adapty_profile_id, Unset):
        headers["adapty-profile-id"] = str(adapty_profile_id)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v2/server-side-api/integration/profile/set/integration-identifiers/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | None:
    if response.status_code == 200:
        response_200 = None
        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

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
) -> Response[ErrorResponse | None]:
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


_OPERATION = _runtime.Operation(name="setIntegrationIdentifiers", resend_safe=True)
# Resent after a lost response: it sets the given identifiers to the given values; a repeat writes the same
# values


def _success(*, client: AuthenticatedClient | Client, response: httpx.Response) -> None:
    if response.status_code == 200:
        return
    raise _runtime.status_error(response)


@overload
def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: UUID | Unset = UNSET,
) -> Response[ErrorResponse | None]: ...


@overload
def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID,
) -> Response[ErrorResponse | None]: ...


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID | Unset = UNSET,
) -> Response[ErrorResponse | None]:
    """Set integration identifiers

     Adds integration identifiers to a profile.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (UUID | Unset):
        body (IntegrationIdentifiersRequest): At least one integration identifier must be provided

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: also after a lost response (it sets the given identifiers to the given values; a repeat writes the same values).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | None]
    """

    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    return _build_response(client=client, response=_runtime.send(client, _OPERATION, kwargs))


@overload
def sync(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: UUID | Unset = UNSET,
) -> None: ...


@overload
def sync(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID,
) -> None: ...


def sync(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID | Unset = UNSET,
) -> None:
    """Set integration identifiers

     Adds integration identifiers to a profile.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (UUID | Unset):
        body (IntegrationIdentifiersRequest): At least one integration identifier must be provided

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: also after a lost response (it sets the given identifiers to the given values; a repeat writes the same values).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        None
    """

    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    return _success(client=client, response=_runtime.send(client, _OPERATION, kwargs))


@overload
async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: UUID | Unset = UNSET,
) -> Response[ErrorResponse | None]: ...


@overload
async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID,
) -> Response[ErrorResponse | None]: ...


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID | Unset = UNSET,
) -> Response[ErrorResponse | None]:
    """Set integration identifiers

     Adds integration identifiers to a profile.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (UUID | Unset):
        body (IntegrationIdentifiersRequest): At least one integration identifier must be provided

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: also after a lost response (it sets the given identifiers to the given values; a repeat writes the same values).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | None]
    """

    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    return _build_response(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))


@overload
async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: UUID | Unset = UNSET,
) -> None: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID,
) -> None: ...


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IntegrationIdentifiersRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID | Unset = UNSET,
) -> None:
    """Set integration identifiers

     Adds integration identifiers to a profile.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (UUID | Unset):
        body (IntegrationIdentifiersRequest): At least one integration identifier must be provided

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: also after a lost response (it sets the given identifiers to the given values; a repeat writes the same values).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        None
    """

    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    return _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))
