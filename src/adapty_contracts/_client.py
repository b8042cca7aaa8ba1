"""Build an authenticated generated client from the environment, the way every caller should.

`ADAPTY_API_KEY` holds the secret (sent as `Authorization: Api-Key <key>`), `ADAPTY_BASE_URL` optionally overrides
`https://api.adapty.io`. The key lives only inside the client: it is never printed, logged or shown in a repr.
Undocumented statuses raise `adapty_api_client.errors.UnexpectedStatus` (never a silent `None`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import httpx
from adapty_api_client import AuthenticatedClient

from adapty_contracts._errors import UserError

API_KEY_ENV = "ADAPTY_API_KEY"
BASE_URL_ENV = "ADAPTY_BASE_URL"
DEFAULT_BASE_URL = "https://api.adapty.io"


def client_from_env(
    *,
    base_url: str | None = None,
    environ: Mapping[str, str] | None = None,
    timeout: float = 30.0,
    httpx_client: httpx.Client | None = None,
) -> AuthenticatedClient:
    """An AuthenticatedClient for Adapty's server-side API, configured from `environ` (default: os.environ).

    `base_url` beats `ADAPTY_BASE_URL`, which beats the production URL. A missing or blank key is a UserError
    naming the variable (never the value). `httpx_client`, if given, is used as is (the auth header is added to it,
    and the base URL if it has none).
    """
    env = os.environ if environ is None else environ
    key = env.get(API_KEY_ENV, "").strip()
    if not key:
        raise UserError(f"{API_KEY_ENV} is not set: export your Adapty secret API key in it")
    if any(ch in key for ch in "\r\n"):
        raise UserError(f"{API_KEY_ENV} contains a line break; it cannot be sent as a header")
    url = (base_url or env.get(BASE_URL_ENV, "") or DEFAULT_BASE_URL).rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise UserError(f"base URL must start with http:// or https://, got {url!r}")
    client = AuthenticatedClient(
        base_url=url,
        token=key,
        prefix="Api-Key",
        auth_header_name="Authorization",
        timeout=httpx.Timeout(timeout),
        raise_on_unexpected_status=True,
    )
    if httpx_client is not None:
        if not str(httpx_client.base_url):
            httpx_client.base_url = url  # otherwise every request would go to a relative URL and fail
        client.set_httpx_client(httpx_client)
    return client
