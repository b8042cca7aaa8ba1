"""The bundled stateful mock of the Adapty API: what every check runs against offline.

Unlike example-echoing mocks it keeps state, so a POST shows in the next GET. `MockAPI` holds the request
handling as small overridable methods (mutant servers subclass it); `running_mock` serves it in a thread.
"""

from adapty_contracts.mock._app import (
    API_KEY_ENV,
    DEFAULT_API_KEY,
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    MockAPI,
    MockError,
    create_app,
)
from adapty_contracts.mock._server import running_mock
from adapty_contracts.mock._spec import API_PATH, IDENTIFIER_KEYS
from adapty_contracts.mock._store import (
    DEFAULT_CUSTOMER_USER_ID,
    DEFAULT_PROFILE_ID,
    Profile,
    ProfileStore,
    load_profiles,
)

__all__ = [
    "API_KEY_ENV",
    "API_PATH",
    "DEFAULT_API_KEY",
    "DEFAULT_CUSTOMER_USER_ID",
    "DEFAULT_PROFILE_ID",
    "IDENTIFIER_KEYS",
    "MAX_BODY_BYTES",
    "MAX_HEADER_BYTES",
    "MockAPI",
    "MockError",
    "Profile",
    "ProfileStore",
    "create_app",
    "load_profiles",
    "running_mock",
]
