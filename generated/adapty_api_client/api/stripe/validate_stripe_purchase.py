from http import HTTPStatus
from typing import Any

import httpx

from ... import _runtime, errors
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
        raise errors.UnexpectedStatus(response.status_code, response.content, response.headers)
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
        raise errors.UnexpectedStatus(response.status_code, response.content, response.headers) from None
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


_OPERATION = _runtime.Operation(name="validateStripePurchase", resend_safe=False)


def _success(*, client: AuthenticatedClient | Client, response: httpx.Response) -> StripeValidationResponse:
    if response.status_code == 200:
        parsed = _build_response(client=client, response=response).parsed
        if isinstance(parsed, StripeValidationResponse):
            return parsed
    raise _runtime.status_error(response)


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

    Retries: only what surely
    was not applied (connection not made, 408, 429, 503).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | StripeErrorResponse | StripeValidationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    return _build_response(client=client, response=_runtime.send(client, _OPERATION, kwargs))


def sync(
    *,
    client: AuthenticatedClient,
    body: StripeValidationRequest,
) -> StripeValidationResponse:
    """Validate Stripe purchase

     Validates a purchase using the provided Stripe token using the credentials of Stripe in your App
    Settings inside Adapty Dashboard.
    If the purchase is valid, the transaction history is imported from Stripe to the profile in Adapty
    with the specified customer_user_id.
    If there was no profile with this customer_user_id before — it will be created.

    Profile events are generated along the way and imported transactions are counted towards MTR.

    Args:
        body (StripeValidationRequest):

    Retries: only what surely
    was not applied (connection not made, 408, 429, 503).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        StripeValidationResponse
    """

    kwargs = _get_kwargs(
        body=body,
    )

    return _success(client=client, response=_runtime.send(client, _OPERATION, kwargs))


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

    Retries: only what surely
    was not applied (connection not made, 408, 429, 503).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | StripeErrorResponse | StripeValidationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    return _build_response(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: StripeValidationRequest,
) -> StripeValidationResponse:
    """Validate Stripe purchase

     Validates a purchase using the provided Stripe token using the credentials of Stripe in your App
    Settings inside Adapty Dashboard.
    If the purchase is valid, the transaction history is imported from Stripe to the profile in Adapty
    with the specified customer_user_id.
    If there was no profile with this customer_user_id before — it will be created.

    Profile events are generated along the way and imported transactions are counted towards MTR.

    Args:
        body (StripeValidationRequest):

    Retries: only what surely
    was not applied (connection not made, 408, 429, 503).

    Raises:
        errors.APIStatusError: any status but a success (BadRequestError, AuthenticationError, NotFoundError,
            ConflictError, RateLimitError, InternalServerError, ... by status).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        StripeValidationResponse
    """

    kwargs = _get_kwargs(
        body=body,
    )

    return _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))
