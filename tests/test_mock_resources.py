"""The mock serves every operation of the effective spec, with state per resource, over real HTTP on loopback."""

from __future__ import annotations

import asyncio
import copy
import json
import uuid
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
import yaml

from adapty_contracts._errors import UserError
from adapty_contracts.mock import (
    DEFAULT_API_KEY,
    DEFAULT_PROFILE_ID,
    IDENTIFIER_KEYS,
    MockAPI,
    PaywallStore,
    ProfileStore,
    load_spec,
    running_mock,
)
from adapty_contracts.mock._schema import compile_validator, generate
from adapty_contracts.mock._spec import Operation, default_spec, seed_schemas
from adapty_contracts.mock._store import Seeds, load_state

pytestmark = pytest.mark.slow

SPEC = default_spec()
AUTH = {"Authorization": f"Api-Key {DEFAULT_API_KEY}"}
OPS = SPEC.operations
PAYWALL_ID = "{paywall_id}"


def op_path(operation_id: str, **params: str) -> str:
    path = OPS[operation_id].path
    for name, value in params.items():
        path = path.replace("{" + name + "}", value)
    return path


def request_example(operation: Operation) -> tuple[str | None, Any]:
    """(media type, body) the spec shows for an operation's request (its example, else generated)."""
    if not operation.bodies:
        return None, None
    media_type, media = next(iter(operation.bodies.items()))
    raw = operation.raw["requestBody"]["content"][media_type]
    example = raw.get("example")
    if example is None and raw.get("examples"):
        example = next(iter(raw["examples"].values()))["value"]
    return media_type, copy.deepcopy(example) if example is not None else generate(media.schema)


def assert_documented(operation: Operation, response: httpx.Response) -> Any:
    """The status is documented, the content type is the documented one, the body validates against its schema."""
    assert operation.documents(response.status_code), (operation.operation_id, response.status_code, response.text)
    documented = operation.responses[response.status_code]
    if not documented.media:
        assert response.content == b""
        return None
    assert response.headers["content-type"].split(";")[0] == documented.media_type
    body = response.json()
    schema = documented.schema
    if schema is not None:
        errors = list(compile_validator(schema).iter_errors(body))
        assert not errors, f"{operation.operation_id} {response.status_code}: {errors[0].message[:300]}"
    return body


@pytest.fixture
def pid(store: ProfileStore) -> str:
    return store.add(str(uuid.uuid4()), f"customer-{uuid.uuid4()}").profile_id


def call(
    client: httpx.Client, operation_id: str, profile_id: str | None = None, body: Any = None, **kw: Any
) -> httpx.Response:
    operation = OPS[operation_id]
    headers = dict(AUTH)
    if profile_id is not None:
        headers["adapty-profile-id"] = profile_id
    headers.update(kw.pop("headers", {}))
    media_type = next(iter(operation.bodies), None)
    content = None
    if body is not None:
        content = json.dumps(body).encode()
        headers.setdefault("content-type", media_type or "application/json")
    path = op_path(operation_id, **kw.pop("path", {}))
    response = client.request(operation.method, path, headers=headers, content=content, **kw)
    assert_documented(operation, response)
    return response


def get_profile(client: httpx.Client, profile_id: str) -> dict[str, Any]:
    response = call(client, "getProfile", profile_id)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


# --- every operation ------------------------------------------------------------------------------------------------
def test_the_spec_has_the_whole_api() -> None:
    assert len(OPS) >= 16
    assert MockAPI(api_key="k", store=ProfileStore()).stateless_operations == []


@pytest.mark.parametrize("operation_id", sorted(OPS))
def test_every_operation_answers_per_its_schema(client: httpx.Client, pid: str, operation_id: str) -> None:
    """The documented request (example) gets a documented success answer that validates; so do bad ones, as 4xx."""
    operation = OPS[operation_id]
    _, body = request_example(operation)
    paywall = {"paywall_id": next(iter(PaywallStore.seeded(SPEC)._by_id))} if PAYWALL_ID in operation.path else {}
    response = call(client, operation_id, pid, body, path=paywall)
    assert 200 <= response.status_code < 300, response.text
    # no key: 401, documented
    bad = client.request(operation.method, op_path(operation_id, **paywall), headers={"adapty-profile-id": pid})
    assert bad.status_code == 401
    assert_documented(operation, bad)
    if operation.bodies:  # a body that is not JSON: a documented 4xx naming no field
        headers = {**AUTH, "adapty-profile-id": pid, "content-type": next(iter(operation.bodies))}
        bad = client.request(operation.method, op_path(operation_id, **paywall), headers=headers, content=b"{nope")
        assert 400 <= bad.status_code < 500
        assert_documented(operation, bad)


def test_identity_headers_work_on_every_profile_operation(client: httpx.Client, store: ProfileStore) -> None:
    for operation_id, operation in OPS.items():
        if not operation.required_any_of or operation_id in ("deleteProfile", "createProfile"):
            continue
        profile = store.add(str(uuid.uuid4()), f"c-{uuid.uuid4()}")
        _, body = request_example(operation)
        by_customer = {"adapty-customer-user-id": str(profile.customer_user_id)}
        response = call(client, operation_id, None, body, headers=by_customer)
        assert 200 <= response.status_code < 300, (operation_id, response.text)
        neither = call(client, operation_id, None, body)
        assert neither.status_code == 400
        assert neither.json()["errors"][0]["source"] in operation.required_any_of
        unknown = call(client, operation_id, str(uuid.uuid4()), body)
        assert 400 <= unknown.status_code < 500 and unknown.status_code != 401, operation_id


# --- profiles -------------------------------------------------------------------------------------------------------
def test_profile_create_get_update_merges_delete_then_404(client: httpx.Client) -> None:
    new_id, customer = str(uuid.uuid4()), f"new-{uuid.uuid4()}"
    _, body = request_example(OPS["createProfile"])
    body["custom_attributes"] = [{"key": "sport", "value": "yoga"}, {"key": "level", "value": 3}]
    created = call(client, "createProfile", new_id, body, headers={"adapty-customer-user-id": customer})
    assert created.status_code == 200
    data = created.json()["data"]
    assert (data["profile_id"], data["customer_user_id"]) == (new_id, customer)
    assert data["access_levels"] == data["subscriptions"] == data["non_subscriptions"] == []
    assert get_profile(client, new_id)["custom_attributes"] == body["custom_attributes"]
    # update merges: a sent attribute key replaces its value, others stay
    update = {"installation_meta": body["installation_meta"], "custom_attributes": [{"key": "sport", "value": "run"}]}
    updated = call(client, "updateProfile", new_id, update)
    assert updated.json()["data"]["custom_attributes"] == [
        {"key": "sport", "value": "run"},
        {"key": "level", "value": 3},
    ]
    by_customer = call(client, "getProfile", headers={"adapty-customer-user-id": customer})
    assert by_customer.json()["data"]["profile_id"] == new_id
    deleted = call(client, "deleteProfile", None, headers={"adapty-customer-user-id": customer})
    assert deleted.status_code == OPS["deleteProfile"].success.status  # type: ignore[union-attr]
    for operation_id in ("getProfile", "getIntegrationIdentifiers", "getRefundSaverSettings"):
        assert call(client, operation_id, new_id).status_code in (400, 404)
    assert call(client, "getProfile", headers={"adapty-customer-user-id": customer}).status_code == 404
    assert call(client, "deleteProfile", new_id).status_code == 404


def test_create_profile_with_customer_id_only_gets_a_fresh_uuid(client: httpx.Client) -> None:
    _, body = request_example(OPS["createProfile"])
    customer = f"only-{uuid.uuid4()}"
    first = call(client, "createProfile", None, body, headers={"adapty-customer-user-id": customer})
    again = call(client, "createProfile", None, body, headers={"adapty-customer-user-id": customer})
    assert first.json()["data"]["profile_id"] == again.json()["data"]["profile_id"]
    uuid.UUID(first.json()["data"]["profile_id"])


# --- access levels and transactions ---------------------------------------------------------------------------------
def test_grant_then_revoke_access_level(client: httpx.Client, pid: str) -> None:
    granted = call(client, "grantAccessLevel", pid, {"access_level_id": "gold", "expires_at": "2099-01-01T00:00:00Z"})
    levels = granted.json()["data"]["access_levels"]
    assert [a["access_level_id"] for a in levels] == ["gold"]
    assert levels[0]["expires_at"] == "2099-01-01T00:00:00Z"
    assert [a["access_level_id"] for a in get_profile(client, pid)["access_levels"]] == ["gold"]
    # a later revoke_at keeps the level until then
    later = call(client, "revokeAccessLevel", pid, {"access_level_id": "gold", "revoke_at": "2098-01-01T00:00:00Z"})
    assert later.json()["data"]["access_levels"][0]["expires_at"] == "2098-01-01T00:00:00Z"
    # no revoke_at: gone now; revoking what is not there changes nothing
    assert call(client, "revokeAccessLevel", pid, {"access_level_id": "gold"}).json()["data"]["access_levels"] == []
    assert call(client, "revokeAccessLevel", pid, {"access_level_id": "gold"}).status_code == 200
    assert get_profile(client, pid)["access_levels"] == []


def test_set_transaction_subscription_and_one_time(client: httpx.Client, pid: str) -> None:
    raw = OPS["setTransaction"].raw["requestBody"]["content"]["application/json"]["examples"]
    subscription, one_time = raw["subscription"]["value"], raw["one_time_purchase"]["value"]
    one_time = {**one_time, "store_transaction_id": "ot-1", "store_original_transaction_id": "ot-1"}
    data = call(client, "setTransaction", pid, subscription).json()["data"]
    assert [s["store_transaction_id"] for s in data["subscriptions"]] == [subscription["store_transaction_id"]]
    assert [a["access_level_id"] for a in data["access_levels"]] == ["premium"]
    assert data["access_levels"][0]["expires_at"] == subscription["expires_at"]
    data = call(client, "setTransaction", pid, one_time).json()["data"]
    assert [n["store_transaction_id"] for n in data["non_subscriptions"]] == ["ot-1"]
    assert data["total_revenue_usd"] == pytest.approx(subscription["price"]["value"] + one_time["price"]["value"])
    again = call(client, "setTransaction", pid, one_time).json()["data"]  # same transaction id: replaced
    assert len(again["non_subscriptions"]) == 1
    assert again["total_revenue_usd"] == data["total_revenue_usd"]
    assert get_profile(client, pid)["subscriptions"] == data["subscriptions"]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ({"purchase_type": "subscription"}, "store"),
        ({"purchase_type": "one_time_purchase", "store": 5}, "store"),
        ([], None),
    ],
)
def test_bad_transactions_name_the_field(client: httpx.Client, pid: str, body: Any, source: str | None) -> None:
    response = call(client, "setTransaction", pid, body)
    assert response.status_code == 400
    if source is not None:
        assert response.json()["errors"][0]["source"] is not None
    assert get_profile(client, pid)["subscriptions"] == []


# --- refund saver -----------------------------------------------------------------------------------------------------
def test_refund_saver_defaults_set_and_reset(client: httpx.Client, pid: str) -> None:
    assert call(client, "getRefundSaverSettings", pid).json() == {
        "profile_id": pid,
        "settings": {"consent": False, "custom_preference": "no_preference"},
    }
    assert call(client, "setRefundSaverSettings", pid, {"custom_preference": "grant"}).json()["settings"] == {
        "consent": False,
        "custom_preference": "grant",
    }
    call(client, "setRefundSaverSettings", pid, {"consent": True})
    assert call(client, "getRefundSaverSettings", pid).json()["settings"] == {
        "consent": True,
        "custom_preference": "grant",
    }
    call(client, "setRefundSaverSettings", pid, {"custom_preference": None})
    assert call(client, "getRefundSaverSettings", pid).json()["settings"]["custom_preference"] == "no_preference"
    bad = call(client, "setRefundSaverSettings", pid, {"custom_preference": "maybe"})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["source"] == "custom_preference"


def test_refund_saver_of_unknown_profile_is_the_documented_error(client: httpx.Client) -> None:
    response = call(client, "getRefundSaverSettings", str(uuid.uuid4()))
    expected = 404 if OPS["getRefundSaverSettings"].documents(404) else 400
    assert response.status_code == expected
    assert "not" in response.json()["error_code"]


# --- paywalls ---------------------------------------------------------------------------------------------------------
def test_paywalls_list_is_paginated(client: httpx.Client) -> None:
    seen: list[str] = []
    page, pages = 1, 1
    while page <= pages:
        body = call(client, "listPaywalls", params={"page[number]": page, "page[size]": 7}).json()
        pagination = body["meta"]["pagination"]
        pages = pagination["pages"]
        assert pagination["page"] == page
        assert len(body["data"]) <= 7
        seen += [p["paywall_id"] for p in body["data"]]
        page += 1
    assert len(seen) == len(set(seen)) == pagination["count"] >= 21
    assert pages == -(-pagination["count"] // 7)
    default = call(client, "listPaywalls").json()
    assert default["meta"]["pagination"]["page"] == 1
    assert len(default["data"]) == min(20, pagination["count"])
    past = call(client, "listPaywalls", params={"page[number]": pages + 1}).json()
    assert past["data"] == []


@pytest.mark.parametrize(
    "params",
    [{"page[size]": "0"}, {"page[size]": "101"}, {"page[number]": "0"}, {"page[number]": "x"}, {"page[size]": "1.5"}],
)
def test_bad_pagination_is_400_naming_the_parameter(client: httpx.Client, params: dict[str, str]) -> None:
    response = call(client, "listPaywalls", params=params)
    assert response.status_code == 400
    assert response.json()["errors"][0]["source"] == next(iter(params))


def test_paywall_get_update_visible_to_get_and_list(client: httpx.Client) -> None:
    listed = call(client, "listPaywalls", params={"page[size]": 100}).json()["data"]
    paywall_id = listed[-1]["paywall_id"]
    configs = [{"locale": "fr", "data": json.dumps({"title": "Bonjour"})}]
    updated = call(client, "updatePaywall", None, {"remote_configs": configs}, path={"paywall_id": paywall_id})
    assert updated.json()["remote_configs"] == configs
    got = call(client, "getPaywall", path={"paywall_id": paywall_id}).json()
    assert got["remote_configs"] == configs
    assert got["updated_at"] == updated.json()["updated_at"]
    relisted = call(client, "listPaywalls", params={"page[size]": 100}).json()["data"]
    assert next(p for p in relisted if p["paywall_id"] == paywall_id)["updated_at"] == got["updated_at"]
    # replaced, not merged
    call(client, "updatePaywall", None, {"remote_configs": []}, path={"paywall_id": paywall_id})
    assert call(client, "getPaywall", path={"paywall_id": paywall_id}).json()["remote_configs"] == []


def test_unknown_or_malformed_paywall_is_4xx(client: httpx.Client) -> None:
    assert call(client, "getPaywall", path={"paywall_id": str(uuid.uuid4())}).status_code == 404
    malformed = call(client, "getPaywall", path={"paywall_id": "not-a-uuid"})
    assert 400 <= malformed.status_code < 500
    assert malformed.json()["errors"][0]["source"] == "paywall_id"


# --- Stripe and Paddle --------------------------------------------------------------------------------------------
def stripe_body(customer: str, token: str) -> dict[str, Any]:
    return {
        "data": {
            "type": "stripe_receipt_validation_result",
            "attributes": {"customer_user_id": customer, "stripe_token": token},
        }
    }


def test_stripe_validation_imports_and_creates_the_profile(client: httpx.Client) -> None:
    customer = f"stripe-{uuid.uuid4()}"
    ok = call(client, "validateStripePurchase", None, stripe_body(customer, "sub_123"))
    assert ok.status_code == 200
    assert ok.headers["content-type"] == "application/vnd.api+json"
    profile = call(client, "getProfile", headers={"adapty-customer-user-id": customer}).json()["data"]
    assert [s["store_transaction_id"] for s in profile["subscriptions"]] == ["sub_123"]
    assert [a["access_level_id"] for a in profile["access_levels"]] == ["premium"]
    call(client, "validateStripePurchase", None, stripe_body(customer, "pi_456"))
    profile = call(client, "getProfile", headers={"adapty-customer-user-id": customer}).json()["data"]
    assert [n["store_transaction_id"] for n in profile["non_subscriptions"]] == ["pi_456"]


def test_stripe_invalid_token_and_bad_body_are_documented_400s(client: httpx.Client) -> None:
    bad = call(client, "validateStripePurchase", None, stripe_body("x", "invalid_token"))
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["source"]["pointer"] == "/data/attributes/stripe_token"
    missing = call(client, "validateStripePurchase", None, {"data": {"type": "stripe_receipt_validation_result"}})
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["source"]["pointer"] == "/data/attributes"
    text = client.post(op_path("validateStripePurchase"), headers={**AUTH, "content-type": "text/plain"}, content=b"{}")
    assert 400 <= text.status_code < 500


def test_paddle_validation_outcomes(client: httpx.Client) -> None:
    customer = f"paddle-{uuid.uuid4()}"
    data = call(client, "validatePaddlePurchase", None, {"customer_user_id": customer, "paddle_token": "txn_1"})
    assert data.status_code == 200
    profile = data.json()["data"]
    assert profile["customer_user_id"] == customer
    assert [n["store_transaction_id"] for n in profile["non_subscriptions"]] == ["txn_1"]
    codes = [
        (e.get("value") or {}).get("error_code")
        for e in (
            OPS["validatePaddlePurchase"].raw["responses"]["400"]["content"]["application/json"].get("examples") or {}
        ).values()
    ] or ["invalid"]
    for code in [c for c in codes if c] + ["invalid_anything"]:
        bad = call(client, "validatePaddlePurchase", None, {"customer_user_id": customer, "paddle_token": code})
        assert bad.status_code == 400
        if code != "invalid_anything":
            assert bad.json()["error_code"] == code


# --- a new operation costs no code ---------------------------------------------------------------------------------
def test_an_operation_added_upstream_is_served_statelessly(tmp_path: Path) -> None:
    doc = yaml.safe_load(Path(SPEC.source).read_text(encoding="utf-8"))
    doc["paths"]["/api/v2/server-side-api/things/{thing_id}/"] = {
        "post": {
            "operationId": "touchThing",
            "security": [{"apikeyAuth": []}],
            "parameters": [
                {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}},
                {"name": "mode", "in": "query", "schema": {"type": "string", "enum": ["a", "b"]}},
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
                    }
                },
            },
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "id": {"type": "string", "format": "uuid"},
                                    "count": {"type": "integer"},
                                },
                                "required": ["id", "count"],
                            }
                        }
                    },
                },
                "400": {
                    "description": "bad",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}},
                },
            },
        }
    }
    path = tmp_path / "newer.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    spec = load_spec(path)
    api = MockAPI(api_key="k", store=ProfileStore(), spec=spec)
    assert api.stateless_operations == ["touchThing"]
    with running_mock(store=ProfileStore(), spec=spec) as url, httpx.Client(base_url=url, headers=AUTH) as c:
        ok = c.post("/api/v2/server-side-api/things/7/", params={"mode": "a"}, json={"n": 1})
        assert ok.status_code == 200
        jsonschema.validate(
            ok.json(),
            doc["paths"]["/api/v2/server-side-api/things/{thing_id}/"]["post"]["responses"]["200"]["content"][
                "application/json"
            ]["schema"],
        )
        for url_path, params, body, source in [
            ("/api/v2/server-side-api/things/0/", {}, {"n": 1}, "thing_id"),
            ("/api/v2/server-side-api/things/x/", {}, {"n": 1}, "thing_id"),
            ("/api/v2/server-side-api/things/7/", {"mode": "c"}, {"n": 1}, "mode"),
            ("/api/v2/server-side-api/things/7/", {}, {"n": "1"}, "n"),
            ("/api/v2/server-side-api/things/7/", {}, {}, "n"),
        ]:
            bad = c.post(url_path, params=params, json=body)
            assert bad.status_code == 400, (url_path, params, body, bad.text)
            assert bad.json()["errors"][0]["source"] == source
        assert c.get("/api/v2/server-side-api/things/7/").status_code == 405


# --- concurrency across resources ---------------------------------------------------------------------------------
def test_concurrent_writers_on_one_profile_across_resources_lose_nothing(base_url: str, pid: str) -> None:
    writers = 100

    async def write(client: httpx.AsyncClient, i: int) -> None:
        headers = {**AUTH, "adapty-profile-id": pid}
        kind = i % 4
        if kind == 0:
            r = await client.post(op_path("grantAccessLevel"), headers=headers, json={"access_level_id": f"level-{i}"})
        elif kind == 1:
            key = IDENTIFIER_KEYS[i % len(IDENTIFIER_KEYS)]
            r = await client.post(op_path("setIntegrationIdentifiers"), headers=headers, json={key: f"w-{i}"})
        elif kind == 2:
            tx = {
                "purchase_type": "one_time_purchase", "store": "app_store", "store_product_id": "p",
                "store_transaction_id": f"tx-{i}", "store_original_transaction_id": f"tx-{i}",
                "price": {"country": "US", "currency": "USD", "value": 1}, "purchased_at": "2024-01-01T00:00:00Z",
            }  # fmt: skip
            r = await client.post(op_path("setTransaction"), headers=headers, json=tx)
        else:
            patch = {
                "installation_meta": {"device_id": str(uuid.uuid4())},
                "custom_attributes": [{"key": f"k{i}", "value": i}],
            }
            r = await client.patch(op_path("updateProfile"), headers=headers, json=patch)
        assert r.status_code == 200, r.text

    async def main() -> None:
        async with httpx.AsyncClient(base_url=base_url, limits=httpx.Limits(max_connections=writers), timeout=30) as c:
            await asyncio.gather(*(write(c, i) for i in range(writers)))

    asyncio.run(main())
    with httpx.Client(base_url=base_url) as c:
        profile = get_profile(c, pid)
    levels = {a["access_level_id"] for a in profile["access_levels"]}
    assert {f"level-{i}" for i in range(0, writers, 4)} <= levels
    assert {n["store_transaction_id"] for n in profile["non_subscriptions"]} == {
        f"tx-{i}" for i in range(2, writers, 4)
    }
    assert profile["total_revenue_usd"] == pytest.approx(writers / 4)
    assert {a["key"] for a in profile["custom_attributes"]} == {f"k{i}" for i in range(3, writers, 4)}


# --- seeds -----------------------------------------------------------------------------------------------------------
def state_doc() -> dict[str, Any]:
    paywall = copy.deepcopy(OPS["getPaywall"].success_body[1])
    profile_props = seed_schemas(SPEC)
    level = generate(profile_props["access_levels"])
    level.update({"access_level_id": "seeded"})
    subscription = generate(profile_props["subscriptions"])
    return {
        "profiles": [
            {
                "profile_id": "11111111-2222-4333-8444-555555555555",
                "customer_user_id": "seeded-customer",
                "identifiers": {"branch_id": "b"},
                "access_levels": [level],
                "subscriptions": [subscription],
                "refund_saver": {"consent": True, "custom_preference": "decline"},
                "total_revenue_usd": 12.5,
            }
        ],
        "paywalls": [paywall],
    }


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_state_file_seeds_every_resource(tmp_path: Path, fmt: str) -> None:
    doc = state_doc()
    path = tmp_path / f"state.{fmt}"
    path.write_text(json.dumps(doc) if fmt == "json" else yaml.safe_dump(doc), encoding="utf-8")
    store, paywalls = ProfileStore.with_default_profile(), PaywallStore.seeded(SPEC)
    assert load_state(path, store, paywalls, Seeds(seed_schemas(SPEC))) == {"profiles": 1, "paywalls": 1}
    pid = doc["profiles"][0]["profile_id"]
    with running_mock(store=store, paywalls=paywalls) as url, httpx.Client(base_url=url) as c:
        profile = get_profile(c, pid)
        assert [a["access_level_id"] for a in profile["access_levels"]] == ["seeded"]
        assert profile["subscriptions"] == doc["profiles"][0]["subscriptions"]
        assert profile["total_revenue_usd"] == 12.5
        settings = call(c, "getRefundSaverSettings", pid).json()["settings"]
        assert settings == {"consent": True, "custom_preference": "decline"}
        listed = call(c, "listPaywalls").json()
        assert [p["paywall_id"] for p in listed["data"]] == [doc["paywalls"][0]["paywall_id"]]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["profiles"][0]["access_levels"][0].update(is_in_grace_period="no"), "access_levels"),
        (lambda d: d["profiles"][0].update(refund_saver={"custom_preference": "maybe"}), "refund_saver"),
        (lambda d: d["profiles"][0].update(subscriptions="x"), "subscriptions must be a list"),
        (lambda d: d["paywalls"][0].pop("paywall_id"), "paywall"),
        (lambda d: d.update(extra=[]), "extra"),
    ],
    ids=["bad-level", "bad-refund", "not-a-list", "paywall-without-id", "unknown-key"],
)
def test_bad_state_file_is_one_line(tmp_path: Path, mutate: Any, expected: str) -> None:
    doc = state_doc()
    mutate(doc)
    path = tmp_path / "state.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_state(path, ProfileStore(), PaywallStore(), Seeds(seed_schemas(SPEC)))
    assert "\n" not in str(info.value)
    assert expected in str(info.value)
    assert str(path) in str(info.value)


def test_default_profile_unaffected(client: httpx.Client) -> None:
    assert call(client, "getIntegrationIdentifiers", DEFAULT_PROFILE_ID).status_code == 200
