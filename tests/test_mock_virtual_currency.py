"""The mock's virtual currency, over real HTTP on loopback: each rule the spec states for the three operations."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from test_mock_cli import ENV_KEY, mock_process
from test_mock_resources import AUTH, OPS, assert_documented, op_path, request_example

from adapty_contracts._errors import UserError
from adapty_contracts.mock import DEFAULT_API_KEY, MockAPI, PaywallStore, ProfileStore, running_mock
from adapty_contracts.mock._spec import default_spec, seed_schemas
from adapty_contracts.mock._store import Seeds, load_state
from adapty_contracts.mock.resources.virtual_currency import (
    DEFAULT_CURRENCIES,
    INT32_MAX,
    Currency,
    VirtualCurrencyStore,
)

pytestmark = pytest.mark.slow

CREATE, HISTORY, BALANCES = (
    "createVirtualCurrencyTransaction",
    "listVirtualCurrencyTransactions",
    "listVirtualCurrencyBalances",
)
START = {code: start for code, _, start in DEFAULT_CURRENCIES}


class Clock:
    def __init__(self) -> None:
        self.now = 1_780_000_000.0

    def __call__(self) -> float:
        return self.now


CLOCK = Clock()
APIS: list[MockAPI] = []


class ClockedMock(MockAPI):
    """The mock with the test's clock (and a handle on the instance, to reset it)."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.virtual_currency.clock = CLOCK
        APIS.append(self)


class SlowMock(MockAPI):
    latency = 0.6


@pytest.fixture(scope="module")
def vc_store() -> ProfileStore:
    return ProfileStore.with_default_profile()


@pytest.fixture(scope="module")
def vc_url(vc_store: ProfileStore) -> Iterator[str]:
    with running_mock(store=vc_store, api_class=ClockedMock) as url:
        yield url


@pytest.fixture
def c(vc_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=vc_url, timeout=10) as client:
        yield client


@pytest.fixture
def pid(vc_store: ProfileStore) -> str:
    return vc_store.add(str(uuid.uuid4()), f"vc-{uuid.uuid4()}").profile_id


def send(
    client: httpx.Client, operation_id: str, pid: str | None, body: Any = None, key: str | None = None, **kw: Any
) -> httpx.Response:
    headers = {**AUTH, **kw.pop("headers", {})}
    if pid is not None:
        headers["adapty-profile-id"] = pid
    if key is not None:
        headers["Idempotency-Key"] = key
    content = None if body is None else json.dumps(body).encode()
    if content is not None:
        headers["content-type"] = "application/json"
    response = client.request(OPS[operation_id].method, op_path(operation_id), headers=headers, content=content, **kw)
    assert_documented(OPS[operation_id], response)
    return response


def items(*pairs: tuple[str, int]) -> dict[str, Any]:
    return {"items": [{"currency_code": code, "amount": amount} for code, amount in pairs]}


def balances(client: httpx.Client, pid: str) -> dict[str, int]:
    response = send(client, BALANCES, pid)
    assert response.status_code == 200, response.text
    return {entry["code"]: entry["balance"] for entry in response.json()["data"]}


def history(client: httpx.Client, pid: str, **params: Any) -> list[dict[str, Any]]:
    """Every transaction, walking the cursors."""
    found: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = send(client, HISTORY, pid, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        found += page["data"]
        cursor = page["pagination"]["next_cursor"]
        if cursor is None:
            return found


def sums(transactions: list[dict[str, Any]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for transaction in transactions:
        for item in transaction["items"]:
            total[item["currency_code"]] = total.get(item["currency_code"], 0) + item["amount"]
    return total


def error_code(response: httpx.Response) -> str:
    return str(response.json()["error_code"])


# --- balances and transactions --------------------------------------------------------------------------------------
def test_a_profile_starts_with_the_seeded_currencies_and_history_explains_them(c: httpx.Client, pid: str) -> None:
    response = send(c, BALANCES, pid)
    data = response.json()["data"]
    assert [(d["code"], d["name"]) for d in data] == [(code, name) for code, name, _ in DEFAULT_CURRENCIES]
    assert all(d["held"] == 0 and d["available"] == d["balance"] for d in data)
    assert balances(c, pid) == START
    assert sums(history(c, pid)) == START


def test_credit_and_debit_show_in_balances_history_and_the_answer(c: httpx.Client, pid: str) -> None:
    credit = send(c, CREATE, pid, {**items(("COINS", 500), ("GEMS", -30)), "metadata": {"reason": "promo"}})
    assert credit.status_code == 200, credit.text
    answer = credit.json()
    assert [(b["code"], b["balance"], b["available"]) for b in answer["balances"]] == [
        ("COINS", 1500, 1500),
        ("GEMS", 970, 970),
    ]
    assert balances(c, pid) == {**START, "COINS": 1500, "GEMS": 970}
    newest = history(c, pid)[0]
    assert newest["transaction_id"] == answer["transaction_id"]
    assert newest["transaction_type"] == "api_transaction"
    assert newest["metadata"] == {"reason": "promo"}
    assert newest["items"] == [
        {"currency_code": "COINS", "amount": 500, "balance_after": 1500},
        {"currency_code": "GEMS", "amount": -30, "balance_after": 970},
    ]
    assert sums(history(c, pid)) == balances(c, pid)


def test_a_transaction_applies_all_items_or_none(c: httpx.Client, pid: str) -> None:
    before, listed = balances(c, pid), history(c, pid)
    refused = send(c, CREATE, pid, items(("COINS", 10), ("GOLD", -1001)))
    assert refused.status_code == 400 and error_code(refused) == "insufficient_balance"
    assert balances(c, pid) == before
    assert history(c, pid) == listed


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"items": []}, "empty_items"),
        (items(("NOPE", 1)), "unknown_currency"),
        (items(("COINS", 1), ("COINS", 2)), "duplicate_currency"),
        (items(("COINS", 0)), "amount_zero"),
        (items(("COINS", -1001)), "insufficient_balance"),
        (items(("COINS", INT32_MAX)), "balance_overflow"),
        (items(("GEMS", 5), ("COINS", INT32_MAX - 999)), "balance_overflow"),
    ],
)
def test_each_documented_400_for_its_cause_changes_nothing(
    c: httpx.Client, pid: str, body: dict[str, Any], code: str
) -> None:
    refused = send(c, CREATE, pid, body)
    assert refused.status_code == 400 and error_code(refused) == code, refused.text
    assert balances(c, pid) == START
    assert len(history(c, pid)) == 1  # the seed only


def test_balance_up_to_int32_max_is_fine(c: httpx.Client, pid: str) -> None:
    ok = send(c, CREATE, pid, items(("COINS", INT32_MAX - 1000)))
    assert ok.status_code == 200 and ok.json()["balances"][0]["balance"] == INT32_MAX


@pytest.mark.parametrize(
    "body",
    [
        {"items": [{"currency_code": f"C{i}", "amount": 1} for i in range(21)]},
        {**items(("COINS", 1)), "metadata": {f"k{i}": "v" for i in range(6)}},
        {**items(("COINS", 1)), "metadata": {"Not-Valid": "v"}},
        {**items(("COINS", 1)), "metadata": {"reason": "x" * 201}},
        {**items(("COINS", 1)), "metadata": {"reason": 5}},
        items(("COINS", INT32_MAX + 1)),
        {"items": [{"currency_code": "COINS"}]},
        {"items": "COINS"},
    ],
)
def test_schema_failures_of_the_body_are_the_documented_422(c: httpx.Client, pid: str, body: Any) -> None:
    refused = send(c, CREATE, pid, body)
    assert refused.status_code == 422, refused.text
    assert balances(c, pid) == START


def test_not_json_is_400(c: httpx.Client, pid: str) -> None:
    headers = {**AUTH, "adapty-profile-id": pid, "content-type": "application/json"}
    assert c.post(op_path(CREATE), headers=headers, content=b"{nope").status_code == 400


# --- idempotency ----------------------------------------------------------------------------------------------------
def test_the_same_key_returns_the_original_result_and_changes_nothing(c: httpx.Client, pid: str) -> None:
    key = str(uuid.uuid4())
    first = send(c, CREATE, pid, items(("COINS", -100)), key)
    assert first.status_code == 200
    after = balances(c, pid)
    again = send(c, CREATE, pid, items(("COINS", -100)), key)
    other_body = send(c, CREATE, pid, items(("GEMS", 7)), key)  # spec-silent: the original result (README)
    assert again.status_code == other_body.status_code == 200
    assert again.content == other_body.content == first.content
    assert balances(c, pid) == after == {**START, "COINS": 900}
    assert len(history(c, pid)) == 2


def test_keys_are_scoped_to_a_profile(c: httpx.Client, pid: str, vc_store: ProfileStore) -> None:
    other = vc_store.add(str(uuid.uuid4())).profile_id
    key = str(uuid.uuid4())
    mine = send(c, CREATE, pid, items(("COINS", 1)), key)
    theirs = send(c, CREATE, other, items(("COINS", 1)), key)
    assert mine.json()["transaction_id"] != theirs.json()["transaction_id"]
    assert balances(c, other)["COINS"] == START["COINS"] + 1


def test_after_an_hour_the_same_key_is_a_new_transaction(c: httpx.Client, pid: str) -> None:
    key = str(uuid.uuid4())
    first = send(c, CREATE, pid, items(("COINS", 1)), key)
    CLOCK.now += 3599
    assert send(c, CREATE, pid, items(("COINS", 1)), key).content == first.content
    CLOCK.now += 2
    later = send(c, CREATE, pid, items(("COINS", 1)), key)
    assert later.status_code == 200 and later.json()["transaction_id"] != first.json()["transaction_id"]
    assert balances(c, pid)["COINS"] == START["COINS"] + 2


def test_a_refused_transaction_is_not_remembered(c: httpx.Client, pid: str) -> None:
    key = str(uuid.uuid4())
    assert send(c, CREATE, pid, items(("COINS", -5000)), key).status_code == 400
    assert send(c, CREATE, pid, items(("COINS", -5)), key).status_code == 200


@pytest.mark.parametrize(
    "key",
    ["", "not-a-uuid", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", str(uuid.uuid5(uuid.NAMESPACE_DNS, "x")), "1" * 36],
)
def test_a_key_that_is_not_a_uuid_v4_is_idempotency_key_invalid(c: httpx.Client, pid: str, key: str) -> None:
    refused = send(c, CREATE, pid, items(("COINS", 1)), key)
    assert refused.status_code == 400 and error_code(refused) == "idempotency_key_invalid"
    assert balances(c, pid) == START


def test_a_key_still_in_flight_is_409_with_retry_after() -> None:
    store = ProfileStore.with_default_profile()
    pid = store.add(str(uuid.uuid4())).profile_id
    key = str(uuid.uuid4())
    headers = {**AUTH, "adapty-profile-id": pid, "Idempotency-Key": key}

    async def main(url: str) -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=url, timeout=10) as client:

            async def post(delay: float) -> httpx.Response:
                await asyncio.sleep(delay)
                return await client.post(op_path(CREATE), headers=headers, json=items(("COINS", -1)))

            return list(await asyncio.gather(post(0), post(0.2)))

    with running_mock(store=store, api_class=SlowMock) as url:
        first, second = asyncio.run(main(url))
        assert first.status_code == 200, first.text
        assert second.status_code == 409 and error_code(second) == "idempotency_in_flight"
        assert second.headers["Retry-After"].isdigit() and int(second.headers["Retry-After"]) >= 1
        assert_documented(OPS[CREATE], second)
        with httpx.Client(base_url=url) as c:
            replay = c.post(op_path(CREATE), headers=headers, json=items(("COINS", -1)))
            assert replay.content == first.content
            assert balances(c, pid)["COINS"] == START["COINS"] - 1


def test_the_create_handler_applies_the_latency_itself() -> None:
    assert MockAPI.handle_create_virtual_currency_transaction.applies_latency is True  # type: ignore[attr-defined]
    assert MockAPI(api_key="k", store=ProfileStore()).latency == 0.0


# --- history ----------------------------------------------------------------------------------------------------
def test_history_is_newest_first_and_a_cursor_walk_visits_each_once(c: httpx.Client, pid: str) -> None:
    made = [send(c, CREATE, pid, items(("COINS", i + 1))).json()["transaction_id"] for i in range(7)]
    for limit in (1, 2, 3, 100):
        walked = history(c, pid, limit=limit)
        ids = [t["transaction_id"] for t in walked]
        assert ids[:7] == made[::-1] and len(ids) == len(set(ids)) == 8, limit
        assert [t["created_at"] for t in walked] == sorted((t["created_at"] for t in walked), reverse=True)
    first = send(c, HISTORY, pid, params={"limit": 3}).json()
    assert len(first["data"]) == 3 and first["pagination"]["next_cursor"]
    assert sums(history(c, pid)) == balances(c, pid)


def test_default_limit_is_50_and_limits_are_checked(c: httpx.Client, pid: str) -> None:
    for _ in range(55):
        send(c, CREATE, pid, items(("ENERGY", 1)))
    assert len(send(c, HISTORY, pid).json()["data"]) == 50
    assert len(send(c, HISTORY, pid, params={"limit": 100}).json()["data"]) == 56
    for bad in (0, 101, "x"):
        assert send(c, HISTORY, pid, params={"limit": bad}).status_code == 400


def test_currency_code_filters_the_history(c: httpx.Client, pid: str) -> None:
    send(c, CREATE, pid, items(("COINS", 1)))
    send(c, CREATE, pid, items(("GEMS", 1), ("GOLD", -1)))
    send(c, CREATE, pid, items(("GEMS", 2)))
    gems = history(c, pid, currency_code="GEMS", limit=1)
    assert [[i["amount"] for i in t["items"] if i["currency_code"] == "GEMS"] for t in gems] == [[2], [1], [1000]]
    assert history(c, pid, currency_code="NOPE") == []


def test_a_bad_cursor_is_invalid_cursor(c: httpx.Client, pid: str, vc_store: ProfileStore) -> None:
    for _ in range(3):
        send(c, CREATE, pid, items(("COINS", 1)))
    cursor = send(c, HISTORY, pid, params={"limit": 1}).json()["pagination"]["next_cursor"]
    decoded = base64.urlsafe_b64decode(cursor).decode()
    other = vc_store.add(str(uuid.uuid4())).profile_id
    for bad, who in [
        ("garbage!", pid),
        (cursor[:-4], pid),
        (base64.urlsafe_b64encode(decoded.replace(":2:", ":1:").encode()).decode(), pid),
        (base64.urlsafe_b64encode(b"vc1:99:" + str(uuid.uuid4()).encode()).decode(), pid),
        (cursor, other),  # another profile's cursor
    ]:
        refused = send(c, HISTORY, who, params={"cursor": bad})
        assert refused.status_code == 400 and error_code(refused) == "invalid_cursor", bad


# --- profiles, 403, state ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("operation_id", [CREATE, HISTORY, BALANCES])
def test_unknown_profile_is_404_by_either_header(c: httpx.Client, operation_id: str) -> None:
    body = items(("COINS", 1)) if operation_id == CREATE else None
    assert send(c, operation_id, str(uuid.uuid4()), body).status_code == 404
    unknown_customer = {"adapty-customer-user-id": f"nobody-{uuid.uuid4()}"}
    assert send(c, operation_id, None, body, headers=unknown_customer).status_code == 404


def test_customer_user_id_names_the_same_balances(c: httpx.Client, vc_store: ProfileStore) -> None:
    profile = vc_store.add(str(uuid.uuid4()), f"vc-{uuid.uuid4()}")
    by_customer = {"adapty-customer-user-id": str(profile.customer_user_id)}
    assert send(c, CREATE, None, items(("GOLD", 3)), headers=by_customer).status_code == 200
    assert balances(c, profile.profile_id)["GOLD"] == START["GOLD"] + 3


def test_deleting_a_profile_drops_its_virtual_currency(c: httpx.Client, pid: str) -> None:
    send(c, CREATE, pid, items(("COINS", 77)), str(uuid.uuid4()))
    assert c.delete(op_path("deleteProfile"), headers={**AUTH, "adapty-profile-id": pid}).status_code == 204
    assert send(c, BALANCES, pid).status_code == 404
    _, body = request_example(OPS["createProfile"])
    created = c.post(op_path("createProfile"), headers={**AUTH, "adapty-profile-id": pid}, json=body)
    assert created.status_code == 200
    assert balances(c, pid) == START  # as any new profile
    assert len(history(c, pid)) == 1


def test_disabled_answers_the_documented_403_on_every_operation() -> None:
    with running_mock(vc_disabled=True) as url, httpx.Client(base_url=url) as c:
        from adapty_contracts.mock import DEFAULT_PROFILE_ID

        for operation_id in (CREATE, HISTORY, BALANCES):
            body = items(("COINS", 1)) if operation_id == CREATE else None
            refused = send(c, operation_id, DEFAULT_PROFILE_ID, body)
            assert refused.status_code == 403 and error_code(refused) == "feature_not_enabled"
        assert c.get(op_path("getProfile"), headers={**AUTH, "adapty-profile-id": DEFAULT_PROFILE_ID}).is_success


def test_reset_restores_the_seeded_state(c: httpx.Client, pid: str) -> None:
    send(c, CREATE, pid, items(("SILVER", -999)), str(uuid.uuid4()))
    assert balances(c, pid)["SILVER"] == 1
    APIS[-1].virtual_currency.reset()
    assert balances(c, pid) == START
    assert len(history(c, pid)) == 1


def state_doc(pid: str) -> dict[str, Any]:
    return {
        "profiles": [{"profile_id": pid}],
        "virtual_currencies": [
            {"code": "STARS", "name": "Stars", "starting_balance": 5},
            {"code": "MOONS", "name": "M"},
        ],
        "virtual_currency_balances": [{"profile_id": pid, "balances": {"MOONS": 40}}],
    }


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_state_file_seeds_currencies_and_balances(tmp_path: Path, fmt: str) -> None:
    pid = str(uuid.uuid4())
    path = tmp_path / f"state.{fmt}"
    doc = state_doc(pid)
    path.write_text(json.dumps(doc) if fmt == "json" else yaml.safe_dump(doc), encoding="utf-8")
    store, vc = ProfileStore.with_default_profile(), VirtualCurrencyStore.seeded()
    counts = load_state(path, store, PaywallStore(), Seeds(seed_schemas(default_spec())), vc)
    assert counts == {"profiles": 1, "paywalls": 0, "virtual_currencies": 2, "virtual_currency_balances": 1}
    new = store.add(str(uuid.uuid4())).profile_id
    with running_mock(store=store, virtual_currency=vc) as url, httpx.Client(base_url=url) as c:
        assert balances(c, pid) == {"STARS": 0, "MOONS": 40}
        assert balances(c, new) == {"STARS": 5, "MOONS": 0}
        assert sums(history(c, pid)) == {"MOONS": 40}
        assert error_code(send(c, CREATE, pid, items(("COINS", 1)))) == "unknown_currency"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["virtual_currencies"].append({"code": "STARS", "name": "again"}), "duplicate currency"),
        (lambda d: d["virtual_currencies"].append({"code": "BAD CODE", "name": "x"}), "code must be"),
        (lambda d: d["virtual_currencies"][0].update(starting_balance=-1), "starting_balance"),
        (lambda d: d["virtual_currency_balances"][0]["balances"].update(NOPE=1), "unknown currency NOPE"),
        (lambda d: d["virtual_currency_balances"][0].update(profile_id=str(uuid.uuid4())), "not seeded"),
        (lambda d: d["virtual_currency_balances"][0]["balances"].update(MOONS=2**31), "integers 0.."),
    ],
)
def test_bad_virtual_currency_state_is_one_line(tmp_path: Path, change: Any, expected: str) -> None:
    doc = state_doc(str(uuid.uuid4()))
    change(doc)
    path = tmp_path / "state.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_state(path, ProfileStore(), PaywallStore(), None, VirtualCurrencyStore.seeded())
    assert expected in str(info.value) and "\n" not in str(info.value), str(info.value)


def test_a_store_with_no_currencies_lists_none(vc_store: ProfileStore) -> None:
    with (
        running_mock(store=vc_store, virtual_currency=VirtualCurrencyStore([])) as url,
        httpx.Client(base_url=url) as c,
    ):
        assert send(c, BALANCES, next(iter(vc_store)).profile_id).json()["data"] == []
    assert VirtualCurrencyStore([Currency("A", "a")]).currencies["A"].starting_balance == 0


def test_cli_vc_disabled_and_state(tmp_path: Path) -> None:
    pid = str(uuid.uuid4())
    path = tmp_path / "state.yaml"
    path.write_text(yaml.safe_dump(state_doc(pid)), encoding="utf-8")
    with mock_process("--state", str(path), "--vc-disabled", api_key=ENV_KEY) as (url, banner):
        assert "STARS, MOONS (disabled: 403)" in "\n".join(banner)
        with httpx.Client(base_url=url, headers={"Authorization": f"Api-Key {ENV_KEY}"}) as c:
            refused = c.get(op_path(BALANCES), headers={"adapty-profile-id": pid})
            assert refused.status_code == 403 and error_code(refused) == "feature_not_enabled"
    auth = {"Authorization": f"Api-Key {DEFAULT_API_KEY}"}
    with mock_process("--state", str(path), api_key=None) as (url, _), httpx.Client(base_url=url, headers=auth) as c:
        assert c.get(op_path(BALANCES), headers={"adapty-profile-id": pid}).json()["data"][1]["balance"] == 40


def test_a_profile_deleted_during_the_latency_is_not_written() -> None:
    store = ProfileStore.with_default_profile()
    pid = store.add(str(uuid.uuid4())).profile_id
    headers = {**AUTH, "adapty-profile-id": pid}

    async def main(url: str) -> tuple[httpx.Response, httpx.Response]:
        async with httpx.AsyncClient(base_url=url, timeout=10) as client:

            async def delete() -> httpx.Response:
                await asyncio.sleep(0.2)
                return await client.delete(op_path("deleteProfile"), headers=headers)

            posted, deleted = await asyncio.gather(
                client.post(op_path(CREATE), headers=headers, json=items(("COINS", 1))), delete()
            )
            return posted, deleted

    with running_mock(store=store, api_class=SlowMock) as url:
        posted, deleted = asyncio.run(main(url))
    assert deleted.status_code == 204
    assert posted.status_code == 404, posted.text
