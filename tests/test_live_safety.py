"""A live run is safe: back-pressure is waited out (never a violation), a dead server ends the run with exit 2,
a restore that did not take is loud, profiles created before an interrupt are deleted, no `.hypothesis/` is left."""

from __future__ import annotations

import email.utils
import socket
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from alternative_servers import Throttles
from mutants import MUTANTS
from test_harness_mutants import check_mock

from adapty_contracts.cli import main
from adapty_contracts.harness import _target
from adapty_contracts.harness._target import (
    DEFAULT_LIVE_RATE_LIMIT,
    ServerUnavailable,
    Target,
    TestProfile,
    retry_after,
)
from adapty_contracts.mock import DEFAULT_API_KEY


def _response(status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response.headers.update(headers or {})
    response._content = body
    return response


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after(_response(429, {"Retry-After": "3"})) == 3.0
    later = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=5), usegmt=True)
    assert 3.0 < (retry_after(_response(503, {"Retry-After": later})) or 0) <= 5.0
    assert retry_after(_response(429)) == 1.0  # none given: a second
    assert retry_after(_response(429, {"Retry-After": "100000"})) == _target.MAX_WAIT
    assert retry_after(_response(409, body=b'{"error_code":"idempotency_in_flight"}')) == 1.0
    assert retry_after(_response(409, body=b'{"error_code":"conflict"}')) is None
    assert retry_after(_response(400, {"Retry-After": "3"})) is None


def test_a_live_target_stays_under_adaptys_documented_rate() -> None:
    assert Target("https://api.adapty.io", "k", TestProfile("p")).rate_limit == DEFAULT_LIVE_RATE_LIMIT
    assert DEFAULT_LIVE_RATE_LIMIT * 60 < 600
    assert Target("http://127.0.0.1:1", "k", TestProfile("p")).rate_limit is None
    assert Target("https://api.adapty.io", "k", TestProfile("p"), rate_limit=2.0).rate_limit == 2.0


def test_connection_errors_are_retried_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_target, "CONNECTION_BACKOFF", 0.01)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: nothing listens there
    target = Target(f"http://127.0.0.1:{port}", "k", TestProfile("p"))
    start = time.monotonic()
    with pytest.raises(ServerUnavailable):
        target.session.request("GET", target.base_url + "/")
    assert target.session.retried_connections == _target.CONNECTION_RETRIES
    assert time.monotonic() - start < 5


@pytest.mark.slow
def test_back_pressure_is_waited_out_not_reported() -> None:
    result = check_mock(Throttles, seed=1, tags=("Integration", "Paywalls"), max_examples=3)
    assert result.ok and result.complete, [v.title for v in result.violations]
    assert result.backpressure > 10
    assert not any(v.actual.startswith(("HTTP 429", "HTTP 503")) for v in [*result.violations, *result.notes])


@pytest.mark.slow
def test_a_restore_that_did_not_take_is_loud() -> None:
    """NullDoesNotClear cannot put back identifiers the test profile did not have: the read-back says so, and the
    result carries the curl lines that would put them back by hand (the CLI exits 2 on it)."""
    api_class, _, tags = MUTANTS["NullDoesNotClear"]
    result = check_mock(api_class, seed=1, tags=tags, max_examples=3)
    assert result.restored is False
    assert result.unrestored and all(line.startswith("curl -X POST") for line in result.unrestored)
    assert all(DEFAULT_API_KEY not in line for line in result.unrestored)


@pytest.mark.slow
def test_a_create_whose_answer_was_never_seen_is_deleted_at_cleanup() -> None:
    """Ctrl-C between sending createProfile and reading its answer: the profile exists, the run never saw its id;
    cleanup looks it up by the customer user id it sent and deletes it."""
    from requests.structures import CaseInsensitiveDict

    from adapty_contracts.harness import Engine
    from adapty_contracts.harness._target import CUSTOMER_USER_ID_HEADER
    from adapty_contracts.harness.resources.profiles import Profiles
    from adapty_contracts.mock import DEFAULT_CUSTOMER_USER_ID, DEFAULT_PROFILE_ID, ProfileStore, running_mock

    store = ProfileStore.with_default_profile()
    with running_mock(store=store) as base_url:
        target = Target(base_url, DEFAULT_API_KEY, TestProfile(DEFAULT_PROFILE_ID, DEFAULT_CUSTOMER_USER_ID))
        engine = Engine(target, max_examples=1, seed=1)
        profiles = next(r for r in engine.resources if isinstance(r, Profiles))
        facts = engine.facts["createProfile"]
        customer = engine.new_customer_user_id()
        headers = {**target.auth_headers, CUSTOMER_USER_ID_HEADER: customer}
        profiles.before_send(facts, CaseInsensitiveDict(headers), {}, None)  # as the engine does before sending
        body = engine.request_example(facts)
        sent = requests.post(base_url + facts.path, headers=headers, json=body, timeout=10)  # never read by the run
        assert sent.status_code == 200 and len(store) == 2
        assert profiles.restore() is True
        assert len(store) == 1 and store.find_by_customer_user_id(customer) is None


@pytest.mark.parametrize("cache", ["usable", "unusable"])
def test_no_hypothesis_folder_is_left_in_the_working_directory(
    cache: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hypothesis's files go to the user's cache directory (its unicode tables are kept: computing them costs a second
    a run), or to a temporary directory when there is no usable one; never to `.hypothesis/` in the cwd."""
    import hypothesis.configuration

    from adapty_contracts.harness._engine import hypothesis_home

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    if cache == "usable":
        monkeypatch.setenv("ADAPTY_CONTRACTS_CACHE_DIR", str(tmp_path / "cache"))
    else:
        (tmp_path / "a-file").write_text("")
        monkeypatch.setenv("ADAPTY_CONTRACTS_CACHE_DIR", str(tmp_path / "a-file" / "cache"))
    with hypothesis_home():
        home = Path(hypothesis.configuration.storage_directory("x").path).parent
    if cache == "usable":
        assert home == tmp_path / "cache" / "hypothesis" and home.is_dir()
    else:
        assert not home.exists() and not home.is_relative_to(work)  # a temporary directory, gone after the run
    code = main(["check", "--operation", "getProfile", "--phases", "fuzzing", "--max-examples", "3", "--seed", "1"])
    assert code == 0
    assert list(work.iterdir()) == []
