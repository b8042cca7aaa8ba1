"""`adapty-contracts diff`: each kind of spec change, made to a copy of the real effective spec, is classified.

Every case mutates a deep copy of openapi/adapty-api.yaml, writes it to tmp_path and runs the command as users do;
the assertions name the exact kind and breaking flag, so a rule that drifts fails here.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapty_contracts import _paths
from adapty_contracts.cli import main
from adapty_contracts.spec._diff import (
    STRICT_ENUM_NOTE,
    UNUSED_SCHEMA_NOTE,
    ClientApi,
    compare_client_apis,
    diff_files,
    diff_specs,
    public_api,
)

PATH = "/api/v2/server-side-api/integration/profile/set/integration-identifiers/"
Spec = dict[str, Any]


@pytest.fixture(scope="module")
def base() -> Spec:
    loaded: Spec = yaml.safe_load(_paths.EFFECTIVE_SPEC.read_text(encoding="utf-8"))
    return loaded


def _write(path: Path, spec: Spec) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def _diff(tmp_path: Path, old: Spec, new: Spec, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    old_path, new_path = _write(tmp_path / "old.yaml", old), _write(tmp_path / "new.yaml", new)
    code = main(["diff", "--no-client", "--format", "json", str(old_path), str(new_path)])
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return code, report


def _get(spec: Spec) -> Spec:
    op: Spec = spec["paths"][PATH]["get"]
    return op


def _post(spec: Spec) -> Spec:
    op: Spec = spec["paths"][PATH]["post"]
    return op


def _schema(spec: Spec, name: str) -> Spec:
    schema: Spec = spec["components"]["schemas"][name]
    return schema


def _remove_get(s: Spec) -> None:
    del s["paths"][PATH]["get"]


def _remove_header_param(s: Spec) -> None:
    _get(s)["parameters"] = [p for p in _get(s)["parameters"] if p["name"] != "adapty-profile-id"]


def _remove_response_property(s: Spec) -> None:
    resp = _schema(s, "IntegrationIdentifiersResponse")
    del resp["properties"]["branch_id"]
    resp["required"].remove("branch_id")


def _request_property_string_to_enum(s: Spec) -> None:
    _schema(s, "IntegrationIdentifiersRequest")["properties"]["branch_id"]["enum"] = ["a", "b", None]


def _request_property_add_format(s: Spec) -> None:
    _schema(s, "IntegrationIdentifiersRequest")["properties"]["appsflyer_id"]["format"] = "uuid"


def _request_property_not_nullable(s: Spec) -> None:
    _schema(s, "IntegrationIdentifiersRequest")["properties"]["appsflyer_id"]["type"] = "string"


def _request_property_number(s: Spec) -> None:
    _schema(s, "IntegrationIdentifiersRequest")["properties"]["branch_id"]["type"] = "number"


def _request_property_integer(s: Spec) -> None:
    _schema(s, "IntegrationIdentifiersRequest")["properties"]["branch_id"]["type"] = "integer"


def _response_status_code_number(s: Spec) -> None:
    _schema(s, "ErrorResponse")["properties"]["status_code"]["type"] = "number"


def _new_required_header(s: Spec) -> None:
    _post(s)["parameters"].append(
        {"name": "x-request-id", "in": "header", "required": True, "schema": {"type": "string"}}
    )


def _new_required_request_property(s: Spec) -> None:
    req = _schema(s, "IntegrationIdentifiersRequest")
    req["properties"]["store"] = {"type": "string"}
    req["required"] = ["store"]


def _remove_request_enum_value(s: Spec) -> None:
    _schema(s, "IntegrationIdentifiersRequest")["properties"]["branch_id"]["enum"] = ["a", "b", None]


def _remove_request_enum_value_new(s: Spec) -> None:
    _schema(s, "IntegrationIdentifiersRequest")["properties"]["branch_id"]["enum"] = ["a", None]


def _remove_documented_status(s: Spec) -> None:
    del _get(s)["responses"]["404"]


def _new_error_status(s: Spec) -> None:
    _post(s)["responses"]["429"] = {"description": "Too many requests"}


def _remove_security_scheme(s: Spec) -> None:
    del s["components"]["securitySchemes"]["apikeyAuth"]


def _change_security_scheme(s: Spec) -> None:
    s["components"]["securitySchemes"]["apikeyAuth"] = {"type": "http", "scheme": "bearer"}


def _anonymous_to_authenticated(s: Spec) -> None:
    _get(s)["security"] = [{"apikeyAuth": []}]


def _authenticated_before(s: Spec) -> None:
    _get(s)["security"] = []


def _response_property_nullable(s: Spec) -> None:
    _schema(s, "ErrorResponse")["properties"]["error_code"]["type"] = ["string", "null"]


def _response_property_optional(s: Spec) -> None:
    _schema(s, "ErrorResponse")["required"].remove("error_code")


def _added_optional_param(s: Spec) -> None:
    _get(s)["parameters"].append({"name": "locale", "in": "query", "required": False, "schema": {"type": "string"}})


def _added_optional_request_property(s: Spec) -> None:
    _schema(s, "IntegrationIdentifiersRequest")["properties"]["kochava_id"] = {"type": ["string", "null"]}


def _added_operation(s: Spec) -> None:
    assert "/api/v2/server-side-api/profile/export/" not in s["paths"]
    s["paths"]["/api/v2/server-side-api/profile/export/"] = {
        "delete": {"operationId": "deleteProfileExport", "responses": {"204": {"description": "Deleted"}}}
    }


def _changed_description(s: Spec) -> None:
    _get(s)["description"] = "Reads the integration identifiers of one profile."


def _response_gets_new_property(s: Spec) -> None:
    _schema(s, "IntegrationIdentifiersResponse")["properties"]["kochava_id"] = {"type": ["string", "null"]}


def _request_maxlength(s: Spec) -> None:
    _schema(s, "IntegrationIdentifiersRequest")["properties"]["branch_id"]["maxLength"] = 64


# (name, mutate old first (or None), mutate new, expected kind, expected breaking, where contains)
CASES: list[tuple[str, Callable[[Spec], None] | None, Callable[[Spec], None], str, bool, str]] = [
    ("removed operation", None, _remove_get, "operation-removed", True, "getIntegrationIdentifiers"),
    ("removed parameter", None, _remove_header_param, "parameter-removed", True, "header parameter adapty-profile-id"),
    ("removed response property", None, _remove_response_property, "property-removed", True, "Response.branch_id"),
    ("string -> enum", None, _request_property_string_to_enum, "type-narrowed", True, "Request.branch_id"),
    ("added format", None, _request_property_add_format, "type-narrowed", True, "Request.appsflyer_id"),
    ("nullable removed", None, _request_property_not_nullable, "nullable-removed", True, "Request.appsflyer_id"),
    ("number -> integer", _request_property_number, _request_property_integer, "type-narrowed", True, "branch_id"),
    ("response integer -> number", None, _response_status_code_number, "type-widened", True, "status_code"),
    ("new required header", None, _new_required_header, "parameter-added-required", True, "x-request-id"),
    ("new required property", None, _new_required_request_property, "property-added-required", True, "Request.store"),
    (
        "removed enum value",
        _remove_request_enum_value,
        _remove_request_enum_value_new,
        "enum-value-removed",
        True,
        "branch_id",
    ),
    ("removed status", None, _remove_documented_status, "status-removed", True, "response 404"),
    ("new error status", None, _new_error_status, "status-added", True, "response 429"),
    ("removed security scheme", None, _remove_security_scheme, "security-scheme-removed", True, "apikeyAuth"),
    ("changed security scheme", None, _change_security_scheme, "security-scheme-changed", True, "apikeyAuth"),
    (
        "auth now required",
        _authenticated_before,
        _anonymous_to_authenticated,
        "security-requirement-added",
        True,
        "getIntegrationIdentifiers",
    ),
    ("response made nullable", None, _response_property_nullable, "nullable-added", True, "ErrorResponse.error_code"),
    ("response made optional", None, _response_property_optional, "property-became-optional", True, "error_code"),
    ("added optional param", None, _added_optional_param, "parameter-added", False, "query parameter locale"),
    ("added optional property", None, _added_optional_request_property, "property-added", False, "Request.kochava_id"),
    ("added operation", None, _added_operation, "operation-added", False, "deleteProfileExport"),
    ("new response property", None, _response_gets_new_property, "property-added", False, "Response.kochava_id"),
    ("tighter maxLength", None, _request_maxlength, "type-narrowed", True, "Request.branch_id"),
]


@pytest.mark.parametrize(
    ("old_mut", "new_mut", "kind", "breaking", "where"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_change_is_classified(
    base: Spec,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old_mut: Callable[[Spec], None] | None,
    new_mut: Callable[[Spec], None],
    kind: str,
    breaking: bool,
    where: str,
) -> None:
    old = copy.deepcopy(base)
    if old_mut:
        old_mut(old)
    new = copy.deepcopy(old)
    new_mut(new)
    code, report = _diff(tmp_path, old, new, capsys)
    found = [(c["kind"], c["breaking"]) for c in report["changes"] if where in c["where"]]
    assert (kind, breaking) in found, report["changes"]
    assert code == (1 if report["breaking"] else 0)
    assert report["breaking"] == sum(c["breaking"] for c in report["changes"])


def test_response_narrowing_is_not_breaking_but_the_same_on_a_request_is(
    base: Spec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Direction matters: an added format limits what a client may send, but not what it can parse."""
    new = copy.deepcopy(base)
    _schema(new, "IntegrationIdentifiersResponse")["properties"]["branch_id"]["format"] = "uuid"
    _schema(new, "IntegrationIdentifiersRequest")["properties"]["branch_id"]["format"] = "uuid"
    code, report = _diff(tmp_path, base, new, capsys)
    got = {(c["where"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert got == {
        ("IntegrationIdentifiersResponse.branch_id", "type-narrowed", False),
        ("IntegrationIdentifiersRequest.branch_id", "type-narrowed", True),
    }
    assert code == 1


def test_shared_component_change_is_listed_once_with_every_operation_it_reaches(
    base: Spec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = copy.deepcopy(base)
    del _schema(new, "ErrorResponse")["properties"]["error_code"]
    _, report = _diff(tmp_path, base, new, capsys)
    removed = [c for c in report["changes"] if c["kind"] == "property-removed"]
    assert len(removed) == 1
    assert removed[0]["where"] == "ErrorResponse.error_code"
    sites = removed[0]["sites"]
    assert {"getIntegrationIdentifiers", "setIntegrationIdentifiers"} <= set(sites)
    assert len(sites) == len(set(sites))  # each operation once, however many of its responses use the schema


def test_description_changes_are_summarised_not_breaking(
    base: Spec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = copy.deepcopy(base)
    _changed_description(new)
    _schema(new, "ErrorResponse")["properties"]["error_code"]["description"] = "Machine-readable error name"
    code, report = _diff(tmp_path, base, new, capsys)
    assert [(c["kind"], c["breaking"]) for c in report["changes"]] == [("descriptions-changed", False)]
    assert "2 text(s)" in report["changes"][0]["detail"]
    assert code == 0


def test_identical_specs_have_no_changes(base: Spec, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = _diff(tmp_path, base, copy.deepcopy(base), capsys)
    assert report["changes"] == []
    assert report["breaking"] == 0
    assert code == 0


def test_upstream_to_effective_is_the_overlay_at_work(capsys: pytest.CaptureFixture[str]) -> None:
    """The overlay's fixes, as the report sees them: GET gains a documented 400, the request gains a rule."""
    code = main(["diff", "--no-client", "--format", "json", str(_paths.UPSTREAM_SPEC), str(_paths.EFFECTIVE_SPEC)])
    report = json.loads(capsys.readouterr().out)
    got = {(c["kind"], c["where"]) for c in report["changes"]}
    assert ("status-added", "getIntegrationIdentifiers response 400") in got
    assert ("property-became-required", "IntegrationIdentifiersResponse.branch_id") in got
    assert code == 1


def test_markdown_report_lists_breaking_first_and_writes_output(
    base: Spec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = copy.deepcopy(base)
    _remove_response_property(new)
    _added_optional_param(new)
    out = tmp_path / "diff.md"
    code = main(
        [
            "diff",
            "--no-client",
            "--output",
            str(out),
            str(_write(tmp_path / "o.yaml", base)),
            str(_write(tmp_path / "n.yaml", new)),
        ]
    )
    text = out.read_text(encoding="utf-8")
    assert code == 1
    assert "**1 breaking change(s)**, 1 non-breaking." in text
    breaking, rest = text.split("## Non-breaking changes")
    assert "`property-removed`" in breaking and "`IntegrationIdentifiersResponse.branch_id`" in breaking
    assert "`parameter-added`" in rest
    assert "1 breaking, 1 other" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("a: [unclosed", "not valid YAML"), ("swagger: '2.0'\npaths: {}\n", "not an OpenAPI 3")],
)
def test_unreadable_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    bad = tmp_path / "bad.yaml"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    code = main(["diff", "--no-client", str(bad), str(_paths.EFFECTIVE_SPEC)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_client_api_comparison_names_removed_and_added_public_names() -> None:
    old = ClientApi(
        functions={"api.x.get_x.sync": {"client": True, "profile_id": False}},
        models={"Thing": {"a", "b"}, "Gone": {"z"}},
    )
    new = ClientApi(
        functions={"api.x.get_x.sync": {"client": True, "store": True}, "api.x.new.sync": {"client": True}},
        models={"Thing": {"a", "c"}},
    )
    got = {(c.kind, c.where, c.breaking) for c in compare_client_apis(old, new)}
    assert got == {
        ("client-parameter-removed", "api.x.get_x.sync(profile_id)", True),
        ("client-parameter-added-required", "api.x.get_x.sync(store)", True),
        ("client-function-added", "api.x.new.sync", False),
        ("client-model-removed", "Gone", True),
        ("client-field-removed", "Thing.b", True),
        ("client-field-added", "Thing.c", False),
    }


def test_public_api_of_the_committed_client() -> None:
    api = public_api(_paths.GENERATED_DIR / _paths.GENERATED_PACKAGE)
    sync = api.functions["api.integration.set_integration_identifiers.sync_detailed"]
    assert sync["client"] is True and sync["body"] is True
    assert sync["adapty_profile_id"] is False
    assert "branch_id" in api.models["IntegrationIdentifiersRequest"]
    assert "additional_properties" in api.models["IntegrationIdentifiersRequest"]


@pytest.mark.slow
def test_client_diff_generates_both_clients(base: Spec, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """End to end with the real generator: a removed property and a renamed operation reach the client's API."""
    new = copy.deepcopy(base)
    _remove_response_property(new)
    _get(new)["operationId"] = "fetchIntegrationIdentifiers"
    old_path, new_path = _write(tmp_path / "old.yaml", base), _write(tmp_path / "new.yaml", new)
    code = main(["diff", "--format", "json", str(old_path), str(new_path)])
    report = json.loads(capsys.readouterr().out)
    client = {(c["kind"], c["where"], c["breaking"]) for c in report["changes"] if c["area"] == "client"}
    assert ("client-field-removed", "IntegrationIdentifiersResponse.branch_id", True) in client
    assert ("client-function-removed", "api.integration.get_integration_identifiers.sync", True) in client
    assert ("client-function-added", "api.integration.fetch_integration_identifiers.sync", False) in client
    assert ("client-field-removed", "IntegrationIdentifiersRequest.branch_id", True) not in client
    assert code == 1


def test_a_new_spec_without_a_client_is_breaking_an_old_one_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the generator refuses a spec, the report says so instead of crashing (the generator itself is faked)."""
    from adapty_contracts import regenerate
    from adapty_contracts._errors import UserError
    from adapty_contracts.spec._diff import diff_clients

    refused: list[str] = []

    def generate(spec_path: Path, dest_dir: Path) -> Path:
        if spec_path.name in refused:
            raise UserError("openapi-python-client reported problems:\n  schema X could not be parsed", 1)
        return _paths.GENERATED_DIR / _paths.GENERATED_PACKAGE

    monkeypatch.setattr(regenerate, "generate_client", generate)
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    assert diff_clients(old, new) == []
    refused.append("new.yaml")
    [change] = diff_clients(old, new)
    assert (change.kind, change.breaking, change.where) == ("client-generation-failed", True, "new spec")
    assert "schema X could not be parsed" in change.detail and "\n" not in change.detail
    refused[:] = ["old.yaml"]
    [change] = diff_clients(old, new)
    assert (change.kind, change.breaking, change.where) == ("client-generation-failed", False, "old spec")


# --------------------------------------------------------------------------------------------------------------------
# The rules of OUR forward-compatible client, on pairs derived from Adapty's whole document (16 operations, OpenAPI
# 3.1 with `nullable: true`): tests/data/adapty-api-upstream.yaml is a byte-for-byte copy, mutated here in memory.

UPSTREAM_COPY = Path(__file__).parent / "data" / "adapty-api-upstream.yaml"
PROFILE = "/api/v2/server-side-api/profile/"
REFUND_SAVER = "/api/v2/server-side-api/purchase/profile/refund-saver/settings/"
PADDLE_TOKEN = ("PaddleValidationRequest", "paddle_token")
UPSTREAM_SHA256 = "81b0897f439d62e032537191cd01c09f2c303dbea285f2c0f390ea43a451e145"


@pytest.fixture(scope="module")
def upstream() -> Spec:
    loaded: Spec = yaml.safe_load(UPSTREAM_COPY.read_text(encoding="utf-8"))
    return loaded


def _changed(upstream: Spec, mutate: Callable[[Spec], None]) -> list[tuple[str, bool, str]]:
    """(kind, breaking, where) of every change `mutate` makes to a copy of the upstream document."""
    new = copy.deepcopy(upstream)
    mutate(new)
    return [(c.kind, c.breaking, c.where) for c in diff_specs(upstream, new)]


def _refs_to(doc: Any, name: str) -> int:
    """How many `$ref`s anywhere in `doc` name the component schema `name` (a check independent of the differ)."""
    return json.dumps(doc).count(f'"#/components/schemas/{name}"')


def test_the_upstream_copy_is_the_whole_document(upstream: Spec) -> None:
    """The copy is Adapty's text byte for byte (its digest is pinned here), and the differ finds it equal to itself."""
    assert hashlib.sha256(UPSTREAM_COPY.read_bytes()).hexdigest() == UPSTREAM_SHA256
    methods = ("get", "put", "post", "delete", "patch")
    assert sum(m in item for item in upstream["paths"].values() for m in methods) == 16
    assert upstream["openapi"].startswith("3.1")
    assert _schema(upstream, "ProfileRequest")["properties"]["email"]["nullable"] is True
    assert diff_specs(upstream, copy.deepcopy(upstream)) == []


def test_upstream_new_operation_is_not_breaking(upstream: Spec) -> None:
    def add_export(s: Spec) -> None:
        assert "/api/v2/server-side-api/profile/export/" not in s["paths"]
        s["paths"]["/api/v2/server-side-api/profile/export/"] = {
            "get": {
                "operationId": "exportProfile",
                "security": [{"apikeyAuth": []}],
                "responses": {
                    "200": {
                        "description": "The profile",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProfileResponse"}}},
                    }
                },
            }
        }

    new = copy.deepcopy(upstream)
    add_export(new)
    [change] = diff_specs(upstream, new)
    assert (change.kind, change.breaking, change.where) == ("operation-added", False, "exportProfile")
    assert change.detail == "GET /api/v2/server-side-api/profile/export/"


@pytest.mark.parametrize("required", [False, True], ids=["optional", "required"])
def test_upstream_new_response_property_is_not_breaking(upstream: Spec, required: bool) -> None:
    """Profile (the `data` of ProfileResponse) gains a property: the client keeps unknown ones anyway."""

    def add_property(s: Spec) -> None:
        _schema(s, "Profile")["properties"]["loyalty_tier"] = {"type": "string", "nullable": True}
        if required:
            _schema(s, "Profile").setdefault("required", []).append("loyalty_tier")

    new = copy.deepcopy(upstream)
    add_property(new)
    [change] = diff_specs(upstream, new)
    assert (change.kind, change.breaking, change.where) == ("property-added", False, "Profile.loyalty_tier")
    assert change.detail == f"new {'required' if required else 'optional'} response property"
    assert {"getProfile", "createProfile", "updateProfile"} <= set(change.sites)


def test_upstream_new_required_request_property_or_parameter_is_breaking(upstream: Spec) -> None:
    def mutate(s: Spec) -> None:
        paddle = _schema(s, PADDLE_TOKEN[0])
        paddle["properties"]["price_id"] = {"type": "string"}
        paddle["required"].append("price_id")
        _schema(s, "ProfileRequest")["required"].append("email")  # an optional request property made required
        get_profile = s["paths"][PROFILE]["get"]
        get_profile["parameters"].append(
            {"name": "locale", "in": "query", "required": True, "schema": {"type": "string"}}
        )
        get_profile["parameters"][0]["required"] = True  # adapty-customer-user-id: was optional
        s["paths"][PROFILE]["delete"].setdefault("parameters", []).append(
            {"name": "reason", "in": "query", "required": False, "schema": {"type": "string"}}
        )

    assert sorted(_changed(upstream, mutate)) == [
        ("parameter-added", False, "deleteProfile query parameter reason"),
        ("parameter-added-required", True, "getProfile query parameter locale"),
        ("parameter-became-required", True, "getProfile header parameter adapty-customer-user-id"),
        ("property-added-required", True, "PaddleValidationRequest.price_id"),
        ("property-became-required", True, "ProfileRequest.email"),
    ]


@pytest.mark.parametrize("name", ["PaginationObject", "ErrorObject"])
def test_upstream_unused_schema_removed_is_safe_on_the_wire(upstream: Spec, name: str) -> None:
    assert name in upstream["components"]["schemas"] and _refs_to(upstream, name) == 0  # no operation uses it
    new = copy.deepcopy(upstream)
    del new["components"]["schemas"][name]
    [change] = diff_specs(upstream, new)
    assert (change.kind, change.breaking, change.where) == ("unused-schema-removed", False, f"schemas.{name}")
    assert "used by no operation" in change.detail and "safe on the wire" in change.detail
    assert change.note == UNUSED_SCHEMA_NOTE and change.sites == []


def test_upstream_removed_schema_that_an_operation_used_stays_breaking(upstream: Spec) -> None:
    """InstallationMeta inlined where ProfileRequest used it: the same wire format, but its model class goes."""
    assert _refs_to(upstream, "InstallationMeta") == 1
    new = copy.deepcopy(upstream)
    meta = new["components"]["schemas"].pop("InstallationMeta")
    _schema(new, "ProfileRequest")["properties"]["installation_meta"] = meta
    [change] = diff_specs(upstream, new)
    assert (change.kind, change.breaking, change.where) == ("schema-removed", True, "schemas.InstallationMeta")
    assert "its model classes go too" in change.detail and change.note == ""
    assert {"createProfile", "updateProfile"} <= set(change.sites)


def test_upstream_response_enum_value_added_is_safe_for_this_client_only(
    upstream: Spec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = copy.deepcopy(upstream)
    _schema(new, "RefundSaverSettingsResponse")["properties"]["settings"]["properties"]["custom_preference"][
        "enum"
    ].append("ask_later")
    [change] = diff_specs(upstream, new)
    assert (change.kind, change.breaking) == ("enum-value-added", False)
    assert change.where == "RefundSaverSettingsResponse.settings.custom_preference"
    assert "safe for this client, breaking for strict-enum clients" in change.detail
    assert '"ask_later"' in change.detail
    assert change.note == STRICT_ENUM_NOTE == "safe for this client, breaking for strict-enum clients"
    assert change.sites == ["getRefundSaverSettings", "setRefundSaverSettings"]  # both return the settings

    old_path, new_path = _write(tmp_path / "old.yaml", upstream), _write(tmp_path / "new.yaml", new)
    code = main(["diff", "--no-client", "--format", "json", str(old_path), str(new_path)])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["breaking"] == 0
    [entry] = report["changes"]
    assert entry["note"] == "safe for this client, breaking for strict-enum clients"
    assert "safe for this client, breaking for strict-enum clients" in entry["detail"]

    out = tmp_path / "report.md"
    assert main(["diff", "--no-client", "--output", str(out), str(old_path), str(new_path)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "**No breaking changes**, 1 non-breaking." in text
    assert "1 change(s) marked *ok for this client*" in text
    [row] = [line for line in text.splitlines() if "`enum-value-added`" in line]
    assert row.startswith("| ok for this client |")
    assert "safe for this client, breaking for strict-enum clients" in row


def test_upstream_request_enum_value_added_is_fine_removed_is_breaking(upstream: Spec) -> None:
    def values(s: Spec) -> list[Any]:
        found: list[Any] = _schema(s, "RefundSaverSettingsRequest")["properties"]["custom_preference"]["enum"]
        return found

    added = copy.deepcopy(upstream)
    values(added).append("ask_later")
    [change] = diff_specs(upstream, added)
    assert (change.kind, change.breaking) == ("enum-value-added", False)
    assert change.where == "RefundSaverSettingsRequest.custom_preference"
    assert change.note == "" and "strict-enum" not in change.detail
    assert change.sites == ["setRefundSaverSettings"]

    removed = copy.deepcopy(upstream)
    values(removed).remove("decline")
    [change] = diff_specs(upstream, removed)
    assert (change.kind, change.breaking, change.detail) == (
        "enum-value-removed",
        True,
        'enum value(s) removed: "decline"',
    )


def _property(name: str, prop: str) -> Callable[[Spec], Spec]:
    def find(s: Spec) -> Spec:
        found: Spec = _schema(s, name)["properties"][prop]
        return found

    return find


def _page_size(s: Spec) -> Spec:
    """The schema of listPaywalls' `page[size]` query parameter (integer, minimum 1, maximum 100)."""
    [param] = [
        p for p in s["paths"]["/api/v2/server-side-api/paywalls/"]["get"]["parameters"] if p["name"] == "page[size]"
    ]
    found: Spec = param["schema"]
    return found


PADDLE = _property(*PADDLE_TOKEN)
PADDLE_AT = "PaddleValidationRequest.paddle_token"
ATT = _property("ProfileRequest", "att_status")
PAGE_AT = "listPaywalls query parameter page[size]"
# (id, schema to change, where, its keywords in OLD (None: as upstream), its keywords in NEW (None: remove the
# keyword), kind, breaking, detail). A constraint on the request side narrows what the client may send; the same on
# the response side is no concern of a client that does not validate it.
CONSTRAINT_CASES: list[
    tuple[str, Callable[[Spec], Spec], str, dict[str, Any] | None, dict[str, Any], str, bool, str]
] = [
    ("maxLength added", PADDLE, PADDLE_AT, None, {"maxLength": 64}, "type-narrowed", True, "maxLength 64 added"),
    ("minLength added", PADDLE, PADDLE_AT, None, {"minLength": 5}, "type-narrowed", True, "minLength 5 added"),
    ("format added", PADDLE, PADDLE_AT, None, {"format": "uuid"}, "type-narrowed", True, "format uuid added"),
    (
        "pattern added",
        PADDLE,
        PADDLE_AT,
        None,
        {"pattern": "^(txn|sub)_[a-z0-9]+$"},
        "type-narrowed",
        True,
        "pattern '^(txn|sub)_[a-z0-9]+$' added",
    ),
    (
        "pattern changed",
        PADDLE,
        PADDLE_AT,
        {"pattern": "^(txn|sub)_"},
        {"pattern": "^txn_"},
        "type-changed",
        True,
        "pattern '^(txn|sub)_' -> '^txn_'",
    ),
    (
        "pattern removed",
        PADDLE,
        PADDLE_AT,
        {"pattern": "^txn_"},
        {"pattern": None},
        "type-widened",
        False,
        "pattern '^txn_' removed",
    ),
    (
        "maxLength tightened",
        PADDLE,
        PADDLE_AT,
        {"maxLength": 64},
        {"maxLength": 32},
        "type-narrowed",
        True,
        "maxLength 64 -> 32",
    ),
    (
        "maxLength relaxed",
        PADDLE,
        PADDLE_AT,
        {"maxLength": 64},
        {"maxLength": 128},
        "type-widened",
        False,
        "maxLength 64 -> 128",
    ),
    (
        "minimum added",
        ATT,
        "ProfileRequest.att_status",
        None,
        {"minimum": 1},
        "type-narrowed",
        True,
        "minimum 1 added",
    ),
    ("maximum tightened", _page_size, PAGE_AT, None, {"maximum": 50}, "type-narrowed", True, "maximum 100 -> 50"),
    ("minimum raised", _page_size, PAGE_AT, None, {"minimum": 5}, "type-narrowed", True, "minimum 1 -> 5"),
    (
        "response pattern added",
        _property("IntegrationIdentifiersResponse", "branch_id"),
        "IntegrationIdentifiersResponse.branch_id",
        None,
        {"pattern": "^[0-9]+$"},
        "type-narrowed",
        False,
        "pattern '^[0-9]+$' added",
    ),
]


@pytest.mark.parametrize(
    ("target", "where", "before", "after", "kind", "breaking", "detail"),
    [c[1:] for c in CONSTRAINT_CASES],
    ids=[c[0] for c in CONSTRAINT_CASES],
)
def test_upstream_added_or_tightened_request_constraints_are_breaking(
    upstream: Spec,
    target: Callable[[Spec], Spec],
    where: str,
    before: dict[str, Any] | None,
    after: dict[str, Any],
    kind: str,
    breaking: bool,
    detail: str,
) -> None:
    old = copy.deepcopy(upstream)
    target(old).update(before or {})
    new = copy.deepcopy(old)
    for key, value in after.items():
        if value is None:
            del target(new)[key]
        else:
            target(new)[key] = value
    [change] = diff_specs(old, new)
    assert (change.kind, change.breaking, change.where, change.detail) == (kind, breaking, where, detail)


def test_output_into_a_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing" / "diff.md"
    code = main(["diff", "--no-client", "--output", str(out), str(UPSTREAM_COPY), str(UPSTREAM_COPY)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.strip().splitlines() == [
        f"adapty-contracts diff: error: cannot write {out}: folder {out.parent} does not exist"
    ]
    assert captured.out == ""
    assert not out.parent.exists()


def test_client_model_removed_is_breaking_only_if_an_operation_reached_it() -> None:
    """Reachability comes from the generated imports: api modules -> models -> nested models."""
    old = ClientApi(
        functions={"api.x.get_x.sync": {"client": True}},
        models={"Thing": {"a"}, "ThingPart": {"b"}, "Unused": {"c"}, "UnusedCursor": {"d"}},
        roots={"Thing"},
        links={"Thing": {"ThingPart"}, "ThingPart": set(), "Unused": {"UnusedCursor"}, "UnusedCursor": set()},
    )
    new = ClientApi(functions=old.functions, models={"Thing": {"a"}}, roots={"Thing"}, links={"Thing": set()})
    got = {(c.kind, c.where, c.breaking, c.note) for c in compare_client_apis(old, new)}
    assert got == {
        ("client-model-removed", "ThingPart", True, ""),
        ("client-model-removed", "Unused", False, UNUSED_SCHEMA_NOTE),
        ("client-model-removed", "UnusedCursor", False, UNUSED_SCHEMA_NOTE),
    }
    [unused] = [c for c in compare_client_apis(old, new) if c.where == "Unused"]
    assert unused.detail.startswith("model class removed: its schema was used by no operation")


# A document the pinned generator accepts (the raw upstream one it does not, yet): one operation whose response
# reaches ItemList -> Item -> ItemKind, and a PaginationObject (with a nested object) that no operation uses.
SMALL_SPEC = """
openapi: 3.1.0
info: {title: small, version: "1"}
paths:
  /items/:
    get:
      operationId: listItems
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/ItemList"}
components:
  schemas:
    ItemList:
      type: object
      properties:
        items: {type: array, items: {$ref: "#/components/schemas/Item"}}
      required: [items]
    Item:
      type: object
      properties:
        id: {type: string}
        kind: {type: string, enum: [a, b]}
    PaginationObject:
      type: object
      properties:
        next: {type: [string, "null"]}
        cursor: {type: object, properties: {after: {type: string}}}
"""


@pytest.mark.slow
def test_client_diff_names_the_models_of_a_removed_unused_schema(tmp_path: Path) -> None:
    """Generated clients: PaginationObject's classes go without breaking; Item, inlined, takes its classes along."""
    old: Spec = yaml.safe_load(SMALL_SPEC)
    assert _refs_to(old["paths"], "PaginationObject") == 0
    new = copy.deepcopy(old)
    del new["components"]["schemas"]["PaginationObject"]
    _schema(new, "ItemList")["properties"]["items"]["items"] = new["components"]["schemas"].pop("Item")
    report = diff_files(_write(tmp_path / "old.yaml", old), _write(tmp_path / "new.yaml", new), client=True)
    spec = {c.where: c for c in report.changes if c.area == "spec"}
    assert set(spec) == {"schemas.PaginationObject", "schemas.Item"}
    unused = spec["schemas.PaginationObject"]
    assert (unused.kind, unused.breaking) == ("unused-schema-removed", False)
    assert unused.detail.endswith("client model classes that disappear: PaginationObject, PaginationObjectCursor")
    assert (spec["schemas.Item"].kind, spec["schemas.Item"].breaking) == ("schema-removed", True)
    removed = {c.where: c for c in report.changes if c.kind == "client-model-removed"}
    assert {k: c.breaking for k, c in removed.items()} == {
        "PaginationObject": False,
        "PaginationObjectCursor": False,
        "Item": True,
        "ItemKind": True,
    }
    for cls in ("PaginationObject", "PaginationObjectCursor"):
        assert removed[cls].detail.startswith(
            "model class removed: its schema PaginationObject was used by no operation"
        )
        assert removed[cls].note == UNUSED_SCHEMA_NOTE
    assert removed["Item"].detail == "model class removed (or renamed)"
    assert {c.where for c in report.breaking} == {"schemas.Item", "Item", "ItemKind"}


# --------------------------------------------------------------------------------------------------------------------
# Inside compositions: a change in a oneOf/anyOf member is reported at its property, judged by direction.

TRANSACTION_REQUEST = "TransactionDTORequest"  # setTransaction's body: oneOf OneTimePurchaseDTO | SubscriptionDTO


def _effective(upstream: Spec) -> Spec:
    """The effective spec the overlay makes of an OLDER document: actions that name what it does not have yet (the
    virtual-currency operations) select nothing there, which is fine for this comparison."""
    from adapty_contracts.spec import build_effective_spec, load_spec

    overlay = load_spec(_paths.OVERLAY)
    for action in overlay["actions"]:
        if "x-rule" not in action:
            action["x-optional"] = True
    return build_effective_spec(copy.deepcopy(upstream), overlay)


def test_adapty_s_be716adc_change_is_reported_at_each_property_with_its_operations(upstream: Spec) -> None:
    """The real move (a4e70cb6 -> be716adc, effective specs): `maxLength: 50` inside the transaction oneOf members is
    breaking at each member's property, on the request side, reaching setTransaction; nothing is left to review by
    hand, and enum values added inside `anyOf [$ref, null]` are found at their component."""
    changes = diff_specs(_effective(upstream), yaml.safe_load(_paths.EFFECTIVE_SPEC.read_text(encoding="utf-8")))
    by_where = {(c.where, c.side): c for c in changes}
    for member in ("OneTimePurchaseDTO", "SubscriptionDTO"):
        change = by_where[(f"{member}.store_transaction_id", "request")]
        assert (change.kind, change.breaking, change.detail) == ("type-narrowed", True, "maxLength 50 added")
        assert change.sites == ["setTransaction"]
    assert not [c for c in changes if c.kind == "composition-changed"]
    offer = by_where[("OfferDTO.category", "response")]
    assert (offer.kind, offer.breaking) == ("enum-value-added", False) and "retention" in offer.detail
    assert "getProfile" in offer.sites
    assert sorted(c.detail.split()[-1] for c in changes if c.kind == "operation-added") == [
        "/api/v2/server-side-api/vc/balances/",
        "/api/v2/server-side-api/vc/transactions/",
        "/api/v2/server-side-api/vc/transactions/",
    ]
    assert {c.where for c in changes if c.breaking} == {
        "OneTimePurchaseDTO.store_transaction_id",
        "SubscriptionDTO.store_transaction_id",
    }


def test_an_optional_property_added_to_a_oneof_member_is_not_breaking(upstream: Spec) -> None:
    def add(s: Spec) -> None:
        _schema(s, "OneTimePurchaseDTO")["properties"]["note"] = {"type": "string"}

    assert _changed(upstream, add) == [("property-added", False, "OneTimePurchaseDTO.note")]


def test_a_required_property_added_to_a_oneof_member_breaks_the_request(upstream: Spec) -> None:
    def add(s: Spec) -> None:
        member = _schema(s, "SubscriptionDTO")
        member["properties"]["note"] = {"type": "string"}
        member["required"].append("note")

    [change] = diff_specs(upstream, _mutated(upstream, add))
    assert (change.kind, change.breaking, change.where, change.side) == (
        "property-added-required",
        True,
        "SubscriptionDTO.note",
        "request",
    )
    assert change.sites == ["setTransaction"]


def _mutated(upstream: Spec, mutate: Callable[[Spec], None]) -> Spec:
    new = copy.deepcopy(upstream)
    mutate(new)
    return new


def test_a_new_oneof_member_widens_a_request_and_breaks_a_response(upstream: Spec) -> None:
    """Sending: one more accepted shape breaks no caller. Parsing: the old client has no model for the new shape."""

    gift = {"$ref": "#/components/schemas/GiftDTO"}

    def gift_dto(s: Spec) -> None:
        s["components"]["schemas"]["GiftDTO"] = {"type": "object", "properties": {"gift_id": {"type": "string"}}}

    def add_member(s: Spec) -> None:
        _schema(s, TRANSACTION_REQUEST)["oneOf"].append(gift)
        _schema(s, "AccessLevel")["properties"]["offer"]["anyOf"].append(gift)

    old = _effective(_mutated(upstream, gift_dto))  # AccessLevel.offer: anyOf [$ref OfferDTO, null]
    changes = {(c.kind, c.side, c.where): c for c in diff_specs(old, _mutated(old, add_member))}
    request = changes[("member-added", "request", TRANSACTION_REQUEST)]
    assert not request.breaking and "GiftDTO" in request.detail
    response = changes[("member-added", "response", "AccessLevel.offer")]
    assert response.breaking and "GiftDTO" in response.detail
    assert not [c for c in changes.values() if c.kind == "composition-changed"]


def test_a_ref_made_nullable_through_anyof_is_nullable_added(upstream: Spec) -> None:
    """`$ref X` -> `anyOf [$ref X, null]`: the plain schema is a composition of one member."""

    def nullable_ref(s: Spec) -> None:
        _schema(s, "ProfileResponse")["properties"]["data"] = {
            "anyOf": [_schema(s, "ProfileResponse")["properties"]["data"], {"type": "null"}]
        }

    changes = diff_specs(upstream, _mutated(upstream, nullable_ref))
    assert [(c.kind, c.breaking, c.side) for c in changes] == [("nullable-added", True, "response")]


def test_a_removed_oneof_member_breaks_a_request(upstream: Spec) -> None:
    def drop(s: Spec) -> None:
        _schema(s, TRANSACTION_REQUEST)["oneOf"].pop()

    changes = [c for c in diff_specs(upstream, _mutated(upstream, drop)) if c.kind == "member-removed"]
    assert [(c.breaking, c.side, c.where) for c in changes] == [(True, "request", TRANSACTION_REQUEST)]
    assert "SubscriptionDTO" in changes[0].detail


def test_discriminator_mapping_changes_are_judged_by_direction(upstream: Spec) -> None:
    def map_values(s: Spec, extra: bool) -> None:
        mapping = {
            "one_time_purchase": "#/components/schemas/OneTimePurchaseDTO",
            "subscription": "#/components/schemas/SubscriptionDTO",
        }
        if extra:
            mapping["lifetime"] = "#/components/schemas/OneTimePurchaseDTO"
        _schema(s, TRANSACTION_REQUEST)["discriminator"]["mapping"] = mapping

    old = _mutated(upstream, lambda s: map_values(s, False))
    new = _mutated(upstream, lambda s: map_values(s, True))
    [change] = diff_specs(old, new)
    assert (change.kind, change.breaking, change.side) == ("member-added", False, "request")
    assert "'lifetime'" in change.detail
    [back] = diff_specs(new, old)
    assert (back.kind, back.breaking) == ("member-removed", True)


def test_inline_members_that_cannot_be_matched_are_left_for_review_saying_why(upstream: Spec) -> None:
    def inline(s: Spec, count: int) -> None:
        members = [{"type": "object", "properties": {f"p{i}": {"type": "string"}}} for i in range(count)]
        _schema(s, "ProfileRequest")["properties"]["extra"] = {"oneOf": members}

    old = _mutated(upstream, lambda s: inline(s, 2))
    [change] = diff_specs(old, _mutated(upstream, lambda s: inline(s, 3)))
    assert (change.kind, change.breaking, change.where) == ("composition-changed", True, "ProfileRequest.extra")
    assert "review by hand" in change.detail and "inline members" in change.detail
    # The same members, changed inside but not in number, are matched by position and judged.
    same_count = _mutated(
        old, lambda s: _schema(s, "ProfileRequest")["properties"]["extra"]["oneOf"][1].update({"required": ["p1"]})
    )
    [inside] = diff_specs(old, same_count)
    assert (inside.kind, inside.breaking) == ("property-became-required", True)
    assert inside.where == "ProfileRequest.extra<oneOf#1>.p1"
