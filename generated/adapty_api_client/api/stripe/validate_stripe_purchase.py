from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.stripe_error_response import StripeErrorResponse
from ...models.stripe_validation_request import StripeValidationRequest
from ...models.stripe_validation_response import StripeValidationResponse
from ...types import Response


def _get_kwargs(
    *,
    body: StripeValidationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sdk/purchase/stripe/token/validate/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/vnd.api+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | StripeErrorResponse | StripeValidationResponse | None:
    if response.status_code == 200:
        response_200 = StripeValidationResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = StripeErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | StripeErrorResponse | StripeValidationResponse]:
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
    body: StripeValidationRequest,
) -> Response[ErrorResponse | StripeErrorResponse | StripeValidationResponse]:
    """Validate Stripe purchase

     Validates a purchase using the provided Stripe token using the credentials of Stripe in your App
    Settings inside Adapty Dashboard.
    If the purchase is valid, the transaction history is imported from Stripe to the profile in Adapty
    with the specified customer_user_id.
    If there was no profile with this customer_user_id before — it will be created.

    Profile events are generated along the way and imported transactions are counted towards MTR.

    Args:
        body (StripeValidationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StripeErrorResponse | StripeValidationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: StripeValidationRequest,
) -> ErrorResponse | StripeErrorResponse | StripeValidationResponse | None:
    """Validate Stripe purchase

     Validates a purchase using the provided Stripe token using the credentials of Stripe in your App
    Settings inside Adapty Dashboard.
    If the purchase is valid, the transaction history is imported from Stripe to the profile in Adapty
    with the specified customer_user_id.
    If there was no profile with this customer_user_id before — it will be created.

    Profile events are generated along the way and imported transactions are counted towards MTR.

    Args:
        body (StripeValidationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StripeErrorResponse | StripeValidationResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: StripeValidationRequest,
) -> Response[ErrorResponse | StripeErrorResponse | StripeValidationResponse]:
    """Validate Stripe purchase

     Validates a purchase using the provided Stripe token using the credentials of Stripe in your App
    Settings inside Adapty Dashboard.
    If the purchase is valid, the transaction history is imported from Stripe to the profile in Adapty
    with the specified customer_user_id.
    If there was no profile with this customer_user_id before — it will be created.

    Profile events are generated along the way and imported transactions are counted towards MTR.

    Args:
        body (StripeValidationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StripeErrorResponse | StripeValidationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: StripeValidationRequest,
) -> ErrorResponse | StripeErrorResponse | StripeValidationResponse | None:
    """Validate Stripe purchase

     Validates a purchase using the provided Stripe token using the credentials of Stripe in your App
    Settings inside Adapty Dashboard.
    If the purchase is valid, the transaction history is imported from Stripe to the profile in Adapty
    with the specified customer_user_id.
    If there was no profile with this customer_user_id before — it will be created.

    Profile events are generated along the way and imported transactions are counted towards MTR.

    Args:
        body (StripeValidationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StripeErrorResponse | StripeValidationResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
