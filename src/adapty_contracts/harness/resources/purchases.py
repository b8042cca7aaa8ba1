"""Stripe and Paddle validation: a successful validation leaves a profile with the customer user id it was given.

The spec does not say which tokens are valid, so nothing here expects success: only that *if* a validation
succeeds, the profile it imported into exists ("If there was no profile with this customer_user_id before — it
will be created"). Profiles created this way are owned by the run and deleted at the end.
"""

from __future__ import annotations

import json
import re
from typing import Any

from requests import Response
from requests.structures import CaseInsensitiveDict

from adapty_contracts.harness._engine import Call
from adapty_contracts.harness._operations import OperationFacts, inline_refs
from adapty_contracts.harness._target import CUSTOMER_USER_ID_HEADER
from adapty_contracts.harness.resources._base import Resource
from adapty_contracts.harness.resources.profiles import profile_data

STRIPE, PADDLE, GET = "validateStripePurchase", "validatePaddlePurchase", "getProfile"


def customer_user_id_of(operation_id: str, body: Any) -> str | None:
    """The customer user id a validation request names (Stripe nests it in a JSON:API document)."""
    if not isinstance(body, dict):
        return None
    if operation_id == STRIPE:
        data = body.get("data")
        attributes = data.get("attributes") if isinstance(data, dict) else None
        body = attributes if isinstance(attributes, dict) else {}
    value = body.get("customer_user_id")
    return value if isinstance(value, str) else None


class Purchases(Resource):
    name = "purchase validation"
    operations = frozenset({GET})

    def __init__(self, engine: Any) -> None:
        super().__init__(engine)
        self.validated: list[tuple[str, str, str]] = []  # (operation, customer user id, curl line)

    def after_response(self, facts: OperationFacts, response: Response, body: Any) -> None:
        if facts.operation_id not in (STRIPE, PADDLE) or not 200 <= response.status_code < 300:
            return
        customer = customer_user_id_of(facts.operation_id, body)
        if customer is None or customer == self.engine.target.profile.customer_user_id:
            return
        self.validated.append((facts.operation_id, customer, self.engine.curl(response)))
        data = profile_data(self.engine, response)
        if data and isinstance(data.get("profile_id"), str):
            self.engine.own(data["profile_id"], customer, usable=False)
            return
        # Stripe answers `data: null`: find the imported profile by its customer user id, to delete it later.
        call = Call(self.engine.facts[GET], {CUSTOMER_USER_ID_HEADER: customer})
        try:
            found = self.engine.send(call, "cleanup", bookkeeping=True)
        except (UnicodeEncodeError, ValueError):  # an id no header can carry: it cannot be looked up
            self.engine.result.notices.append(f"{facts.operation_id}: a profile imported for an id no header carries")
            return
        data = profile_data(self.engine, found)
        if data and isinstance(data.get("profile_id"), str):
            self.engine.own(data["profile_id"], customer, usable=False)

    def check_state(self, phase: str) -> None:
        engine = self.engine
        for operation_id in (STRIPE, PADDLE):
            if engine.is_checked(operation_id) and not any(op == operation_id for op, _, _ in self.validated):
                self._reach_success(operation_id, phase)
        for operation_id, customer, line in self.validated[:5]:
            got = engine.send(Call(engine.facts[GET], {CUSTOMER_USER_ID_HEADER: customer}), phase)
            if got is None:
                continue
            engine.expect(
                "purchase_validation",
                phase,
                operation_id,
                got,
                {200},
                "after a successful validation, the profile with its customer_user_id exists",
                [line],
                group="validated profile exists",
            )

    def _reach_success(self, operation_id: str, phase: str) -> None:
        """The success path needs a token the server takes: try the spec's example token, then tokens of each
        shape the token's description names ("sub_XXX", "txn_..."), each for a new customer user id, until one
        validates (after_response records it). Refusals are expected: none of these is a violation."""
        engine = self.engine
        facts = engine.facts[operation_id]
        example = engine.request_example(facts)
        if not isinstance(example, dict):
            return
        text = json.dumps(inline_refs(facts.body_schema, engine.doc))
        prefixes = list(dict.fromkeys(re.findall(r"\b([a-z]{2,5}_)(?:XXX|\.\.\.)", text)))
        suffix = f"{engine.rng.getrandbits(96):024x}"
        tokens = [None, *(prefix + suffix for prefix in prefixes)]  # None: the example's own token
        for token in tokens:
            body = _with_token(example, token, engine.new_customer_user_id() + "-validated")
            response = engine.send(Call(facts, body=body), phase)
            if response is not None and 200 <= response.status_code < 300:
                return
        note = f"{operation_id}: no token of the documented shapes validated; its success path was not reached"
        engine.result.notices.append(note)

    def prepare_case(self, facts: OperationFacts, case: Any, headers: CaseInsensitiveDict[str], phase: str) -> None:
        if facts.operation_id in (STRIPE, PADDLE) and isinstance(case.body, dict):
            # Never import into someone's profile: a generated customer user id becomes one of the run's own.
            target: Any = case.body
            if facts.operation_id == STRIPE:
                data = target.get("data")
                target = data.get("attributes") if isinstance(data, dict) else None
            if isinstance(target, dict) and isinstance(target.get("customer_user_id"), str):
                target["customer_user_id"] = self.engine.new_customer_user_id() + "-validated"


def _with_token(body: Any, token: str | None, customer: str) -> Any:
    """`body` with every `*_token` set to `token` (unless None) and every `customer_user_id` to `customer`."""
    if isinstance(body, dict):
        result = {}
        for key, value in body.items():
            if key == "customer_user_id" and isinstance(value, str):
                result[key] = customer
            elif key.endswith("_token") and isinstance(value, str) and token is not None:
                result[key] = token
            else:
                result[key] = _with_token(value, token, customer)
        return result
    if isinstance(body, list):
        return [_with_token(item, token, customer) for item in body]
    return body
