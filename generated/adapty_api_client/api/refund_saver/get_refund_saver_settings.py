from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.refund_saver_settings_response import RefundSaverSettingsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(adapty_customer_user_id, Unset):
        headers["adapty-customer-user-id"] = adapty_customer_user_id

    if not isinstance(adapty_profile_id, Unset):
        headers["adapty-profile-id"] = str(adapty_profile_id)

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v2/server-side-api/purchase/profile/refund-saver/settings/",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | RefundSaverSettingsResponse | None:
    if response.status_code == 200:
        response_200 = RefundSaverSettingsResponse.from_dict(response.json())

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
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | RefundSaverSettingsResponse]:
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
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID | Unset = UNSET,
) -> Response[ErrorResponse | RefundSaverSettingsResponse]:
    """Get Refund Saver settings

     Get the Refund Saver preference for this user - whether Adapty should ask the store to decline or
    approve their refund request. The preference is one value that applies to both the App Store and
    Google Play. Also get the data sharing preference for this user – whether the user gave their
    consent to share their data with Apple. Consent applies to the App Store only.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RefundSaverSettingsResponse]
    """

    kwargs = _get_kwargs(
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
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID | Unset = UNSET,
) -> ErrorResponse | RefundSaverSettingsResponse | None:
    """Get Refund Saver settings

     Get the Refund Saver preference for this user - whether Adapty should ask the store to decline or
    approve their refund request. The preference is one value that applies to both the App Store and
    Google Play. Also get the data sharing preference for this user – whether the user gave their
    consent to share their data with Apple. Consent applies to the App Store only.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RefundSaverSettingsResponse
    """

    return sync_detailed(
        client=client,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID | Unset = UNSET,
) -> Response[ErrorResponse | RefundSaverSettingsResponse]:
    """Get Refund Saver settings

     Get the Refund Saver preference for this user - whether Adapty should ask the store to decline or
    approve their refund request. The preference is one value that applies to both the App Store and
    Google Play. Also get the data sharing preference for this user – whether the user gave their
    consent to share their data with Apple. Consent applies to the App Store only.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RefundSaverSettingsResponse]
    """

    kwargs = _get_kwargs(
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: UUID | Unset = UNSET,
) -> ErrorResponse | RefundSaverSettingsResponse | None:
    """Get Refund Saver settings

     Get the Refund Saver preference for this user - whether Adapty should ask the store to decline or
    approve their refund request. The preference is one value that applies to both the App Store and
    Google Play. Also get the data sharing preference for this user – whether the user gave their
    consent to share their data with Apple. Consent applies to the App Store only.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RefundSaverSettingsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            adapty_customer_user_id=adapty_customer_user_id,
            adapty_profile_id=adapty_profile_id,
        )
    ).parsed
