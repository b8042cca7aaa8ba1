"""Profiles: identity (both headers, profile id wins), create, get, update (merges), delete (then 404 everywhere).

Also the rendering every operation answering a profile shares (`render_profile`): the response schema is read
from the operation's documented 200, so an envelope (`{"data": ...}`) or a field the spec adds is followed; the
lists the store holds as encoded JSON are spliced in as they are.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from typing import Any

from starlette.responses import Response

from adapty_contracts.mock._core import Call, Core, MockError, operation
from adapty_contracts.mock._schema import generate
from adapty_contracts.mock._spec import Operation
from adapty_contracts.mock._store import LISTS, Profile, encode_json, parse_profile_id

PROFILE_ID_HEADER = "adapty-profile-id"
CUSTOMER_USER_ID_HEADER = "adapty-customer-user-id"

MSG_NEED_IDENTITY = "Either adapty-customer-user-id or adapty-profile-id is required."
MSG_BAD_UUID = "adapty-profile-id must be a UUID (8-4-4-4-12 hex digits)."
MSG_NOT_FOUND = "Profile not found"

# The mock's one app: every profile's app_id (a fixed, valid UUID).
APP_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/adapty-contracts/mock-app"))


class ProfileView:
    """Renders a profile as one response schema describes it, straight to bytes (the hot path of getProfile)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.envelope: str | None = None
        profile_schema = schema
        if "profile_id" not in (schema.get("properties") or {}):
            for name, sub in (schema.get("properties") or {}).items():
                if isinstance(sub, dict) and "profile_id" in (sub.get("properties") or {}):
                    self.envelope, profile_schema = str(name), sub
                    break
        self.properties: dict[str, Any] = dict(profile_schema.get("properties") or {})
        self.generated = {name: encode_json(generate(sub)) for name, sub in self.properties.items()}

    def render(self, core: Core, profile: Profile) -> bytes:
        parts: list[bytes] = []
        fields: dict[str, Any] | None = None
        for name in self.properties:
            if name == "profile_id":
                value = b'"' + str(uuid.UUID(bytes=profile.key)).encode("ascii") + b'"'
            elif name == "customer_user_id":
                value = encode_json(profile.customer_user_id)
            elif name in LISTS:
                value = core.store.raw_list(profile, name)
            elif name == "app_id":
                value = b'"' + APP_ID.encode("ascii") + b'"'
            elif name == "total_revenue_usd":
                value = repr(float(profile.revenue)).encode("ascii")
            elif name == "timestamp":
                value = str(time.time_ns() // 1_000_000).encode("ascii")
            elif name == "segment_hash":
                digest = hashlib.blake2b(profile.access_levels or b"", digest_size=8).hexdigest()
                value = b'"' + digest.encode("ascii") + b'"'
            else:  # a field the spec adds: stored by create/update when sent, else generated from its schema
                if fields is None:
                    fields = core.store.get_fields(profile)
                value = encode_json(fields[name]) if name in fields else self.generated[name]
            parts.append(encode_json(name) + b":" + value)
        body = b"{" + b",".join(parts) + b"}"
        if self.envelope is not None:
            body = b"{" + encode_json(self.envelope) + b":" + body + b"}"
        return body


class ProfilesResource(Core):
    """Profile identity and the profile operations; `render_profile` for every operation answering a profile."""

    _views: dict[str, ProfileView]

    # --- identity ---------------------------------------------------------------------------------------------
    def identity_of(self, call: Call) -> tuple[str | None, str | None]:
        """(adapty-profile-id, adapty-customer-user-id) as sent, empty values as None."""
        return call.params.get(PROFILE_ID_HEADER) or None, call.params.get(CUSTOMER_USER_ID_HEADER) or None

    def profile_of(self, call: Call) -> Profile:
        """The profile the request's identity headers name (404 when there is none)."""
        return self.identify_profile(*self.identity_of(call))

    def identify_profile(self, profile_id: str | None, customer_user_id: str | None) -> Profile:
        """Profile id wins when both headers are sent; empty values count as absent; unknown: 404."""
        if profile_id:
            # Where the spec declares `format: uuid` the parameter check already answered 400; elsewhere the id
            # is any string, and one that is not a UUID names no profile: 404.
            profile = self.find_by_profile_id(profile_id)
        elif customer_user_id:
            profile = self.find_by_customer_user_id(customer_user_id)
        else:
            raise MockError(400, "validation_error", MSG_NEED_IDENTITY, source=PROFILE_ID_HEADER)
        if profile is None:
            raise MockError(404, "profile_not_found", MSG_NOT_FOUND, kind="not_found")
        return profile

    def find_by_profile_id(self, profile_id: str) -> Profile | None:
        return self.store.find_by_profile_id(profile_id)

    def find_by_customer_user_id(self, customer_user_id: str) -> Profile | None:
        return self.store.find_by_customer_user_id(customer_user_id)

    # --- rendering --------------------------------------------------------------------------------------------
    def render_profile(self, call: Call, profile: Profile, status: int = 200) -> Response:
        """The operation's documented `status` response for this profile."""
        return self.json_response(call, status, self.profile_bytes(call.operation, profile, status))

    def profile_bytes(self, operation: Operation, profile: Profile, status: int = 200) -> bytes:
        views: dict[str, ProfileView] = self.__dict__.setdefault("_views", {})
        key = f"{operation.operation_id} {status}"
        view = views.get(key)
        if view is None:
            view = views[key] = ProfileView(operation.schema_of(status) or {})
        return view.render(self, profile)

    async def stateless_response(self, call: Call) -> Response:
        """An operation no module claims still names a profile when its identity headers are the profile's: that
        profile must exist (404 otherwise), as for every profile operation; then the spec's documented answer."""
        if {PROFILE_ID_HEADER, CUSTOMER_USER_ID_HEADER} & set(call.operation.required_any_of):
            self.profile_of(call)
        return await super().stateless_response(call)

    # --- operations -------------------------------------------------------------------------------------------
    @operation("createProfile")
    async def handle_create_profile(self, call: Call) -> Response:
        profile_id, customer_user_id = self.identity_of(call)
        if profile_id and parse_profile_id(profile_id) is None:
            raise MockError(400, "validation_error", MSG_BAD_UUID, source=PROFILE_ID_HEADER)
        body = await self.body(call)
        try:
            profile, _ = self.store.create(profile_id, customer_user_id)
        except ValueError as exc:
            raise MockError(400, "validation_error", str(exc), source=CUSTOMER_USER_ID_HEADER) from None
        if isinstance(body, dict):
            self.apply_profile_update(profile, body)
        return self.render_profile(call, profile)

    @operation("getProfile")
    async def handle_get_profile(self, call: Call) -> Response:
        return self.render_profile(call, self.profile_of(call))

    @operation("updateProfile")
    async def handle_update_profile(self, call: Call) -> Response:
        profile = self.profile_of(call)
        body = await self.body(call)
        if isinstance(body, dict):
            self.apply_profile_update(profile, body)
        return self.render_profile(call, profile)

    @operation("deleteProfile")
    async def handle_delete_profile(self, call: Call) -> Response:
        profile = self.profile_of(call)
        self.delete_profile(profile)
        success = call.operation.success
        return self.empty_response(call, success.status if success is not None else 204)

    # --- override points: profile state -----------------------------------------------------------------------
    def apply_profile_update(self, profile: Profile, body: dict[str, Any]) -> None:
        """Merge the sent fields: each given field is set (null included), fields not sent are kept;
        custom attributes merge by key (a sent key replaces that attribute's value, others are kept)."""

        def change(p: Profile) -> None:
            fields = self.store.get_fields(p)
            fields.update({k: v for k, v in body.items() if k != "custom_attributes"})
            self.store.set_fields(p, fields)
            sent = body.get("custom_attributes")
            if isinstance(sent, list):
                merged = {a.get("key"): a for a in self.store.get_list(p, "custom_attributes") if isinstance(a, dict)}
                for attribute in sent:
                    if isinstance(attribute, dict):
                        merged[attribute.get("key")] = attribute
                self.store.set_list(p, "custom_attributes", list(merged.values()))

        self.store.modify(profile, change)

    def delete_profile(self, profile: Profile) -> None:
        self.store.delete(profile)
