"""adapty-contracts: the hand-written half of the project (spec pipeline, mock, harness, client helper).

The generated client is the separate package `adapty_api_client` (generated/); this package may import it,
never the other way round.
"""

from adapty_contracts._client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, client_from_env
from adapty_contracts._errors import UserError

__version__ = "0.1.0"

__all__ = ["API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", "UserError", "__version__", "client_from_env"]
