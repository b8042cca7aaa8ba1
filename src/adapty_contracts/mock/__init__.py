"""The bundled stateful mock of the Adapty API: what every check runs against offline.

It serves every operation of the effective spec (routing, auth and request validation from the spec) and, unlike
example-echoing mocks, keeps state per resource, so a write shows in the next read. `MockAPI` holds the request
handling as small overridable methods (mutant servers subclass it); `running_mock` serves it in a thread.
"""

from adapty_contracts.mock._app import (
    API_KEY_ENV,
    DEFAULT_API_KEY,
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    Call,
    MockAPI,
    MockError,
    create_app,
    operation,
)
from adapty_contracts.mock._server import running_mock
from adapty_contracts.mock._spec import API_PATH, IDENTIFIER_KEYS, Spec, load_spec
from adapty_contracts.mock._store import (
    DEFAULT_CUSTOMER_USER_ID,
    DEFAULT_PROFILE_ID,
    Profile,
    ProfileStore,
    load_profiles,
)
from adapty_contracts.mock.resources import PaywallStore

__all__ = [
    "API_KEY_ENV",
    "API_PATH",
    "DEFAULT_API_KEY",
    "DEFAULT_CUSTOMER_USER_ID",
    "DEFAULT_PROFILE_ID",
    "IDENTIFIER_KEYS",
    "MAX_BODY_BYTES",
    "MAX_HEADER_BYTES",
    "Call",
    "MockAPI",
    "MockError",
    "PaywallStore",
    "Profile",
    "ProfileStore",
    "Spec",
    "create_app",
    "load_profiles",
    "load_spec",
    "operation",
    "running_mock",
]
