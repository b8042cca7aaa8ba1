"""Deliberately broken servers: the bundled mock with exactly one fault each, one per property the harness checks.

Each mutant overrides one behaviour of `MockAPI` (one method; two where the core and a resource module both
guard the property, e.g. the parameter check and the lookup). `MUTANTS` maps a name to (class, the property it
breaks); the harness must flag every one of them (tests/test_harness_mutants.py), and must pass the unmodified mock.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

from adapty_contracts.mock import Call, MockAPI, MockError, Profile
from adapty_contracts.mock._app import MSG_NOT_FOUND
from adapty_contracts.mock._spec import Operation, Parameter
from adapty_contracts.mock.resources.virtual_currency import Ledger, Transaction

_FIRST_KEY = "adjust_device_id"
SET_IDS = "setIntegrationIdentifiers"


# --- response shape ------------------------------------------------------------------------------------------------
class GetMissingKey(MockAPI):
    def identifiers_body(self, profile: Profile) -> dict[str, str | None]:
        body = super().identifiers_body(profile)
        body.pop("tenjin_analytics_installation_id")
        return body


class GetWrongType(MockAPI):
    def identifiers_body(self, profile: Profile) -> dict[str, Any]:
        body: dict[str, Any] = dict(super().identifiers_body(profile))
        body["branch_id"] = 0
        return body


class GetTextContentType(MockAPI):
    def render_identifiers(self, call: Call, profile: Profile) -> Response:
        return Response(json.dumps(self.identifiers_body(profile)), status_code=200, media_type="text/plain")


class SetNonEmptyBody(MockAPI):
    def identifiers_set_response(self, call: Call, profile: Profile) -> Response:
        return Response(b'{"status":"ok"}', status_code=200, media_type="application/json")


class ErrorStatusCodeMismatch(MockAPI):
    def error_response(self, status_code: int, error_code: str, messages: list[str], *args: Any, **kw: Any) -> Response:
        response = super().error_response(status_code, error_code, messages, *args, **kw)
        body = json.loads(bytes(response.body))
        body["status_code"] = 400
        return Response(json.dumps(body), status_code=status_code, media_type="application/json")


class ErrorMissingErrorCode(MockAPI):
    def error_response(self, status_code: int, error_code: str, messages: list[str], *args: Any, **kw: Any) -> Response:
        body = {"errors": [{"source": None, "errors": messages}], "status_code": status_code}
        return Response(json.dumps(body), status_code=status_code, media_type="application/json")


class ErrorPlainText(MockAPI):
    def error_response(self, status_code: int, error_code: str, messages: list[str], *args: Any, **kw: Any) -> Response:
        return Response("; ".join(messages), status_code=status_code, media_type="text/plain")


# --- authentication ----------------------------------------------------------------------------------------------
class AcceptsAnyKey(MockAPI):
    def authenticate(self, authorization: str | None) -> None:
        if not (authorization or "").lower().startswith("api-key "):
            super().authenticate(authorization)


class AcceptsMissingKey(MockAPI):
    def authenticate(self, authorization: str | None) -> None:
        if authorization is not None:
            super().authenticate(authorization)


class KeyPrefixMatch(MockAPI):
    def authenticate(self, authorization: str | None) -> None:
        token = (authorization or "").partition(" ")[2]
        if not (token and self._expected_key.decode().startswith(token)):
            super().authenticate(authorization)


class Forbidden403(MockAPI):
    def authenticate(self, authorization: str | None) -> None:
        try:
            super().authenticate(authorization)
        except MockError:
            raise MockError(403, "forbidden", "Forbidden") from None


class AuthAfterIdentity(MockAPI):
    async def handle(self, call: Call) -> Response:
        if call.operation.operation_id != "getIntegrationIdentifiers":
            return await super().handle(call)
        self.validate_parameters(call)
        profile = self.profile_of(call)
        self.authenticate(self.header(call.request, "authorization"))
        return self.render_identifiers(call, profile)


# --- bodies ------------------------------------------------------------------------------------------------------
class LongValueCrash(MockAPI):
    def identifier_changes(self, data: Any) -> dict[str, str | None]:
        changes = super().identifier_changes(data)
        if any(value is not None and len(value) > 1000 for value in changes.values()):
            raise RuntimeError("value too long for the column")
        return changes


class NonAsciiCrash(MockAPI):
    def apply_identifiers(self, profile: Profile, changes: dict[str, str | None]) -> None:
        for value in changes.values():
            if value is not None:
                value.encode("ascii")
        super().apply_identifiers(profile, changes)


class AcceptsWrongTypes(MockAPI):
    def validate_body(self, operation: Operation, data: Any, media_type: str) -> Any:
        if operation.operation_id == SET_IDS and isinstance(data, dict):
            data = {key: (str(value) if value is not None else None) for key, value in data.items()}
        return super().validate_body(operation, data, media_type)


class AcceptsEmptyObject(MockAPI):
    def validate_body(self, operation: Operation, data: Any, media_type: str) -> Any:
        if operation.operation_id == SET_IDS and data == {}:
            return {}  # the schema's minProperties skipped ...
        return super().validate_body(operation, data, media_type)

    def identifier_changes(self, data: Any) -> dict[str, str | None]:
        return {} if data == {} else super().identifier_changes(data)  # ... and so is the handler's own check


class RejectsNull(MockAPI):
    def validate_body(self, operation: Operation, data: Any, media_type: str) -> Any:
        if operation.operation_id == SET_IDS and isinstance(data, dict) and any(v is None for v in data.values()):
            raise MockError(400, "validation_error", "null is not a string", source=_FIRST_KEY)
        return super().validate_body(operation, data, media_type)


class NotJsonCrash(MockAPI):
    def parse_body(self, raw: bytes) -> object:
        return json.loads(raw)  # JSONDecodeError -> 500


class RejectsUnknownKeys(MockAPI):
    def validate_body(self, operation: Operation, data: Any, media_type: str) -> Any:
        if operation.operation_id == SET_IDS and isinstance(data, dict) and set(data) - set(self.store.keys):
            raise MockError(400, "validation_error", "unknown field")
        return super().validate_body(operation, data, media_type)


# --- stored state ------------------------------------------------------------------------------------------------
class IgnoresOneKey(MockAPI):
    def apply_identifiers(self, profile: Profile, changes: dict[str, str | None]) -> None:
        super().apply_identifiers(profile, {k: v for k, v in changes.items() if k != "posthog_distinct_user_id"})


class NullDoesNotClear(MockAPI):
    def apply_identifiers(self, profile: Profile, changes: dict[str, str | None]) -> None:
        super().apply_identifiers(profile, {k: v for k, v in changes.items() if v is not None})


class ReplaceNotMerge(MockAPI):
    def apply_identifiers(self, profile: Profile, changes: dict[str, str | None]) -> None:
        super().apply_identifiers(profile, {**dict.fromkeys(self.store.keys), **changes})


class TruncatesValues(MockAPI):
    def apply_identifiers(self, profile: Profile, changes: dict[str, str | None]) -> None:
        super().apply_identifiers(profile, {k: (v[:255] if v is not None else None) for k, v in changes.items()})


# --- identity ----------------------------------------------------------------------------------------------------
class CustomerIdIgnored(MockAPI):
    def find_by_customer_user_id(self, customer_user_id: str) -> Profile | None:
        return None


class UnknownProfileGets200(MockAPI):
    def find_by_profile_id(self, profile_id: str) -> Profile | None:
        found = super().find_by_profile_id(profile_id)
        return found if found is not None else Profile(b"\0" * 16, None)


class NeitherHeaderUsesDefault(MockAPI):
    def require_any_of(self, operation: Operation, present: set[str]) -> None:
        pass  # the fault: no 400 for neither header ...

    def identify_profile(self, profile_id: str | None, customer_user_id: str | None) -> Profile:  # ... a default
        if not profile_id and not customer_user_id:
            return next(iter(self.store))
        return super().identify_profile(profile_id, customer_user_id)


class UnknownCustomer422(MockAPI):
    def identify_profile(self, profile_id: str | None, customer_user_id: str | None) -> Profile:
        try:
            return super().identify_profile(profile_id, customer_user_id)
        except MockError as exc:
            if exc.status_code == 404 and customer_user_id and not profile_id:
                raise MockError(422, "profile_not_found", MSG_NOT_FOUND) from None
            raise


class MalformedUuidCrash(MockAPI):
    def check_parameter(self, operation: Operation, parameter: Parameter, raw: str) -> Any:
        if parameter.name == "adapty-profile-id":
            return raw  # the fault: the format is not checked before the lookup ...
        return super().check_parameter(operation, parameter, raw)

    def identify_profile(self, profile_id: str | None, customer_user_id: str | None) -> Profile:
        if profile_id:
            import uuid

            uuid.UUID(profile_id)  # ... which crashes (ValueError -> 500) on a malformed id
        return super().identify_profile(profile_id, customer_user_id)


class PostUnknownProfileIgnored(MockAPI):
    async def handle_set_integration_identifiers(self, call: Call) -> Response:
        try:
            return await super().handle_set_integration_identifiers(call)
        except MockError as exc:
            if exc.status_code == 404:
                return Response(status_code=200)
            raise


# --- profiles --------------------------------------------------------------------------------------------------------
class DeleteKeepsProfile(MockAPI):
    def delete_profile(self, profile: Profile) -> None:
        pass  # 204, but the profile stays


class UpdateIgnored(MockAPI):
    async def handle_update_profile(self, call: Call) -> Response:
        profile = self.profile_of(call)
        await self.body(call)
        return self.render_profile(call, profile)  # 200 with the profile as it was


class CreateDropsCustomerUserId(MockAPI):
    async def handle_create_profile(self, call: Call) -> Response:
        profile, _ = self.store.create(None, None)  # the customer user id header is not stored
        return self.render_profile(call, profile)


# --- access levels --------------------------------------------------------------------------------------------------
class GrantNotStored(MockAPI):
    def grant_access_level(self, profile: Profile, level: dict[str, Any]) -> None:
        pass


class RevokeIgnored(MockAPI):
    def revoke_access_level(self, profile: Profile, level_id: str, revoke_at: Any) -> None:
        pass


# --- transactions ---------------------------------------------------------------------------------------------------
class TransactionNotListed(MockAPI):
    def record_transaction(self, profile: Profile, tx: dict[str, Any]) -> None:
        pass


class TransactionInWrongList(MockAPI):
    def record_transaction(self, profile: Profile, tx: dict[str, Any]) -> None:
        flipped = "one_time_purchase" if tx.get("purchase_type") == "subscription" else "subscription"
        super().record_transaction(profile, {**tx, "purchase_type": flipped})


# --- refund saver ---------------------------------------------------------------------------------------------------
class RefundSaverNotStored(MockAPI):
    def apply_refund_saver(self, profile: Profile, body: dict[str, Any]) -> None:
        pass


class RefundSaverGetDefaults(MockAPI):
    async def handle_get_refund_saver_settings(self, call: Call) -> Response:
        profile = self.profile_of(call)
        body = {"profile_id": profile.profile_id, "settings": {"consent": False, "custom_preference": "no_preference"}}
        return self.json_response(call, 200, body)


# --- Stripe / Paddle ------------------------------------------------------------------------------------------------
class StripeAnswersPlainJson(MockAPI):
    async def handle_validate_stripe_purchase(self, call: Call) -> Response:
        response = await super().handle_validate_stripe_purchase(call)
        return Response(bytes(response.body), status_code=response.status_code, media_type="application/json")


class PaddleImportsIntoNobody(MockAPI):
    def import_purchase(self, customer_user_id: str, token: str, store: str) -> Profile:
        profile, _ = self.store.create(None, None)  # the purchase lands in a profile without the customer user id
        return profile


# --- paywalls -------------------------------------------------------------------------------------------------------
class PageSizeIgnored(MockAPI):
    def page_request(self, call: Call) -> tuple[int, int]:
        number, _ = super().page_request(call)
        return number, 20


class PagesOverlap(MockAPI):
    def paywall_page(self, call: Call, number: int, size: int) -> dict[str, Any]:
        page = super().paywall_page(call, 1, size)  # every page holds the first page's items
        page["meta"]["pagination"]["page"] = number
        return page


class PaywallUpdateNotStored(MockAPI):
    def update_paywall(self, paywall_id: str, body: dict[str, Any]) -> dict[str, Any]:
        paywall = self.find_paywall(paywall_id)
        assert paywall is not None
        return {**paywall, "remote_configs": body.get("remote_configs")}  # answered, never stored


class UnknownPaywallFound(MockAPI):
    def find_paywall(self, paywall_id: str) -> dict[str, Any] | None:
        return super().find_paywall(paywall_id) or next(iter(self.paywalls.page(1, 1)[0]), None)


# --- virtual currency ----------------------------------------------------------------------------------------------
class NonAtomicTransaction(MockAPI):
    """Each item is applied as soon as it is checked: a later item's refusal leaves the earlier ones applied."""

    def new_balances(self, ledger: Ledger, items: list[dict[str, Any]]) -> list[int]:
        result = []
        for item in items:
            after = super().new_balances(ledger, [item])[0]
            ledger.balances[item["currency_code"]] = after
            result.append(after)
        return result


class ReplayAppliedTwice(MockAPI):
    """The Idempotency-Key is never remembered: a retry is a second transaction."""

    def remember_transaction(self, key: tuple[bytes, str], status: int, content: bytes) -> None:
        return None


class DebitClampedToBalance(MockAPI):
    """A debit beyond the balance takes what there is instead of being refused."""

    def new_balances(self, ledger: Ledger, items: list[dict[str, Any]]) -> list[int]:
        clamped = []
        for item in items:
            have = ledger.balances.get(item["currency_code"], 0)
            clamped.append({**item, "amount": max(item["amount"], -have)} if have else item)
        return super().new_balances(ledger, clamped)


class CursorRepeatsItem(MockAPI):
    """Off by one: the next page starts again with the last item of the page before."""

    def cursor_position(self, ledger: Ledger, cursor: str) -> int:
        position = super().cursor_position(ledger, cursor)
        return min(position + 1, len(ledger.history) - 1)


class CursorSkipsItem(MockAPI):
    """Off by one the other way: the first item of every next page is lost."""

    def cursor_position(self, ledger: Ledger, cursor: str) -> int:
        return super().cursor_position(ledger, cursor) - 1


class HistoryOldestFirst(MockAPI):
    def history_page(
        self, profile: Profile, cursor: str | None, limit: int, code: str | None
    ) -> tuple[list[Transaction], str | None]:
        transactions, next_cursor = super().history_page(profile, cursor, limit, code)
        return transactions[::-1], next_cursor


class BalancesFromStartingState(MockAPI):
    """Balances read a cache made when the profile was first seen, never refreshed: they disagree with history."""

    def balances_of(self, profile: Profile) -> list[dict[str, Any]]:
        cache: dict[bytes, list[dict[str, Any]]] = self.__dict__.setdefault("_balances_cache", {})
        if profile.key not in cache:
            cache[profile.key] = super().balances_of(profile)
        return cache[profile.key]


class BadCursorReadsFirstPage(MockAPI):
    """A cursor it cannot read starts from the newest transaction instead of the documented 400."""

    def cursor_position(self, ledger: Ledger, cursor: str) -> int:
        try:
            return super().cursor_position(ledger, cursor)
        except MockError:
            return len(ledger.history) - 1


class EmptyItemsApplied(MockAPI):
    """An empty `items` list is taken as a transaction that changes nothing (200) instead of refused."""

    def validate_body(self, operation: Operation, data: Any, media_type: str) -> Any:
        if isinstance(data, dict) and data.get("items") == []:
            return data
        return super().validate_body(operation, data, media_type)


INTEGRATION = ("Integration",)
PROFILES = ("Profile",)
PURCHASES = ("Profile", "Purchase")
VIRTUAL_CURRENCY = ("Virtual Currency", "Profile")
# name -> (mutant class, the property it breaks, the operation tags a check of it selects). A check scoped to the
# mutant's resource is what a user would run against such a server, and keeps the sweep fast; the correct mock
# is checked over every operation.
MUTANTS: dict[str, tuple[type[MockAPI], str, tuple[str, ...]]] = {
    cls.__name__: (cls, prop, tags)
    for cls, prop, tags in [
        (GetMissingKey, "GET 200 body validates (all 16 keys)", INTEGRATION),
        (GetWrongType, "GET 200 body validates (string|null values)", INTEGRATION),
        (GetTextContentType, "documented content type for GET 200", INTEGRATION),
        (SetNonEmptyBody, "empty body for POST 200", INTEGRATION),
        (ErrorStatusCodeMismatch, "error body status_code == HTTP status", INTEGRATION),
        (ErrorMissingErrorCode, "error body validates (error_code)", INTEGRATION),
        (ErrorPlainText, "documented content type for errors", INTEGRATION),
        (AcceptsAnyKey, "wrong API key -> 401", INTEGRATION),
        (AcceptsMissingKey, "missing API key -> 401", INTEGRATION),
        (KeyPrefixMatch, "truncated API key -> 401", INTEGRATION),
        (Forbidden403, "only documented statuses (403 for a bad key)", INTEGRATION),
        (AuthAfterIdentity, "bad key -> 401 whatever else the request holds", INTEGRATION),
        (LongValueCrash, "no 5xx; long values accepted", INTEGRATION),
        (NonAsciiCrash, "no 5xx; non-ASCII values accepted", INTEGRATION),
        (AcceptsWrongTypes, "wrong-typed values rejected with 4xx", INTEGRATION),
        (AcceptsEmptyObject, "empty object rejected with 4xx", INTEGRATION),
        (RejectsNull, "null values accepted (they clear)", INTEGRATION),
        (NotJsonCrash, "a body that is not JSON -> 4xx, not 5xx", INTEGRATION),
        (RejectsUnknownKeys, "schema-valid bodies (extra properties) accepted", INTEGRATION),
        (IgnoresOneKey, "POST stores every key", INTEGRATION),
        (NullDoesNotClear, "null clears a key", INTEGRATION),
        (ReplaceNotMerge, "keys not sent are unchanged", INTEGRATION),
        (TruncatesValues, "values stored exactly", INTEGRATION),
        (CustomerIdIgnored, "test profile found by adapty-customer-user-id", INTEGRATION),
        (UnknownProfileGets200, "unknown profile id -> 404", INTEGRATION),
        (NeitherHeaderUsesDefault, "neither identity header -> never 2xx", INTEGRATION),
        (UnknownCustomer422, "unknown customer id -> 404 (documented)", INTEGRATION),
        (MalformedUuidCrash, "malformed profile id -> 4xx, not 5xx", INTEGRATION),
        (PostUnknownProfileIgnored, "unknown profile -> 404 on POST", INTEGRATION),
        (DeleteKeepsProfile, "a deleted profile is not found", PROFILES),
        (UpdateIgnored, "an update is what a later read shows", PROFILES),
        (CreateDropsCustomerUserId, "a created profile is found by its customer user id", PROFILES),
        (GrantNotStored, "a granted access level is in the profile", PURCHASES),
        (RevokeIgnored, "a revoked access level is gone", PURCHASES),
        (TransactionNotListed, "a transaction is in the profile", PURCHASES),
        (TransactionInWrongList, "subscriptions and non-subscriptions are listed apart", PURCHASES),
        (RefundSaverNotStored, "refund-saver settings set are stored", ("Refund Saver",)),
        (RefundSaverGetDefaults, "get shows the refund-saver settings set", ("Refund Saver",)),
        (StripeAnswersPlainJson, "Stripe answers application/vnd.api+json", ("Stripe", "Profile")),
        (PaddleImportsIntoNobody, "a validated purchase's profile exists", ("Paddle", "Profile")),
        (PageSizeIgnored, "page[size] respected", ("Paywalls",)),
        (PagesOverlap, "pages are disjoint", ("Paywalls",)),
        (PaywallUpdateNotStored, "an update is what a later get shows", ("Paywalls",)),
        (UnknownPaywallFound, "an unknown paywall id is 404", ("Paywalls",)),
        (NonAtomicTransaction, "a transaction applies all its items or none", VIRTUAL_CURRENCY),
        (ReplayAppliedTwice, "a replayed Idempotency-Key returns the original transaction", VIRTUAL_CURRENCY),
        (DebitClampedToBalance, "a debit beyond the balance is refused", VIRTUAL_CURRENCY),
        (CursorRepeatsItem, "a cursor walk visits each transaction once (no repeat)", VIRTUAL_CURRENCY),
        (CursorSkipsItem, "a cursor walk visits each transaction once (no skip)", VIRTUAL_CURRENCY),
        (HistoryOldestFirst, "history is newest first", VIRTUAL_CURRENCY),
        (BalancesFromStartingState, "balances equal what the history sums to", VIRTUAL_CURRENCY),
        (BadCursorReadsFirstPage, "an invalid cursor is 400 invalid_cursor", VIRTUAL_CURRENCY),
        (EmptyItemsApplied, "an empty items list is refused", VIRTUAL_CURRENCY),
    ]
}
# What a violation against each virtual-currency mutant must name: (check, operation, words of its title).
EXPECTED_VIOLATION: dict[str, tuple[str, str, str]] = {
    "NonAtomicTransaction": ("virtual_currency", "listVirtualCurrencyBalances", "applies none of its items"),
    "ReplayAppliedTwice": ("virtual_currency", "createVirtualCurrencyTransaction", "returns the original transaction"),
    "DebitClampedToBalance": ("virtual_currency", "createVirtualCurrencyTransaction", "debit beyond the balance"),
    "CursorRepeatsItem": ("pagination", "listVirtualCurrencyTransactions", "cursor walk"),
    "CursorSkipsItem": ("pagination", "listVirtualCurrencyTransactions", "cursor walk"),
    "HistoryOldestFirst": ("pagination", "listVirtualCurrencyTransactions", "newest first"),
    "BalancesFromStartingState": ("virtual_currency", "listVirtualCurrencyBalances", "credit shows in the balances"),
    "BadCursorReadsFirstPage": ("virtual_currency", "listVirtualCurrencyTransactions", "invalid cursor"),
    "EmptyItemsApplied": ("virtual_currency", "createVirtualCurrencyTransaction", "empty items is refused"),
}


# ====================================================================================================================
# Issue 16: realistic faults in the newer operations (a wrong rule, not only a missing body), so that every resource
# has at least three; and what each mutant's violation must name. Appended as one block (merge-friendly).
# ====================================================================================================================
import datetime as _dt  # noqa: E402

from adapty_contracts.mock._core import operation as _operation  # noqa: E402,F401


class FutureRevokeImmediate(MockAPI):
    """revoke_at read, then ignored: the level goes now even when revoke_at is in the future."""

    def revoke_access_level(self, profile: Profile, level_id: str, revoke_at: Any) -> None:
        super().revoke_access_level(profile, level_id, None)


class GrantIgnoresExpiresAt(MockAPI):
    """Every grant is lifetime: the expires_at sent is dropped."""

    def granted_level(self, body: dict[str, Any]) -> dict[str, Any]:
        return super().granted_level({**body, "expires_at": None})


class GrantCreatesUnknownCustomer(MockAPI):
    """A grant naming an unknown customer user id creates that profile (200) instead of 'Profile not found'."""

    async def handle_grant_access_level(self, call: Call) -> Response:
        profile_id, customer_user_id = self.identity_of(call)
        if customer_user_id and not profile_id and self.find_by_customer_user_id(customer_user_id) is None:
            self.store.create(None, customer_user_id)
        return await super().handle_grant_access_level(call)


class TransactionGivesNoLevel(MockAPI):
    """setTransaction records the purchase but provides no access level (the description says it does)."""

    def record_transaction(self, profile: Profile, tx: dict[str, Any]) -> None:
        super().record_transaction(profile, {**tx, "refunded_at": _dt.datetime.now(_dt.UTC).isoformat()})

    def purchase_record(self, tx: dict[str, Any], list_name: str) -> dict[str, Any]:
        return super().purchase_record({**tx, "refunded_at": None}, list_name)


class TransactionUnknownProfileCreates(MockAPI):
    """setTransaction for an unknown customer user id records it on a new profile (200), not 404."""

    async def handle_set_transaction(self, call: Call) -> Response:
        profile_id, customer_user_id = self.identity_of(call)
        if customer_user_id and not profile_id and self.find_by_customer_user_id(customer_user_id) is None:
            self.store.create(None, customer_user_id)
        return await super().handle_set_transaction(call)


class UpdateUnknownPaywall200(MockAPI):
    """updatePaywall on an unknown id answers 200 with what was sent (and stores nothing)."""

    async def handle_update_paywall(self, call: Call) -> Response:
        paywall_id = str(next(iter(call.path_params.values()), ""))
        if self.find_paywall(paywall_id) is not None:
            return await super().handle_update_paywall(call)
        body = await self.body(call)
        template = dict(next(iter(self.paywalls.page(1, 1)[0])))
        return self.json_response(call, 200, {**template, "paywall_id": paywall_id, **body})


class DeleteByCustomerIdKeeps(MockAPI):
    """deleteProfile by adapty-customer-user-id answers 204 and deletes nothing."""

    async def handle_delete_profile(self, call: Call) -> Response:
        profile_id, customer_user_id = self.identity_of(call)
        if customer_user_id and not profile_id:
            self.profile_of(call)
            return self.empty_response(call, 204)
        return await super().handle_delete_profile(call)


class RefundSaverUnknownCustomerCreates(MockAPI):
    """setRefundSaverSettings for an unknown customer user id creates the profile (200), not a 4xx."""

    async def handle_set_refund_saver_settings(self, call: Call) -> Response:
        profile_id, customer_user_id = self.identity_of(call)
        if customer_user_id and not profile_id and self.find_by_customer_user_id(customer_user_id) is None:
            self.store.create(None, customer_user_id)
        return await super().handle_set_refund_saver_settings(call)


class RefundSaverSetIgnoresConsent(MockAPI):
    """A set stores custom_preference but drops consent (one field of two)."""

    def apply_refund_saver(self, profile: Profile, body: dict[str, Any]) -> None:
        super().apply_refund_saver(profile, {k: v for k, v in body.items() if k != "consent"})


class ProfileLongValueCrash(MockAPI):
    """updateProfile fails (500) on a string longer than its column (no bound is stated)."""

    def apply_profile_update(self, profile: Profile, body: dict[str, Any]) -> None:
        if any(isinstance(v, str) and len(v) > 10_000 for v in body.values()):
            raise RuntimeError("value too long for the column")
        super().apply_profile_update(profile, body)


class PaddleLongTokenCrash(MockAPI):
    """Paddle validation fails (500) on a very long token (no bound is stated)."""

    def check_token(self, call: Call, token: str, path: tuple[str, ...]) -> None:
        if len(token) > 10_000:
            raise RuntimeError("token too long")
        super().check_token(call, token, path)


class PaddleControlCharCrash(MockAPI):
    """Paddle validation fails (500) on a control character in a string (it is logged to a line-based store)."""

    def check_token(self, call: Call, token: str, path: tuple[str, ...]) -> None:
        if any(ord(c) < 32 for c in token):
            raise RuntimeError("control character in token")
        super().check_token(call, token, path)


class PaddleShapedTokensImportIntoNobody(MockAPI):
    """Paddle takes only tokens of the documented shapes (txn_..., sub_...), and imports those into a profile
    without the customer user id: the fault shows only on a success path random tokens never reach."""

    def check_token(self, call: Call, token: str, path: tuple[str, ...]) -> None:
        if call.operation.operation_id == "validatePaddlePurchase" and not token.startswith(("txn_", "sub_")):
            raise MockError(400, "no_products_found", "No products found", source=path[-1], path=path)
        super().check_token(call, token, path)

    def import_purchase(self, customer_user_id: str, token: str, store: str) -> Profile:
        profile, _ = self.store.create(None, None)
        return profile


class IdentifiersApplyBeforeValidating(MockAPI):
    """setIntegrationIdentifiers stores the values it can (numbers as text) before it validates, then answers 400:
    the request is refused, yet something was applied."""

    async def read_body(self, request: Any) -> bytes:
        raw = await super().read_body(request)
        request.state.raw_body = raw  # kept: the handler below reads it again after validation failed
        return raw

    async def handle_set_integration_identifiers(self, call: Call) -> Response:
        try:
            return await super().handle_set_integration_identifiers(call)
        except MockError as exc:
            try:
                data = json.loads(getattr(call.request.state, "raw_body", b"") or b"null")
            except ValueError:
                raise exc from None
            if exc.status_code == 400 and isinstance(data, dict):
                changes: dict[str, str | None] = {
                    str(k): str(v) for k, v in data.items() if k in self.store.keys and v is not None
                }
                self.apply_identifiers(self.profile_of(call), changes)
            raise


# A former mutant whose reading the document leaves open: it looks the profile up before it checks the key, so a
# request wrong in both ways gets 404. tests/alternative_servers.py (ProfileBeforeAuth) now proves it is accepted.
del MUTANTS["AuthAfterIdentity"]

ACCESS = ("Profile", "Purchase")
MUTANTS.update(
    {
        cls.__name__: (cls, prop, tags)
        for cls, prop, tags in [
            (FutureRevokeImmediate, "a future revoke_at keeps the level until then", ACCESS),
            (GrantIgnoresExpiresAt, "a grant's expires_at is the level's expiry", ACCESS),
            (GrantCreatesUnknownCustomer, "unknown customer id -> 404 on grant", ACCESS),
            (TransactionGivesNoLevel, "setTransaction provides an access level", ACCESS),
            (TransactionUnknownProfileCreates, "unknown customer id -> 404 on setTransaction", ACCESS),
            (UpdateUnknownPaywall200, "an update of an unknown paywall id is 404", ("Paywalls",)),
            (DeleteByCustomerIdKeeps, "delete by customer user id deletes", PROFILES),
            (RefundSaverUnknownCustomerCreates, "unknown customer id -> 4xx on refund saver", ("Refund Saver",)),
            (RefundSaverSetIgnoresConsent, "every refund-saver field set is stored", ("Refund Saver",)),
            (ProfileLongValueCrash, "no 5xx on a long value (updateProfile)", PROFILES),
            (PaddleLongTokenCrash, "no 5xx on a long value (Paddle)", ("Paddle", "Profile")),
            (PaddleControlCharCrash, "no 5xx on control characters (Paddle)", ("Paddle", "Profile")),
            (IdentifiersApplyBeforeValidating, "a rejected body applies nothing", INTEGRATION),
            (
                PaddleShapedTokensImportIntoNobody,
                "a validated purchase's profile exists (documented token shapes)",
                ("Paddle", "Profile"),
            ),
        ]
    }
)

# name -> (check, words its title holds): the violation that names the property the mutant breaks.
NAMES_PROPERTY: dict[str, tuple[str, str]] = {
    "GetMissingKey": ("response_schema_conformance", ""),
    "GetWrongType": ("response_schema_conformance", ""),
    "GetTextContentType": ("content_type_conformance", ""),
    "SetNonEmptyBody": ("undocumented_body_is_empty", ""),
    "ErrorStatusCodeMismatch": ("error_status_code_matches", ""),
    "ErrorMissingErrorCode": ("response_schema_conformance", ""),
    "ErrorPlainText": ("content_type_conformance", ""),
    "AcceptsAnyKey": ("auth_rejected", "wrong API key"),
    "AcceptsMissingKey": ("auth_rejected", "no Authorization header"),
    "KeyPrefixMatch": ("auth_rejected", "truncated API key"),
    "Forbidden403": ("status_code_conformance", ""),
    "LongValueCrash": ("not_a_server_error", ""),
    "NonAsciiCrash": ("not_a_server_error", ""),
    "AcceptsWrongTypes": ("body_rejection", "as integer"),
    "AcceptsEmptyObject": ("body_rejection", "empty object"),
    "RejectsNull": ("body_acceptance", ""),
    "NotJsonCrash": ("body_rejection", "not JSON"),
    "RejectsUnknownKeys": ("body_acceptance", "unknown key"),
    "IgnoresOneKey": ("stored_state", "not stored as sent"),
    "NullDoesNotClear": ("stored_state", "null did not clear"),
    "ReplaceNotMerge": ("stored_state", "not sent changed"),
    "TruncatesValues": ("stored_state", "not stored as sent"),
    "CustomerIdIgnored": ("identity_resolution", "either identity header"),
    "UnknownProfileGets200": ("identity_resolution", "unknown adapty-profile-id"),
    "NeitherHeaderUsesDefault": ("identity_header_required", ""),
    "UnknownCustomer422": ("identity_resolution", "unknown adapty-customer-user-id"),
    "MalformedUuidCrash": ("not_a_server_error", ""),
    "PostUnknownProfileIgnored": ("identity_resolution", "unknown adapty-profile-id"),
    "DeleteKeepsProfile": ("profile_lifecycle", "deleted profile is not found"),
    "UpdateIgnored": ("profile_lifecycle", "custom attribute the update set"),
    "CreateDropsCustomerUserId": ("profile_lifecycle", "customer user id"),
    "GrantNotStored": ("access_levels", "has the level"),
    "RevokeIgnored": ("access_levels", "revoked access level"),
    "TransactionNotListed": ("transactions", "is in the profile's"),
    "TransactionInWrongList": ("transactions", "is in the profile's"),
    "RefundSaverNotStored": ("stored_state", "settings"),
    "RefundSaverGetDefaults": ("stored_state", "get shows the settings"),
    "StripeAnswersPlainJson": ("content_type_conformance", ""),
    "PaddleImportsIntoNobody": ("purchase_validation", "profile with its customer_user_id exists"),
    "PageSizeIgnored": ("pagination", "page[size]"),
    "PagesOverlap": ("pagination", "disjoint"),
    "PaywallUpdateNotStored": ("paywalls", "get shows the remote configs"),
    "UnknownPaywallFound": ("paywalls", "unknown paywall id is not found"),
    "FutureRevokeImmediate": ("access_levels", "future revoke_at"),
    "GrantIgnoresExpiresAt": ("access_levels", "expires_at"),
    "GrantCreatesUnknownCustomer": ("identity_resolution", "unknown adapty-customer-user-id"),
    "TransactionGivesNoLevel": ("transactions", "provides an access level"),
    "TransactionUnknownProfileCreates": ("identity_resolution", "unknown adapty-customer-user-id"),
    "UpdateUnknownPaywall200": ("paywalls", "update of an unknown paywall id"),
    "DeleteByCustomerIdKeeps": ("profile_lifecycle", "deleted by its customer user id"),
    "RefundSaverUnknownCustomerCreates": ("identity_resolution", "unknown adapty-customer-user-id"),
    "RefundSaverSetIgnoresConsent": ("stored_state", "settings"),
    "ProfileLongValueCrash": ("edge_values", "long"),
    "PaddleLongTokenCrash": ("edge_values", "long"),
    "PaddleControlCharCrash": ("edge_values", "control"),
    "IdentifiersApplyBeforeValidating": ("body_rejection", "changed nothing"),
    "PaddleShapedTokensImportIntoNobody": ("purchase_validation", "profile with its customer_user_id exists"),
}

# resource (the harness model it is about) -> the mutants that break one of its rules (realistic ones counted).
BY_RESOURCE: dict[str, tuple[str, ...]] = {
    "integration identifiers": (
        "IgnoresOneKey",
        "NullDoesNotClear",
        "ReplaceNotMerge",
        "TruncatesValues",
        "IdentifiersApplyBeforeValidating",
    ),
    "profiles": ("DeleteKeepsProfile", "UpdateIgnored", "CreateDropsCustomerUserId", "DeleteByCustomerIdKeeps"),
    "access levels": ("RevokeIgnored", "FutureRevokeImmediate", "GrantIgnoresExpiresAt", "GrantCreatesUnknownCustomer"),
    "transactions": ("TransactionInWrongList", "TransactionGivesNoLevel", "TransactionUnknownProfileCreates"),
    "refund-saver settings": (
        "RefundSaverGetDefaults",
        "RefundSaverUnknownCustomerCreates",
        "RefundSaverSetIgnoresConsent",
    ),
    "purchase validation": ("PaddleImportsIntoNobody", "PaddleLongTokenCrash", "PaddleControlCharCrash"),
    "paywalls": ("PageSizeIgnored", "PagesOverlap", "UnknownPaywallFound", "UpdateUnknownPaywall200"),
}

# The virtual-currency mutants: what their violation names (from EXPECTED_VIOLATION, which adds the operation).
NAMES_PROPERTY.update({name: (check, words) for name, (check, _op, words) in EXPECTED_VIOLATION.items()})
BY_RESOURCE["virtual currency"] = tuple(EXPECTED_VIOLATION)
