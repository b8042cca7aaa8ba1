"""Fixtures shared by the mock's test modules: one mock per module (a fresh store), and an httpx client on it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from adapty_contracts.mock import ProfileStore, running_mock


@pytest.fixture(scope="module")
def store() -> ProfileStore:
    return ProfileStore.with_default_profile()


@pytest.fixture(scope="module")
def base_url(store: ProfileStore) -> Iterator[str]:
    with running_mock(store=store) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as c:
        yield c
