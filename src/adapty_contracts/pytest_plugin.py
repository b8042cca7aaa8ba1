"""pytest plugin: the bundled mock as fixtures for your own tests (registered by a `pytest11` entry point, so a test
file needs no conftest).

- `adapty_mock` (`AdaptyMock`): a running mock with `base_url`, `api_key`, `profile_id`, `customer_user_id`. One
  server per test session (per pytest-xdist worker), started by the first test that asks for it; every test gets
  it reset to the seeded state, with no rate limit and no faults unless the test sets them with the marker
  `@pytest.mark.adapty_mock(faults="503=0.3", rate_limit="10/s", seed=0)` or `adapty_mock.configure(...)`.
- `adapty_client`: an `AuthenticatedClient` of the generated client bound to that mock.

Importing this module costs nothing: the mock and the client are imported by the fixtures, when a test uses them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import ssl

    from adapty_api_client import AuthenticatedClient

    from adapty_contracts.mock import MockAPI
    from adapty_contracts.mock._production import ProductionApp

MARKER = "adapty_mock"
_MARKER_HELP = (
    f"{MARKER}(faults=None, rate_limit=None, seed=0): the adapty_mock fixture's rate limit and faults for this test "
    "(as `adapty-contracts mock --faults SPEC --rate-limit RATE --seed N`)"
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", _MARKER_HELP)


class AdaptyMock:
    """The running mock one test sees: where it is, its public development key, the seeded test profile."""

    def __init__(self, base_url: str, api: MockAPI, app: ProductionApp) -> None:
        from adapty_contracts.mock import DEFAULT_API_KEY, DEFAULT_CUSTOMER_USER_ID, DEFAULT_PROFILE_ID

        self.base_url = base_url
        self.api_key = DEFAULT_API_KEY  # the public development key, never your ADAPTY_API_KEY
        self.profile_id = DEFAULT_PROFILE_ID
        self.customer_user_id = DEFAULT_CUSTOMER_USER_ID
        self.api = api  # the MockAPI itself: its stores (`api.store`, `api.paywalls`) for assertions on state
        self._app = app

    def __repr__(self) -> str:
        return f"AdaptyMock(base_url={self.base_url!r}, profile_id={self.profile_id!r})"

    @property
    def headers(self) -> dict[str, str]:
        """The Authorization header for a raw HTTP client (httpx, requests)."""
        return {"Authorization": f"Api-Key {self.api_key}"}

    def configure(self, *, faults: str | None = None, rate_limit: str | None = None, seed: int = 0) -> None:
        """Set the rate limit and faults for the rest of this test (None: off); ValueError for a malformed one.

        Each call starts a fresh rate-limit window and a fault generator seeded with `seed`, so a test sees the
        same faults on every run.
        """
        self._app.configure(faults=faults, rate_limit=rate_limit, seed=seed)

    def reset(self) -> None:
        """Every store back to the seeded state (done before each test)."""
        self.api.reset_state()

    def client(self, timeout: float = 10.0) -> AuthenticatedClient:
        """A new `AuthenticatedClient` bound to this mock (`adapty_client` is one; close it with `with`)."""
        import httpx

        from adapty_contracts._client import API_KEY_ENV, client_from_env

        # A shared SSL context: httpx builds one per client otherwise (~25 ms), and the mock is plain HTTP anyway.
        http = httpx.Client(base_url=self.base_url, timeout=httpx.Timeout(timeout), verify=_ssl_context())
        return client_from_env(base_url=self.base_url, environ={API_KEY_ENV: self.api_key}, httpx_client=http)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    import ssl

    return ssl.create_default_context()


@pytest.fixture(scope="session")
def _adapty_mock_server() -> Iterator[tuple[str, MockAPI, ProductionApp]]:
    """The session's one mock server (the seeded default state saved, so each test can go back to it)."""
    from adapty_contracts.mock import DEFAULT_API_KEY, ProfileStore, create_app
    from adapty_contracts.mock._production import ProductionApp
    from adapty_contracts.mock._server import serving

    api = create_app(api_key=DEFAULT_API_KEY, store=ProfileStore.with_default_profile())
    api.save_state()
    app = ProductionApp(api)
    with serving(app) as base_url:
        yield base_url, api, app


@pytest.fixture
def adapty_mock(
    request: pytest.FixtureRequest, _adapty_mock_server: tuple[str, MockAPI, ProductionApp]
) -> Iterator[AdaptyMock]:
    """The bundled Adapty mock, fresh for this test (see the module docstring)."""
    base_url, api, app = _adapty_mock_server
    api.reset_state()
    mock = AdaptyMock(base_url, api, app)
    marker = request.node.get_closest_marker(MARKER)
    options: dict[str, Any] = dict(marker.kwargs) if marker is not None else {}
    if marker is not None and marker.args:
        pytest.fail(f"@pytest.mark.{MARKER} takes keyword arguments only: faults=, rate_limit=, seed=", pytrace=False)
    try:
        mock.configure(**options)
    except (TypeError, ValueError) as exc:
        pytest.fail(f"@pytest.mark.{MARKER}: {exc}", pytrace=False)
    try:
        yield mock
    finally:
        app.configure()  # off again for the next test


@pytest.fixture
def adapty_client(adapty_mock: AdaptyMock) -> Iterator[AuthenticatedClient]:
    """An `AuthenticatedClient` of the generated client, bound to `adapty_mock`."""
    with adapty_mock.client() as client:
        yield client
