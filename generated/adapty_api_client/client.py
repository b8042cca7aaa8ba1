import os
import ssl
import threading
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

import httpx
from attrs import define, evolve, field, validators

from . import _runtime, errors

API_KEY_ENV = "ADAPTY_API_KEY"
BASE_URL_ENV = "ADAPTY_BASE_URL"
DEFAULT_BASE_URL = "https://api.adapty.io"
"""The spec's server."""
_CONSTRUCTION = threading.Lock()


@define
class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: An httpx.Timeout; default 5 s to connect, 30 s to read, write or get a pooled connection
        (`_runtime.DEFAULT_TIMEOUT`). API functions raise errors.APITimeoutError when it is exceeded (after retries).

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether the *_detailed functions raise errors.UnexpectedStatus for a
            status code that was not documented in the source OpenAPI document (default True; False returns a
            Response whose `parsed` is None). `sync`/`asyncio` raise for every status but a success either way.
        max_retries: How many times a failed request is retried (default 2; 0: never). See
            adapty_api_client._runtime for what is retried and how long the client waits.
    """

    raise_on_unexpected_status: bool = field(default=True, kw_only=True)
    max_retries: int = field(default=_runtime.DEFAULT_MAX_RETRIES, kw_only=True, validator=validators.ge(0))
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=_runtime.DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    def with_headers(self, headers: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def with_max_retries(self, max_retries: int) -> "Client":
        """A copy of this client that retries at most `max_retries` times (0: never); it shares the connections."""
        copy = evolve(self, max_retries=max_retries)
        copy._client = self._client
        copy._async_client = self._async_client
        return copy

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is not None:
            return self._client
        with _CONSTRUCTION:
            if self._client is None:
                self._client = httpx.Client(
                    base_url=self._base_url,
                    cookies=self._cookies,
                    headers=self._headers,
                    timeout=self._timeout,
                    verify=self._verify_ssl,
                    follow_redirects=self._follow_redirects,
                    **self._httpx_args,
                )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(exc_type, exc_value, traceback)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(exc_type, exc_value, traceback)


@define
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: An httpx.Timeout; default 5 s to connect, 30 s to read, write or get a pooled connection
        (`_runtime.DEFAULT_TIMEOUT`). API functions raise errors.APITimeoutError when it is exceeded (after retries).

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether the *_detailed functions raise errors.UnexpectedStatus for a
            status code that was not documented in the source OpenAPI document (default True; False returns a
            Response whose `parsed` is None). `sync`/`asyncio` raise for every status but a success either way.
        max_retries: How many times a failed request is retried (default 2; 0: never). See
            adapty_api_client._runtime for what is retried and how long the client waits.
        token: The token to use for authentication (never shown in repr)
        prefix: The prefix to use for the Authorization header
        auth_header_name: The name of the Authorization header
    """

    raise_on_unexpected_status: bool = field(default=True, kw_only=True)
    max_retries: int = field(default=_runtime.DEFAULT_MAX_RETRIES, kw_only=True, validator=validators.ge(0))
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=_runtime.DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    token: str = field(repr=False)
    prefix: str = "Api-Key"
    auth_header_name: str = "Authorization"

    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def with_max_retries(self, max_retries: int) -> "AuthenticatedClient":
        """A copy of this client that retries at most `max_retries` times (0: never); it shares the connections."""
        copy = evolve(self, max_retries=max_retries)
        copy._client = self._client
        copy._async_client = self._async_client
        return copy

    @classmethod
    def from_env(
        cls,
        *,
        environ: Mapping[str, str] | None = None,
        base_url: str | None = None,
        timeout: httpx.Timeout | None = _runtime.DEFAULT_TIMEOUT,
        max_retries: int = _runtime.DEFAULT_MAX_RETRIES,
    ) -> "AuthenticatedClient":
        """A client for the key in ADAPTY_API_KEY (sent as `Authorization: Api-Key <key>`), from `environ`
        (default: os.environ).

        `base_url` beats ADAPTY_BASE_URL, which beats DEFAULT_BASE_URL (the spec's server). A missing or blank
        key, or one with a line break, raises errors.ConfigurationError naming the variable, never the value.
        """
        env = os.environ if environ is None else environ
        key = env.get(API_KEY_ENV, "").strip()
        if not key:
            raise errors.ConfigurationError(f"{API_KEY_ENV} is not set: export your Adapty secret API key in it")
        if any(ch in key for ch in "\r\n"):
            raise errors.ConfigurationError(f"{API_KEY_ENV} contains a line break; it cannot be sent as a header")
        url = (base_url or env.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL).rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise errors.ConfigurationError(f"base URL must start with http:// or https://, got {url!r}")
        return cls(base_url=url, token=key, timeout=timeout, max_retries=max_retries)

    def _auth_headers(self) -> dict[str, str]:
        return {self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token}

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        The Authorization header is still added to it.
        """
        client.headers.update(self._auth_headers())
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is not None:
            return self._client
        with _CONSTRUCTION:
            if self._client is None:
                self._client = httpx.Client(
                    base_url=self._base_url,
                    cookies=self._cookies,
                    headers={**self._headers, **self._auth_headers()},
                    timeout=self._timeout,
                    verify=self._verify_ssl,
                    follow_redirects=self._follow_redirects,
                    **self._httpx_args,
                )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(exc_type, exc_value, traceback)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        The Authorization header is still added to it.
        """
        async_client.headers.update(self._auth_headers())
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers={**self._headers, **self._auth_headers()},
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(exc_type, exc_value, traceback)
