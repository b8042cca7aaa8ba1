from http import HTTPStatus
from typing import Any

import httpx

from ... import _runtime, errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.paddle_validation_request import PaddleValidationRequest
from ...models.profile_response import ProfileResponse
from ...types import Response


def _get_kwargs(
    *,
    body: PaddleValidationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v2/server-side-api/purchase/paddle/token/validate/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ProfileResponse | None:
    if response.status_code == 200:
        response_200 = ProfileResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | ProfileResponse]:
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


_OPERATION = _runtime.Operation(name="validatePaddlePurchase", resend_safe=False)


def _success(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProfileResponse:
    if response.status_code == 200:
        parsed = _build_response(client=client, response=response).parsed
        if isinstance(parsed, ProfileResponse):
            return parsed
    raise _runtime.status_error(response)


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PaddleValidationRequest,
) -> Response[ErrorResponse | ProfileResponse]:
    """Validate Paddle purchase

     Validates a purchase using the provided Paddle token using the credentials of Paddle in your App
    Settings inside Adapty Dashboard.
    If the purchase is valid, the transaction history is imported from Paddle to the profile in Adapty
    with the specified customer_user_id.
    If there was no profile with this customer_user_id before — it will be created.

    Args:
        body (PaddleValidationRequest):

    Retries: only what surely
    was not applied (connection not made, 408, 429, 503).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | ProfileResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    return _build_response(client=client, response=_runtime.send(client, _OPERATION, kwargs))


def sync(
    *,
    client: AuthenticatedClient,
    body: PaddleValidationRequest,
) -> ProfileResponse:
    """Validate Paddle purchase

     Validates a purchase using the provided Paddle token using the credentials of Paddle in your App
    Settings inside Adapty Dashboard.
    If the purchase is valid, the transaction history is imported from Paddle to the profile in Adapty
    with the specified customer_user_id.
    If there was no profile with this customer_user_id before — it will be created.

    Args:
        body (PaddleValidationRequest):

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
    )

    return _success(client=client, response=_runtime.send(client, _OPERATION, kwargs))


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PaddleValidationRequest,
) -> Response[ErrorResponse | ProfileResponse]:
    """Validate Paddle purchase

     Validates a purchase using the provided Paddle token using the credentials of Paddle in your App
    Settings inside Adapty Dashboard.
    If the purchase is valid, the transaction history is imported from Paddle to the profile in Adapty
    with the specified customer_user_id.
    If there was no profile with this customer_user_id before — it will be created.

    Args:
        body (PaddleValidationRequest):

    Retries: only what surely
    was not applied (connection not made, 408, 429, 503).

    Raises:
        errors.UnexpectedStatus: an undocumented status, when Client.raise_on_unexpected_status (the default).
        errors.UnexpectedResponseBody: a documented status whose body does not match its schema.
        errors.APIConnectionError: no response after the client's retries (errors.APITimeoutError: timed out).

    Returns:
        Response[ErrorResponse | ProfileResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    return _build_response(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PaddleValidationRequest,
) -> ProfileResponse:
    """Validate Paddle purchase

     Validates a purchase using the provided Paddle token using the credentials of Paddle in your App
    Settings inside Adapty Dashboard.
    If the purchase is valid, the transaction history is imported from Paddle to the profile in Adapty
    with the specified customer_user_id.
    If there was no profile with this customer_user_id before — it will be created.

    Args:
        body (PaddleValidationRequest):

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
    )

    return _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))
