"""Integration identifiers: GET returns every identifier (null where unset); POST adds the ones sent (null clears
one, keys not sent are kept, unknown keys are ignored). The identifier names are the spec's."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from adapty_contracts.mock._core import Call, MockError, operation
from adapty_contracts.mock._store import Profile, encode_json
from adapty_contracts.mock.resources.profiles import ProfilesResource

MSG_NEED_IDENTIFIER = "At least one integration identifier must be provided."


class IntegrationResource(ProfilesResource):
    @operation("getIntegrationIdentifiers")
    async def handle_get_integration_identifiers(self, call: Call) -> Response:
        return self.render_identifiers(call, self.profile_of(call))

    @operation("setIntegrationIdentifiers")
    async def handle_set_integration_identifiers(self, call: Call) -> Response:
        profile = self.profile_of(call)
        changes = self.identifier_changes(await self.body(call))
        self.apply_identifiers(profile, changes)
        return self.identifiers_set_response(call, profile)

    # --- override points ---------------------------------------------------------------------------------------
    def identifier_changes(self, data: Any) -> dict[str, str | None]:
        """The known identifiers of a (schema-valid) body; unknown keys are ignored (additional properties)."""
        if not isinstance(data, dict):
            raise MockError(400, "validation_error", "Request body must be a JSON object.")
        changes = {key: data[key] for key in self.store.keys if key in data}
        if not changes:
            raise MockError(400, "validation_error", MSG_NEED_IDENTIFIER)
        for key, value in changes.items():
            if value is not None and not isinstance(value, str):
                raise MockError(400, "validation_error", "Must be a string or null.", source=key)
        return changes

    def apply_identifiers(self, profile: Profile, changes: dict[str, str | None]) -> None:
        self.store.update(profile, changes)

    def identifiers_body(self, profile: Profile) -> dict[str, str | None]:
        return self.store.snapshot(profile)

    def render_identifiers(self, call: Call, profile: Profile) -> Response:
        return self.json_response(call, 200, encode_json(self.identifiers_body(profile)))

    def identifiers_set_response(self, call: Call, profile: Profile) -> Response:
        success = call.operation.success
        return self.empty_response(call, success.status if success is not None else 200)
