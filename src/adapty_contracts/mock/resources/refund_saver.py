"""Refund Saver settings per profile: GET answers the stored settings (defaults until set: consent false,
preference `no_preference`); POST sets the fields sent (null resets that field to its default) and answers the
result. The fields and their defaults follow the response schema."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from adapty_contracts.mock._core import Call, operation
from adapty_contracts.mock._store import Profile
from adapty_contracts.mock.resources.profiles import ProfilesResource

DEFAULT_CONSENT = False
DEFAULT_PREFERENCE = "no_preference"


class RefundSaverResource(ProfilesResource):
    @operation("getRefundSaverSettings")
    async def handle_get_refund_saver_settings(self, call: Call) -> Response:
        profile = self.profile_of(call)
        return self.json_response(call, 200, self.refund_saver_body(profile))

    @operation("setRefundSaverSettings")
    async def handle_set_refund_saver_settings(self, call: Call) -> Response:
        profile = self.profile_of(call)
        body = await self.body(call)
        self.apply_refund_saver(profile, body if isinstance(body, dict) else {})
        return self.json_response(call, 200, self.refund_saver_body(profile))

    # --- override points ---------------------------------------------------------------------------------------
    def apply_refund_saver(self, profile: Profile, body: dict[str, Any]) -> None:
        def change(p: Profile) -> None:
            consent, preference = p.refund or (None, None)
            if "consent" in body:
                consent = body["consent"]
            if "custom_preference" in body:
                preference = body["custom_preference"]
            p.refund = (consent, preference) if (consent, preference) != (None, None) else None

        self.store.modify(profile, change)

    def refund_saver_body(self, profile: Profile) -> dict[str, Any]:
        consent, preference = profile.refund or (None, None)
        return {
            "profile_id": profile.profile_id,
            "settings": {
                "consent": DEFAULT_CONSENT if consent is None else consent,
                "custom_preference": DEFAULT_PREFERENCE if preference is None else preference,
            },
        }
