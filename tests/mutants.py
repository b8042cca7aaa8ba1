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


MUTANTS: dict[str, tuple[type[MockAPI], str]] = {
    cls.__name__: (cls, prop)
    for cls, prop in [
        (GetMissingKey, "GET 200 body validates (all 16 keys)"),
        (GetWrongType, "GET 200 body validates (string|null values)"),
        (GetTextContentType, "documented content type for GET 200"),
        (SetNonEmptyBody, "empty body for POST 200"),
        (ErrorStatusCodeMismatch, "error body status_code == HTTP status"),
        (ErrorMissingErrorCode, "error body validates (error_code)"),
        (ErrorPlainText, "documented content type for errors"),
        (AcceptsAnyKey, "wrong API key -> 401"),
        (AcceptsMissingKey, "missing API key -> 401"),
        (KeyPrefixMatch, "truncated API key -> 401"),
        (Forbidden403, "only documented statuses (403 for a bad key)"),
        (AuthAfterIdentity, "bad key -> 401 whatever else the request holds"),
        (LongValueCrash, "no 5xx; long values accepted"),
        (NonAsciiCrash, "no 5xx; non-ASCII values accepted"),
        (AcceptsWrongTypes, "wrong-typed values rejected with 4xx"),
        (AcceptsEmptyObject, "empty object rejected with 4xx"),
        (RejectsNull, "null values accepted (they clear)"),
        (NotJsonCrash, "a body that is not JSON -> 4xx, not 5xx"),
        (RejectsUnknownKeys, "schema-valid bodies (extra properties) accepted"),
        (IgnoresOneKey, "POST stores every key"),
        (NullDoesNotClear, "null clears a key"),
        (ReplaceNotMerge, "keys not sent are unchanged"),
        (TruncatesValues, "values stored exactly"),
        (CustomerIdIgnored, "test profile found by adapty-customer-user-id"),
        (UnknownProfileGets200, "unknown profile id -> 404"),
        (NeitherHeaderUsesDefault, "neither identity header -> never 2xx"),
        (UnknownCustomer422, "unknown customer id -> 404 (documented)"),
        (MalformedUuidCrash, "malformed profile id -> 4xx, not 5xx"),
        (PostUnknownProfileIgnored, "unknown profile -> 404 on POST"),
    ]
}
