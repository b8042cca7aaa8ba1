"""The tooling's way to build the generated client: `AuthenticatedClient.from_env()`, with our CLI's error style.

`ADAPTY_API_KEY` holds the secret (sent as `Authorization: Api-Key <key>`), `ADAPTY_BASE_URL` optionally overrides
the spec's server. The client itself owns the rules and the defaults (timeouts, retries, raising on an undocumented
status); this only turns its configuration error into a UserError (one line, exit 2) and can plug in an httpx client.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx
from adapty_api_client import AuthenticatedClient
from adapty_api_client.client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from adapty_api_client.errors import ConfigurationError

from adapty_contracts._errors import UserError

__all__ = ["API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", "client_from_env"]


def client_from_env(
    *,
    base_url: str | None = None,
    environ: Mapping[str, str] | None = None,
    timeout: float | None = None,
    httpx_client: httpx.Client | None = None,
) -> AuthenticatedClient:
    """`AuthenticatedClient.from_env(...)`; a configuration error is a UserError naming the variable (never the value).

    `timeout` (seconds, every phase) replaces the client's default timeouts. `httpx_client`, if given, is used as
    is (the auth header is added to it, and the base URL if it has none).
    """
    try:
        client = AuthenticatedClient.from_env(environ=environ, base_url=base_url)
    except ConfigurationError as exc:
        raise UserError(str(exc)) from None
    if timeout is not None:
        client = client.with_timeout(httpx.Timeout(timeout))
    if httpx_client is not None:
        if not str(httpx_client.base_url):
            httpx_client.base_url = client._base_url  # otherwise every request would go to a relative URL and fail
        client.set_httpx_client(httpx_client)
    return client
