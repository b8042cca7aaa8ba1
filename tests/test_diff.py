"""`adapty-contracts diff`: each kind of spec change, made to a copy of the real effective spec, is classified.

Every case mutates a deep copy of openapi/adapty-api.yaml, writes it to tmp_path and runs the command as users do;
the assertions name the exact kind and breaking flag, so a rule that drifts fails here.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapty_contracts import _paths
from adapty_contracts.cli import main
from adapty_contracts.spec._diff import ClientApi, compare_client_apis, public_api

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
    s["paths"]["/api/v2/server-side-api/profile/"] = {
        "delete": {"operationId": "deleteProfile", "responses": {"204": {"description": "Deleted"}}}
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
    ("added operation", None, _added_operation, "operation-added", False, "deleteProfile"),
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
    assert removed[0]["sites"] == ["getIntegrationIdentifiers", "setIntegrationIdentifiers"]


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
    out = tmp_path / "report" / "diff.md"
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
