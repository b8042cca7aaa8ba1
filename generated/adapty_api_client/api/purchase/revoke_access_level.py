from http import HTTPStatus
from typing import Any, overload

import httpx

from ... import _runtime, errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.profile_response import ProfileResponse
from ...models.revoke_access_request import RevokeAccessRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RevokeAccessRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(adapty_customer_user_id, Unset):
        headers["adapty-customer-user-id"] = adapty_customer_user_id

    if not isinstance(adapty_profile_id, Unset):
        headers["adapty-profile-id"] = adapty_profile_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v2/server-side-api/purchase/profile/revoke/access-level/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | None | ProfileResponse:
    if response.status_code == 200:
        response_200 = ProfileResponse.from_dict(response.json())

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
        response_500 = None
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content, response.headers)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | None | ProfileResponse]:
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


_OPERATION = _runtime.Operation(name="revokeAccessLevel", resend_safe=False)


def _success(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProfileResponse:
    if response.status_code == 200:
        parsed = _build_response(client=client, response=response).parsed
        if isinstance(parsed, ProfileResponse):
            return parsed
    raise _runtime.status_error(response)


@overload
def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RevokeAccessRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[ErrorResponse | None | ProfileResponse]: ...


@overload
def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RevokeAccessRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
) -> Response[ErrorResponse | None | ProfileResponse]: ...


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RevokeAccessRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[ErrorResponse | None | ProfileResponse]:
    """Revoke access level

     Removes an access level from an end user of your app in Adapty.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        body (RevokeAccessRequest):

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: only what surely
    was not applied (connection not made, 408, 429, 503).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | None | ProfileResponse]
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
    body: RevokeAccessRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
) -> ProfileResponse: ...


@overload
def sync(
    *,
    client: AuthenticatedClient,
    body: RevokeAccessRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
) -> ProfileResponse: ...


def sync(
    *,
    client: AuthenticatedClient,
    body: RevokeAccessRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> ProfileResponse:
    """Revoke access level

     Removes an access level from an end user of your app in Adapty.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        body (RevokeAccessRequest):

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: only what surely
    was not applied (connection not made, 408, 429, 503).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        ProfileResponse
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
    body: RevokeAccessRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[ErrorResponse | None | ProfileResponse]: ...


@overload
async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RevokeAccessRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
) -> Response[ErrorResponse | None | ProfileResponse]: ...


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RevokeAccessRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[ErrorResponse | None | ProfileResponse]:
    """Revoke access level

     Removes an access level from an end user of your app in Adapty.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        body (RevokeAccessRequest):

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: only what surely
    was not applied (connection not made, 408, 429, 503).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | None | ProfileResponse]
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
    body: RevokeAccessRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
) -> ProfileResponse: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RevokeAccessRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
) -> ProfileResponse: ...


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RevokeAccessRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> ProfileResponse:
    """Revoke access level

     Removes an access level from an end user of your app in Adapty.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        body (RevokeAccessRequest):

    Identity: `adapty_customer_user_id` or `adapty_profile_id` (at least one; the typing
    overloads make a call that names neither a type error).

    Retries: only what surely
    was not applied (connection not made, 408, 429, 503).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        ProfileResponse
    """

    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    return _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))
