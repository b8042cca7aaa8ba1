"""The overlay's rules fix classes of defects, not places: each rule on small documents, then the whole overlay on a
synthetic *newer* upstream (a new operation with every known kind of defect) that must come out lint-clean and
generate, with no new overlay action.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapty_contracts import _paths
from adapty_contracts.regenerate import generate_client, missing_from_client
from adapty_contracts.spec import apply_overlay, build_effective_spec, load_spec
from adapty_contracts.spec._lint import lint_document
from adapty_contracts.spec.rules import RULES

OFFER = {"$ref": "#/components/schemas/Offer"}


def apply_rule(name: str, node: dict[str, Any], doc: dict[str, Any] | None = None) -> dict[str, Any]:
    RULES[name](node, doc if doc is not None else {})
    return node


# --- nullable-to-type-list ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "fixed"),
    [
        ({"type": "string", "nullable": True}, {"type": ["string", "null"]}),
        ({"type": ["integer"], "nullable": True, "format": "int64"}, {"type": ["integer", "null"], "format": "int64"}),
        ({"type": "string", "nullable": False}, {"type": "string"}),
        (
            {"type": "string", "enum": ["a", "b"], "nullable": True, "description": "d"},
            {"anyOf": [{"type": "string", "enum": ["a", "b"]}, {"type": "null"}], "description": "d"},
        ),
        ({**OFFER, "nullable": True}, {"anyOf": [OFFER, {"type": "null"}]}),
        (
            {"allOf": [OFFER], "nullable": True, "description": "Offer, if any"},
            {"anyOf": [OFFER, {"type": "null"}], "description": "Offer, if any"},
        ),
        (
            {"type": "object", "nullable": True, "properties": {"id": {"type": "integer"}}},
            {"type": ["object", "null"], "properties": {"id": {"type": "integer"}}},
        ),
    ],
    ids=["string", "type-list", "nullable-false", "enum", "ref", "allof-ref", "object"],
)
def test_nullable_becomes_the_3_1_way_of_saying_null(schema: dict[str, Any], fixed: dict[str, Any]) -> None:
    assert apply_rule("nullable-to-type-list", schema) == fixed
    assert apply_rule("nullable-to-type-list", copy.deepcopy(fixed)) == fixed, "idempotent"


# --- error-example-items ----------------------------------------------------------------------------------------------

ERROR_DOC: dict[str, Any] = {
    "components": {
        "schemas": {
            "ErrorResponse": {
                "type": "object",
                "properties": {
                    "errors": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"source": {"type": ["string", "null"]}, "errors": {"type": "array"}},
                        },
                    }
                },
            },
            "Plain": {"type": "object", "properties": {"errors": {"type": "array", "items": {"type": "string"}}}},
        }
    }
}


def test_string_error_items_become_error_objects_in_example_and_examples() -> None:
    media = {
        "schema": {"$ref": "#/components/schemas/ErrorResponse"},
        "example": {"errors": ["Invalid API key", {"source": "x", "errors": ["kept"]}], "status_code": 401},
        "examples": {"one": {"summary": "s", "value": {"errors": ["Profile does not exist"]}}},
    }
    apply_rule("error-example-items", media, ERROR_DOC)
    assert media["example"]["errors"] == [
        {"source": None, "errors": ["Invalid API key"]},
        {"source": "x", "errors": ["kept"]},
    ]
    assert media["examples"]["one"]["value"]["errors"] == [{"source": None, "errors": ["Profile does not exist"]}]


def test_string_errors_are_left_alone_where_the_schema_says_strings() -> None:
    media = {"schema": {"$ref": "#/components/schemas/Plain"}, "example": {"errors": ["a string is right here"]}}
    apply_rule("error-example-items", media, ERROR_DOC)
    assert media["example"]["errors"] == ["a string is right here"]


# --- required-any-of-parameters ---------------------------------------------------------------------------------------


def _identity_operation(with_400: bool) -> dict[str, Any]:
    prose = "The ID. Either `adapty-customer-user-id` or `adapty-profile-id` is required."
    responses: dict[str, Any] = {
        "401": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}}
    }
    if with_400:
        responses["400"] = {"description": "theirs"}
    return {
        "parameters": [
            {"name": "adapty-customer-user-id", "in": "header", "description": prose},
            {"name": "adapty-profile-id", "in": "header", "description": prose},
        ],
        "responses": responses,
    }


def test_either_or_prose_becomes_an_extension_and_a_documented_400() -> None:
    operation = apply_rule("required-any-of-parameters", _identity_operation(with_400=False))
    assert operation["x-required-any-of"] == ["adapty-customer-user-id", "adapty-profile-id"]
    bad_request = operation["responses"]["400"]["content"]["application/json"]
    assert bad_request["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}
    assert bad_request["example"]["status_code"] == 400
    # An operation that documents its own 400 keeps it.
    kept = apply_rule("required-any-of-parameters", _identity_operation(with_400=True))
    assert kept["responses"]["400"] == {"description": "theirs"}


def test_no_prose_no_extension() -> None:
    operation = {"parameters": [{"name": "page", "in": "query", "description": "Page number"}], "responses": {}}
    assert apply_rule("required-any-of-parameters", operation) == {
        "parameters": [{"name": "page", "in": "query", "description": "Page number"}],
        "responses": {},
    }


# --- at-least-one-property, unique-model-titles ---------------------------------------------------------------------


def test_at_least_one_property_is_min_properties_and_any_of_required() -> None:
    schema = {"type": "object", "properties": {"a": {}, "b": {}}}
    apply_rule("at-least-one-property", schema)
    apply_rule("at-least-one-property", schema)  # idempotent
    assert schema["minProperties"] == 1
    assert schema["allOf"] == [{"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}]


def test_a_title_naming_another_component_is_dropped_and_kept_as_text() -> None:
    schemas = {
        "Subscription": {"type": "object"},
        "SubscriptionDTO": {"type": "object", "title": "Subscription", "description": "For a purchase"},
        "OneTimeDTO": {"type": "object", "title": "One-time Purchase"},
    }
    apply_rule("unique-model-titles", schemas)
    assert "title" not in schemas["SubscriptionDTO"]
    assert schemas["SubscriptionDTO"]["description"] == "Subscription: For a purchase"
    assert schemas["OneTimeDTO"]["title"] == "One-time Purchase", "a title that collides with nothing stays"


@pytest.mark.parametrize(
    ("parameter", "python_name"),
    [
        ({"name": "page[number]", "in": "query"}, "page_number"),
        ({"name": "filter[Created_At]", "in": "query"}, "filter_created_at"),
        ({"name": "page[size]", "in": "query", "x-python-name": "per_page"}, "per_page"),  # a reviewed choice stays
        ({"name": "cursor", "in": "query"}, None),
        ({"name": "a[b][c]", "in": "query"}, None),
    ],
)
def test_a_bracketed_parameter_gets_a_python_name_with_its_word_break(
    parameter: dict[str, Any], python_name: str | None
) -> None:
    fixed = copy.deepcopy(parameter)
    RULES["bracket-parameter-python-names"](fixed, {})
    assert fixed.get("x-python-name") == python_name
    assert {k: v for k, v in fixed.items() if k != "x-python-name"} == {
        k: v for k, v in parameter.items() if k != "x-python-name"
    }


def test_the_client_facts_are_in_the_effective_spec() -> None:
    """listPaywalls' page parameters have Python names; reads and set operations are marked idempotent, with why;
    the two paged operations name their pagination shape."""
    spec = load_spec(_paths.EFFECTIVE_SPEC)
    operations = {
        op["operationId"]: op for item in spec["paths"].values() for op in item.values() if isinstance(op, dict)
    }
    names = {p["name"]: p.get("x-python-name") for p in operations["listPaywalls"]["parameters"]}
    assert names == {"page[number]": "page_number", "page[size]": "page_size"}
    idempotent = {name for name, op in operations.items() if op.get("x-idempotent")}
    assert {name for name in operations if name.startswith(("get", "list"))} <= idempotent
    assert {"updatePaywall", "deleteProfile", "setIntegrationIdentifiers", "setRefundSaverSettings"} <= idempotent
    assert not idempotent & {"createProfile", "grantAccessLevel", "setTransaction", "createVirtualCurrencyTransaction"}
    assert operations["listPaywalls"]["x-pagination"]["style"] == "page-number"
    assert operations["listVirtualCurrencyTransactions"]["x-pagination"]["style"] == "cursor"


def test_an_unknown_rule_is_a_user_error() -> None:
    from adapty_contracts import UserError

    overlay = {"overlay": "1.0.0", "actions": [{"target": "$", "x-rule": "nope"}]}
    with pytest.raises(UserError, match="unknown rule 'nope'"):
        apply_overlay({}, overlay)


# --- the whole overlay on a newer upstream ------------------------------------------------------------------------

NEW_PATH = "/api/v2/server-side-api/profile/notes/"


def newer_upstream() -> dict[str, Any]:
    """Adapty's document as a next version might be: a new operation with each known defect, a new enum value."""
    doc = load_spec(_paths.UPSTREAM_SPEC)
    prose = "The unique ID. Either `adapty-customer-user-id` or `adapty-profile-id` is required."
    doc["components"]["schemas"]["ProfileNote"] = {
        "type": "object",
        "properties": {
            "text": {"type": "string", "nullable": True},
            "pinned_at": {"type": "string", "format": "date-time", "nullable": True},
            "mood": {"type": "string", "enum": ["happy", "sad"], "nullable": True},
            "offer": {"allOf": [{"$ref": "#/components/schemas/OfferDTO"}], "nullable": True},
            "author": {
                "type": "object",
                "nullable": True,
                "properties": {"name": {"type": "string", "nullable": True}},
            },
            "labels": {
                "type": "object",
                "nullable": True,
                "additionalProperties": {"type": "string"},
                "description": "Labels. At most 3 keys. Each key matches `^[a-z]{1,8}$`, and each value is at most "
                "40 characters.",
            },
        },
        "required": ["text", "pinned_at", "mood", "offer", "author"],
    }
    error = {"$ref": "#/components/schemas/ErrorResponse"}
    doc["paths"][NEW_PATH] = {
        "get": {
            "operationId": "getProfileNote",
            "tags": ["Profile"],
            "security": [{"apikeyAuth": []}],
            "parameters": [
                {"name": "adapty-customer-user-id", "in": "header", "schema": {"type": "string"}, "description": prose},
                {"name": "adapty-profile-id", "in": "header", "schema": {"type": "string"}, "description": prose},
            ],
            "responses": {
                "200": {
                    "description": "The note",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/ProfileNote"},
                            "example": {"text": None, "pinned_at": None, "mood": None, "offer": None, "author": None},
                        }
                    },
                },
                "503": {
                    "description": "Busy: come back after the interval in the `Retry-After` response header.",
                    "content": {"application/json": {"schema": error}},
                },
                "401": {
                    "description": "Unauthorized",
                    "content": {
                        "application/json": {
                            "schema": error,
                            "example": {
                                "errors": ["Invalid API key"],
                                "error_code": "unauthorized",
                                "status_code": 401,
                            },
                        }
                    },
                },
                "404": {
                    "description": "Not found",
                    "content": {
                        "application/json": {
                            "schema": error,
                            "examples": {
                                "gone": {
                                    "value": {
                                        "errors": ["Note not found"],
                                        "error_code": "note_not_found",
                                        "status_code": 404,
                                    }
                                }
                            },
                        }
                    },
                },
            },
        }
    }
    settings = doc["components"]["schemas"]["RefundSaverSettingsResponse"]["properties"]["settings"]
    settings["properties"]["custom_preference"]["enum"].append("grant_next_version")  # in no version yet
    return doc


def test_a_newer_upstream_comes_out_clean_with_no_new_action() -> None:
    upstream = newer_upstream()
    assert lint_document(upstream), "the synthetic upstream has defects to fix"
    effective = build_effective_spec(upstream, load_spec(_paths.OVERLAY))
    assert lint_document(effective) == []
    operation = effective["paths"][NEW_PATH]["get"]
    assert operation["x-required-any-of"] == ["adapty-customer-user-id", "adapty-profile-id"]
    assert "400" in operation["responses"]
    note = effective["components"]["schemas"]["ProfileNote"]["properties"]
    assert note["mood"] == {"anyOf": [{"type": "string", "enum": ["happy", "sad"]}, {"type": "null"}]}
    assert note["author"]["type"] == ["object", "null"]
    assert note["author"]["properties"]["name"]["type"] == ["string", "null"]
    labels = note["labels"]
    assert (labels["maxProperties"], labels["propertyNames"], labels["additionalProperties"]["maxLength"]) == (
        3,
        {"pattern": "^[a-z]{1,8}$"},
        40,
    )
    assert operation["responses"]["503"]["headers"]["Retry-After"]["required"] is False


@pytest.mark.slow
def test_a_newer_upstream_generates_every_operation(tmp_path: Path) -> None:
    effective = build_effective_spec(newer_upstream(), load_spec(_paths.OVERLAY))
    spec_path = tmp_path / "effective.yaml"
    spec_path.write_text(yaml.safe_dump(effective, sort_keys=False), encoding="utf-8")
    package = generate_client(spec_path, tmp_path / "out")  # raises on any generator problem or dropped operation
    assert missing_from_client(effective, package) == []
    assert (package / "api" / "profile" / "get_profile_note.py").is_file()


# --- retry-after-header -------------------------------------------------------------------------------------------


def test_responses_that_ask_to_wait_declare_an_optional_retry_after() -> None:
    responses: dict[str, Any] = {
        "200": {"description": "ok"},
        "409": {"description": "In flight: retry after the interval in the `Retry-After` response header."},
        "429": {"description": "Too many requests."},
        "503": {"description": "Busy", "headers": {"retry-after": {"schema": {"type": "integer"}}}},
    }
    fixed = apply_rule("retry-after-header", copy.deepcopy(responses))
    assert "headers" not in fixed["200"]
    for code in ("409", "429"):
        header = fixed[code]["headers"]["Retry-After"]
        assert header["required"] is False and header["schema"]["type"] == "string"
    assert fixed["503"]["headers"] == responses["503"]["headers"], "a declared header (any case) is kept as is"
    assert apply_rule("retry-after-header", copy.deepcopy(fixed)) == fixed, "idempotent"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("0", True),
        ("120", True),
        ("Wed, 21 Oct 2015 07:28:00 GMT", True),
        ("-1", False),
        ("1.5", False),
        ("soon", False),
    ],
)
def test_the_declared_retry_after_takes_seconds_or_an_http_date(value: str, valid: bool) -> None:
    import re

    from adapty_contracts.spec.rules.retry_after_header import PATTERN

    assert bool(re.search(PATTERN, value)) is valid


# --- map-limits-from-prose ----------------------------------------------------------------------------------------


def test_map_limits_stated_in_words_become_keywords() -> None:
    text = "Pairs. At most 5 keys. Each key matches `^[a-z0-9_]{1,30}$`, and each value is at most 200 characters."
    schema = {"type": ["object", "null"], "additionalProperties": {"type": "string"}, "description": text}
    fixed = apply_rule("map-limits-from-prose", copy.deepcopy(schema))
    assert fixed["maxProperties"] == 5
    assert fixed["propertyNames"] == {"pattern": "^[a-z0-9_]{1,30}$"}
    assert fixed["additionalProperties"] == {"type": "string", "maxLength": 200}
    assert apply_rule("map-limits-from-prose", copy.deepcopy(fixed)) == fixed, "idempotent"
    only_keys = {"type": "object", "additionalProperties": {"type": "string"}, "description": "At most 2 keys."}
    assert apply_rule("map-limits-from-prose", only_keys) == {**only_keys, "maxProperties": 2}
    untouched = {"type": "object", "additionalProperties": {"type": "string"}, "description": "Free-form pairs."}
    assert apply_rule("map-limits-from-prose", copy.deepcopy(untouched)) == untouched
