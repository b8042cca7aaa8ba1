"""adapty-contracts: the hand-written half of the project (spec pipeline, mock, harness, client helper).

The generated client is the separate package `adapty_api_client` (generated/); this package may import it,
never the other way round. Public names are imported lazily, so `adapty-contracts diff` or `scripts/regenerate`
do not pay for importing httpx and the client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", "UserError", "__version__", "client_from_env"]

if TYPE_CHECKING:
    from adapty_contracts._client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, client_from_env
    from adapty_contracts._errors import UserError


def __getattr__(name: str) -> Any:
    if name in ("API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", "client_from_env"):
        from adapty_contracts import _client

        return getattr(_client, name)
    if name == "UserError":
        from adapty_contracts._errors import UserError

        return UserError
    raise AttributeError(f"module 'adapty_contracts' has no attribute {name!r}")
