"""Paywalls: the list is paginated as described (page[size] respected, pages disjoint, totals consistent), every
listed paywall can be read and matches its list entry, an unknown id is 404, and an update is what a get shows.

updatePaywall is irreversible on a real app (what its users see): a live run only sends it with
--allow-irreversible. Every paywall the run updates is snapshotted first and its remote configs are put back.
"""

from __future__ import annotations

import json
import math
from typing import Any

from requests.structures import CaseInsensitiveDict

from adapty_contracts.harness._engine import Call
from adapty_contracts.harness._operations import OperationFacts
from adapty_contracts.harness.resources._base import Resource

LIST, GET, UPDATE = "listPaywalls", "getPaywall", "updatePaywall"
PAGE_NUMBER, PAGE_SIZE = "page[number]", "page[size]"
_MAX_PAGES = 30
# Fields a list entry and the paywall itself both have, which must agree.
_SHARED = ("title", "paywall_id", "use_paywall_builder", "use_paywall_builder_legacy", "state", "is_deleted")


class Paywalls(Resource):
    name = "paywalls"
    operations = frozenset({LIST, GET})

    def __init__(self, engine: Any) -> None:
        super().__init__(engine)
        self.known: list[str] = []
        self.snapshots: dict[str, Any] = {}  # paywall id -> remote_configs before the run's first update

    def prepare(self) -> list[str]:
        if not self.active(LIST):
            return []
        body = self.page(1, 100, "snapshot", bookkeeping=True)
        items = (body or {}).get("data") if isinstance(body, dict) else None
        self.known = [str(p["paywall_id"]) for p in items or [] if isinstance(p, dict) and "paywall_id" in p]
        return [] if self.known else ["no paywall listed: paywall operations are checked with unknown ids only"]

    def page(self, number: int, size: int, phase: str, *, bookkeeping: bool = False) -> Any:
        engine = self.engine
        call = Call(engine.facts[LIST], query={PAGE_NUMBER: number, PAGE_SIZE: size})
        response = engine.send(call, phase, bookkeeping=bookkeeping)
        self.last = response
        return engine.json_of(response)

    def prepare_case(self, facts: OperationFacts, case: Any, headers: CaseInsensitiveDict[str], phase: str) -> None:
        if facts.operation_id in (GET, UPDATE) and self.known and self.engine.rng.random() < 0.7:
            case.path_parameters = {**(case.path_parameters or {}), "paywall_id": self.engine.rng.choice(self.known)}

    def complete_call(self, call: Call, phase: str) -> bool:
        if "paywall_id" in call.facts.path_parameters and self.known:
            call.path_parameters.setdefault("paywall_id", self.known[0])
        return True

    def before_send(
        self, facts: OperationFacts, headers: CaseInsensitiveDict[str], path_parameters: dict[str, Any], body: Any
    ) -> None:
        paywall_id = str(path_parameters.get("paywall_id", ""))
        if facts.operation_id != UPDATE or paywall_id in self.snapshots or paywall_id not in self.known:
            return
        engine = self.engine
        call = Call(engine.facts[GET], path_parameters={"paywall_id": paywall_id})
        got = engine.send(call, "snapshot", bookkeeping=True)
        data = engine.json_of(got)
        if isinstance(data, dict):
            self.snapshots[paywall_id] = data.get("remote_configs") or []

    def restore(self) -> bool | None:
        if not self.snapshots:
            return None
        ok = True
        engine = self.engine
        for paywall_id, remote_configs in self.snapshots.items():
            call = Call(engine.facts[UPDATE], path_parameters={"paywall_id": paywall_id})
            call.body = {"remote_configs": remote_configs}
            engine.send(call, "cleanup", bookkeeping=True)
            got = engine.send(
                Call(engine.facts[GET], path_parameters={"paywall_id": paywall_id}), "cleanup", bookkeeping=True
            )
            data = engine.json_of(got)
            if not (isinstance(data, dict) and same_configs(data.get("remote_configs") or [], remote_configs)):
                ok = False
                engine.restore_failed(f"paywall {paywall_id}", UPDATE, [({}, call.body)], {"paywall_id": paywall_id})
        return ok

    # --- state ---------------------------------------------------------------------------------------------------
    def state(self, call: Call, phase: str) -> Any:
        paywall_id = call.path_parameters.get("paywall_id")
        if call.facts.operation_id != UPDATE or paywall_id not in self.known:
            return None
        got = self.engine.send(Call(self.engine.facts[GET], path_parameters={"paywall_id": str(paywall_id)}), phase)
        data = self.engine.json_of(got)
        return data.get("remote_configs") if isinstance(data, dict) else None

    def check_state(self, phase: str) -> None:
        listed = self._pagination(phase)
        self._get_each(phase, listed)
        self._unknown_is_404(phase)
        if self.engine.is_checked(UPDATE) and self.known:
            self._update(phase)

    def _pagination(self, phase: str) -> dict[str, dict[str, Any]]:
        engine = self.engine
        listed: dict[str, dict[str, Any]] = {}
        for size in (1, 2, 7, 100):
            seen: dict[str, dict[str, Any]] = {}
            first = self.page(1, size, phase)
            meta = ((first or {}).get("meta") or {}).get("pagination") if isinstance(first, dict) else None
            if not isinstance(meta, dict) or not isinstance(meta.get("count"), int):
                return listed
            count, pages = meta["count"], meta.get("pages")
            lines = [engine.curl(self.last)]
            expected_pages = max(1, math.ceil(count / size)) if count else pages
            engine.expect_true(
                "pagination",
                phase,
                LIST,
                pages in (expected_pages, math.ceil(count / size)),
                title=f"meta.pagination.pages is count / page[size] rounded up (size {size})",
                expected=f"pages {math.ceil(count / size)} for count {count}",
                actual=f"pages {pages!r}",
                reproduce=lines,
                group="pages consistent with count",
            )
            for number in range(1, min(math.ceil(count / size), _MAX_PAGES) + 1):
                body = first if number == 1 else self.page(number, size, phase)
                if number > 1:
                    lines = [engine.curl(self.last)]
                items = (
                    [p for p in ((body or {}).get("data") or []) if isinstance(p, dict)]
                    if isinstance(body, dict)
                    else []
                )
                full = number < math.ceil(count / size)
                want = size if full else count - size * (number - 1)
                engine.expect_true(
                    "pagination",
                    phase,
                    LIST,
                    len(items) == want,
                    title=f"page {number} of size {size} holds {'page[size]' if full else 'the rest of the'} items",
                    expected=f"{want} item(s) (count {count})",
                    actual=f"{len(items)} item(s)",
                    reproduce=lines,
                    group="page size respected",
                )
                page_meta = (((body or {}).get("meta") or {}).get("pagination") or {}) if isinstance(body, dict) else {}
                engine.expect_true(
                    "pagination",
                    phase,
                    LIST,
                    page_meta.get("page") == number and page_meta.get("count") == count,
                    title="each page names itself and the same total",
                    expected=f"page {number}, count {count}",
                    actual=f"page {page_meta.get('page')!r}, count {page_meta.get('count')!r}",
                    reproduce=lines,
                    group="page meta",
                )
                repeated = [str(p.get("paywall_id")) for p in items if str(p.get("paywall_id")) in seen]
                engine.expect_true(
                    "pagination",
                    phase,
                    LIST,
                    not repeated,
                    title="pages are disjoint",
                    expected="no paywall on two pages",
                    actual=f"{repeated[:3]} repeated on page {number} (size {size})",
                    reproduce=lines,
                    group="pages disjoint",
                )
                seen.update({str(p.get("paywall_id")): p for p in items})
            if count <= size * _MAX_PAGES:
                engine.expect_true(
                    "pagination",
                    phase,
                    LIST,
                    len(seen) == count,
                    title="walking every page gives meta.pagination.count paywalls",
                    expected=f"{count} distinct paywalls",
                    actual=f"{len(seen)}",
                    reproduce=lines,
                    group="totals consistent",
                )
            listed.update(seen)
        return listed

    def _get_each(self, phase: str, listed: dict[str, dict[str, Any]]) -> None:
        engine = self.engine
        for paywall_id, entry in list(listed.items())[:10]:
            got = engine.send(Call(engine.facts[GET], path_parameters={"paywall_id": paywall_id}), phase)
            if got is None:
                continue
            data = engine.json_of(got)
            shared = {key: entry.get(key) for key in _SHARED if key in entry}
            mine = {key: (data or {}).get(key) for key in shared} if isinstance(data, dict) else None
            engine.expect_true(
                "paywalls",
                phase,
                GET,
                mine == shared,
                title="a listed paywall reads back as listed",
                expected=engine.short(shared),
                actual=engine.describe(got) if mine is None else engine.short(mine),
                reproduce=[engine.curl(got)],
                group="get matches list",
            )

    def _unknown_is_404(self, phase: str) -> None:
        engine = self.engine
        call = Call(engine.facts[GET], path_parameters={"paywall_id": engine.unknown_profile_id()})
        got = engine.send(call, phase)
        if got is not None:
            source = engine.sources.operation(GET, "responses", "404")
            why = "an unknown paywall id is not found"
            engine.expect("paywalls", phase, GET, got, {404}, why, group="unknown 404", source=source)
        if engine.is_checked(UPDATE):
            # A valid update of a paywall nobody has: 404 'not found' (it writes nothing, also on a live app).
            body = {"remote_configs": [{"locale": "en", "data": json.dumps({"adapty_contracts": engine.run_tag})}]}
            call = Call(engine.facts[UPDATE], path_parameters={"paywall_id": engine.unknown_profile_id()}, body=body)
            updated = engine.send(call, phase)
            if updated is not None:
                source = engine.sources.operation(UPDATE, "responses", "404")
                why = "an update of an unknown paywall id is not found"
                engine.expect("paywalls", phase, UPDATE, updated, {404}, why, group="update unknown 404", source=source)

    def _update(self, phase: str) -> None:
        engine = self.engine
        paywall_id = self.known[0]
        configs = [{"locale": "en", "data": json.dumps({"adapty_contracts": engine.run_tag})}]
        call = Call(engine.facts[UPDATE], path_parameters={"paywall_id": paywall_id}, body={"remote_configs": configs})
        updated = engine.send(call, phase)
        if updated is None or not engine.expect(
            "paywalls", phase, UPDATE, updated, {200}, "new remote configs for a listed paywall are accepted"
        ):
            return
        trail = [engine.curl(updated)]
        for where, response in (("update answers", updated), ("get shows", None)):
            if response is None:
                response = engine.send(Call(engine.facts[GET], path_parameters={"paywall_id": paywall_id}), phase)
                if response is None:
                    return
                trail.append(engine.curl(response))
            data = engine.json_of(response)
            shown = data.get("remote_configs") if isinstance(data, dict) else None
            engine.expect_true(
                "paywalls",
                phase,
                UPDATE if where == "update answers" else GET,
                same_configs(shown, configs),
                title=f"{where} the remote configs just set (an update replaces them all)",
                expected=engine.short(configs),
                actual=engine.short(shown),
                reproduce=list(trail),
                group=f"update: {where}",
            )
        ids, lines = self.all_ids(phase)
        if ids is not None:
            engine.expect_true(
                "paywalls",
                phase,
                LIST,
                paywall_id in ids,
                title="an updated paywall is still listed (on any page)",
                expected=f"{paywall_id} listed",
                actual=f"{len(ids)} listed without it",
                reproduce=[*trail, *lines[-3:]],
                group="update: still listed",
            )

    def all_ids(self, phase: str) -> tuple[list[str] | None, list[str]]:
        """Every paywall id the list shows, walking its pages (None: the list could not be read)."""
        ids: list[str] = []
        lines: list[str] = []
        for number in range(1, _MAX_PAGES + 1):
            body = self.page(number, 100, phase)
            if not isinstance(body, dict):
                return (ids or None), lines
            lines.append(self.engine.curl(self.last))
            items = [p for p in body.get("data") or [] if isinstance(p, dict)]
            ids += [str(p.get("paywall_id")) for p in items]
            pages = ((body.get("meta") or {}).get("pagination") or {}).get("pages")
            if not items or not isinstance(pages, int) or number >= pages:
                break
        return ids, lines


def same_configs(shown: Any, sent: list[dict[str, Any]]) -> bool:
    """Remote configs as sent: `data` is a JSON document in a string, so it is compared parsed (a server may
    re-serialize it: compact, other key order); other fields as they are."""
    if not isinstance(shown, list) or len(shown) != len(sent):
        return False
    for mine, theirs in zip(shown, sent, strict=True):
        if not isinstance(mine, dict) or {k: v for k, v in mine.items() if k != "data"} != {
            k: v for k, v in theirs.items() if k != "data"
        }:
            return False
        try:
            if json.loads(mine.get("data") or "") != json.loads(theirs.get("data") or ""):
                return False
        except (TypeError, ValueError):
            if mine.get("data") != theirs.get("data"):
                return False
    return True
