"""Stripe and Paddle purchase validation, deterministic (the mock talks to neither):

- a token that starts with an error code the operation documents for 400 (Paddle: `no_products_found`,
  `paddle_api_key_not_found`, `invalid_paddle_credentials_or_purchase_not_found`), or with `invalid` (Stripe and
  Paddle), fails with that documented 400;
- every other token succeeds: the profile with the sent `customer_user_id` is created when there is none, and
  the purchase is imported as a transaction (a `sub_...` token as a subscription expiring 30 days from now, any
  other token as a one-time purchase; transaction id = the token, so validating it again changes nothing).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.responses import Response

from adapty_contracts.mock._core import Call, MockError, operation
from adapty_contracts.mock._store import Profile
from adapty_contracts.mock.resources.transactions import SUBSCRIPTION, TransactionsResource

INVALID_PREFIX = "invalid"
SUBSCRIPTION_PREFIX = "sub_"
MSG_INVALID_TOKEN = "Invalid credentials or purchase not found"


class PurchaseValidationResource(TransactionsResource):
    @operation("validateStripePurchase")
    async def handle_validate_stripe_purchase(self, call: Call) -> Response:
        body = await self.body(call)
        attributes = ((body or {}).get("data") or {}).get("attributes") or {}
        token = str(attributes.get("stripe_token", ""))
        self.check_token(call, token, ("data", "attributes", "stripe_token"))
        self.import_purchase(str(attributes.get("customer_user_id", "")), token, "stripe")
        _, example = call.operation.success_body
        return self.json_response(call, 200, example if example is not None else {"data": None})

    @operation("validatePaddlePurchase")
    async def handle_validate_paddle_purchase(self, call: Call) -> Response:
        body = await self.body(call)
        token = str(body.get("paddle_token", ""))
        self.check_token(call, token, ("paddle_token",))
        profile = self.import_purchase(str(body.get("customer_user_id", "")), token, "paddle")
        return self.render_profile(call, profile)

    # --- override points ---------------------------------------------------------------------------------------
    def check_token(self, call: Call, token: str, path: tuple[str, ...]) -> None:
        """400 for a token naming a documented error code (that error) or starting with `invalid`."""
        documented = call.operation.responses.get(400)
        for example in documented.examples() if documented is not None else []:
            code = example.get("error_code") if isinstance(example, dict) else None
            if isinstance(code, str) and code and token.startswith(code):
                messages = [
                    m
                    for item in example.get("errors") or []
                    if isinstance(item, dict)
                    for m in item.get("errors") or []
                ]
                raise MockError(400, code, (messages or [code])[0], source=path[-1], path=path)
        if token.lower().startswith(INVALID_PREFIX):
            raise MockError(400, "invalid_token", MSG_INVALID_TOKEN, source=path[-1], path=path)

    def import_purchase(self, customer_user_id: str, token: str, store: str) -> Profile:
        profile = self.find_by_customer_user_id(customer_user_id) if customer_user_id else None
        if profile is None:
            try:
                profile, _ = self.store.create(None, customer_user_id or None)
            except ValueError as exc:  # a concurrent create took the id: use that profile
                found = self.find_by_customer_user_id(customer_user_id)
                if found is None:
                    raise MockError(400, "validation_error", str(exc), source="customer_user_id") from None
                profile = found
        now = dt.datetime.now(dt.UTC)
        is_subscription = token.startswith(SUBSCRIPTION_PREFIX)
        tx: dict[str, Any] = {
            "purchase_type": SUBSCRIPTION if is_subscription else "one_time_purchase",
            "store": store,
            "environment": "Production",
            "store_product_id": f"{store}_product",
            "store_transaction_id": token,
            "store_original_transaction_id": token,
            "price": {"country": "US", "currency": "USD", "value": 0.0},
            "purchased_at": now.isoformat(timespec="seconds"),
        }
        if is_subscription:
            tx["originally_purchased_at"] = tx["purchased_at"]
            tx["expires_at"] = (now + dt.timedelta(days=30)).isoformat(timespec="seconds")
            tx["renew_status"] = True
        self.record_transaction(profile, tx)
        return profile
