"""Fixtures for contract tests. Server side: the server under test, the bundled mock unless ADAPTY_BASE_URL is set.

For a live server set ADAPTY_BASE_URL, ADAPTY_API_KEY and the writable test profile (ADAPTY_TEST_PROFILE_ID and/or
ADAPTY_TEST_CUSTOMER_USER_ID); the check snapshots that profile first and restores it at the end.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from adapty_contracts.harness import Target


@pytest.fixture(scope="session")
def server_target() -> Iterator[Target]:
    # imported here: schemathesis/hypothesis at conftest import time trip hypothesis's side-effect warning
    from adapty_contracts.harness import Target, TestProfile

    base_url = os.environ.get("ADAPTY_BASE_URL")
    if base_url:
        key = os.environ.get("ADAPTY_API_KEY")
        profile = TestProfile(os.environ.get("ADAPTY_TEST_PROFILE_ID"), os.environ.get("ADAPTY_TEST_CUSTOMER_USER_ID"))
        if not key or not profile.identities():
            pytest.fail(
                "ADAPTY_BASE_URL needs ADAPTY_API_KEY and ADAPTY_TEST_PROFILE_ID or ADAPTY_TEST_CUSTOMER_USER_ID"
            )
        yield Target(base_url, key, profile, live=True)
        return
    from adapty_contracts.mock import DEFAULT_API_KEY, DEFAULT_CUSTOMER_USER_ID, DEFAULT_PROFILE_ID, running_mock

    with running_mock() as url:
        yield Target(url, DEFAULT_API_KEY, TestProfile(DEFAULT_PROFILE_ID, DEFAULT_CUSTOMER_USER_ID))
