"""Regenerate the effective spec and the generated client: deterministic, atomic, loud.

Steps: upstream + overlay -> effective spec (must lint clean) -> openapi-python-client (pinned, our config and
templates) into a temporary directory -> the pinned ruff formats it -> every operation and object schema of the
effective spec must exist in the result (the generator only *warns* when it skips one, and exits 0) -> swap into
`generated/` and `openapi/adapty-api.yaml`. Any failure before the swap leaves both byte-for-byte as they were.
`--check` builds the same into a temporary directory and compares (the drift gate).

A release (`--upstream` with a document that differs from the vendored one, or `--release NOTE`) also bumps the
client's version and writes the top entry of `generated/CHANGELOG.md` from the change report (`release.py`); every
other run carries the committed changelog over unchanged, so the same upstream twice changes nothing.

`generated/` is a whole project, the distribution `adapty-api-client`: the package, its pyproject.toml, README.md,
.gitignore and py.typed, all written by the generator from our templates (openapi/generator/templates) and its
version from openapi/generator/config.yaml. The drift gate compares all of it.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from adapty_contracts import _paths
from adapty_contracts._errors import UserError
from adapty_contracts.spec import build_effective_spec, dump_yaml, load_spec
from adapty_contracts.spec._effective import EFFECTIVE_HEADER, parse_spec_text
from adapty_contracts.spec._vendor_cmd import load_openapi

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help="exit 1 if generated/ or the effective spec is stale")
    parser.add_argument(
        "--upstream",
        type=Path,
        metavar="PATH",
        help="a new upstream OpenAPI document to vendor (spec-change flow); a changed document is released",
    )
    parser.add_argument(
        "--release",
        metavar="NOTE",
        help="release the client for a change of overlay, config or templates: bump its version, NOTE on top of the"
        " changelog entry",
    )
    parser.add_argument("--breaking", action="store_true", help="with --release: NOTE describes a breaking change")
    parser.add_argument(
        "--report", type=Path, metavar="PATH", help="write the change report (markdown; .json for JSON) here"
    )


def run(args: argparse.Namespace) -> int:
    if args.check and (args.release or args.report):
        raise UserError("--check compares only; it takes neither --release nor --report")
    if args.breaking and not args.release:
        raise UserError("--breaking qualifies --release NOTE: say what breaks")
    if args.report and not args.report.parent.is_dir():
        raise UserError(f"cannot write {args.report}: folder {args.report.parent} does not exist")
    upstream_path: Path = args.upstream or _paths.UPSTREAM_SPEC
    upstream = load_openapi(upstream_path)
    # A new upstream is vendored byte for byte (Adapty's text, never re-serialised), as read now, before generating.
    upstream_bytes = upstream_path.read_bytes() if args.upstream else None
    vendored = _paths.UPSTREAM_SPEC.read_bytes() if _paths.UPSTREAM_SPEC.exists() else b""
    releasing = not args.check and (bool(args.release) or (upstream_bytes is not None and upstream_bytes != vendored))
    with tempfile.TemporaryDirectory(prefix=".regen-", dir=_paths.GENERATED_DIR) as tmp:
        build = Path(tmp)
        effective_text = build_effective_text(upstream)
        effective = parse_spec_text(effective_text)  # once, for the generator and the release's diff
        package = generate_client(_as_json(effective, build / "adapty-api.json"), build / "out")
        project = package.parent
        _carry_changelog(project)
        if args.check:
            return _report_drift(effective_text, project)
        changes = _changes(effective, package) if releasing or args.report else []
        config = None
        if releasing:
            config = _release(project, changes, upstream_bytes or vendored, args.release or "", args.breaking)
        _swap_in(project, effective_text, upstream_bytes, config)
    if args.report:
        _write_report(args.report, changes)
    print(f"regenerated {_rel(_paths.EFFECTIVE_SPEC)} and {_rel(_paths.GENERATED_DIR)}/")
    return 0


def _as_json(effective: dict[str, Any], path: Path) -> Path:
    """The effective spec as JSON for the generator: the same document (parsed from the exact text we commit), but
    the generator reads JSON with `json.loads` instead of its pure-Python YAML parser, its slowest step."""
    path.write_text(json.dumps(effective, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def _carry_changelog(project: Path) -> None:
    """Releases write the changelog; every other regeneration keeps the committed one as it is."""
    from adapty_contracts.release import CHANGELOG

    committed = _paths.GENERATED_DIR / CHANGELOG
    if committed.is_file():
        shutil.copyfile(committed, project / CHANGELOG)


def _changes(effective: dict[str, Any], package: Path) -> list[Any]:
    """What changed for users: the committed effective spec against the new one, and the committed client's public
    API against the new client's (both already on disk, so nothing is generated twice)."""
    from adapty_contracts.spec._diff import compare_client_apis, diff_specs, name_lost_models, public_api

    old_spec = load_spec(_paths.EFFECTIVE_SPEC) if _paths.EFFECTIVE_SPEC.exists() else {"paths": {}}
    changes = diff_specs(old_spec, effective)
    old_package = _paths.GENERATED_DIR / _paths.GENERATED_PACKAGE
    if old_package.is_dir():
        old_api = public_api(old_package)
        client_changes = compare_client_apis(old_api, public_api(package))
        name_lost_models(changes, client_changes, old_api)
        changes += client_changes
    return changes


def _release(project: Path, changes: list[Any], upstream: bytes, note: str, breaking: bool) -> str:
    """Bump the version (config and the generated pyproject.toml) and put the entry on top of the changelog; return
    the config's new text (swapped in with the rest)."""
    from adapty_contracts.release import CHANGELOG, plan, read_version, with_entry, with_version

    config_text = _paths.GENERATOR_CONFIG.read_text(encoding="utf-8")
    current = read_version(config_text)
    release = plan(current, changes, upstream=upstream, note=note, breaking=breaking)
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    line = f'version = "{current}"'
    if text.count(line) != 1:
        raise UserError(f"generated pyproject.toml does not state {line!r} once: check its template", exit_code=1)
    pyproject.write_text(text.replace(line, f'version = "{release.version}"'), encoding="utf-8")
    changelog = project / CHANGELOG
    existing = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    changelog.write_text(with_entry(existing, release.entry), encoding="utf-8")
    print(f"released adapty-api-client {release.version} (was {current}): {_rel(_paths.GENERATED_DIR)}/{CHANGELOG}")
    return with_version(config_text, release.version)


def _write_report(path: Path, changes: list[Any]) -> None:
    from adapty_contracts.spec._diff import Report, render_json, render_markdown

    report = Report(f"{_rel(_paths.EFFECTIVE_SPEC)} (before)", f"{_rel(_paths.EFFECTIVE_SPEC)} (now)", changes, True)
    text = render_json(report) if path.suffix == ".json" else render_markdown(report)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write {path}: {' '.join(str(exc).split())}") from None


def build_effective_text(upstream: dict[str, Any]) -> str:
    """The effective spec's exact bytes (as text); a spec that does not lint clean is refused."""
    effective = build_effective_spec(upstream, load_spec(_paths.OVERLAY))
    text = dump_yaml(effective, EFFECTIVE_HEADER)
    if _paths.EFFECTIVE_SPEC.exists() and _paths.EFFECTIVE_SPEC.read_text(encoding="utf-8") == text:
        return text  # byte-identical to the committed spec, which was linted when written (and by `nox -s spec`)
    from adapty_contracts.spec._lint import lint_document

    findings = lint_document(effective)
    if findings:
        details = "; ".join(f"{f.pointer}: {f.message}" for f in findings[:5])
        more = f" (+{len(findings) - 5} more)" if len(findings) > 5 else ""
        raise UserError(f"the effective spec has {len(findings)} defect(s): {details}{more}", exit_code=1)
    return text


def generate_client(spec_path: Path, dest_dir: Path) -> Path:
    """Generate, format and verify the client project for `spec_path` in `dest_dir`; return its package directory.

    Raises UserError when the generator reports anything (its warnings are errors here) or when an operation or
    object schema of the spec is missing from the result.
    """
    from openapi_python_client import _get_project_for_url_or_path
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser.errors import GeneratorError

    spec = load_spec(spec_path)
    package = dest_dir / _paths.GENERATED_PACKAGE
    config = Config.from_sources(
        ConfigFile.load_from_path(_paths.GENERATOR_CONFIG),
        # Any meta type but NONE (and SETUP, which adds a setup.py) makes `dest_dir` a project: the generator writes
        # pyproject.toml, README.md, .gitignore and py.typed. Our templates replace its pyproject/README/.gitignore,
        # so which of its layouts is named here does not matter.
        MetaType.UV,
        spec_path,
        "utf-8",
        overwrite=True,
        output_path=dest_dir,
    )
    with _quiet_stdout():
        project = _get_project_for_url_or_path(config=config, custom_template_path=_paths.GENERATOR_TEMPLATES)
        if isinstance(project, GeneratorError):
            problems: Sequence[Any] = [project]
        else:
            _adapt_project(project, spec)
            problems = project.build()
            if not problems:
                _render_runtime_modules(project, package)
    if problems:
        # One line for the CLI: the generator's messages span lines, repeat one cause per status code (with object
        # reprs in them) and name the skipped schema, the root cause, last.
        texts = (re.sub(r"<[\w.]+ object at 0x[0-9a-f]+>", "?", f"{p.header or ''} {p.detail or ''}") for p in problems)
        lines = sorted(dict.fromkeys(" ".join(text.split())[:300] for text in texts), key=lambda s: "schema" not in s)
        more = f" (+{len(lines) - 3} more)" if len(lines) > 3 else ""
        raise UserError(
            f"openapi-python-client reported {len(problems)} problem(s) (treated as errors): "
            + " | ".join(lines[:3])
            + more,
            exit_code=1,
        )
    _format(package)
    missing = missing_from_client(spec, package)
    if missing:
        raise UserError("the generated client is missing: " + ", ".join(missing), exit_code=1)
    return package


def _spec_operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """Every operation object of `spec` by (path, method)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for path, item in (spec.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = (item or {}).get(method)
            if isinstance(operation, dict):
                found[(path, method)] = operation
    return found


def _adapt_project(project: Any, spec: dict[str, Any]) -> None:
    """Spec facts the generator has no option for, applied to its parsed endpoints before it renders them.

    A parameter's `x-python-name` becomes its Python name (`page[number]` -> `page_number`, not `pagenumber`); a
    response without content is typed `None` (the generator types it `Any` via a cast, which leaks `Any` into
    every signature); what the client's templates read from the spec's extensions becomes jinja globals:
    `adapty` (operation facts by module name, see `_endpoint_facts`), `adapty_server_url`, `adapty_error_models`.
    """
    from openapi_python_client.parser.properties import AnyProperty, ModelProperty
    from openapi_python_client.parser.properties.none import NoneProperty
    from openapi_python_client.schema.untrusted_string import UntrustedString

    operations = _spec_operations(spec)
    models = {m.class_info.name: m for m in project.openapi.models}
    facts: dict[str, dict[str, Any]] = {}
    error_models: dict[str, str] = {}
    for collection in project.openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            operation = operations[(endpoint.path.get_untrusted_value(), endpoint.method)]
            renames = {
                p["name"]: p["x-python-name"]
                for p in operation.get("parameters") or []
                if isinstance(p, dict) and p.get("x-python-name")
            }
            for prop in endpoint.list_all_parameters():
                python_name = renames.get(prop.name.get_untrusted_value())
                if python_name:
                    prop.set_python_name(UntrustedString(python_name), project.config, skip_snake_case=True)
            for response in endpoint.responses:
                if isinstance(response.prop, AnyProperty) and response.source["return_type"] == "None":
                    response.prop = NoneProperty(
                        name=response.prop.name,
                        required=True,
                        default=None,
                        python_name=response.prop.python_name,
                        description=response.prop.description,
                        example=None,
                    )
                code = response.status_code.range
                if isinstance(response.prop, ModelProperty) and code and code[0] >= 400:
                    error_models[response.prop.class_info.name] = response.prop.class_info.module_name
            module = str(_python_identifier(endpoint.name, project.config))
            facts[module] = _endpoint_facts(endpoint, operation, models)
    project.env.globals["adapty"] = facts
    project.env.globals["adapty_error_models"] = sorted(error_models.items())
    servers = spec.get("servers") or [{}]
    project.env.globals["adapty_server_url"] = str(servers[0].get("url") or "").rstrip("/")


def _python_identifier(name: Any, config: Any) -> Any:
    from openapi_python_client.strings import PythonIdentifier

    return PythonIdentifier(name, config.field_prefix)


def _endpoint_facts(endpoint: Any, operation: dict[str, Any], models: dict[str, Any]) -> dict[str, Any]:
    """What the endpoint template needs beyond the generator's model, with Python names resolved.

    `resend`: why a request may be sent again after its response was lost (its `Idempotency-Key`, or the overlay's
    `x-idempotent` reason), else None; `key_param`: the Python name of the `Idempotency-Key` parameter;
    `any_of`: the Python names of the `x-required-any-of` parameters; `success`: the 2xx responses (code, type,
    whether the type is a class); `pagination`: the overlay's `x-pagination` with Python names and attribute paths.
    """
    from openapi_python_client.parser.properties import ModelProperty
    from openapi_python_client.parser.properties.none import NoneProperty

    by_name = {p.name.get_untrusted_value(): p for p in endpoint.list_all_parameters()}
    key = next((p for name, p in by_name.items() if name.lower() == "idempotency-key"), None)
    success = []
    for response in endpoint.responses.patterns:
        low, high = response.status_code.range
        if low >= 200 and high <= 299:
            success.append(
                {
                    "code": low if low == high else None,
                    "type": response.prop.get_type_string().as_unembedded_code(),
                    "none": isinstance(response.prop, NoneProperty),
                    "model": isinstance(response.prop, ModelProperty),
                }
            )
    facts: dict[str, Any] = {
        "operation_id": operation.get("operationId") or str(endpoint.name),
        "resend": "its Idempotency-Key header makes a resend idempotent" if key else operation.get("x-idempotent"),
        "key_param": key.python_name if key else None,
        "key_is_uuid": bool(key and "UUID" in key.get_type_string().as_unembedded_code()),
        "any_of": [by_name[name].python_name for name in operation.get("x-required-any-of") or [] if name in by_name],
        "success": success,
        "success_type": " | ".join(sorted({s["type"] for s in success})) or "None",
        "pagination": None,
    }
    pagination = operation.get("x-pagination")
    model = next((r.prop for r in endpoint.responses.patterns if isinstance(r.prop, ModelProperty)), None)
    if isinstance(pagination, dict) and model is not None and len(success) == 1 and success[0]["model"]:
        facts["pagination"] = _pagination_facts(pagination, by_name, models[model.class_info.name], endpoint, models)
    return facts


def _pagination_facts(
    pagination: dict[str, Any], by_name: dict[str, Any], model: Any, endpoint: Any, models: dict[str, Any]
) -> dict[str, Any]:
    """`x-pagination` with parameter names as Python names, field paths as attribute paths, and the item type."""
    from openapi_python_client.parser.properties.list_property import ListProperty

    items = _field(model, str(pagination["items"]).split("."), models)
    if not isinstance(items, ListProperty):
        raise UserError(f"x-pagination of {endpoint.name}: `items` is not an array of the success response")
    inner = items.inner_property
    if hasattr(inner, "class_info"):  # the iterator's item type needs its import
        endpoint.relative_imports.add(f"from ...models.{inner.class_info.module_name} import {inner.class_info.name}")
    style = pagination.get("style")
    name = str(endpoint.name)
    stem = name.removeprefix("list_")
    facts = {
        "style": style,
        "function": "iter_" + _snake(stem),
        "item_type": items.inner_property.get_type_string().as_unembedded_code(),
        "items_attr": _attribute_path(model, str(pagination["items"]), models),
        "size": by_name[pagination["size"]].python_name if pagination.get("size") in by_name else None,
    }
    if style == "page-number":
        facts["page"] = by_name[pagination["page"]].python_name
        default = by_name[pagination["page"]].default
        facts["page_default"] = int(default.raw_value) if default is not None else 1
        facts["pages"] = _attribute_path(model, str(pagination["pages"]), models)
    elif style == "cursor":
        facts["cursor"] = by_name[pagination["cursor"]].python_name
        facts["next"] = _attribute_path(model, str(pagination["next"]), models)
    else:
        raise UserError(f"x-pagination of {endpoint.name}: unknown style {style!r} (page-number or cursor)")
    return facts


def _snake(name: str) -> str:
    from openapi_python_client.strings import snake_case

    return snake_case(name)


def _field(model: Any, path: list[str], models: dict[str, Any]) -> Any:
    """The property at `path` (JSON names) below a model property (a nested model is looked up by its class)."""
    prop = model
    for step in path:
        prop = models.get(prop.class_info.name, prop) if hasattr(prop, "class_info") else prop
        properties = (prop.required_properties or []) + (prop.optional_properties or [])
        prop = next(p for p in properties if p.name.get_untrusted_value() == step)
    return prop


def _attribute_path(model: Any, path: str, models: dict[str, Any]) -> str:
    """A dotted JSON field path as the Python attribute path of the parsed model (`meta.pagination.pages`)."""
    steps = path.split(".")
    return ".".join(str(_field(model, steps[: i + 1], models).python_name) for i in range(len(steps)))


def _render_runtime_modules(project: Any, package: Path) -> None:
    """Templates named `_*.py.jinja` (the client's hand-written runtime) become modules of the same name."""
    for template in sorted(_paths.GENERATOR_TEMPLATES.glob("_*.py.jinja")):
        module = package / template.name.removesuffix(".jinja")
        module.write_text(project.env.get_template(template.name).render(), encoding="utf-8")


_TOP_LEVEL_SYNC_DETAILED = re.compile(r"^def sync_detailed\(", re.MULTILINE)
_GET_KWARGS_SIGNATURE = re.compile(r"^def _get_kwargs\((.*?)\)\s*->", re.MULTILINE | re.DOTALL)
_UNTYPED_BODY = re.compile(r"\bbody: Any\s*[,)]|\bbody: Any\s*$", re.MULTILINE)
_TOP_LEVEL_CLASS = re.compile(r"^class (\w+)\b", re.MULTILINE)


def missing_from_client(spec: dict[str, Any], package: Path) -> list[str]:
    """Operations (as api functions) and object schemas (as model classes) of `spec` absent from `package`."""
    from openapi_python_client.strings import PythonIdentifier, snake_case

    # The code is ruff-formatted, so its top-level definitions start their lines: reading them with regular
    # expressions gives what `ast` would, in a fraction of the time (parsing every module was a third of our cost).
    functions: set[str] = set()
    for module in (package / "api").rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        if _TOP_LEVEL_SYNC_DETAILED.search(text):
            functions.add(module.stem)
            # A request body the generator could not type degrades to `body: Any`: that is a dropped schema too.
            kwargs = _GET_KWARGS_SIGNATURE.search(text)
            if kwargs and _UNTYPED_BODY.search(kwargs.group(1)):
                functions.discard(module.stem)
    classes: set[str] = set()
    for module in (package / "models").glob("*.py"):
        classes.update(_TOP_LEVEL_CLASS.findall(module.read_text(encoding="utf-8")))
    missing = []
    for path, item in (spec.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = (item or {}).get(method)
            if not isinstance(operation, dict):
                continue
            name = operation.get("operationId") or f"{method}_{path}"
            if PythonIdentifier(snake_case(name), prefix="") not in functions:
                missing.append(f"operation {method.upper()} {path} ({name})")
    for name, schema in ((spec.get("components") or {}).get("schemas") or {}).items():
        # The generator names a model by the schema's title when it has one ("One-time Purchase" -> OneTimePurchase).
        expected = _class_name(str(schema.get("title") or name)) if isinstance(schema, dict) else ""
        if isinstance(schema, dict) and schema.get("type") == "object" and expected not in classes:
            missing.append(f"model {name}")
    return missing


def _class_name(schema_name: str) -> str:
    from openapi_python_client.strings import pascal_case

    return pascal_case(schema_name)


def _format(package: Path) -> None:
    """Format with the pinned ruff, isolated from any config around the output directory."""
    for command in (
        ["check", "--isolated", "--no-cache", "--fix-only", "--extend-select=I", "--line-length=120", "--quiet"],
        ["format", "--isolated", "--no-cache", "--line-length=120", "--quiet"],
    ):
        # Run from the parent: inside the package, its `types.py` would shadow the standard library's.
        # No cache: it would land in the project directory, next to the package (the drift gate compares all of it).
        done = subprocess.run(
            [_ruff_binary(), *command, package.name], cwd=package.parent, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise UserError(f"ruff {command[0]} failed on the generated client: {done.stderr.strip()}", exit_code=1)


def _ruff_binary() -> str:
    """The pinned ruff's executable (from the ruff package, not whatever is first on PATH)."""
    from ruff.__main__ import find_ruff_bin

    return str(find_ruff_bin())


def _report_drift(effective_text: str, project: Path) -> int:
    """The drift gate: print a short summary of what differs; 1 if anything does."""
    committed = _paths.GENERATED_DIR
    stale = []
    current_spec = _paths.EFFECTIVE_SPEC.read_text(encoding="utf-8") if _paths.EFFECTIVE_SPEC.exists() else ""
    if current_spec != effective_text:
        stale.append((_rel(_paths.EFFECTIVE_SPEC), current_spec, effective_text))
    new_files = _tree(project)
    old_files = _tree(committed)
    for name in sorted(new_files.keys() | old_files.keys()):
        if new_files.get(name) != old_files.get(name):
            stale.append((_rel(committed / name), old_files.get(name, ""), new_files.get(name, "")))
    if not stale:
        print("up to date: the effective spec and generated/ match the spec, overlay, config and templates")
        return 0
    print(f"STALE: {len(stale)} file(s) differ from a fresh regeneration (run `python scripts/regenerate`):")
    for name, old, new in stale:
        diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
        added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
        removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
        state = "missing" if not old else "extra" if not new else f"+{added} -{removed}"
        print(f"  {name}: {state}")
        for line in diff[2:8]:
            print(f"      {line[:110]}")
    return 1


def _not_generated(relative: Path) -> bool:
    """What lives in generated/ without being ours: caches, build output, a run's temporary build directory."""
    top = relative.parts[0]
    return (
        "__pycache__" in relative.parts
        or top.startswith(".regen-")
        or top in ("build", "dist")
        or top.endswith(".egg-info")
    )


def _tree(root: Path) -> dict[str, str]:
    """Every generated file under `root` (relative path -> text)."""
    if not root.is_dir():
        return {}
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and not _not_generated(p.relative_to(root))
    }


def _swap_in(project: Path, effective_text: str, new_upstream: bytes | None, config: str | None = None) -> None:
    """Replace generated/'s contents and the spec files; renames on one filesystem, so no half-written file shows.

    Each entry of the new project replaces its namesake (a file by os.replace; a directory moved aside, then the new
    one in); entries the generator no longer writes are removed. `project` is inside generated/ (the temporary
    build directory), so every rename stays on one filesystem.
    """
    target = _paths.GENERATED_DIR
    staged_spec = _stage(_paths.EFFECTIVE_SPEC, effective_text)
    staged_upstream = _stage(_paths.UPSTREAM_SPEC, new_upstream) if new_upstream is not None else None
    staged_config = _stage(_paths.GENERATOR_CONFIG, config) if config is not None else None
    retired = project.parent / "retired"
    retired.mkdir()
    new_names = {entry.name for entry in project.iterdir()}
    for old in sorted(target.iterdir()):
        if not _not_generated(Path(old.name)) and (old.is_dir() or old.name not in new_names):
            old.rename(retired / old.name)
    for new in sorted(project.iterdir()):
        os.replace(new, target / new.name)
    os.replace(staged_spec, _paths.EFFECTIVE_SPEC)
    if staged_upstream:
        os.replace(staged_upstream, _paths.UPSTREAM_SPEC)
    if staged_config:
        os.replace(staged_config, _paths.GENERATOR_CONFIG)
    shutil.rmtree(retired, ignore_errors=True)


def _stage(final: Path, content: str | bytes) -> Path:
    staged = final.with_name(f".{final.name}.staged")
    staged.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return staged


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """The generator prints progress to stdout; our caller decides what the user sees."""
    with open(os.devnull, "w") as devnull:
        saved = sys.stdout
        sys.stdout = devnull
        try:
            yield
        finally:
            sys.stdout = saved


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(_paths.REPO_ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    """Entry point of scripts/regenerate (same as `adapty-contracts regenerate`)."""
    from adapty_contracts.cli import main as cli_main

    return cli_main(["regenerate", *(sys.argv[1:] if argv is None else argv)])
