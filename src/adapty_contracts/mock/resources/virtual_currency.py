"""Virtual currency: per-profile balances over the app's currencies, atomic multi-item transactions, idempotency
keys, and a newest-first history with opaque cursors. Every rule is the spec's (descriptions of
createVirtualCurrencyTransaction, listVirtualCurrencyTransactions, listVirtualCurrencyBalances and their schemas):

- a transaction applies all its items or none; each documented 400 `error_code` for its documented cause
  (`empty_items`, `unknown_currency`, `duplicate_currency`, `amount_zero`, `insufficient_balance`,
  `balance_overflow` above int32, `idempotency_key_invalid` for a key that is not a UUID v4); the body's schema
  failures are the documented 422 (the core answers 422 wherever an operation documents it);
- the same `Idempotency-Key` for the same profile within an hour answers the original result and changes nothing;
  after the hour it is a new transaction; while a request with the key is still in flight: 409
  `idempotency_in_flight` + `Retry-After`;
- history newest first, `limit` (default 50), `currency_code` filter, opaque cursors (a bad one: 400
  `invalid_cursor`); balances always equal what the history sums to (starting balances are a seed transaction);
- disabled (`--vc-disabled`): the documented 403 `feature_not_enabled` on the three operations.

Spec-silent choices (README): every profile starts with each currency's starting balance (default set: 1000 each,
recorded as a `dashboard_transaction`), an empty `items` list is 400 `empty_items` rather than the schema's 422, a
key reused with another body answers the original result, and only applied transactions are remembered by key.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
import json
import math
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.responses import Response

from adapty_contracts.mock._core import Call, MockError, operation
from adapty_contracts.mock._spec import Operation, Parameter
from adapty_contracts.mock._store import Profile, encode_json, parse_profile_id
from adapty_contracts.mock.resources.profiles import ProfilesResource

CREATE = "createVirtualCurrencyTransaction"
LIST_TRANSACTIONS = "listVirtualCurrencyTransactions"
LIST_BALANCES = "listVirtualCurrencyBalances"
VC_OPERATIONS = frozenset({CREATE, LIST_TRANSACTIONS, LIST_BALANCES})
IDEMPOTENCY_KEY = "Idempotency-Key"

INT32_MAX = 2**31 - 1
INT32_MIN = -(2**31)
IDEMPOTENCY_WINDOW = 3600.0  # seconds: "Keys are remembered for up to an hour"
DEFAULT_LIMIT = 50
API_TRANSACTION = "api_transaction"
SEED_TRANSACTION = "dashboard_transaction"  # how starting balances show in the history
# The default app's currencies: the codes the spec's examples use, each with a starting balance per profile.
DEFAULT_CURRENCIES: tuple[tuple[str, str, int], ...] = (
    ("COINS", "Gold Coins", 1000),
    ("GEMS", "Gems", 1000),
    ("GOLD", "Gold", 1000),
    ("SILVER", "Silver", 1000),
    ("ENERGY", "Energy", 1000),
)
_SEED_NAMESPACE = uuid.UUID("0b3f6f0e-6a52-4c1e-9d1f-7a9b0c2d4e61")
_CURSOR_PREFIX = "vc1:"
_PRUNE_EVERY = 4096

MSG_DISABLED = (
    "Server API for virtual currencies is not enabled for this app. Contact Adapty support to request access."
)
MSG_IN_FLIGHT = "A similar request is being processed."


@dataclass
class Currency:
    code: str
    name: str
    starting_balance: int = 0


class Transaction:
    """One recorded transaction, compact: its id, the currencies it touches, and its history item as JSON."""

    __slots__ = ("codes", "encoded", "transaction_id")

    def __init__(self, record: dict[str, Any]) -> None:
        self.transaction_id: str = record["transaction_id"]
        self.codes = tuple(item["currency_code"] for item in record["items"])
        self.encoded = encode_json(record)

    def record(self) -> dict[str, Any]:
        """The history item, decoded."""
        decoded: dict[str, Any] = json.loads(self.encoded)
        return decoded


@dataclass
class Ledger:
    """One profile's balances (by code) and its transactions, oldest first (the history lists them reversed)."""

    balances: dict[str, int]
    history: list[Transaction] = field(default_factory=list)


@dataclass
class Remembered:
    """An applied transaction's answer, by (profile, Idempotency-Key)."""

    at: float
    status: int
    body: bytes


class VirtualCurrencyStore:
    """The app's currencies, per-profile ledgers (made from the seeds on first use), idempotency records.

    `reset()` restores the seeded state (ledgers are re-made lazily, so it costs nothing per profile). `clock`
    (seconds since the epoch) decides created_at and the idempotency window; tests replace it.
    """

    def __init__(self, currencies: list[Currency] | None = None) -> None:
        self.currencies: dict[str, Currency] = {c.code: c for c in currencies or []}
        self.clock: Callable[[], float] = time.time
        self._seeded: dict[bytes, dict[str, int]] = {}  # profile key -> starting balances replacing the defaults
        self._ledgers: dict[bytes, Ledger] = {}
        self._dropped: set[bytes] = set()  # deleted profiles: made again, they start as any new profile does
        self.remembered: dict[tuple[bytes, str], Remembered] = {}
        self.in_flight: dict[tuple[bytes, str], float] = {}  # -> when it started (monotonic)
        self._lock = threading.Lock()

    @classmethod
    def seeded(cls) -> VirtualCurrencyStore:
        return cls([Currency(code, name, start) for code, name, start in DEFAULT_CURRENCIES])

    # --- seeding (`--state`) -----------------------------------------------------------------------------------
    def clear_currencies(self) -> None:
        self.currencies.clear()
        self.reset()

    def add_currency(self, entry: Any) -> None:
        """{code, name, starting_balance?}; ValueError for a bad or duplicate entry."""
        if not isinstance(entry, dict) or set(entry) - {"code", "name", "starting_balance"}:
            raise ValueError("expected a mapping {code, name, starting_balance?}")
        code, name, start = entry.get("code"), entry.get("name"), entry.get("starting_balance", 0)
        if not isinstance(code, str) or not code or not all(c.isascii() and (c.isalnum() or c == "_") for c in code):
            raise ValueError("code must be ASCII letters, digits and underscores")
        if not isinstance(name, str) or not name:
            raise ValueError("name must be a non-empty string")
        if not _is_balance(start):
            raise ValueError(f"starting_balance must be an integer 0..{INT32_MAX}")
        if code in self.currencies:
            raise ValueError(f"duplicate currency code {code}")
        self.currencies[code] = Currency(code, name, start)

    def seed_balances(self, entry: Any) -> None:
        """{profile_id, balances: {code: amount}}: that profile's starting balances (codes checked in `check_seeds`)."""
        if not isinstance(entry, dict) or set(entry) != {"profile_id", "balances"}:
            raise ValueError("expected a mapping {profile_id, balances: {code: amount}}")
        key = parse_profile_id(entry["profile_id"]) if isinstance(entry["profile_id"], str) else None
        if key is None:
            raise ValueError("profile_id must be a UUID")
        balances = entry["balances"]
        if not isinstance(balances, dict) or not all(_is_balance(v) for v in balances.values()):
            raise ValueError(f"balances must map currency codes to integers 0..{INT32_MAX}")
        self._seeded[key] = dict(balances)
        self._ledgers.pop(key, None)

    def check_seeds(self, has_profile: Callable[[str], bool]) -> None:
        """After a state file: every seeded balance names a known currency and an existing profile."""
        for key, balances in self._seeded.items():
            profile_id = str(uuid.UUID(bytes=key))
            if not has_profile(profile_id):
                raise ValueError(f"balances for profile {profile_id}, which is not seeded")
            unknown = set(balances) - set(self.currencies)
            if unknown:
                raise ValueError(f"balances for unknown currency {', '.join(sorted(unknown))} ({profile_id})")

    # --- state -------------------------------------------------------------------------------------------------
    def reset(self) -> None:
        """Back to the seeded state: every ledger, key record and in-flight mark forgotten."""
        with self._lock:
            self._ledgers.clear()
            self._dropped.clear()
            self.remembered.clear()
            self.in_flight.clear()

    def drop(self, key: bytes) -> None:
        """A deleted profile's VC state goes with it."""
        with self._lock:
            self._ledgers.pop(key, None)
            self._dropped.add(key)
            for remembered in [k for k in self.remembered if k[0] == key]:
                del self.remembered[remembered]

    def ledger(self, key: bytes) -> Ledger:
        """The profile's ledger; made on first use from its starting balances, recorded as one seed transaction."""
        ledger = self._ledgers.get(key)
        if ledger is not None:
            return ledger
        with self._lock:
            ledger = self._ledgers.get(key)
            if ledger is None:
                ledger = self._ledgers[key] = self._new_ledger(key)
        return ledger

    def _new_ledger(self, key: bytes) -> Ledger:
        seeded = None if key in self._dropped else self._seeded.get(key)
        start = {
            c.code: c.starting_balance if seeded is None else seeded.get(c.code, 0) for c in self.currencies.values()
        }
        ledger = Ledger({code: 0 for code in self.currencies})
        items = [{"currency_code": c, "amount": n, "balance_after": n} for c, n in start.items() if n]
        if items:
            transaction_id = str(uuid.uuid5(_SEED_NAMESPACE, key.hex()))
            record = {
                "transaction_id": transaction_id,
                "transaction_type": SEED_TRANSACTION,
                "items": items,
                "metadata": None,
                "created_at": self.timestamp(),
            }
            self.append(ledger, record)
        return ledger

    def append(self, ledger: Ledger, record: dict[str, Any]) -> None:
        """Record a transaction and apply its items (the one place balances change)."""
        for item in record["items"]:
            ledger.balances[item["currency_code"]] = item["balance_after"]
        ledger.history.append(Transaction(record))

    def timestamp(self) -> str:
        moment = dt.datetime.fromtimestamp(self.clock(), dt.UTC)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def recall(self, key: tuple[bytes, str]) -> Remembered | None:
        """The answer remembered for this (profile, key) within the window, else None (an old one is forgotten)."""
        found = self.remembered.get(key)
        if found is not None and self.clock() - found.at >= IDEMPOTENCY_WINDOW:
            del self.remembered[key]
            return None
        return found

    def remember(self, key: tuple[bytes, str], status: int, body: bytes) -> None:
        now = self.clock()
        self.remembered[key] = Remembered(now, status, body)
        if len(self.remembered) % _PRUNE_EVERY == 0:
            for old in [k for k, r in self.remembered.items() if now - r.at >= IDEMPOTENCY_WINDOW]:
                del self.remembered[old]


def _is_balance(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= INT32_MAX


def is_uuid4(text: str) -> bool:
    """A canonical (8-4-4-4-12) UUID of version 4, RFC 4122 variant."""
    if parse_profile_id(text) is None:
        return False
    parsed = uuid.UUID(text)
    return parsed.version == 4 and parsed.variant == uuid.RFC_4122


class VirtualCurrencyResource(ProfilesResource):
    virtual_currency: VirtualCurrencyStore
    vc_disabled: bool = False
    latency: float = 0.0  # seconds a write takes (set by `--faults latency=...`); the create applies it itself

    # --- operations --------------------------------------------------------------------------------------------
    @operation(CREATE)
    async def handle_create_virtual_currency_transaction(self, call: Call) -> Response:
        self.require_vc_enabled(call)
        profile = self.profile_of(call)
        body = await self.body(call)
        idempotency_key = self.idempotency_key(call)
        if idempotency_key is None:
            profile = await self.vc_latency(call, profile)
            status, content = self.vc_transaction(profile, body)
            return self.json_response(call, status, content)
        key = (profile.key, str(idempotency_key).lower())
        remembered = self.virtual_currency.recall(key)
        if remembered is not None:
            return self.json_response(call, remembered.status, remembered.body)
        started = self.virtual_currency.in_flight.get(key)
        if started is not None:
            raise self.in_flight_error(started)
        self.virtual_currency.in_flight[key] = time.monotonic()
        try:
            profile = await self.vc_latency(call, profile)
            status, content = self.vc_transaction(profile, body)
            self.remember_transaction(key, status, content)
        finally:
            self.virtual_currency.in_flight.pop(key, None)
        return self.json_response(call, status, content)

    handle_create_virtual_currency_transaction.applies_latency = True  # type: ignore[attr-defined]

    @operation(LIST_TRANSACTIONS)
    async def handle_list_virtual_currency_transactions(self, call: Call) -> Response:
        self.require_vc_enabled(call)
        profile = self.profile_of(call)
        limit = int(call.params.get("limit", self.default_limit(call.operation)))
        code = call.params.get("currency_code")
        transactions, next_cursor = self.history_page(profile, call.params.get("cursor"), limit, code)
        return self.json_response(call, 200, self.render_history(transactions, next_cursor))

    @operation(LIST_BALANCES)
    async def handle_list_virtual_currency_balances(self, call: Call) -> Response:
        self.require_vc_enabled(call)
        profile = self.profile_of(call)
        body = {"response_created_at": int(self.virtual_currency.clock() * 1000), "data": self.balances_of(profile)}
        return self.json_response(call, 200, body)

    # --- override points: the rules ----------------------------------------------------------------------------
    def require_vc_enabled(self, call: Call) -> None:
        """The documented 403 when the Server API for virtual currencies is not enabled for the app."""
        if self.vc_disabled:
            raise MockError(403, "feature_not_enabled", MSG_DISABLED)

    def check_parameter(self, operation: Operation, parameter: Parameter, raw: str) -> Any:
        """`Idempotency-Key` must be a UUID v4: 400 `idempotency_key_invalid` (not the generic validation error)."""
        if parameter.name != IDEMPOTENCY_KEY or operation.operation_id != CREATE:
            return super().check_parameter(operation, parameter, raw)
        if not is_uuid4(raw):
            raise MockError(400, "idempotency_key_invalid", "Idempotency-Key must be a valid UUID v4.", IDEMPOTENCY_KEY)
        return raw

    def idempotency_key(self, call: Call) -> str | None:
        """The validated key; a header sent empty is no UUID v4 either (elsewhere an empty header is absent)."""
        key = call.params.get(IDEMPOTENCY_KEY)
        if key is None and self.header(call.request, IDEMPOTENCY_KEY) is not None:
            raise MockError(400, "idempotency_key_invalid", "Idempotency-Key must be a valid UUID v4.", IDEMPOTENCY_KEY)
        return None if key is None else str(key)

    def validate_body(self, operation: Operation, data: Any, media_type: str) -> Any:
        """An empty `items` list is the documented 400 `empty_items` (its own error code), not a schema 422."""
        if operation.operation_id == CREATE and isinstance(data, dict) and data.get("items") == []:
            raise MockError(400, "empty_items", "items must not be empty.", "items")
        return super().validate_body(operation, data, media_type)

    async def vc_latency(self, call: Call, profile: Profile) -> Profile:
        """Wait the injected latency; then the profile must still be there (deleted meanwhile: 404)."""
        if self.latency <= 0:
            return profile
        await asyncio.sleep(self.latency)
        return self.profile_of(call)

    def in_flight_error(self, started: float) -> MockError:
        remaining = max(self.latency - (time.monotonic() - started), 0.0)
        retry_after = str(max(1, math.ceil(remaining)))
        return MockError(409, "idempotency_in_flight", MSG_IN_FLIGHT, headers={"Retry-After": retry_after})

    def remember_transaction(self, key: tuple[bytes, str], status: int, content: bytes) -> None:
        """An applied transaction's answer, replayed for the same key within the hour."""
        self.virtual_currency.remember(key, status, content)

    def vc_transaction(self, profile: Profile, body: dict[str, Any]) -> tuple[int, bytes]:
        """Check every item, then apply them all: (200, the answer); a MockError changes nothing."""
        store = self.virtual_currency
        items = body["items"]
        ledger = store.ledger(profile.key)
        new_balances = self.new_balances(ledger, items)
        record = {
            "transaction_id": str(uuid.uuid4()),
            "transaction_type": API_TRANSACTION,
            "items": [
                {"currency_code": i["currency_code"], "amount": i["amount"], "balance_after": new_balances[n]}
                for n, i in enumerate(items)
            ],
            "metadata": body.get("metadata"),
            "created_at": store.timestamp(),
        }
        self.apply_transaction(ledger, record)
        answer = {
            "transaction_id": record["transaction_id"],
            "balances": [self.balance_entry(i["currency_code"], new_balances[n]) for n, i in enumerate(items)],
        }
        return 200, encode_json(answer)

    def new_balances(self, ledger: Ledger, items: list[dict[str, Any]]) -> list[int]:
        """The balance after each item, or the documented 400 (422 for an amount outside int32) for the first fault."""
        seen: set[str] = set()
        for n, item in enumerate(items):
            code, amount = item["currency_code"], item["amount"]
            if code not in self.virtual_currency.currencies:
                raise MockError(400, "unknown_currency", f"Unknown currency {code[:50]}", "currency_code")
            if code in seen:
                raise MockError(400, "duplicate_currency", f"Currency {code} appears more than once", "currency_code")
            seen.add(code)
            if amount == 0:
                raise MockError(400, "amount_zero", "amount cannot be zero", "amount")
            if not INT32_MIN <= amount <= INT32_MAX:
                raise MockError(422, "validation_error", "amount must be a 32-bit integer", f"items.{n}.amount")
        result = []
        for item in items:
            code, amount = item["currency_code"], item["amount"]
            after = ledger.balances.get(code, 0) + amount
            if after < 0:
                raise MockError(
                    400, "insufficient_balance", f"Insufficient balance for currency {code}", "currency_code"
                )
            if after > INT32_MAX:
                raise MockError(400, "balance_overflow", f"Balance of currency {code} would overflow", "currency_code")
            result.append(after)
        return result

    def apply_transaction(self, ledger: Ledger, record: dict[str, Any]) -> None:
        """Record the transaction and set every balance it changes, together."""
        self.virtual_currency.append(ledger, record)

    def balance_entry(self, code: str, balance: int) -> dict[str, Any]:
        currency = self.virtual_currency.currencies[code]
        return {"code": code, "name": currency.name, "balance": balance, "held": 0, "available": balance}

    def balances_of(self, profile: Profile) -> list[dict[str, Any]]:
        """Every currency of the app, in its order, with this profile's balance."""
        ledger = self.virtual_currency.ledger(profile.key)
        return [self.balance_entry(code, ledger.balances.get(code, 0)) for code in self.virtual_currency.currencies]

    def default_limit(self, operation: Operation) -> int:
        for parameter in operation.query:
            if parameter.name == "limit" and isinstance(parameter.schema.get("default"), int):
                return int(parameter.schema["default"])
        return DEFAULT_LIMIT

    def history_page(
        self, profile: Profile, cursor: str | None, limit: int, code: str | None
    ) -> tuple[list[Transaction], str | None]:
        """Newest first from the cursor's position (the newest when none); `next_cursor` names the next item."""
        ledger = self.virtual_currency.ledger(profile.key)
        position = len(ledger.history) - 1 if cursor is None else self.cursor_position(ledger, cursor)
        found: list[Transaction] = []
        while position >= 0:
            transaction = ledger.history[position]
            if code is None or code in transaction.codes:
                if len(found) == limit:
                    return found, self.encode_cursor(position, transaction.transaction_id)
                found.append(transaction)
            position -= 1
        return found, None

    def render_history(self, transactions: list[Transaction], next_cursor: str | None) -> bytes:
        """The history response: the stored items spliced in as they are."""
        items = b",".join(t.encoded for t in transactions)
        return b'{"data":[' + items + b'],"pagination":{"next_cursor":' + encode_json(next_cursor) + b"}}"

    def encode_cursor(self, position: int, transaction_id: str) -> str:
        raw = f"{_CURSOR_PREFIX}{position}:{transaction_id}".encode("ascii")
        return base64.urlsafe_b64encode(raw).decode("ascii")

    def cursor_position(self, ledger: Ledger, cursor: str) -> int:
        """The history position a cursor names; 400 `invalid_cursor` unless this profile's history holds it."""
        try:
            text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
            prefix, position_text, transaction_id = text.split(":", 2)
            position = int(position_text)
        except (ValueError, UnicodeError, binascii.Error):
            position, prefix, transaction_id = -1, "", ""
        valid = f"{prefix}:" == _CURSOR_PREFIX and 0 <= position < len(ledger.history)
        if not valid or ledger.history[position].transaction_id != transaction_id:
            raise MockError(400, "invalid_cursor", "The cursor value is invalid.", "cursor")
        return position

    # --- profile lifecycle -------------------------------------------------------------------------------------
    def delete_profile(self, profile: Profile) -> None:
        super().delete_profile(profile)
        self.virtual_currency.drop(profile.key)
