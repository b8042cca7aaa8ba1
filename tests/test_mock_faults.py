"""The mock fails like production: `--rate-limit` (honest Retry-After) and seeded `--faults`; state never corrupted;
and stores go back to their seeded state (`reset`) fast."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
import uuid
from typing import Any

import httpx
import pytest

from adapty_contracts.mock import (
    DEFAULT_API_KEY,
    DEFAULT_CUSTOMER_USER_ID,
    DEFAULT_PROFILE_ID,
    MockAPI,
    PaywallStore,
    ProfileStore,
    create_app,
    load_spec,
    running_mock,
)
from adapty_contracts.mock._production import FaultInjector, FaultPlan, ProductionApp, RateLimit, RateLimiter
from adapty_contracts.mock._spec import default_spec

AUTH = {"Authorization": f"Api-Key {DEFAULT_API_KEY}"}
OPS = default_spec().operations
PROFILE_PATH = OPS["createProfile"].path
CREATE_BODY = {"installation_meta": {"device_id": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- rate limit: parsing and honesty ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "limit", "window"),
    [("10/s", 10, 1.0), ("600/min", 600, 60.0), (" 5 / second ", 5, 1.0), ("adapty", 600, 60.0), ("ADAPTY", 600, 60.0)],
)
def test_rate_limits_parse(text: str, limit: int, window: float) -> None:
    assert RateLimit.parse(text) == RateLimit(limit, window)


@pytest.mark.parametrize("text", ["", "10", "0/s", "10/h", "-1/s", "1.5/s", "ten/s", "10/s/s"])
def test_malformed_rate_limits_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        RateLimit.parse(text)


def test_the_limit_counts_accepted_requests_in_a_sliding_window() -> None:
    clock = FakeClock()
    limiter = RateLimiter(RateLimit(2, 60.0), clock)
    assert limiter.acquire() == 0
    clock.now += 10
    assert limiter.acquire() == 0
    assert limiter.acquire() == 50  # the first leaves the window at +60
    clock.now += 49.5
    assert limiter.acquire() == 1  # 0.5 s to go: whole seconds, rounded up
    clock.now += 0.5
    assert limiter.acquire() == 0  # exactly when promised
    assert limiter.acquire() == 10  # the second (at +10) leaves at +70; the rejected ones did not count


def test_retry_after_is_honest_for_any_traffic() -> None:
    """Whenever a request is refused with Retry-After r: one sent r seconds later (nothing in between) is accepted,
    and one sent a second earlier than that would have been refused (r is not overstated by a second or more)."""
    rng = random.Random(17)
    for limit, window in [(1, 1.0), (3, 1.0), (5, 60.0), (600, 60.0)]:
        clock = FakeClock()
        limiter = RateLimiter(RateLimit(limit, window), clock)
        for _ in range(3000):
            clock.now += rng.expovariate(limit / window * 1.5)
            retry_after = limiter.acquire()
            if not retry_after:
                continue
            assert retry_after >= 1 and isinstance(retry_after, int)
            saved = list(limiter._accepted)
            if retry_after > 1:
                clock.now += retry_after - 1
                assert limiter.acquire() > 0
                clock.now -= retry_after - 1
                limiter._accepted.clear()
                limiter._accepted.extend(saved)
            clock.now += retry_after
            assert limiter.acquire() == 0


# --- fault plans: parsing and the seeded draw -----------------------------------------------------------------------
def test_fault_plans_parse() -> None:
    plan = FaultPlan.parse("429=0.05,503=0.02,500=0.01,reset=0.01,lost=0.01,latency=50ms")
    assert plan.probabilities == {"429": 0.05, "503": 0.02, "500": 0.01, "reset": 0.01, "lost": 0.01}
    assert plan.latency == pytest.approx(0.05)
    assert plan.retry_after == 1
    assert FaultPlan.parse("latency=0.2s").latency == pytest.approx(0.2)
    assert FaultPlan.parse("503=1,retry-after=0").retry_after == 0
    assert "503 1" in str(FaultPlan.parse("503=1")) and "Retry-After 1" in str(FaultPlan.parse("503=1"))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("429=1.5", "from 0 to 1"),
        ("429=x", "from 0 to 1"),
        ("429=nan", "from 0 to 1"),
        ("418=0.1", "unknown fault '418'"),
        ("429", "NAME=VALUE"),
        ("429=0.6,503=0.6", "more than 1"),
        ("latency=fast", "like 50ms"),
        ("503=0.1,retry_after=1.5", "whole seconds"),
        ("", "no fault"),
    ],
)
def test_malformed_fault_plans_are_refused_saying_why(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        FaultPlan.parse(text)


def test_the_same_seed_draws_the_same_faults_and_frequencies_follow_the_plan() -> None:
    plan = FaultPlan.parse("429=0.1,503=0.2,reset=0.05")
    one, two, other = FaultInjector(plan, 42), FaultInjector(plan, 42), FaultInjector(plan, 43)
    draws = [one.draw() for _ in range(20_000)]
    assert draws == [two.draw() for _ in range(20_000)]
    assert draws != [other.draw() for _ in range(20_000)]
    for kind, p in plan.probabilities.items():
        assert draws.count(kind) / len(draws) == pytest.approx(p, abs=0.01)
    assert draws.count(None) / len(draws) == pytest.approx(0.65, abs=0.01)


# --- reset: every store back to the seeded state ----------------------------------------------------------------
def test_profile_store_reset_undoes_every_change() -> None:
    store = ProfileStore.with_default_profile()
    seeded = store.find_by_profile_id(DEFAULT_PROFILE_ID)
    assert seeded is not None
    store.update(seeded, {"branch_id": "b"})
    store.set_list(seeded, "access_levels", [{"access_level_id": "premium"}])
    store.set_fields(seeded, {"email": "x@example.com"})
    seeded.revenue, seeded.refund = 9.5, (True, None)
    created, _ = store.create(None, "someone-new")
    assert store.delete(seeded)
    store.reset()
    assert len(store) == 1
    again = store.find_by_customer_user_id(DEFAULT_CUSTOMER_USER_ID)
    assert again is seeded and store.find_by_profile_id(DEFAULT_PROFILE_ID) is seeded
    assert store.snapshot(seeded)["branch_id"] is None
    assert store.get_list(seeded, "access_levels") == [] and store.get_fields(seeded) == {}
    assert (seeded.revenue, seeded.refund) == (0.0, None)
    assert store.find_by_customer_user_id("someone-new") is None
    assert store.find_by_profile_id(created.profile_id) is None
    empty = ProfileStore()
    empty.add(str(uuid.uuid4()))
    empty.reset()  # never saved: back to empty
    assert len(empty) == 0


def test_reset_of_the_default_state_is_far_below_a_millisecond() -> None:
    api = create_app(api_key=DEFAULT_API_KEY, store=ProfileStore.with_default_profile())
    api.save_state()
    timings = []
    for _ in range(1000):
        api.store.create(None, f"c-{uuid.uuid4()}")
        start = time.perf_counter()
        api.reset_state()
        timings.append(time.perf_counter() - start)
    timings.sort()
    assert timings[len(timings) // 2] < 100e-6, f"median reset {timings[len(timings) // 2] * 1e6:.1f} us"
    assert len(api.store) == 1


def test_paywall_store_reset_restores_the_seeded_paywalls() -> None:
    paywalls = PaywallStore.seeded(load_spec())
    before = [paywalls.page(1, 100)[0]]
    first = before[0][0]
    version = paywalls.version
    paywalls.update(str(first["paywall_id"]), {"remote_configs": []})
    paywalls.clear()
    paywalls.reset()
    assert [paywalls.page(1, 100)[0]] == before
    assert paywalls.version > version  # rendered pages are not served from a stale cache


def test_reset_state_resets_every_store_the_api_holds() -> None:
    class Counter:
        def __init__(self) -> None:
            self.resets = 0

        def reset(self) -> None:
            self.resets += 1

    api = create_app(api_key=DEFAULT_API_KEY, store=ProfileStore.with_default_profile())
    api.extra = Counter()  # type: ignore[attr-defined]  # e.g. a store a resource module adds
    assert {id(s) for s in api.stores()} >= {id(api.store), id(api.paywalls), id(api.extra)}  # type: ignore[attr-defined]
    api.reset_state()
    assert api.extra.resets == 1  # type: ignore[attr-defined]


def test_off_by_default_the_bare_api_is_served() -> None:
    from adapty_contracts.mock._production import serving_app

    api = create_app(api_key=DEFAULT_API_KEY, store=ProfileStore.with_default_profile())
    assert serving_app(api) is api
    assert isinstance(serving_app(api, rate_limit="1/s"), ProductionApp)
    assert api.latency == 0.0
    wrapped = ProductionApp(api, faults="latency=30ms")
    assert api.latency == pytest.approx(0.03) and wrapped.injector is None
    wrapped.configure()
    assert api.latency == 0.0


# --- against a running mock ----------------------------------------------------------------------------------------
def create(client: httpx.Client, customer: str) -> httpx.Response:
    return client.post(PROFILE_PATH, headers={"adapty-customer-user-id": customer}, json=CREATE_BODY)


@pytest.mark.slow
def test_rate_limit_answers_429_with_an_honest_retry_after() -> None:
    with (
        running_mock(rate_limit="3/s") as url,
        httpx.Client(base_url=url, headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID}) as client,
    ):
        statuses = [client.get(PROFILE_PATH).status_code for _ in range(3)]
        assert statuses == [200, 200, 200]
        refused = client.get(PROFILE_PATH)
        assert refused.status_code == 429
        body = refused.json()
        assert body["error_code"] == "rate_limited" and body["status_code"] == 429
        assert isinstance(body["errors"], list)
        retry_after = int(refused.headers["Retry-After"])
        assert retry_after == 1
        time.sleep(retry_after)
        assert client.get(PROFILE_PATH).status_code == 200
    with (
        running_mock(rate_limit="2/min") as url,
        httpx.Client(base_url=url, headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID}) as client,
    ):
        start = time.monotonic()
        assert [client.get(PROFILE_PATH).status_code for _ in range(2)] == [200, 200]
        refused = client.get(PROFILE_PATH)
        elapsed = time.monotonic() - start
        assert refused.status_code == 429
        # the first request leaves the window 60 s after it was accepted: that long (rounded up), not more
        assert 60 - elapsed <= int(refused.headers["Retry-After"]) <= 60


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fault", "status", "code", "retry_after"),
    [("429", 429, "rate_limited", "2"), ("503", 503, "service_unavailable", "2"), ("500", 500, "server_error", None)],
)
def test_status_faults_answer_an_error_response_and_apply_nothing(
    fault: str, status: int, code: str, retry_after: str | None
) -> None:
    store = ProfileStore.with_default_profile()
    with (
        running_mock(store=store, faults=f"{fault}=1,retry_after=2", seed=1) as url,
        httpx.Client(base_url=url, headers=AUTH) as client,
    ):
        customer = f"c-{uuid.uuid4()}"
        answer = create(client, customer)
        assert answer.status_code == status
        assert answer.json() == {
            "errors": [{"source": None, "errors": [answer.json()["errors"][0]["errors"][0]]}],
            "error_code": code,
            "status_code": status,
        }
        assert answer.headers.get("Retry-After") == retry_after
        assert store.find_by_customer_user_id(customer) is None
        assert len(store) == 1


@pytest.mark.slow
def test_reset_drops_the_connection_before_the_request_is_applied() -> None:
    store = ProfileStore.with_default_profile()
    with running_mock(store=store, faults="reset=1") as url, httpx.Client(base_url=url, headers=AUTH) as client:
        customer = f"c-{uuid.uuid4()}"
        with pytest.raises(httpx.TransportError):
            create(client, customer)
        time.sleep(0.05)
        assert store.find_by_customer_user_id(customer) is None


@pytest.mark.slow
def test_lost_applies_the_request_then_drops_the_answer() -> None:
    store = ProfileStore.with_default_profile()
    with running_mock(store=store, faults="lost=1") as url, httpx.Client(base_url=url, headers=AUTH) as client:
        customer = f"c-{uuid.uuid4()}"
        with pytest.raises(httpx.TransportError):
            create(client, customer)
        assert store.find_by_customer_user_id(customer) is not None


@pytest.mark.slow
def test_latency_delays_every_answer() -> None:
    with (
        running_mock(faults="latency=150ms") as url,
        httpx.Client(base_url=url, headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID}) as client,
    ):
        for path in (PROFILE_PATH, "/no/such/path"):
            start = time.perf_counter()
            client.get(path)
            assert time.perf_counter() - start >= 0.15


@pytest.mark.slow
def test_a_handler_that_applies_latency_itself_is_not_delayed_twice() -> None:
    class OwnLatency(MockAPI):
        async def handle_get_profile(self, call: Any) -> Any:
            return await super().handle_get_profile(call)

        handle_get_profile.applies_latency = True  # type: ignore[attr-defined]

    with (
        running_mock(api_class=OwnLatency, faults="latency=500ms") as url,
        httpx.Client(base_url=url, headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID}) as client,
    ):
        start = time.perf_counter()
        assert client.get(PROFILE_PATH).status_code == 200
        assert time.perf_counter() - start < 0.5
        start = time.perf_counter()
        client.get(OPS["listPaywalls"].path)
        assert time.perf_counter() - start >= 0.5


def outcome(client: httpx.Client, customer: str) -> str:
    try:
        return str(create(client, customer).status_code)
    except httpx.TransportError:
        return "dropped"


@pytest.mark.slow
def test_faults_follow_the_seed_and_never_corrupt_state() -> None:
    """Sequential requests draw the faults the seeded generator predicts, the same on every run; a request is
    applied exactly when it was answered 2xx or its answer was lost, and the store stays consistent."""
    plan = "429=0.15,503=0.15,500=0.1,reset=0.1,lost=0.1"
    runs = []
    for seed in (5, 5, 6):
        store = ProfileStore.with_default_profile()
        with running_mock(store=store, faults=plan, seed=seed) as url, httpx.Client(base_url=url, headers=AUTH) as c:
            customers = [f"c-{seed}-{i}" for i in range(80)]
            outcomes = [outcome(c, customer) for customer in customers]
        predicted = FaultInjector(FaultPlan.parse(plan), seed)
        for customer, seen in zip(customers, outcomes, strict=True):
            fault = predicted.draw()
            expected = {None: "200", "429": "429", "503": "503", "500": "500"}.get(fault, "dropped")
            assert seen == expected, (customer, fault)
            applied = store.find_by_customer_user_id(customer) is not None
            assert applied == (fault in (None, "lost")), (customer, fault)
        assert len(store) == 1 + sum(1 for _ in store if _.customer_user_id in customers)
        for profile in store:
            assert store.find_by_profile_id(profile.profile_id) is profile
        runs.append(outcomes)
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]
    assert {"200", "429", "503", "500", "dropped"} <= set(runs[0])


# --- the command line ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--rate-limit", "lots"], "--rate-limit 'lots': expected N/s, N/min or adapty"),
        (["--faults", "429=2"], "--faults '429=2': '429=2': a probability is a number from 0 to 1"),
        (["--faults", "teapot=0.1"], "unknown fault 'teapot'"),
        (["--seed", "3"], "--seed: only means something with --faults"),
    ],
)
def test_bad_flag_values_are_one_line_and_exit_2(args: list[str], says: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "adapty_contracts", "mock", "--port", "0", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("adapty-contracts mock: error: ") and says in line


@pytest.mark.slow
def test_start_up_prints_what_is_active() -> None:
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "adapty_contracts", "mock", "--port", "0"),
            *("--rate-limit", "adapty", "--faults", "503=0.02,lost=0.01,latency=50ms", "--seed", "9"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),  # as a background job: Ctrl-C still works
    )
    banner = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            banner.append(line)
            if "Ctrl-C" in line:
                break
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()  # never leave it running (and its pipes open) for a later test to trip over
            proc.communicate()
            raise
    text = "".join(banner)
    assert "rate limit: 600/min" in text
    assert "faults: 503 0.02, lost 0.01, latency 50 ms, Retry-After 1 (seed 9" in text


@pytest.mark.slow
def test_under_faults_latency_a_key_still_in_flight_is_409_with_retry_after() -> None:
    """`--faults latency=...` makes the in-flight window observable end to end: a second request with the same
    Idempotency-Key while the first is being processed gets 409 idempotency_in_flight + Retry-After; the first
    applies once."""
    import asyncio

    path = OPS["createVirtualCurrencyTransaction"].path
    headers = {**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID, "Idempotency-Key": str(uuid.uuid4())}
    credit = {"items": [{"currency_code": "COINS", "amount": 7}]}

    async def both(url: str) -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=url, timeout=10) as client:

            async def post(delay: float) -> httpx.Response:
                await asyncio.sleep(delay)
                return await client.post(path, headers=headers, json=credit)

            return list(await asyncio.gather(post(0), post(0.15)))

    with running_mock(faults="latency=600ms") as url:
        first, second = asyncio.run(both(url))
        assert first.status_code == 200, first.text
        assert second.status_code == 409 and second.json()["error_code"] == "idempotency_in_flight"
        assert int(second.headers["Retry-After"]) >= 1
        balances_path = OPS["listVirtualCurrencyBalances"].path
        with httpx.Client(base_url=url, headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID}) as c:
            coins = {b["code"]: b["balance"] for b in c.get(balances_path).json()["data"]}["COINS"]
            replay = c.post(path, headers=headers, json=credit)
            assert replay.status_code == 200 and replay.json() == first.json(), "the key answers the original"
            again = {b["code"]: b["balance"] for b in c.get(balances_path).json()["data"]}["COINS"]
    assert again == coins, "applied once"
