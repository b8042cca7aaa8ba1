from http import HTTPStatus
from typing import Any, overload

import httpx

from ... import _runtime, errors
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
    adapty_platform: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(adapty_customer_user_id, Unset):
        headers["adapty-customer-user-id"] = adapty_customer_user_id

    if not isinstance(adapty_profile_id, Unset):
        headers["adapty-profile-id"] = adapty_profile_id

    if not isinstance(adapty_platform, Unset):
        headers["adapty-platform"] = adapty_platform

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v2/server-side-api/profile/",
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


_OPERATION = _runtime.Operation(name="createProfile", resend_safe=False)


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
    body: ProfileRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
    adapty_platform: str | Unset = UNSET,
) -> Response[ErrorResponse | None | ProfileResponse]: ...


@overload
def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
    adapty_platform: str | Unset = UNSET,
) -> Response[ErrorResponse | None | ProfileResponse]: ...


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    adapty_platform: str | Unset = UNSET,
) -> Response[ErrorResponse | None | ProfileResponse]:
    """Create profile

     Creates a new end user of your app in Adapty.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        adapty_platform (str | Unset):
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
        adapty_platform=adapty_platform,
    )

    return _build_response(client=client, response=_runtime.send(client, _OPERATION, kwargs))


@overload
def sync(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
    adapty_platform: str | Unset = UNSET,
) -> ProfileResponse: ...


@overload
def sync(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
    adapty_platform: str | Unset = UNSET,
) -> ProfileResponse: ...


def sync(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    adapty_platform: str | Unset = UNSET,
) -> ProfileResponse:
    """Create profile

     Creates a new end user of your app in Adapty.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        adapty_platform (str | Unset):
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
        adapty_platform=adapty_platform,
    )

    return _success(client=client, response=_runtime.send(client, _OPERATION, kwargs))


@overload
async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
    adapty_platform: str | Unset = UNSET,
) -> Response[ErrorResponse | None | ProfileResponse]: ...


@overload
async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
    adapty_platform: str | Unset = UNSET,
) -> Response[ErrorResponse | None | ProfileResponse]: ...


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    adapty_platform: str | Unset = UNSET,
) -> Response[ErrorResponse | None | ProfileResponse]:
    """Create profile

     Creates a new end user of your app in Adapty.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        adapty_platform (str | Unset):
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
        adapty_platform=adapty_platform,
    )

    return _build_response(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))


@overload
async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str,
    adapty_profile_id: str | Unset = UNSET,
    adapty_platform: str | Unset = UNSET,
) -> ProfileResponse: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str,
    adapty_platform: str | Unset = UNSET,
) -> ProfileResponse: ...


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProfileRequest,
    adapty_customer_user_id: str | Unset = UNSET,
    adapty_profile_id: str | Unset = UNSET,
    adapty_platform: str | Unset = UNSET,
) -> ProfileResponse:
    """Create profile

     Creates a new end user of your app in Adapty.

    Args:
        adapty_customer_user_id (str | Unset):
        adapty_profile_id (str | Unset):
        adapty_platform (str | Unset):
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
        adapty_platform=adapty_platform,
    )

    return _success(client=client, response=await _runtime.send_async(client, _OPERATION, kwargs))
