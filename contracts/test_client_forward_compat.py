"""Client forward compatibility (issue 9, item 5): Adapty adds enum values and properties; a client generated from
today's spec must keep working on tomorrow's responses, and let callers send values it does not know yet.

The enums are derived from the effective spec (`enum_sites`: every enum of every documented response and request
body schema, through nested objects, arrays, anyOf/nullable and $ref'd components); the classes and attribute names
from the generated models. Bodies are built from the schemas around each enum (_strategies.EnumSite.body).
"""

from __future__ import annotations

import enum
import json
from typing import Any

import httpx
import pytest
from _strategies import (
    UNKNOWN_KEY,
    UNKNOWN_VALUE,
    DocumentedResponse,
    EnumSite,
    Operation,
    a_new_value,
    base_url,
    call_kwargs,
    conforms,
    declared_types,
    documented_reply,
    mock_transport,
    navigate,
    pick,
    python_name,
    replace_at,
    request_enum_sites,
    request_violations,
    response_enum_sites,
    response_groups,
    type_hints,
    union_members,
    unknown_enum_values,
    value_sites,
    with_unknown_keys,
)
from adapty_api_client.types import Response
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapty_contracts import client_from_env

KEY = "secret_live_contractsKEY0123456789"
SETTINGS = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Counted by hand in openapi/adapty-api.yaml, as a floor (the spec may grow, never silently shrink the walk):
# OfferDTO.category and .type (under data.access_levels[].offer and data.subscriptions[].offer of ProfileResponse,
# the 200 of 7 operations: 4 each, 28), RefundSaverSettingsResponse.settings.custom_preference (2 operations: 2),
# PaywallListItem .state and .products[].product_set in PaywallListResponse (listPaywalls: 2), PaywallResponse
# .state and .products[].product_set (getPaywall, updatePaywall: 4). 36 sites, 7 distinct enums.
RESPONSE_ENUM_SITES_AT_LEAST = 36
RESPONSE_ENUMS_AT_LEAST = 7
# ProfileRequest gender, store, att_status (integer), installation_meta.platform (createProfile, updateProfile: 8);
# setTransaction's two oneOf branches, 5 each (purchase_type, environment, cancellation_reason, offer.category,
# offer.type: 10); RefundSaverSettingsRequest.custom_preference (1); StripeValidationRequest data.type (1).
REQUEST_ENUM_SITES_AT_LEAST = 20


def _client(transport: httpx.MockTransport) -> Any:
    httpx_client = httpx.Client(base_url=base_url(), transport=transport)
    client = client_from_env(environ={"ADAPTY_API_KEY": KEY}, base_url=base_url(), httpx_client=httpx_client)
    return client.with_max_retries(0)  # one response per call: these tests are about parsing


def _parse(response: DocumentedResponse, body: Any) -> Any:
    client = _client(mock_transport(response.status, json.dumps(body).encode(), content_type=response.media_type))
    operation = response.operation
    detailed: Response[Any] = operation.module.sync_detailed(client=client, **call_kwargs(operation))
    assert detailed.status_code == response.status
    return detailed.parsed


def _enum_class(parsed: Any, site: EnumSite) -> type[enum.Enum]:
    """The enum class the generated model declares at the site (one per site), checked to be this enum's."""
    (cls,) = [t for t in declared_types(parsed, site.where) if isinstance(t, type) and issubclass(t, enum.Enum)]
    assert {member.value for member in cls} == set(site.values), (cls, site.values)
    return cls


def _python_type(site: EnumSite) -> type:
    return {"string": str, "integer": int}[site.kind]


# --- the enums, from the spec ---------------------------------------------------------------------------------------


def test_the_response_enums_are_derived_from_the_spec() -> None:
    """Every enum of every response schema is found (not a vacuous walk), each maps to exactly one generated enum
    class with the spec's values, and the generated response models declare no enum the walk missed."""
    sites = response_enum_sites()
    assert len(sites) >= RESPONSE_ENUM_SITES_AT_LEAST, [s.label for _, s in sites]
    classes = set()
    for response, site in sites:
        parsed = _parse(response, site.body(site.values[0]))
        classes.add(_enum_class(parsed, site))
    assert len(classes) >= RESPONSE_ENUMS_AT_LEAST, classes
    declared = set()
    for group in response_groups().values():
        declared |= _declared_enums(group[0].model)
    assert declared == classes, declared ^ classes


def _declared_enums(model: Any, seen: set[Any] | None = None) -> set[type[enum.Enum]]:
    """Every enum class reachable from a generated model's annotations (nested models, lists, unions)."""
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    found: set[type[enum.Enum]] = set()
    for name, hint in type_hints(model).items():
        if name == "additional_properties":
            continue
        stack = list(union_members(hint))
        while stack:
            kind = stack.pop()
            stack += [m for arg in getattr(kind, "__args__", ()) for m in union_members(arg)]
            if isinstance(kind, type) and issubclass(kind, enum.Enum):
                found.add(kind)
            elif isinstance(kind, type) and hasattr(kind, "from_dict"):
                found |= _declared_enums(kind, seen)
    return found


def test_the_request_enums_are_derived_from_the_spec() -> None:
    sites = request_enum_sites()
    assert len(sites) >= REQUEST_ENUM_SITES_AT_LEAST, [s.label for _, s in sites]
    assert {site.kind for _, site in sites} == {"string", "integer"}


# --- responses: an enum value the spec does not list (yet) --------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "site"), response_enum_sites(), ids=[f"{r.label}-{s.label}" for r, s in response_enum_sites()]
)
@SETTINGS
@given(data=st.data())
def test_unknown_enum_values_in_responses_parse_and_keep_the_raw_value(
    response: DocumentedResponse, site: EnumSite, data: Any
) -> None:
    """A response holding an enum value the spec does not list (`grant_next_version` in RefundSaverSettingsResponse
    .settings.custom_preference) parses: the field is an instance of its enum class and of str (int), equals the raw
    value, is not `is_known`, and `to_dict()` gives the raw value back. Unknown properties on every object on the
    way land in `additional_properties` and round-trip too."""
    drawn = data.draw(unknown_enum_values(site), label="unknown value")
    for raw in (a_new_value(site), drawn):
        known = with_unknown_keys(response.schema, site.body(site.values[0]))
        assert response.conforms(known)
        assert navigate(_parse(response, known), site.where).is_known is True

        body = with_unknown_keys(response.schema, site.body(raw))
        assert not response.conforms(body), "the spec lists this value"
        assert response.conforms(body, lenient=True)
        parsed = _parse(response, body)
        value = navigate(parsed, site.where)
        cls = _enum_class(parsed, site)
        assert isinstance(value, cls)
        assert isinstance(value, _python_type(site))
        assert value == raw
        assert value.value == raw
        assert value.is_known is False
        assert cls(raw) is value, "not the cached pseudo-member"
        out = parsed.to_dict()
        assert pick(out, site.where) == raw
        assert type(pick(out, site.where)) is _python_type(site)
        assert json.loads(json.dumps(out)) == body
        assert type(parsed).from_dict(out) == parsed
        for where, _, item in value_sites(response.schema, body):
            if isinstance(item, dict) and UNKNOWN_KEY in item:
                assert navigate(parsed, where).additional_properties == {UNKNOWN_KEY: UNKNOWN_VALUE}, where


def _member_names_that_are_no_values() -> list[tuple[type[enum.Enum], str]]:
    found = []
    for response, site in response_enum_sites():
        if site.kind != "string":
            continue
        cls = _enum_class(_parse(response, site.body(site.values[0])), site)
        found += [(cls, member.name) for member in cls if member.name not in site.values][:1]
    return sorted(set(found), key=lambda pair: (pair[0].__name__, pair[1]))


@pytest.mark.parametrize(
    ("cls", "raw"),
    _member_names_that_are_no_values(),
    ids=[f"{c.__name__}-{r}" for c, r in _member_names_that_are_no_values()],
)
def test_an_unknown_value_spelled_like_a_member_name_is_not_known(cls: type[enum.Enum], raw: str) -> None:
    """`GRANT` is no value of custom_preference (`grant` is): Adapty could send it, and it is unknown (one such
    name per string enum of the responses)."""
    value = cls(raw)
    assert value.value == raw
    assert value.is_known is False  # type: ignore[attr-defined]
    assert value is not cls[raw]


# --- requests: any value where the spec has an enum -----------------------------------------------------------------


def _send(operation: Operation, body: Any) -> httpx.Request:
    seen: list[httpx.Request] = []
    status, content, content_type = documented_reply(operation)
    client = _client(mock_transport(status, content, seen, content_type))
    operation.module.sync_detailed(client=client, **{**call_kwargs(operation), "body": body})
    (request,) = seen
    return request


@pytest.mark.parametrize(
    ("operation", "site"),
    request_enum_sites(),
    ids=[f"{op.operation_id}-{s.label}" for op, s in request_enum_sites()],
)
@SETTINGS
@given(data=st.data())
def test_requests_may_send_unknown_enum_values(operation: Operation, site: EnumSite, data: Any) -> None:
    """A request model built with `EnumClass("some_new_value")` sends that value as is (the spec forbids it today,
    so the request oracle flags exactly that); with the spec's value it conforms."""
    assert operation.request_schema is not None
    drawn = data.draw(unknown_enum_values(site), label="unknown value")
    known = site.body(site.values[0])
    assert _conforms(operation, known)
    for raw in (a_new_value(site), drawn):
        model = operation.body_argument(known)
        cls = _enum_class(model, site)
        new = cls(raw)
        assert isinstance(new, _python_type(site))
        assert new.is_known is False  # type: ignore[attr-defined]
        _set(model, site.where, new)

        request = _send(operation, model)
        sent = json.loads(request.content)
        assert sent == replace_at(known, site.where, raw)
        assert type(pick(sent, site.where)) is _python_type(site)
        assert request_violations(request, KEY), "the oracle missed a value the spec does not list"
    assert request_violations(_send(operation, operation.body_argument(known)), KEY) == []


def _set(model: Any, where: tuple[str | int, ...], value: Any) -> None:
    """Set the part of a request model at a JSON location (an attribute by its Python name, or a list item)."""
    parent, step = navigate(model, where[:-1]), where[-1]
    if isinstance(step, int):
        parent[step] = value
        return
    name = python_name(step)
    assert hasattr(parent, name), (type(parent), name)
    setattr(parent, name, value)


def _conforms(operation: Operation, body: Any) -> bool:
    assert operation.request_schema is not None
    return conforms(operation.request_schema, body)


def test_the_current_document_s_additions_are_known_and_typed() -> None:
    """be716adc added enum values (known members now, not pseudo-members) and a typed optional Idempotency-Key."""
    import inspect
    import uuid

    from adapty_api_client.api.virtual_currency import create_virtual_currency_transaction
    from adapty_api_client.models import OfferDTOCategory, RefundSaverSettingsRequestCustomPreferenceType0
    from adapty_api_client.types import Unset

    assert OfferDTOCategory("retention") is OfferDTOCategory.RETENTION
    assert OfferDTOCategory.RETENTION.is_known is True  # type: ignore[attr-defined]
    prorated = RefundSaverSettingsRequestCustomPreferenceType0("grant_prorated")
    assert prorated is RefundSaverSettingsRequestCustomPreferenceType0.GRANT_PRORATED
    parameter = inspect.signature(create_virtual_currency_transaction.sync_detailed).parameters["idempotency_key"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.annotation in ("UUID | Unset", uuid.UUID | Unset)
