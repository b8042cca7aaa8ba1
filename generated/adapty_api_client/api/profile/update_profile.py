from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.profile_request import ProfileRequest
from ...models.profile_response import ProfileResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(adapty_customer_user_id, Unset):
        headers["adapty-customer-user-id"] = adapty_customer_user_id

    if not isinstance(adapty_profile_id, Unset):
        headers["adapty-profile-id"] = adapty_profile_id

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v2/server-side-api/profile/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | ProfileResponse | None:
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
        response_500 = cast(Any, None)
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | ProfileResponse]:
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
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | ProfileResponse]:
    """Update profile

     Update user profile information

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        body (ProfileRequest):  Example: {'first_name': 'Jane', 'last_name': 'Doe', 'gender': 'f',
            'email': 'jane.doe@example.com', 'phone_number': '+1234567890', 'birthday': '2000-12-31',
            'ip_country': 'FR', 'ip_v4_address': '192.168.1.1', 'store_country': 'US', 'store':
            'app_store', 'store_account_token': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'att_status':
            3, 'analytics_disabled': True, 'custom_attributes': [{'key': 'favourite_sport', 'value':
            'yoga'}], 'installation_meta': {'device_id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
            'device': 'iPhone 15 Pro', 'locale': 'en', 'os': 'iOS 17.1', 'platform': 'iOS',
            'timezone': 'Europe/Rome', 'user_agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_1 like
            Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148
            Safari/604.1', 'app_build': '1.0.0', 'app_version': '1.0.0', 'adapty_sdk_version':
            '2.0.0', 'idfa': 'EA7583CD-A667-48BC-B806-42ECB2B48333', 'idfv':
            'E9D48DA5-3930-4B41-8521-D953AECD2F33', 'advertising_id': '', 'android_id': '',
            'android_app_set_id': ''}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | ProfileResponse]
    """

    kwargs = _get_kwargs(
        body=body,
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
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Any | ErrorResponse | ProfileResponse | None:
    """Update profile

     Update user profile information

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        body (ProfileRequest):  Example: {'first_name': 'Jane', 'last_name': 'Doe', 'gender': 'f',
            'email': 'jane.doe@example.com', 'phone_number': '+1234567890', 'birthday': '2000-12-31',
            'ip_country': 'FR', 'ip_v4_address': '192.168.1.1', 'store_country': 'US', 'store':
            'app_store', 'store_account_token': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'att_status':
            3, 'analytics_disabled': True, 'custom_attributes': [{'key': 'favourite_sport', 'value':
            'yoga'}], 'installation_meta': {'device_id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
            'device': 'iPhone 15 Pro', 'locale': 'en', 'os': 'iOS 17.1', 'platform': 'iOS',
            'timezone': 'Europe/Rome', 'user_agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_1 like
            Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148
            Safari/604.1', 'app_build': '1.0.0', 'app_version': '1.0.0', 'adapty_sdk_version':
            '2.0.0', 'idfa': 'EA7583CD-A667-48BC-B806-42ECB2B48333', 'idfv':
            'E9D48DA5-3930-4B41-8521-D953AECD2F33', 'advertising_id': '', 'android_id': '',
            'android_app_set_id': ''}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | ProfileResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | ProfileResponse]:
    """Update profile

     Update user profile information

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        body (ProfileRequest):  Example: {'first_name': 'Jane', 'last_name': 'Doe', 'gender': 'f',
            'email': 'jane.doe@example.com', 'phone_number': '+1234567890', 'birthday': '2000-12-31',
            'ip_country': 'FR', 'ip_v4_address': '192.168.1.1', 'store_country': 'US', 'store':
            'app_store', 'store_account_token': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'att_status':
            3, 'analytics_disabled': True, 'custom_attributes': [{'key': 'favourite_sport', 'value':
            'yoga'}], 'installation_meta': {'device_id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
            'device': 'iPhone 15 Pro', 'locale': 'en', 'os': 'iOS 17.1', 'platform': 'iOS',
            'timezone': 'Europe/Rome', 'user_agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_1 like
            Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148
            Safari/604.1', 'app_build': '1.0.0', 'app_version': '1.0.0', 'adapty_sdk_version':
            '2.0.0', 'idfa': 'EA7583CD-A667-48BC-B806-42ECB2B48333', 'idfv':
            'E9D48DA5-3930-4B41-8521-D953AECD2F33', 'advertising_id': '', 'android_id': '',
            'android_app_set_id': ''}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | ProfileResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        adapty_customer_user_id=adapty_customer_user_id,
        adapty_profile_id=adapty_profile_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
) -> Any | ErrorResponse | ProfileResponse | None:
    """Update profile

     Update user profile information

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        body (ProfileRequest):  Example: {'first_name': 'Jane', 'last_name': 'Doe', 'gender': 'f',
            'email': 'jane.doe@example.com', 'phone_number': '+1234567890', 'birthday': '2000-12-31',
            'ip_country': 'FR', 'ip_v4_address': '192.168.1.1', 'store_country': 'US', 'store':
            'app_store', 'store_account_token': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'att_status':
            3, 'analytics_disabled': True, 'custom_attributes': [{'key': 'favourite_sport', 'value':
            'yoga'}], 'installation_meta': {'device_id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
            'device': 'iPhone 15 Pro', 'locale': 'en', 'os': 'iOS 17.1', 'platform': 'iOS',
            'timezone': 'Europe/Rome', 'user_agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_1 like
            Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148
            Safari/604.1', 'app_build': '1.0.0', 'app_version': '1.0.0', 'adapty_sdk_version':
            '2.0.0', 'idfa': 'EA7583CD-A667-48BC-B806-42ECB2B48333', 'idfv':
            'E9D48DA5-3930-4B41-8521-D953AECD2F33', 'advertising_id': '', 'android_id': '',
            'android_app_set_id': ''}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | ProfileResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            adapty_customer_user_id=adapty_customer_user_id,
            adapty_profile_id=adapty_profile_id,
        )
    ).parsed
