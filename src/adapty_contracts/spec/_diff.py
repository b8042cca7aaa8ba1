"""`adapty-contracts diff OLD NEW`: what changed between two specs, and which changes break OUR generated client.

Why: a new upstream spec becomes a pull request; its reviewer needs a plain list of what breaks callers, not a YAML
diff. The rules take the point of view of the client this project generates, which is forward compatible: an enum
value it does not know is kept as a raw string, a property it does not know is kept in `additional_properties`.
They depend on the direction of the data:

* request side (parameters, request bodies): the client *sends* values, so anything that rejects values it used to
  send is breaking: removed fields, new required properties or parameters, optional ones made required, narrowed
  types (number -> integer, string -> enum), any added or tightened constraint (`format`, `pattern`, `maxLength`,
  `minLength`, `maximum`, `minimum`, ...), a changed `pattern`, nullable removed, removed enum values, new auth
  requirements; new optional properties or parameters and added enum values are not;
* response side: the client *parses* values, so anything it may now receive but cannot represent is breaking:
  removed or no-longer-required properties, properties made nullable, widened types. New properties (optional or
  required) are not: unknown ones already land in `additional_properties`. An added enum value is not breaking
  either: it is "safe for this client, breaking for strict-enum clients" (the note is in the detail and in the JSON
  `note`), since this client keeps an unknown value as a string where a strict client would reject it;
* operations: a new operation is not breaking; a removed one, or a changed `operationId` (a renamed function), is;
* status codes: a removed documented status or a new one (an error the old client does not know) is breaking;
* component schemas: a removed schema that no operation uses (not reachable through `$ref`s from any path item or
  webhook, transitively) is `unused-schema-removed`, not breaking: safe on the wire, but its client model classes
  disappear, and the report names them so that code importing them can be fixed. A removed schema that an operation
  used is `schema-removed`, breaking.

`$ref`s are resolved (local ones); a change inside a shared component is listed once, with the places it reaches.
With the client check on (the default) both specs are also turned into clients by the pinned generator and their
public names (api functions and their parameters, model classes, attrs fields, enum members) are compared with `ast`.
A model class that disappears is breaking unless no api function of the old client reached it (its schema was used
by no operation). Exit code: 1 when anything breaks, 0 otherwise, 2 for unreadable input or an output file whose
folder does not exist.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from adapty_contracts._errors import UserError
from adapty_contracts.spec._effective import load_spec
from adapty_contracts.spec._pointer import unescape

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
Side = Literal["request", "response"]

# kind -> (breaking on the request side, breaking on the response side): one table, so the rules are reviewable.
SCHEMA_RULES: dict[str, tuple[bool, bool]] = {
    "property-removed": (True, True),
    "property-added": (False, False),
    "property-added-required": (True, False),
    "property-became-required": (True, False),
    "property-became-optional": (False, True),
    "type-changed": (True, True),
    "type-narrowed": (True, False),
    "type-widened": (False, True),
    "nullable-removed": (True, False),
    "nullable-added": (False, True),
    "enum-value-removed": (True, False),
    "enum-value-added": (False, False),  # response side: see CLIENT_NOTES
    # A oneOf/anyOf member (or a discriminator mapping) added accepts more values: callers that send are fine, a
    # client that parses a value of the new member has no model for it. Removed: the mirror image.
    "member-added": (False, True),
    "member-removed": (True, False),
    "composition-changed": (True, True),  # only where members cannot be matched; the detail says why
}
# (kind, side) -> why a change that breaks some clients does not break ours: shown in the detail and as `note`.
STRICT_ENUM_NOTE = "safe for this client, breaking for strict-enum clients"
UNUSED_SCHEMA_NOTE = "safe on the wire, breaking for code that imports its model classes"
CLIENT_NOTES: dict[tuple[str, Side], str] = {
    ("enum-value-added", "response"): STRICT_ENUM_NOTE,
}
_SCHEMAS_PREFIX = "#/components/schemas/"
# Constraint keywords: which direction of change narrows the accepted values.
_UPPER_BOUNDS = ("maxLength", "maxItems", "maximum", "exclusiveMaximum", "maxProperties")
_LOWER_BOUNDS = ("minLength", "minItems", "minimum", "exclusiveMinimum", "minProperties")


@dataclass
class Change:
    """One difference, already judged: `where` is the spec or client location, `sites` the operations it reaches."""

    kind: str
    breaking: bool
    where: str
    detail: str
    area: Literal["spec", "client"] = "spec"
    sites: list[str] = field(default_factory=list)
    note: str = ""  # why a change that breaks some clients is safe for ours (also part of `detail`)
    side: str = ""  # "request" or "response" for a schema change: the direction that judged it

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "breaking": self.breaking,
            "area": self.area,
            "where": self.where,
            "side": self.side,
            "detail": self.detail,
            "sites": self.sites,
            "note": self.note,
        }


@dataclass
class Report:
    old: str
    new: str
    changes: list[Change]
    client_checked: bool

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]

    def as_json(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "breaking": len(self.breaking),
            "non_breaking": len(self.changes) - len(self.breaking),
            "client_checked": self.client_checked,
            "changes": [c.as_json() for c in self.changes],
        }


# ---------------------------------------------------------------------------------------------------------- CLI


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, metavar="OLD_SPEC", help="the spec clients were built from")
    parser.add_argument("new", type=Path, metavar="NEW_SPEC", help="the candidate spec")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown", help="default: markdown")
    parser.add_argument("--output", type=Path, metavar="PATH", help="write the report here (default: stdout)")
    parser.add_argument(
        "--no-client",
        dest="client",
        action="store_false",
        help="skip generating both clients and comparing their public API (faster)",
    )


def run(args: argparse.Namespace) -> int:
    if args.output and not args.output.parent.is_dir():  # checked first: generating two clients takes seconds
        raise UserError(f"cannot write {args.output}: folder {args.output.parent} does not exist")
    report = diff_files(args.old, args.new, client=args.client)
    text = render_json(report) if args.format == "json" else render_markdown(report)
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {args.output}: {' '.join(str(exc).split())}") from None
        print(f"{len(report.breaking)} breaking, {len(report.changes) - len(report.breaking)} other: {args.output}")
    else:
        sys.stdout.write(text)
    return 1 if report.breaking else 0


def diff_files(old_path: Path, new_path: Path, *, client: bool = True) -> Report:
    """Compare two spec files (and, with `client`, the public API of the clients generated from them)."""
    old, new = _load_openapi(old_path), _load_openapi(new_path)
    changes = diff_specs(old, new)
    if client:
        client_changes, old_api = _diff_clients(old_path, new_path)
        if old_api is not None:
            name_lost_models(changes, client_changes, old_api)
        changes += client_changes
    return Report(str(old_path), str(new_path), changes, client)


def _load_openapi(path: Path) -> dict[str, Any]:
    doc = load_spec(path)
    if not str(doc.get("openapi", "")).startswith("3.") or not isinstance(doc.get("paths", {}), dict):
        raise UserError(f"{path}: not an OpenAPI 3 document (no `openapi: 3.x` or `paths` is not a mapping)")
    return doc


# ------------------------------------------------------------------------------------------------- spec diffing


def diff_specs(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """All changes from `old` to `new` (documents, not files), breaking ones first, in a stable order."""
    differ = _SpecDiff(old, new)
    differ.run()
    return differ.result()


class _SpecDiff:
    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old, self.new = old, new
        self.found: dict[tuple[str, bool, str, str], Change] = {}
        self.descriptions: list[str] = []

    # -- recording

    def add(
        self,
        kind: str,
        breaking: bool,
        where: str,
        detail: str,
        site: str | None = None,
        note: str = "",
        side: str = "",
    ) -> None:
        if note:
            detail = f"{detail} ({note})"
        key = (kind, breaking, where, detail)
        change = self.found.setdefault(key, Change(kind, breaking, where, detail, note=note, side=side))
        if site and not where.startswith(site) and site not in change.sites:
            change.sites.append(site)

    def schema_change(self, kind: str, side: Side, where: str, detail: str, site: str) -> None:
        request_breaks, response_breaks = SCHEMA_RULES[kind]
        breaking = request_breaks if side == "request" else response_breaks
        self.add(kind, breaking, where, detail, site, note=CLIENT_NOTES.get((kind, side), ""), side=side)

    def text_changed(self, old: Any, new: Any, where: str) -> None:
        for key in ("summary", "description"):
            if isinstance(old, dict) and isinstance(new, dict) and old.get(key) != new.get(key):
                self.descriptions.append(f"{where} ({key})")

    def result(self) -> list[Change]:
        changes = list(self.found.values())
        if self.descriptions:
            unique = list(dict.fromkeys(self.descriptions))
            shown = ", ".join(unique[:8]) + (f" and {len(unique) - 8} more" if len(unique) > 8 else "")
            changes.append(Change("descriptions-changed", False, "documentation", f"{len(unique)} text(s): {shown}"))
        return sorted(changes, key=lambda c: (not c.breaking, c.where, c.kind, c.detail))

    # -- $ref

    def resolve(self, doc: dict[str, Any], node: Any) -> tuple[Any, str | None]:
        """Follow local `$ref`s; return the target and the last component name seen (None if no ref)."""
        name = None
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if not ref.startswith("#/") or ref in seen:
                raise UserError(f"unsupported or circular $ref {ref!r} (only local, acyclic refs are followed)")
            seen.add(ref)
            name = ref
            target: Any = doc
            for token in ref[2:].split("/"):
                part = unescape(token)
                if not isinstance(target, dict) or part not in target:
                    raise UserError(f"$ref {ref!r} points at nothing")
                target = target[part]
            node = target
        return node, name

    # -- top level

    def run(self) -> None:
        self.security_schemes()
        old_ops, new_ops = self.operations(self.old), self.operations(self.new)
        for key in sorted(old_ops.keys() - new_ops.keys()):
            self.add("operation-removed", True, self.label(old_ops[key][1], key), f"{key[0]} {old_ops[key][0]}")
        for key in sorted(new_ops.keys() - old_ops.keys()):
            self.add("operation-added", False, self.label(new_ops[key][1], key), f"{key[0]} {new_ops[key][0]}")
        for key in sorted(old_ops.keys() & new_ops.keys()):
            self.operation(old_ops[key], new_ops[key], key)
        self.removed_schemas()

    # -- component schemas

    def removed_schemas(self) -> None:
        """A removed component schema breaks on the wire only if an operation used it; its model classes go anyway."""
        old = (self.old.get("components") or {}).get("schemas") or {}
        new = (self.new.get("components") or {}).get("schemas") or {}
        removed = sorted(old.keys() - new.keys(), key=str)
        users = self.schema_users(self.old) if removed else {}
        for name in removed:
            where = f"schemas.{name}"
            if users.get(name):
                detail = f"component schema used by {len(users[name])} operation(s) removed; its model classes go too"
                for site in users[name]:
                    self.add("schema-removed", True, where, detail, site)
            else:
                detail = "component schema used by no operation removed"
                self.add("unused-schema-removed", False, where, detail, note=UNUSED_SCHEMA_NOTE)

    def schema_users(self, doc: dict[str, Any]) -> dict[str, list[str]]:
        """Component schema name -> the operations (and webhooks) that reach it through `$ref`s, transitively."""
        roots: list[tuple[str, list[Any]]] = [
            (self.label(op, key), [op, params]) for key, (_, op, params) in sorted(self.operations(doc).items())
        ]
        webhooks = doc.get("webhooks")
        if isinstance(webhooks, dict):
            roots += [(f"webhook {name}", [item]) for name, item in webhooks.items()]
        users: dict[str, list[str]] = {}
        for label, nodes in roots:
            for name in sorted(_schemas_reached(doc, nodes)):
                users.setdefault(name, []).append(label)
        return users

    def operations(self, doc: dict[str, Any]) -> dict[tuple[str, str], tuple[str, dict[str, Any], list[Any]]]:
        """(METHOD, path with parameter names blanked) -> (path, operation, path-level parameters)."""
        found = {}
        for path, item in (doc.get("paths") or {}).items():
            item, _ = self.resolve(doc, item)
            if not isinstance(item, dict):
                continue
            for method in HTTP_METHODS:
                if isinstance(item.get(method), dict):
                    key = (method.upper(), re.sub(r"\{[^}]*\}", "{}", str(path)))
                    found[key] = (str(path), item[method], list(item.get("parameters") or []))
        return found

    @staticmethod
    def label(operation: dict[str, Any], key: tuple[str, str]) -> str:
        return str(operation.get("operationId") or f"{key[0]} {key[1]}")

    def security_schemes(self) -> None:
        old = (self.old.get("components") or {}).get("securitySchemes") or {}
        new = (self.new.get("components") or {}).get("securitySchemes") or {}
        for name in old.keys() - new.keys():
            self.add("security-scheme-removed", True, f"securitySchemes.{name}", f"scheme {name!r} removed")
        for name in new.keys() - old.keys():
            self.add("security-scheme-added", False, f"securitySchemes.{name}", f"scheme {name!r} added")
        for name in old.keys() & new.keys():
            o, n = self.resolve(self.old, old[name])[0], self.resolve(self.new, new[name])[0]
            keys = ("type", "in", "name", "scheme", "bearerFormat", "flows", "openIdConnectUrl")
            moved = [k for k in keys if o.get(k) != n.get(k)]
            if moved:
                what = ", ".join(f"{k}: {o.get(k)!r} -> {n.get(k)!r}" for k in moved if k != "flows")
                self.add("security-scheme-changed", True, f"securitySchemes.{name}", what or "flows changed")
            self.text_changed(o, n, f"securitySchemes.{name}")

    def operation(
        self, old: tuple[str, dict[str, Any], list[Any]], new: tuple[str, dict[str, Any], list[Any]], key: Any
    ) -> None:
        (_, old_op, old_path_params), (_, new_op, new_path_params) = old, new
        site = self.label(new_op, key)
        self.text_changed(old_op, new_op, site)
        if old_op.get("operationId") != new_op.get("operationId"):
            detail = (
                f"operationId {old_op.get('operationId')!r} -> {new_op.get('operationId')!r} (client function renamed)"
            )
            self.add("operation-id-changed", True, site, detail)
        if new_op.get("deprecated") and not old_op.get("deprecated"):
            self.add("operation-deprecated", False, site, "operation marked deprecated")
        self.security(old_op, new_op, site)
        self.parameters(
            self.params(self.old, old_path_params, old_op), self.params(self.new, new_path_params, new_op), site
        )
        self.request_body(old_op.get("requestBody"), new_op.get("requestBody"), site)
        self.responses(old_op.get("responses") or {}, new_op.get("responses") or {}, site)

    # -- security

    def security(self, old_op: dict[str, Any], new_op: dict[str, Any], site: str) -> None:
        old, new = self.requirements(self.old, old_op), self.requirements(self.new, new_op)
        gone, added = old - new, new - old
        shown = " or ".join(sorted("+".join(sorted(alt)) or "none" for alt in new)) or "none"
        if frozenset() in gone:
            self.add("security-requirement-added", True, site, f"authentication now required: {shown}")
        elif gone:
            self.add("security-requirement-changed", True, site, f"accepted credentials now: {shown}")
        elif added:
            self.add("security-requirement-relaxed", False, site, f"accepted credentials now: {shown}")

    @staticmethod
    def requirements(doc: dict[str, Any], op: dict[str, Any]) -> set[frozenset[str]]:
        """The alternatives of the effective security requirement; `{frozenset()}` means anonymous access."""
        reqs = op["security"] if "security" in op else doc.get("security")
        if not reqs:
            return {frozenset()}
        return {frozenset(req) for req in reqs if isinstance(req, dict)}

    # -- parameters

    def params(
        self, doc: dict[str, Any], path_level: list[Any], op: dict[str, Any]
    ) -> dict[tuple[str, str], dict[str, Any]]:
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in [*path_level, *(op.get("parameters") or [])]:  # operation-level ones override path-level ones
            param, _ = self.resolve(doc, raw)
            if isinstance(param, dict) and "name" in param:
                where = str(param.get("in", ""))
                name = str(param["name"]).lower() if where == "header" else str(param["name"])
                found[(where, name)] = param
        return found

    def parameters(self, old: dict[tuple[str, str], Any], new: dict[tuple[str, str], Any], site: str) -> None:
        for where, name in sorted(old.keys() - new.keys()):
            self.add("parameter-removed", True, f"{site} {where} parameter {name}", "parameter removed", site)
        for where, name in sorted(new.keys() - old.keys()):
            loc = f"{site} {where} parameter {name}"
            if new[(where, name)].get("required"):
                self.add("parameter-added-required", True, loc, "new required parameter", site)
            else:
                self.add("parameter-added", False, loc, "new optional parameter", site)
        for where, name in sorted(old.keys() & new.keys()):
            o, n = old[(where, name)], new[(where, name)]
            loc = f"{site} {where} parameter {name}"
            if n.get("required") and not o.get("required"):
                self.add("parameter-became-required", True, loc, "parameter is now required", site)
            elif o.get("required") and not n.get("required"):
                self.add("parameter-became-optional", False, loc, "parameter is now optional", site)
            self.text_changed(o, n, loc)
            self.schema(o.get("schema"), n.get("schema"), "request", loc, site, set())

    # -- bodies

    def request_body(self, old_raw: Any, new_raw: Any, site: str) -> None:
        old, _ = self.resolve(self.old, old_raw)
        new, _ = self.resolve(self.new, new_raw)
        loc = f"{site} request body"
        if old is None and new is None:
            return
        if new is None:
            self.add("request-body-removed", True, loc, "request body removed", site)
            return
        if old is None:
            required = bool(new.get("required"))
            if required:
                self.add("request-body-added-required", True, loc, "new required body", site)
            else:
                self.add("request-body-added", False, loc, "new optional body", site)
            return
        if new.get("required") and not old.get("required"):
            self.add("request-body-became-required", True, loc, "request body is now required", site)
        self.text_changed(old, new, loc)
        self.content(old.get("content") or {}, new.get("content") or {}, "request", loc, site)

    def responses(self, old: dict[str, Any], new: dict[str, Any], site: str) -> None:
        old, new = {str(k): v for k, v in old.items()}, {str(k): v for k, v in new.items()}  # YAML: 200 is an int
        old_codes, new_codes = set(old), set(new)
        for code in sorted(old_codes - new_codes):
            self.add("status-removed", True, f"{site} response {code}", f"documented status {code} removed", site)
        for code in sorted(new_codes - old_codes):
            detail = f"new status {code}: the old client does not know it" + (
                " (a new error)" if code[:1] in "45" or code == "default" else ""
            )
            self.add("status-added", True, f"{site} response {code}", detail, site)
        for code in sorted(old_codes & new_codes):
            o = self.resolve(self.old, old[code])[0] or {}
            n = self.resolve(self.new, new[code])[0] or {}
            loc = f"{site} response {code}"
            self.text_changed(o, n, loc)
            self.content(o.get("content") or {}, n.get("content") or {}, "response", loc, site)

    def content(self, old: dict[str, Any], new: dict[str, Any], side: Side, loc: str, site: str) -> None:
        for media in sorted(old.keys() - new.keys()):
            kind = f"{side}-media-type-removed"
            self.add(kind, True, f"{loc} {media}", f"media type {media} removed", site)
        for media in sorted(new.keys() - old.keys()):
            kind = f"{side}-media-type-added"
            self.add(kind, False, f"{loc} {media}", f"media type {media} added", site)
        for media in sorted(old.keys() & new.keys()):
            o, n = old[media] or {}, new[media] or {}
            self.schema(o.get("schema"), n.get("schema"), side, loc, site, set())

    # -- schemas

    def schema(self, old_raw: Any, new_raw: Any, side: Side, loc: str, site: str, stack: set[tuple[int, int]]) -> None:
        if old_raw is None or new_raw is None:
            if (old_raw is None) != (new_raw is None):
                kind = "type-widened" if new_raw is None else "type-narrowed"
                self.schema_change(kind, side, loc, "schema removed" if new_raw is None else "schema added", site)
            return
        old, old_ref = self.resolve(self.old, old_raw)
        new, new_ref = self.resolve(self.new, new_raw)
        if new_ref or old_ref:  # a shared component: name the place by the component, once for all its uses
            loc = _component_label(new_ref or old_ref or "")
        if not isinstance(old, dict) or not isinstance(new, dict) or (id(old), id(new)) in stack:
            return
        stack = stack | {(id(old), id(new))}
        old, new = _flatten_all_of(self.old, old, self), _flatten_all_of(self.new, new, self)
        self.text_changed(old, new, loc)
        old_comp, new_comp = _composition(old), _composition(new)
        if (old_comp is None) != (new_comp is None):
            # `$ref X` <-> `anyOf [$ref X, null]` and the like: the plain schema is a composition of one member.
            key = old_comp or new_comp or "anyOf"
            lone_old = old if old_comp else {key: [{"$ref": old_ref} if old_ref else old]}
            lone_new = new if new_comp else {key: [{"$ref": new_ref} if new_ref else new]}
            self.members(key, lone_old, lone_new, side, loc, site, stack)
            return
        self.types(old, new, side, loc, site)
        self.enums(old, new, side, loc, site)
        self.constraints(old, new, side, loc, site)
        for key in ("anyOf", "oneOf"):
            self.members(key, old, new, side, loc, site, stack)
        self.all_of_rest(old.get("allOf") or [], new.get("allOf") or [], side, loc, site, stack)
        self.discriminator(old, new, side, loc, site)
        if _canonical(self.old, old.get("not"), self) != _canonical(self.new, new.get("not"), self):
            why = "`not` changed: whether it accepts more or fewer values cannot be decided from the schemas"
            self.schema_change("composition-changed", side, loc, f"{why}; review by hand", site)
        for key in ("additionalProperties", "propertyNames"):
            o, n = old.get(key), new.get(key)
            if isinstance(o, dict) and isinstance(n, dict):
                self.schema(o, n, side, f"{loc}{{{'value' if key == 'additionalProperties' else 'key'}}}", site, stack)
        if "items" in old or "items" in new:
            self.schema(old.get("items"), new.get("items"), side, f"{loc}[]", site, stack)
        self.properties(old, new, side, loc, site, stack)

    # -- compositions

    def members(
        self, key: str, old: dict[str, Any], new: dict[str, Any], side: Side, loc: str, site: str, stack: set[Any]
    ) -> None:
        """Walk `anyOf`/`oneOf` members: match them (by component, discriminator value, JSON type or position when
        the counts agree), judge each matched pair like any schema, and added/removed members by direction."""
        old_members, new_members = old.get(key), new.get(key)
        if old_members is None and new_members is None:
            return
        if not isinstance(old_members, list) or not isinstance(new_members, list):
            # one is a oneOf, the other an anyOf (schema() wraps a plain schema): exclusivity changed
            why = f"`{key}` on one side only (oneOf <-> anyOf changes whether members may overlap)"
            self.schema_change("composition-changed", side, loc, f"{why}; review by hand", site)
            return
        old_keys = [self.member_key(self.old, old, m, i) for i, m in enumerate(old_members)]
        new_keys = [self.member_key(self.new, new, m, i) for i, m in enumerate(new_members)]
        positional = any(k.startswith("#") for k in old_keys + new_keys)
        if positional and len(old_members) != len(new_members):
            why = f"`{key}` has inline members with no component, discriminator value or distinct type"
            if _canonical(self.old, old_members, self) != _canonical(self.new, new_members, self):
                self.schema_change(
                    "composition-changed", side, loc, f"{why}, and their number changed; review by hand", site
                )
            return
        old_by, new_by = dict(zip(old_keys, old_members, strict=True)), dict(zip(new_keys, new_members, strict=True))
        for name in [k for k in old_keys if k not in new_by]:
            if name == "null":
                self.schema_change("nullable-removed", side, loc, "no longer nullable", site)
            else:
                self.schema_change("member-removed", side, loc, f"`{key}` member {name} removed", site)
        for name in [k for k in new_keys if k not in old_by]:
            if name == "null":
                self.schema_change("nullable-added", side, loc, "now nullable", site)
            else:
                self.schema_change("member-added", side, loc, f"`{key}` member {name} added", site)
        for name in [k for k in old_keys if k in new_by]:
            member_loc = loc if not name.startswith("#") else f"{loc}<{key}{name}>"
            self.schema(old_by[name], new_by[name], side, member_loc, site, stack)

    def all_of_rest(self, old: list[Any], new: list[Any], side: Side, loc: str, site: str, stack: set[Any]) -> None:
        """`allOf` parts other than properties (after flattening): pairs by position, each walked as a schema."""
        for o, n in zip(old, new, strict=False):
            self.schema(o, n, side, loc, site, stack)
        if len(old) != len(new) and _canonical(self.old, old, self) != _canonical(self.new, new, self):
            why = f"`allOf` now has {len(new)} constraint part(s) besides properties, was {len(old)}"
            self.schema_change("composition-changed", side, loc, f"{why}; review by hand", site)

    def member_key(self, doc: dict[str, Any], parent: dict[str, Any], member: Any, index: int) -> str:
        """What identifies a composition member across versions: its component, its discriminator value, its only
        JSON type when no sibling shares it, else its position (`#i`)."""
        if isinstance(member, dict) and isinstance(member.get("$ref"), str):
            return _component_label(member["$ref"])
        resolved, _ = self.resolve(doc, member)
        if not isinstance(resolved, dict):
            return f"#{index}"
        if set(resolved) == {"required"}:  # one alternative of "at least one of these properties"
            return "required=" + ",".join(map(str, resolved["required"]))
        types = _types(resolved)
        if types == {"null"}:
            return "null"
        prop = (parent.get("discriminator") or {}).get("propertyName")
        if prop:
            tag = (resolved.get("properties") or {}).get(prop) or {}
            values = [tag["const"]] if "const" in tag else tag.get("enum") or []
            if len(values) == 1:
                return f"{prop}={values[0]}"
        siblings = [_types(self.resolve(doc, m)[0] or {}) for m in parent.get("anyOf") or parent.get("oneOf") or []]
        if len(types) == 1 and siblings.count(types) == 1:
            return next(iter(types))
        return f"#{index}"

    def discriminator(self, old: dict[str, Any], new: dict[str, Any], side: Side, loc: str, site: str) -> None:
        o, n = old.get("discriminator"), new.get("discriminator")
        if not isinstance(o, dict) or not isinstance(n, dict):
            if isinstance(o, dict) != isinstance(n, dict):
                what = "added" if isinstance(n, dict) else "removed"
                self.schema_change("type-changed", side, loc, f"discriminator {what}", site)
            return
        if o.get("propertyName") != n.get("propertyName"):
            detail = f"discriminator property {o.get('propertyName')!r} -> {n.get('propertyName')!r}"
            self.schema_change("type-changed", side, loc, detail, site)
        old_map, new_map = o.get("mapping") or {}, n.get("mapping") or {}
        for value in sorted(old_map.keys() - new_map.keys(), key=str):
            self.schema_change("member-removed", side, loc, f"discriminator value {value!r} removed", site)
        for value in sorted(new_map.keys() - old_map.keys(), key=str):
            self.schema_change("member-added", side, loc, f"discriminator value {value!r} added", site)
        for value in sorted(old_map.keys() & new_map.keys(), key=str):
            if _component_label(str(old_map[value])) != _component_label(str(new_map[value])):
                detail = f"discriminator value {value!r} now means {_component_label(str(new_map[value]))}"
                self.schema_change("type-changed", side, loc, detail, site)

    def types(self, old: dict[str, Any], new: dict[str, Any], side: Side, loc: str, site: str) -> None:
        old_types, new_types = _types(old), _types(new)
        if ("null" in old_types) != ("null" in new_types):
            kind = "nullable-added" if "null" in new_types else "nullable-removed"
            self.schema_change(kind, side, loc, "now nullable" if "null" in new_types else "no longer nullable", site)
        o, n = old_types - {"null"}, new_types - {"null"}
        if o == n:
            return
        shown = f"{_show(o)} -> {_show(n)}"
        if not o:  # any type -> some types
            self.schema_change("type-narrowed", side, loc, shown, site)
        elif not n or (_accepts(n, o) and not _accepts(o, n)):  # the new types take every old value, and more
            self.schema_change("type-widened", side, loc, shown, site)
        elif _accepts(o, n) and not _accepts(n, o):
            self.schema_change("type-narrowed", side, loc, shown, site)
        else:
            self.schema_change("type-changed", side, loc, shown, site)

    def enums(self, old: dict[str, Any], new: dict[str, Any], side: Side, loc: str, site: str) -> None:
        old_enum, new_enum = old.get("enum"), new.get("enum")
        if old_enum is None and new_enum is not None:
            self.schema_change("type-narrowed", side, loc, f"now an enum: {_values(new_enum)}", site)
        elif old_enum is not None and new_enum is None:
            self.schema_change("type-widened", side, loc, "no longer an enum", site)
        elif old_enum is not None and new_enum is not None:
            removed = [v for v in old_enum if v not in new_enum and v is not None]
            added = [v for v in new_enum if v not in old_enum and v is not None]
            if removed:
                self.schema_change("enum-value-removed", side, loc, f"enum value(s) removed: {_values(removed)}", site)
            if added:
                self.schema_change("enum-value-added", side, loc, f"enum value(s) added: {_values(added)}", site)
        if ("const" in old or "const" in new) and old.get("const") != new.get("const"):
            kind = "type-narrowed" if "const" not in old else "type-changed" if "const" in new else "type-widened"
            self.schema_change(kind, side, loc, f"const {old.get('const')!r} -> {new.get('const')!r}", site)

    def constraints(self, old: dict[str, Any], new: dict[str, Any], side: Side, loc: str, site: str) -> None:
        o_fmt, n_fmt = old.get("format"), new.get("format")
        if o_fmt != n_fmt:
            kind = "type-narrowed" if o_fmt is None else "type-widened" if n_fmt is None else "type-changed"
            self.schema_change(kind, side, loc, _bound_change("format", o_fmt, n_fmt, plain=True), site)
        for key in (*_UPPER_BOUNDS, *_LOWER_BOUNDS, "pattern", "multipleOf"):
            o, n = old.get(key), new.get(key)
            if o == n or isinstance(o, bool) or isinstance(n, bool):
                continue
            if o is None:
                kind = "type-narrowed"
            elif n is None:
                kind = "type-widened"
            elif key in _UPPER_BOUNDS and isinstance(o, int | float) and isinstance(n, int | float):
                kind = "type-narrowed" if n < o else "type-widened"
            elif key in _LOWER_BOUNDS and isinstance(o, int | float) and isinstance(n, int | float):
                kind = "type-narrowed" if n > o else "type-widened"
            else:
                kind = "type-changed"
            self.schema_change(kind, side, loc, _bound_change(key, o, n), site)

    def properties(
        self, old: dict[str, Any], new: dict[str, Any], side: Side, loc: str, site: str, stack: set[tuple[int, int]]
    ) -> None:
        old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
        old_req, new_req = set(old.get("required") or []), set(new.get("required") or [])
        for name in sorted(old_props.keys() - new_props.keys()):
            self.schema_change("property-removed", side, f"{loc}.{name}", f"{side} property removed", site)
        for name in sorted(new_props.keys() - old_props.keys()):
            required = name in new_req
            kind = "property-added-required" if required and side == "request" else "property-added"
            detail = f"new {'required' if required else 'optional'} {side} property"
            self.schema_change(kind, side, f"{loc}.{name}", detail, site)
        for name in sorted(old_props.keys() & new_props.keys()):
            if name in new_req and name not in old_req:
                self.schema_change("property-became-required", side, f"{loc}.{name}", "now required", site)
            elif name in old_req and name not in new_req:
                self.schema_change("property-became-optional", side, f"{loc}.{name}", "no longer required", site)
            self.schema(old_props[name], new_props[name], side, f"{loc}.{name}", site, stack)


def _component_label(ref: str) -> str:
    return ref.removeprefix(_SCHEMAS_PREFIX) if ref.startswith(_SCHEMAS_PREFIX) else ref


def _schemas_reached(doc: dict[str, Any], nodes: Iterable[Any]) -> set[str]:
    """Names of the component schemas that local `$ref`s (and discriminator mappings) in `nodes` reach, transitively.

    Refs that point at nothing are skipped here: the diff proper reports them where it follows them.
    """
    names: set[str] = set()
    seen: set[str] = set()
    todo = list(nodes)
    while todo:
        node = todo.pop()
        if isinstance(node, list):
            todo.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        todo.extend(node.values())
        refs = [node.get("$ref")]
        mapping = node.get("discriminator", {}).get("mapping") if isinstance(node.get("discriminator"), dict) else None
        if isinstance(mapping, dict):
            refs += list(mapping.values())
        for ref in refs:
            if not isinstance(ref, str) or not ref.startswith("#/") or ref in seen:
                continue
            seen.add(ref)
            tokens = [unescape(t) for t in ref[2:].split("/")]
            if tokens[:2] == ["components", "schemas"] and len(tokens) > 2:
                names.add(tokens[2])
            target: Any = doc
            for token in tokens:
                target = target.get(token) if isinstance(target, dict) else None
            if target is not None:
                todo.append(target)
    return names


def _flatten_all_of(doc: dict[str, Any], schema: dict[str, Any], differ: _SpecDiff) -> dict[str, Any]:
    """Merge `allOf` members' properties and required lists into one view (the common `allOf` of one model)."""
    if not isinstance(schema.get("allOf"), list):
        return schema
    merged = {k: v for k, v in schema.items() if k != "allOf"}
    merged["properties"] = dict(schema.get("properties") or {})
    merged["required"] = list(schema.get("required") or [])
    rest = []
    for member in schema["allOf"]:
        part, _ = differ.resolve(doc, member)
        part = _flatten_all_of(doc, part, differ) if isinstance(part, dict) else part
        if not isinstance(part, dict):
            continue
        merged["properties"].update(part.get("properties") or {})
        merged["required"] += [r for r in part.get("required") or [] if r not in merged["required"]]
        for key in ("type", "format", "enum", "nullable"):
            if key in part:
                merged.setdefault(key, part[key])
        leftover = {
            k: v for k, v in part.items() if k not in ("properties", "required", "type", "description", "title")
        }
        if leftover:
            rest.append(leftover)
    if rest:  # what allOf members say besides properties (e.g. an anyOf of `required` lists), walked one by one
        merged["allOf"] = rest
    return merged


def _canonical(doc: dict[str, Any], node: Any, differ: _SpecDiff, depth: int = 0) -> Any:
    """`node` with refs resolved and texts dropped, for an equality test of composition keywords."""
    if depth > 20:
        return "..."
    if isinstance(node, dict):
        node = differ.resolve(doc, node)[0]
    if isinstance(node, dict):
        return {
            k: _canonical(doc, v, differ, depth + 1)
            for k, v in sorted(node.items())
            if k not in ("description", "title", "example", "examples")
        }
    if isinstance(node, list):
        return [_canonical(doc, v, differ, depth + 1) for v in node]
    return node


def _composition(schema: dict[str, Any]) -> str | None:
    """Which of `anyOf`/`oneOf` the schema is built from, if any."""
    return next((key for key in ("oneOf", "anyOf") if isinstance(schema.get(key), list)), None)


def _types(schema: dict[str, Any]) -> set[str]:
    raw = schema.get("type")
    types = {raw} if isinstance(raw, str) else {str(t) for t in raw} if isinstance(raw, list) else set()
    if schema.get("nullable") is True or (isinstance(schema.get("enum"), list) and None in schema["enum"]):
        types.add("null")
    return types


def _accepts(wide: set[str], narrow: set[str]) -> bool:
    """Does a value of any type in `narrow` also pass `wide`? (an integer is a number)"""
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _show(types: set[str]) -> str:
    return "|".join(sorted(types)) or "any"


def _values(values: list[Any]) -> str:
    return ", ".join(json.dumps(v) for v in values)


# --------------------------------------------------------------------------------------------- client diffing


@dataclass
class ClientApi:
    """The public names of a generated client: what user code can import, call and read."""

    functions: dict[str, dict[str, bool]] = field(default_factory=dict)  # module.func -> {param: required}
    models: dict[str, set[str]] = field(default_factory=dict)  # class -> fields (attrs) or members (enums)
    # Which model classes the api modules import (None: not known, so every class counts as used by an operation),
    # and which model classes each model class's module imports: together, the classes an operation reaches.
    roots: set[str] | None = None
    links: dict[str, set[str]] = field(default_factory=dict)

    def reached(self, start: Iterable[str] | None = None) -> set[str] | None:
        """The model classes reachable from `start` (default: the api functions); None when `roots` is unknown."""
        if start is None and self.roots is None:
            return None
        todo = list((self.roots or ()) if start is None else start)
        found: set[str] = set()
        while todo:
            cls = todo.pop()
            if cls not in found:
                found.add(cls)
                todo.extend(self.links.get(cls, ()))
        return found


def diff_clients(old_spec: Path, new_spec: Path) -> list[Change]:
    """Generate a client for each spec (pinned generator, our config) and compare their public API."""
    return _diff_clients(old_spec, new_spec)[0]


def _diff_clients(old_spec: Path, new_spec: Path) -> tuple[list[Change], ClientApi | None]:
    """`diff_clients`, plus the old client's API (None when it could not be generated)."""
    from adapty_contracts.regenerate import generate_client

    apis: list[ClientApi] = []
    with tempfile.TemporaryDirectory(prefix="adapty-diff-") as tmp:
        for name, spec in (("old", old_spec), ("new", new_spec)):
            try:
                apis.append(public_api(generate_client(spec, Path(tmp) / name)))
            except UserError as exc:  # a new spec that yields no client breaks every user; an old one: no comparison
                detail = " ".join(str(exc).split())[:300]
                failed = Change("client-generation-failed", name == "new", f"{name} spec", detail, area="client")
                return [failed], apis[0] if apis else None
    return compare_client_apis(apis[0], apis[1]), apis[0]


def name_lost_models(spec_changes: list[Change], client_changes: list[Change], old_api: ClientApi) -> None:
    """Name, in each `unused-schema-removed` change, the model classes of that schema that disappear (and back)."""
    from openapi_python_client.strings import pascal_case  # the generator's own class naming

    lost = {c.where: c for c in client_changes if c.kind == "client-model-removed" and not c.breaking}
    for change in spec_changes:
        if change.kind != "unused-schema-removed":
            continue
        schema = change.where.removeprefix("schemas.")
        classes = sorted((old_api.reached([pascal_case(schema)]) or set()) & lost.keys())
        shown = ", ".join(classes) if classes else "none found"
        change.detail = f"{change.detail}; client model classes that disappear: {shown}"
        for cls in classes:
            lost[cls].detail = f"model class removed: its schema {schema} was used by no operation ({lost[cls].note})"


def public_api(package: Path) -> ClientApi:
    """Read a generated package with `ast` (no import: the code is not trusted to run here)."""
    roots: set[str] = set()
    api = ClientApi(roots=roots)
    for module in sorted((package / "api").rglob("*.py")):
        if module.name == "__init__.py":
            continue
        dotted = ".".join(module.relative_to(package).with_suffix("").parts)
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("_"):
                api.functions[f"{dotted}.{node.name}"] = _parameters(node.args)
        roots |= _model_imports(tree)
    for module in sorted((package / "models").glob("*.py")):
        if module.name == "__init__.py":
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = _model_imports(tree)
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                api.models[node.name] = _fields(node)
                api.links[node.name] = imported
    return api


def _model_imports(tree: ast.Module) -> set[str]:
    """Names imported anywhere in a module (also in functions and `TYPE_CHECKING` blocks) from `...models.x`."""
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and "models" in node.module.split(".")
        for alias in node.names
    }


def _parameters(args: ast.arguments) -> dict[str, bool]:
    positional = [*args.posonlyargs, *args.args]
    first_default = len(positional) - len(args.defaults)
    found = {a.arg: i < first_default for i, a in enumerate(positional)}
    found.update({a.arg: d is None for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)})
    return found


def _fields(node: ast.ClassDef) -> set[str]:
    names: set[str] = set()
    for stmt in node.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            names.add(stmt.target.id)
        elif isinstance(stmt, ast.Assign):  # enum members
            names.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
    return {n for n in names if not n.startswith("_")}


def compare_client_apis(old: ClientApi, new: ClientApi) -> list[Change]:
    changes: list[Change] = []

    def add(kind: str, breaking: bool, where: str, detail: str, note: str = "") -> None:
        shown = f"{detail} ({note})" if note else detail
        changes.append(Change(kind, breaking, where, shown, area="client", note=note))

    for name in sorted(old.functions.keys() - new.functions.keys()):
        add("client-function-removed", True, name, "function removed (or renamed)")
    for name in sorted(new.functions.keys() - old.functions.keys()):
        add("client-function-added", False, name, "new function")
    for name in sorted(old.functions.keys() & new.functions.keys()):
        o, n = old.functions[name], new.functions[name]
        for param in sorted(o.keys() - n.keys()):
            add("client-parameter-removed", True, f"{name}({param})", "parameter removed (or renamed)")
        for param in sorted(n.keys() - o.keys()):
            required = n[param]
            add(
                "client-parameter-added-required" if required else "client-parameter-added",
                required,
                f"{name}({param})",
                "new required parameter" if required else "new optional parameter",
            )
    used, note = old.reached(), UNUSED_SCHEMA_NOTE
    for cls in sorted(old.models.keys() - new.models.keys()):
        if used is None or cls in used:
            add("client-model-removed", True, cls, "model class removed (or renamed)")
        else:  # no api function reached it: its schema was used by no operation
            add("client-model-removed", False, cls, "model class removed: its schema was used by no operation", note)
    for cls in sorted(new.models.keys() - old.models.keys()):
        add("client-model-added", False, cls, "new model class")
    for cls in sorted(old.models.keys() & new.models.keys()):
        for name in sorted(old.models[cls] - new.models[cls]):
            add("client-field-removed", True, f"{cls}.{name}", "field removed (or renamed)")
        for name in sorted(new.models[cls] - old.models[cls]):
            add("client-field-added", False, f"{cls}.{name}", "new field")
    return sorted(changes, key=lambda c: (not c.breaking, c.where, c.kind))


# --------------------------------------------------------------------------------------------------- rendering


def render_json(report: Report) -> str:
    return json.dumps(report.as_json(), indent=2) + "\n"


def render_markdown(report: Report) -> str:
    """The pull-request body: verdict first, then breaking, other and client-API changes as tables."""
    spec = [c for c in report.changes if c.area == "spec"]
    client = [c for c in report.changes if c.area == "client"]
    n_break = len(report.breaking)
    verdict = f"**{n_break} breaking change(s)**" if n_break else "**No breaking changes**"
    lines = [
        "# Spec change report",
        "",
        f"Old: `{report.old}`  ",
        f"New: `{report.new}`",
        "",
        f"{verdict}, {len(report.changes) - n_break} non-breaking.",
        "",
    ]
    noted = [c for c in report.changes if c.note and not c.breaking]
    if noted:
        lines += [
            f"{len(noted)} change(s) marked *ok for this client* are safe for the client generated here (it keeps "
            "unknown enum values as strings) but may break other clients, or code that imports a removed model "
            "class; each says why.",
            "",
        ]
    for title, rows in (
        ("Breaking changes", [c for c in spec if c.breaking]),
        ("Non-breaking changes", [c for c in spec if not c.breaking]),
    ):
        lines += [f"## {title}", ""]
        lines += list(_table(rows, with_sites=True)) if rows else ["None.", ""]
    lines += ["## Generated client: public API", ""]
    if not report.client_checked:
        lines += ["Not checked (`--no-client`).", ""]
    elif client:
        lines += list(_table(client, with_sites=False))
    else:
        lines += ["No public function, parameter, model or field changed.", ""]
    return "\n".join(lines)


def _table(changes: list[Change], *, with_sites: bool) -> Iterator[str]:
    yield "| | Kind | Where | Side | Change |" + (" Reaches |" if with_sites else "")
    yield "|---|---|---|---|---|" + ("---|" if with_sites else "")
    for c in changes:
        mark = "BREAKING" if c.breaking else "ok for this client" if c.note else "ok"
        row = f"| {mark} | `{c.kind}` | `{_cell(c.where)}` | {c.side} | {_cell(c.detail)} |"
        if with_sites:
            row += f" {_cell(', '.join(c.sites))} |"
        yield row
    yield ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _or_none(value: Any) -> str:
    return "none" if value is None else repr(value)


def _bound_change(key: str, old: Any, new: Any, *, plain: bool = False) -> str:
    """`maxLength 50 added`, `pattern '^a' removed`, `maximum 100 -> 50`."""
    show = str if plain else repr
    if old is None:
        return f"{key} {show(new)} added"
    if new is None:
        return f"{key} {show(old)} removed"
    return f"{key} {show(old)} -> {show(new)}"
