"""Paywalls: a seeded set (the spec's own example paywalls, then generated ones up to 25, or a --state file's);
list paginated by `page[number]`/`page[size]` with `meta.pagination` {count, page, pages}; get; update replaces
`remote_configs` (and stamps `updated_at`), visible to get and list. Unknown paywall: 404.
"""

from __future__ import annotations

import math
import threading
import uuid
from typing import Any

from starlette.responses import Response

from adapty_contracts.mock._core import Call, MockError, operation
from adapty_contracts.mock._schema import complete, generate
from adapty_contracts.mock._spec import Spec
from adapty_contracts.mock._store import encode_json, parse_profile_id
from adapty_contracts.mock.resources.access_levels import now_iso
from adapty_contracts.mock.resources.profiles import ProfilesResource

SEEDED_PAYWALLS = 25
PAGE_NUMBER = "page[number]"
PAGE_SIZE = "page[size]"
MSG_NOT_FOUND = "Paywall not found"
_SEED_NAMESPACE = uuid.UUID("6f1b7c1e-1f0e-4d3a-9a53-5d0c2a1b7e10")


class PaywallStore:
    """Paywalls by id in their listing order (as seeded); each a dict shaped like the get response."""

    def __init__(self) -> None:
        self._by_id: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self.version = 0  # bumped by every change: rendered pages are cached per version
        self._saved: dict[str, dict[str, Any]] = {}  # what `reset` restores (see `save`)

    def __len__(self) -> int:
        return len(self._by_id)

    def add(self, paywall: dict[str, Any]) -> None:
        """Add a paywall; ValueError for a missing/malformed `paywall_id` or a duplicate."""
        paywall_id = paywall.get("paywall_id")
        if not isinstance(paywall_id, str) or parse_profile_id(paywall_id) is None:
            raise ValueError("paywall_id must be a UUID")
        key = paywall_id.lower()
        with self._lock:
            if key in self._by_id:
                raise ValueError(f"duplicate paywall_id {paywall_id}")
            self._by_id[key] = paywall
            self.version += 1

    def clear(self) -> None:
        with self._lock:
            self._by_id.clear()
            self.version += 1

    def save(self) -> None:
        """Remember the current paywalls as what `reset` restores (`seeded` saves the seeded set).

        A shallow copy suffices: a paywall's dict is never changed in place (`update` stores a new one)."""
        with self._lock:
            self._saved = dict(self._by_id)

    def reset(self) -> None:
        """Back to the paywalls of the last `save` (a new store: none)."""
        with self._lock:
            self._by_id = dict(self._saved)
            self.version += 1

    def get(self, paywall_id: str) -> dict[str, Any] | None:
        return self._by_id.get(paywall_id.lower())

    def page(self, number: int, size: int) -> tuple[list[dict[str, Any]], int]:
        items = list(self._by_id.values())
        start = (number - 1) * size
        return items[start : start + size], len(items)

    def update(self, paywall_id: str, changes: dict[str, Any]) -> dict[str, Any] | None:
        with self._lock:
            current = self._by_id.get(paywall_id.lower())
            if current is None:
                return None
            updated = {**current, **changes}
            self._by_id[paywall_id.lower()] = updated
            self.version += 1
            return updated

    @classmethod
    def seeded(cls, spec: Spec, count: int = SEEDED_PAYWALLS) -> PaywallStore:
        """The spec's example paywalls (getPaywall's, then listPaywalls'), then generated ones up to `count`."""
        store = cls()
        get_op, list_op = spec.operations.get("getPaywall"), spec.operations.get("listPaywalls")
        schema = (get_op.schema_of(200) if get_op is not None else None) or {}
        examples: list[dict[str, Any]] = []
        if get_op is not None and isinstance(get_op.success_body[1], dict):
            examples.append(get_op.success_body[1])
        if list_op is not None and isinstance(list_op.success_body[1], dict):
            examples += [p for p in list_op.success_body[1].get("data") or [] if isinstance(p, dict)]
        for example in examples:
            if store.get(str(example.get("paywall_id", ""))) is None:
                try:
                    store.add(complete(dict(example), schema))
                except ValueError:
                    continue
        template = generate(schema) if schema else {}
        i = 0
        while len(store) < count:
            i += 1
            paywall_id = str(uuid.uuid5(_SEED_NAMESPACE, f"paywall-{i}"))
            paywall = {**template, "paywall_id": paywall_id}
            if "title" in paywall:
                paywall["title"] = f"Mock paywall {i:02d}"
            if store.get(paywall_id) is None:
                store.add(paywall)
        store.save()
        return store


class PaywallsResource(ProfilesResource):
    paywalls: PaywallStore

    @operation("listPaywalls")
    async def handle_list_paywalls(self, call: Call) -> Response:
        number, size = self.page_request(call)
        cache: dict[tuple[int, int, int], bytes] = self.__dict__.setdefault("_pages", {})
        key = (number, size, self.paywalls.version)
        content = cache.get(key)
        if content is None:
            if len(cache) > 256:
                cache.clear()
            content = cache[key] = encode_json(self.paywall_page(call, number, size))
        return self.json_response(call, 200, content)

    @operation("getPaywall")
    async def handle_get_paywall(self, call: Call) -> Response:
        return self.json_response(call, 200, self.paywall_of(call))

    @operation("updatePaywall")
    async def handle_update_paywall(self, call: Call) -> Response:
        paywall = self.paywall_of(call)
        body = await self.body(call)
        updated = self.update_paywall(str(paywall["paywall_id"]), body)
        return self.json_response(call, 200, updated)

    # --- override points ---------------------------------------------------------------------------------------
    def page_request(self, call: Call) -> tuple[int, int]:
        """(page number, page size): the validated query values, else the schema defaults (1, 20)."""
        sizes = {p.name: p.schema.get("default") for p in call.operation.query}
        number = call.params.get(PAGE_NUMBER, sizes.get(PAGE_NUMBER) or 1)
        size = call.params.get(PAGE_SIZE, sizes.get(PAGE_SIZE) or 20)
        return int(number), int(size)

    def paywall_page(self, call: Call, number: int, size: int) -> dict[str, Any]:
        """One page; a page past the last is empty. `pages` is ceil(count / size) (0 when there are no paywalls)."""
        items, count = self.paywalls.page(number, size)
        item_schema = (((call.operation.schema_of(200) or {}).get("properties") or {}).get("data") or {}).get("items")
        props = (item_schema or {}).get("properties") if isinstance(item_schema, dict) else None
        data = [{k: v for k, v in item.items() if k in props} if props else item for item in items]
        return {
            "data": data,
            "meta": {"pagination": {"count": count, "page": number, "pages": math.ceil(count / size)}},
        }

    def paywall_of(self, call: Call) -> dict[str, Any]:
        paywall_id = str(next(iter(call.path_params.values()), ""))
        paywall = self.find_paywall(paywall_id)
        if paywall is None:
            raise MockError(404, "paywall_not_found", MSG_NOT_FOUND, kind="not_found")
        return paywall

    def find_paywall(self, paywall_id: str) -> dict[str, Any] | None:
        return self.paywalls.get(paywall_id)

    def update_paywall(self, paywall_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """Replace `remote_configs` (all of them, as the description warns) and stamp `updated_at`."""
        changes = {key: value for key, value in body.items() if key == "remote_configs"}
        changes["updated_at"] = now_iso()
        updated = self.paywalls.update(paywall_id, changes)
        if updated is None:
            raise MockError(404, "paywall_not_found", MSG_NOT_FOUND, kind="not_found")
        return updated
