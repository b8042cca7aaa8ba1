from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
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
        raise errors.UnexpectedStatus(response.status_code, response.content)
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
        raise errors.UnexpectedStatus(response.status_code, response.content) from None
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    paywall_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | PaywallResponse]:
    """Get paywall

     Retrieves a specific paywall in your app.

    Args:
        paywall_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PaywallResponse]
    """

    kwargs = _get_kwargs(
        paywall_id=paywall_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    paywall_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | PaywallResponse | None:
    """Get paywall

     Retrieves a specific paywall in your app.

    Args:
        paywall_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PaywallResponse
    """

    return sync_detailed(
        paywall_id=paywall_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    paywall_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | PaywallResponse]:
    """Get paywall

     Retrieves a specific paywall in your app.

    Args:
        paywall_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PaywallResponse]
    """

    kwargs = _get_kwargs(
        paywall_id=paywall_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    paywall_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | PaywallResponse | None:
    """Get paywall

     Retrieves a specific paywall in your app.

    Args:
        paywall_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PaywallResponse
    """

    return (
        await asyncio_detailed(
            paywall_id=paywall_id,
            client=client,
        )
    ).parsed
