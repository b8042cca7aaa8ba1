"""Virtual currency: what a transaction does is what balances and history show; a replayed Idempotency-Key returns
the same transaction and changes nothing; a debit beyond the balance is refused and changes nothing; a multi-item
transaction applies all or none; history is newest first and a cursor walk visits each transaction exactly once;
each currency's latest `balance_after` is its balance, and balances equal what the history sums to.

Runs on a profile the run creates (deleted at the end, with its balances), so a live run never changes a real
user's currency. Currencies are the ones the server lists for that profile; with none (or the documented 403: not
enabled for the app) the model stops with a note. Only what the spec states is judged: where it is silent (400 or
422 for an empty `items`; starting balances) every reading passes.
"""

from __future__ import annotations

import uuid
from typing import Any

import requests

from adapty_contracts.harness._engine import Call
from adapty_contracts.harness._target import PROFILE_ID_HEADER
from adapty_contracts.harness.resources._base import Resource

CREATE = "createVirtualCurrencyTransaction"
HISTORY = "listVirtualCurrencyTransactions"
BALANCES = "listVirtualCurrencyBalances"
IDEMPOTENCY_KEY = "Idempotency-Key"
CHECK = "virtual_currency"
_MAX_PAGES = 60


def _amounts(transactions: list[dict[str, Any]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for transaction in transactions:
        for item in transaction.get("items") or []:
            if isinstance(item, dict) and isinstance(item.get("amount"), int):
                code = str(item.get("currency_code"))
                total[code] = total.get(code, 0) + item["amount"]
    return total


def _ids(transactions: list[dict[str, Any]]) -> list[str]:
    return [str(t.get("transaction_id")) for t in transactions]


class VirtualCurrency(Resource):
    name = "virtual currency"
    operations = frozenset({"createProfile", CREATE, HISTORY, BALANCES})

    def __init__(self, engine: Any) -> None:
        super().__init__(engine)
        self.identity: dict[str, str] = {}

    # --- requests ----------------------------------------------------------------------------------------------
    def balances(self, phase: str) -> tuple[dict[str, int] | None, requests.Response | None]:
        response = self.engine.send(Call(self.engine.facts[BALANCES], dict(self.identity)), phase)
        body = self.engine.json_of(response)
        data = body.get("data") if isinstance(body, dict) else None
        if not isinstance(data, list):
            return None, response
        found = {str(d.get("code")): d.get("balance") for d in data if isinstance(d, dict)}
        return {code: value for code, value in found.items() if isinstance(value, int)}, response

    def walk(self, phase: str, limit: int, code: str | None = None) -> tuple[list[dict[str, Any]] | None, list[str]]:
        """Every transaction, page by page from the first (None when a page is not a 200 history)."""
        engine = self.engine
        found: list[dict[str, Any]] = []
        lines: list[str] = []
        cursor: str | None = None
        for _ in range(_MAX_PAGES):
            query: dict[str, Any] = {"limit": limit}
            if code is not None:
                query["currency_code"] = code
            if cursor is not None:
                query["cursor"] = cursor
            response = engine.send(Call(engine.facts[HISTORY], dict(self.identity), query=query), phase)
            body = engine.json_of(response)
            if response is None or not isinstance(body, dict) or not isinstance(body.get("data"), list):
                return None, lines
            lines.append(engine.curl(response))
            found += [t for t in body["data"] if isinstance(t, dict)]
            cursor = (body.get("pagination") or {}).get("next_cursor")
            if not cursor:
                return found, lines
        return found, lines

    def transact(self, phase: str, items: list[tuple[str, int]], key: str | None = None) -> requests.Response | None:
        headers = dict(self.identity)
        if key is not None:
            headers[IDEMPOTENCY_KEY] = key
        body = {"items": [{"currency_code": code, "amount": amount} for code, amount in items]}
        return self.engine.send(Call(self.engine.facts[CREATE], headers, body), phase)

    def refusals(self) -> set[int]:
        """Documented 4xx a refused transaction may get (not auth, feature, profile or rate-limit ones)."""
        documented = {int(code) for code in self.engine.facts[CREATE].statuses if code.isdigit()}
        return {code for code in documented if 400 <= code < 500} - {401, 403, 404, 429}

    # --- the model ---------------------------------------------------------------------------------------------
    def check_state(self, phase: str) -> None:
        engine = self.engine
        owned = engine.create_profile(phase)
        if owned is None:
            return
        self.identity = {PROFILE_ID_HEADER: owned.profile_id}
        start, response = self.balances(phase)
        if response is not None and response.status_code == 403:
            engine.result.notices.append("virtual currency: not enabled for the app (403); model not run")
            return
        if start is None:
            if response is not None:
                engine.expect(CHECK, phase, BALANCES, response, {200}, "balances of a new profile are listed")
            return
        codes = list(start)
        if not codes:
            engine.result.notices.append("virtual currency: the app has no currencies; model not run")
            return
        if not self._consistent(phase, start, [engine.curl(response)] if response is not None else []):
            return
        if not self._credit_and_replay(phase, codes[0]):
            return
        self._debit_beyond_balance(phase, codes[0])
        if len(codes) > 1:
            self._all_or_none(phase, codes[0], codes[1])
            self._two_items(phase, codes[0], codes[1])
        self._unknown_currency(phase, codes)
        self._empty_items(phase)
        self._cursor_walk(phase, codes[0])
        self._invalid_cursor(phase)
        end, response = self.balances(phase)
        if end is not None and response is not None:
            self._consistent(phase, end, [engine.curl(response)])

    def _consistent(self, phase: str, balances: dict[str, int], trail: list[str]) -> bool:
        """Each currency's newest `balance_after` is its balance; balances equal what the history sums to."""
        engine = self.engine
        history, lines = self.walk(phase, 100)
        if history is None:
            return False
        latest: dict[str, int] = {}
        for transaction in history:  # newest first: the first item seen per currency is its latest
            for item in transaction.get("items") or []:
                if isinstance(item, dict) and isinstance(item.get("balance_after"), int):
                    latest.setdefault(str(item.get("currency_code")), item["balance_after"])
        stale = {code: (value, balances.get(code)) for code, value in latest.items() if balances.get(code) != value}
        ok = engine.expect_true(
            CHECK,
            phase,
            HISTORY,
            not stale,
            title="each currency's latest balance_after in the history is its current balance",
            expected=engine.short({code: balances.get(code) for code in latest}),
            actual=engine.short({code: f"balance_after {a}, balance {b}" for code, (a, b) in stale.items()}),
            reproduce=[*trail, *lines],
            group="balance_after is the balance",
        )
        summed = _amounts(history)
        differs = {code for code in set(summed) | set(balances) if summed.get(code, 0) != balances.get(code, 0)}
        return (
            engine.expect_true(
                CHECK,
                phase,
                BALANCES,
                not differs,
                title="balances equal what the transaction history sums to",
                expected=engine.short({code: summed.get(code, 0) for code in sorted(differs)}),
                actual=engine.short({code: balances.get(code, 0) for code in sorted(differs)}),
                reproduce=[*trail, *lines],
                group="balances = history",
            )
            and ok
        )

    def _expect_balances(
        self, phase: str, expected: dict[str, int], trail: list[str], title: str, group: str
    ) -> dict[str, int] | None:
        engine = self.engine
        now, response = self.balances(phase)
        if response is None:
            return None
        engine.expect_true(
            CHECK,
            phase,
            BALANCES,
            now == expected,
            title=title,
            expected=engine.short(expected),
            actual=engine.short(now) if now is not None else engine.describe(response),
            reproduce=[*trail, engine.curl(response)],
            group=group,
        )
        return now

    def _credit_and_replay(self, phase: str, code: str) -> bool:
        engine = self.engine
        before, _ = self.balances(phase)
        if before is None:
            return False
        key = str(uuid.uuid4())
        credited = self.transact(phase, [(code, 7)], key)
        if credited is None or not engine.expect(CHECK, phase, CREATE, credited, {200}, f"crediting 7 {code}"):
            return False
        trail = [engine.curl(credited)]
        answer = engine.json_of(credited) or {}
        transaction_id = answer.get("transaction_id")
        shown = [(b.get("code"), b.get("balance")) for b in answer.get("balances") or [] if isinstance(b, dict)]
        engine.expect_true(
            CHECK,
            phase,
            CREATE,
            shown == [(code, before[code] + 7)],
            title="a transaction answers the balance after it, one entry per item",
            expected=engine.short([(code, before[code] + 7)]),
            actual=engine.short(shown),
            reproduce=list(trail),
            group="answer shows balances",
        )
        after = {**before, code: before[code] + 7}
        self._expect_balances(phase, after, trail, "a credit shows in the balances", "credit in balances")
        history, lines = self.walk(phase, 100)
        if history is not None:
            newest = history[0] if history else {}
            items = [
                (i.get("currency_code"), i.get("amount"), i.get("balance_after")) for i in newest.get("items") or []
            ]
            engine.expect_true(
                CHECK,
                phase,
                HISTORY,
                newest.get("transaction_id") == transaction_id
                and items == [(code, 7, after[code])]
                and newest.get("transaction_type") == "api_transaction",
                title="a transaction made through the API is the newest in the history (api_transaction)",
                expected=engine.short(
                    {
                        "transaction_id": transaction_id,
                        "transaction_type": "api_transaction",
                        "items": [(code, 7, after[code])],
                    }
                ),
                actual=engine.short(newest),
                reproduce=[*trail, *lines[:1]],
                group="credit in history",
            )
        replayed = self.transact(phase, [(code, 7)], key)
        if replayed is None or not engine.expect(
            CHECK, phase, CREATE, replayed, {200}, "the same Idempotency-Key again returns the original result", trail
        ):
            return True
        trail.append(engine.curl(replayed))
        again = (engine.json_of(replayed) or {}).get("transaction_id")
        engine.expect_true(
            CHECK,
            phase,
            CREATE,
            again == transaction_id,
            title="a replayed Idempotency-Key returns the original transaction",
            expected=f"transaction_id {transaction_id}",
            actual=engine.describe(replayed),
            reproduce=list(trail),
            group="replay: same transaction",
        )
        self._expect_balances(
            phase, after, trail, "a replayed Idempotency-Key does not change balances again", "replay: balances"
        )
        history, lines = self.walk(phase, 100)
        if history is not None:
            engine.expect_true(
                CHECK,
                phase,
                HISTORY,
                _ids(history).count(str(transaction_id)) == 1 and history[0].get("transaction_id") == transaction_id,
                title="a replayed Idempotency-Key adds nothing to the history",
                expected=f"{transaction_id} once, newest",
                actual=engine.short(_ids(history)[:5]),
                reproduce=[*trail, *lines[:1]],
                group="replay: history",
            )
        return True

    def _refused(self, phase: str, items: list[tuple[str, int]], why: str, group: str, allowed: set[int]) -> None:
        """A transaction that must be refused: a documented 4xx, and neither balances nor history change."""
        engine = self.engine
        before, _ = self.balances(phase)
        history, _ = self.walk(phase, 100)
        if before is None or history is None:
            return
        refused = self.transact(phase, items, str(uuid.uuid4()))
        if refused is None:
            return
        engine.expect(CHECK, phase, CREATE, refused, allowed, why, group=f"{group}: refused")
        trail = [engine.curl(refused)]
        self._expect_balances(phase, before, trail, f"{why}: balances unchanged", f"{group}: balances")
        after, lines = self.walk(phase, 100)
        if after is not None:
            engine.expect_true(
                CHECK,
                phase,
                HISTORY,
                _ids(after) == _ids(history),
                title=f"{why}: history unchanged",
                expected=engine.short(_ids(history)[:5]),
                actual=engine.short(_ids(after)[:5]),
                reproduce=[*trail, *lines[:1]],
                group=f"{group}: history",
            )

    def _debit_beyond_balance(self, phase: str, code: str) -> None:
        before, _ = self.balances(phase)
        if before is not None:
            why = f"a debit beyond the balance of {code} is refused"
            self._refused(phase, [(code, -(before[code] + 1))], why, "debit beyond balance", self.refusals())

    def _all_or_none(self, phase: str, code: str, other: str) -> None:
        before, _ = self.balances(phase)
        if before is not None:
            items = [(other, 5), (code, -(before[code] + 1))]
            why = "a transaction with one item beyond its balance applies none of its items"
            self._refused(phase, items, why, "all or none", self.refusals())

    def _empty_items(self, phase: str) -> None:
        """`items` has minItems 1 and the 400 names `empty_items`: either status is a reading of the spec."""
        allowed = self.refusals() & {400, 422}
        self._refused(phase, [], "a transaction with empty items is refused", "empty items", allowed)

    def _unknown_currency(self, phase: str, codes: list[str]) -> None:
        unknown = f"ACUNKNOWN{self.engine.run_tag.upper()}"
        if unknown not in codes:
            self._refused(
                phase,
                [(unknown, 1)],
                "a currency the app does not have is refused",
                "unknown currency",
                self.refusals(),
            )

    def _two_items(self, phase: str, code: str, other: str) -> None:
        engine = self.engine
        before, _ = self.balances(phase)
        if before is None:
            return
        moved = self.transact(phase, [(code, -3), (other, 2)], str(uuid.uuid4()))
        if moved is None or not engine.expect(
            CHECK, phase, CREATE, moved, {200}, f"debit 3 {code} and credit 2 {other}"
        ):
            return
        expected = {**before, code: before[code] - 3, other: before[other] + 2}
        self._expect_balances(
            phase, expected, [engine.curl(moved)], "a debit and a credit in one transaction both show", "two items"
        )

    def _cursor_walk(self, phase: str, code: str) -> None:
        """Newest first; walking by cursor with any limit visits each transaction exactly once."""
        engine = self.engine
        made: list[str] = []
        trail: list[str] = []
        for _ in range(3):
            response = self.transact(phase, [(code, 1)], str(uuid.uuid4()))
            if response is None or response.status_code != 200:
                return
            trail.append(engine.curl(response))
            made.append(str((engine.json_of(response) or {}).get("transaction_id")))
        whole, lines = self.walk(phase, 100)
        if whole is None:
            return
        ids = _ids(whole)
        engine.expect_true(
            "pagination",
            phase,
            HISTORY,
            ids[: len(made)] == made[::-1],
            title="the history is newest first",
            expected=engine.short(made[::-1]),
            actual=engine.short(ids[: len(made)]),
            reproduce=[*trail, *lines[:1]],
            group="newest first",
        )
        for limit in (1, 2):
            walked, lines = self.walk(phase, limit)
            if walked is None:
                continue
            got = _ids(walked)
            engine.expect_true(
                "pagination",
                phase,
                HISTORY,
                got == ids,
                title=f"a cursor walk (limit {limit}) visits each transaction exactly once, in order",
                expected=engine.short(ids),
                actual=engine.short(got),
                reproduce=[*trail, *lines[:6]],
                group="cursor walk",
            )
        page = engine.send(Call(engine.facts[HISTORY], dict(self.identity), query={"limit": 2}), phase)
        body = engine.json_of(page)
        if isinstance(body, dict) and isinstance(body.get("data"), list):
            engine.expect_true(
                "pagination",
                phase,
                HISTORY,
                len(body["data"]) <= 2 and (len(ids) <= 2 or bool((body.get("pagination") or {}).get("next_cursor"))),
                title="limit caps a page, and next_cursor is set while more transactions remain",
                expected=f"at most 2 of {len(ids)} and a next_cursor",
                actual=engine.describe(page),
                reproduce=[*trail, engine.curl(page)],
                group="limit",
            )
        filtered, lines = self.walk(phase, 100, code)
        if filtered is not None:
            outside = [
                t.get("transaction_id")
                for t in filtered
                if code not in {i.get("currency_code") for i in t.get("items") or [] if isinstance(i, dict)}
            ]
            engine.expect_true(
                CHECK,
                phase,
                HISTORY,
                not outside and set(made) <= set(_ids(filtered)),
                title="currency_code filters the history to that currency",
                expected=f"only (and all) transactions with {code}",
                actual=engine.short({"without it": outside[:3], "listed": _ids(filtered)[:5]}),
                reproduce=[*trail, *lines[:1]],
                group="currency filter",
            )

    def _invalid_cursor(self, phase: str) -> None:
        engine = self.engine
        query = {"cursor": f"adapty-contracts-not-a-cursor-{engine.run_tag}"}
        response = engine.send(Call(engine.facts[HISTORY], dict(self.identity), query=query), phase)
        if response is not None:
            engine.expect(
                CHECK,
                phase,
                HISTORY,
                response,
                {400},
                "an invalid cursor is 400 (invalid_cursor)",
                group="invalid cursor",
            )
