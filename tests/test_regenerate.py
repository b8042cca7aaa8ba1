"""The spec pipeline: `scripts/regenerate` (idempotent, atomic, a drift gate), `lint-spec`, the overlay engine and
`vendor --check`, run the way users run them (subprocesses). Tests that write work on a copy of the repository in
tmp_path (its own src/ first on PYTHONPATH, so `_paths` points at the copy); the real tree is only ever read.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapty_contracts import UserError, _paths
from adapty_contracts.release import next_version, read_version
from adapty_contracts.spec import apply_overlay, build_effective_spec, dump_yaml, load_spec
from adapty_contracts.spec._effective import EFFECTIVE_HEADER

REPO = _paths.REPO_ROOT
UPSTREAM_REL = _paths.UPSTREAM_SPEC.relative_to(REPO)
EFFECTIVE_REL = _paths.EFFECTIVE_SPEC.relative_to(REPO)
OVERLAY_REL = _paths.OVERLAY.relative_to(REPO)
# A description that only the upstream defines: changing it must change the effective spec and generated models.
CHANGED_TEXT = ("The ID of the user in Mixpanel integration", "The ID of the user in Mixpanel (changed upstream)")
IGNORED = shutil.ignore_patterns("__pycache__", ".regen-*", "*.staged", "*.pyc")


def run(args: list[str], cwd: Path = REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def snapshot(root: Path) -> dict[str, bytes]:
    """Every byte the pipeline owns: openapi/ and generated/ (caches aside)."""
    files = {}
    for top in ("openapi", "generated"):
        for path in sorted((root / top).rglob("*")):
            # A run's temporary build directory is not part of the tree (another run may be under way).
            if path.is_file() and not any(part == "__pycache__" or part.startswith(".regen-") for part in path.parts):
                files[str(path.relative_to(root))] = path.read_bytes()
    return files


def leftovers(root: Path) -> list[str]:
    """Temporary build directories or staged files a failed run must not leave behind."""
    found = list((root / "generated").glob(".regen-*")) + list((root / "openapi").rglob("*.staged"))
    return [str(p) for p in found]


def assert_one_line_error(done: subprocess.CompletedProcess[str], command: str) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"adapty-contracts {command}: error: "), lines[0]


@pytest.fixture
def repo_copy(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the pipeline's part of the repository, and the environment that makes Python use it."""
    root = tmp_path / "repo"
    for top in ("src", "openapi", "generated", "scripts"):
        shutil.copytree(REPO / top, root / top, ignore=IGNORED)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root / "generated")]),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return root, env


def changed_upstream(tmp_path: Path) -> Path:
    text = (REPO / UPSTREAM_REL).read_text(encoding="utf-8")
    assert CHANGED_TEXT[0] in text
    path = tmp_path / "new-upstream.yaml"
    path.write_text(text.replace(*CHANGED_TEXT), encoding="utf-8")
    return path


def test_the_copy_really_is_what_python_imports(repo_copy: tuple[Path, dict[str, str]]) -> None:
    """Guards the write tests: in the copy's environment, `_paths` points at the copy, not at the real tree."""
    root, env = repo_copy
    done = run(["-c", "from adapty_contracts import _paths; print(_paths.REPO_ROOT)"], cwd=root, env=env)
    assert Path(done.stdout.strip()) == root


# --- the committed tree ---------------------------------------------------------------------------------------------


def test_the_effective_spec_is_upstream_plus_overlay() -> None:
    """The cheap half of the drift gate, in-process: the committed effective spec is exactly what the overlay makes."""
    effective = build_effective_spec(load_spec(_paths.UPSTREAM_SPEC), load_spec(_paths.OVERLAY))
    assert dump_yaml(effective, EFFECTIVE_HEADER) == _paths.EFFECTIVE_SPEC.read_text(encoding="utf-8")


@pytest.mark.slow
def test_check_passes_on_the_committed_tree_and_changes_nothing() -> None:
    before = snapshot(REPO)
    done = run(["scripts/regenerate", "--check"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "up to date" in done.stdout
    assert snapshot(REPO) == before


@pytest.mark.slow
def test_check_catches_a_changed_upstream_without_writing(tmp_path: Path) -> None:
    before = snapshot(REPO)
    done = run(["scripts/regenerate", "--check", "--upstream", str(changed_upstream(tmp_path))])
    assert done.returncode == 1, done.stdout + done.stderr
    assert "STALE" in done.stdout
    assert str(EFFECTIVE_REL) in done.stdout
    assert re.search(r"generated/adapty_api_client/models/\w+\.py", done.stdout), done.stdout
    assert snapshot(REPO) == before, "--check --upstream must not write"


@pytest.mark.slow
def test_check_catches_a_hand_edit_in_generated(repo_copy: tuple[Path, dict[str, str]]) -> None:
    root, env = repo_copy
    package = root / "generated" / _paths.GENERATED_PACKAGE
    edited = package / "errors.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# a hand edit\n", encoding="utf-8")
    (package / "stray.py").write_text("x = 1\n", encoding="utf-8")
    # The whole project directory is generated: the distribution's metadata and its typing marker too.
    project = root / "generated" / "pyproject.toml"
    project.write_text(project.read_text(encoding="utf-8").replace('version = "', 'version = "9'), encoding="utf-8")
    (package / "py.typed").unlink()
    # Build output and caches are not part of it.
    (root / "generated" / "dist").mkdir()
    (root / "generated" / "dist" / "adapty_api_client-0.1.0-py3-none-any.whl").write_bytes(b"PK")
    done = run(["scripts/regenerate", "--check"], cwd=root, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "generated/adapty_api_client/errors.py" in done.stdout
    assert "generated/adapty_api_client/stray.py: extra" in done.stdout
    assert "generated/pyproject.toml: +1 -1" in done.stdout
    assert "generated/adapty_api_client/py.typed: missing" in done.stdout
    assert "dist" not in done.stdout
    # Regenerating restores all of it (and keeps what is not generated).
    assert run(["scripts/regenerate"], cwd=root, env=env).returncode == 0
    assert run(["scripts/regenerate", "--check"], cwd=root, env=env).returncode == 0
    assert not (package / "stray.py").exists()
    assert (root / "generated" / "dist").is_dir()


# --- writing (on copies) --------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_regeneration_is_idempotent(repo_copy: tuple[Path, dict[str, str]]) -> None:
    root, env = repo_copy
    committed = snapshot(root)
    for attempt in (1, 2):
        done = run(["scripts/regenerate"], cwd=root, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
        assert snapshot(root) == committed, f"run {attempt} changed the tree"
    assert not leftovers(root)


@pytest.mark.slow
def test_a_new_upstream_is_vendored_and_regenerated(repo_copy: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, env = repo_copy
    before = snapshot(root)
    new_upstream = changed_upstream(tmp_path)
    done = run(["scripts/regenerate", "--upstream", str(new_upstream)], cwd=root, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (root / UPSTREAM_REL).read_bytes() == new_upstream.read_bytes(), "vendored byte for byte"
    after = snapshot(root)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert str(UPSTREAM_REL) in changed
    assert str(EFFECTIVE_REL) in changed
    assert any(name.startswith("generated/adapty_api_client/models/") for name in changed), changed
    assert CHANGED_TEXT[1] in (root / EFFECTIVE_REL).read_text(encoding="utf-8")
    # The new state is itself up to date.
    check = run(["scripts/regenerate", "--check"], cwd=root, env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    # A text-only change is a release too: the next patch, and an entry that names the change.
    assert _version(root) == _next_patch(_version(before))
    entry = _top_entry(root)
    assert hashlib.sha256(new_upstream.read_bytes()).hexdigest() in entry
    assert "### Breaking" not in entry and "descriptions-changed" in entry
    # The same upstream again changes nothing: no second release.
    again = snapshot(root)
    done = run(["scripts/regenerate", "--upstream", str(new_upstream)], cwd=root, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert snapshot(root) == again


CONFIG_REL = "openapi/generator/config.yaml"
CHANGELOG_REL = "generated/CHANGELOG.md"


def _version(tree: Path | dict[str, bytes]) -> str:
    text = tree[CONFIG_REL].decode() if isinstance(tree, dict) else (tree / CONFIG_REL).read_text(encoding="utf-8")
    return read_version(text)


def _next_patch(version: str) -> str:
    major, minor, patch = version.split(".")
    return f"{major}.{minor}.{int(patch) + 1}"


def _top_entry(root: Path) -> str:
    text = (root / CHANGELOG_REL).read_text(encoding="utf-8")
    entries = text.split("\n## ")
    assert len(entries) >= 2, "the changelog has an entry"
    return entries[1]


@pytest.mark.parametrize(
    ("current", "breaking", "expected"),
    [("0.1.0", True, "0.2.0"), ("0.2.3", True, "0.3.0"), ("0.2.3", False, "0.2.4"), ("1.4.2", True, "2.0.0")],
)
def test_the_version_is_decided_in_one_place(current: str, breaking: bool, expected: str) -> None:
    assert next_version(current, breaking=breaking) == expected


@pytest.mark.slow
def test_a_breaking_upstream_is_a_minor_release_with_breaking_changes_first(
    repo_copy: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """A request constraint added inside a oneOf member: the entry lists it first, at its property, with its
    operation; the version is the next minor (0.x); the report file says the same; the date is SOURCE_DATE_EPOCH's."""
    root, env = repo_copy
    before = _version(root)
    doc = yaml.safe_load((REPO / UPSTREAM_REL).read_text(encoding="utf-8"))
    member = doc["components"]["schemas"]["OneTimePurchaseDTO"]["properties"]["store_product_id"]
    assert "maxLength" not in member
    member["maxLength"] = 40
    doc["components"]["schemas"]["ProfileRequest"]["properties"]["nickname"] = {"type": "string"}
    new_upstream = tmp_path / "breaking.yaml"
    new_upstream.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    report = tmp_path / "report.md"
    env = {**env, "SOURCE_DATE_EPOCH": "1798761600"}  # 2027-01-01
    done = run(["scripts/regenerate", "--upstream", str(new_upstream), "--report", str(report)], cwd=root, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    major, minor, _ = before.split(".")
    assert _version(root) == f"{major}.{int(minor) + 1}.0"
    assert f'version = "{_version(root)}"' in (root / "generated/pyproject.toml").read_text(encoding="utf-8")
    entry = _top_entry(root)
    assert entry.startswith(f"{_version(root)} (2027-01-01)")
    breaking, other = entry.split("### Other changes")
    assert "`OneTimePurchaseDTO.store_product_id` (request): maxLength 40 added [type-narrowed] — setTransaction" in (
        breaking
    )
    assert "ProfileRequest.nickname" in other
    assert "OneTimePurchaseDTO.store_product_id" in report.read_text(encoding="utf-8")
    check = run(["scripts/regenerate", "--check"], cwd=root, env=env)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.slow
def test_a_release_note_for_a_template_change_bumps_and_is_kept_by_later_runs(
    repo_copy: tuple[Path, dict[str, str]],
) -> None:
    root, env = repo_copy
    before = _version(root)
    done = run(["scripts/regenerate", "--release", "sync now raises on errors", "--breaking"], cwd=root, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _version(root) == next_version(before, breaking=True)
    assert "**Breaking:** sync now raises on errors" in _top_entry(root)
    kept = snapshot(root)
    done = run(["scripts/regenerate"], cwd=root, env=env)  # a plain regeneration keeps the changelog
    assert done.returncode == 0, done.stdout + done.stderr
    assert snapshot(root) == kept
    refused = run(["scripts/regenerate", "--breaking"], cwd=root, env=env)
    assert refused.returncode == 2
    assert_one_line_error(refused, "regenerate")


def _invalid_yaml(path: Path) -> None:
    path.write_text("openapi: 3.1.0\npaths: {\n  broken: [\n", encoding="utf-8")


def _overlay_target_gone(path: Path) -> None:
    """Upstream renamed an operation a LINKS action names: that action no longer applies, which must be loud."""
    text = path.read_text(encoding="utf-8")
    assert "operationId: listPaywalls" in text
    path.write_text(text.replace("operationId: listPaywalls", "operationId: listAllPaywalls"), encoding="utf-8")


def _schema_the_generator_skips(path: Path) -> None:
    """Lint-clean, but openapi-python-client drops ErrorResponse (a mixed-type enum) and only warns."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["components"]["schemas"]["ErrorResponse"]["properties"]["kind"] = {"enum": [1, "a", None]}
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (_invalid_yaml, "not valid YAML"),
        (_overlay_target_gone, "target selects nothing"),
        pytest.param(_schema_the_generator_skips, "ErrorResponse", marks=pytest.mark.slow),
    ],
    ids=["invalid-yaml", "overlay-target-gone", "generator-skips-a-schema"],
)
def test_a_broken_upstream_fails_loudly_and_changes_nothing(
    repo_copy: tuple[Path, dict[str, str]], tmp_path: Path, breakage: Any, expected: str
) -> None:
    root, env = repo_copy
    new_upstream = tmp_path / "broken.yaml"
    shutil.copy(root / UPSTREAM_REL, new_upstream)
    breakage(new_upstream)
    before = snapshot(root)
    done = run(["scripts/regenerate", "--upstream", str(new_upstream)], cwd=root, env=env)
    assert done.returncode != 0
    assert_one_line_error(done, "regenerate")
    assert expected in done.stderr
    assert snapshot(root) == before
    assert not leftovers(root)


def test_a_broken_overlay_fails_loudly_and_changes_nothing(repo_copy: tuple[Path, dict[str, str]]) -> None:
    root, env = repo_copy
    overlay = root / OVERLAY_REL
    overlay.write_text(
        overlay.read_text(encoding="utf-8").replace("$.components.schemas.IntegrationIdentifiersResponse", "$.nope"),
        encoding="utf-8",
    )
    before = snapshot(root)
    done = run(["scripts/regenerate"], cwd=root, env=env)
    assert done.returncode != 0
    assert_one_line_error(done, "regenerate")
    assert "target selects nothing" in done.stderr
    assert snapshot(root) == before


# --- lint-spec --------------------------------------------------------------------------------------------------------


def _pointer(*parts: str) -> str:
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def _walk(node: Any, parts: tuple[str, ...] = ()) -> Any:
    yield parts, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*parts, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*parts, str(index)))


def test_lint_spec_lists_each_known_upstream_defect_by_pointer() -> None:
    done = run(["-m", "adapty_contracts", "lint-spec", str(UPSTREAM_REL)])
    assert done.returncode == 1, done.stdout + done.stderr
    reported = {line.split(": [", 1)[0] for line in done.stdout.splitlines() if ": [" in line}
    upstream = load_spec(_paths.UPSTREAM_SPEC)
    # Defect 1: every `nullable` (meaningless under 3.1).
    nullables = {
        _pointer(*parts, "nullable") for parts, node in _walk(upstream) if isinstance(node, dict) and "nullable" in node
    }
    assert nullables, "the upstream spec has no nullable to find"
    assert nullables <= reported
    # Defect 2: the string `errors` items of error examples (`example` and `examples.*.value`, any status).
    string_errors = set()
    for path, item in upstream["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                for media, content in (response.get("content") or {}).items():
                    where = ("paths", path, method, "responses", status, "content", media)
                    examples = [(("example",), content.get("example"))] + [
                        (("examples", name, "value"), example.get("value"))
                        for name, example in (content.get("examples") or {}).items()
                    ]
                    for parts, example in examples:
                        for index, error in enumerate((example or {}).get("errors", [])):
                            if isinstance(error, str):
                                string_errors.add(_pointer(*where, *parts, "errors", str(index)))
                                assert status in ("400", "401", "404")
    assert len(string_errors) >= 10, string_errors
    assert string_errors <= reported
    # Defect 3: an unknown field of the security scheme.
    assert "/components/securitySchemes/apikeyAuth/default" in reported
    assert done.stdout.strip().splitlines()[-1].endswith(f"{len(done.stdout.strip().splitlines()) - 1} defect(s)")


def test_lint_spec_passes_the_effective_spec() -> None:
    done = run(["-m", "adapty_contracts", "lint-spec", str(EFFECTIVE_REL)])
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("clean")


@pytest.mark.parametrize("kind", ["missing", "directory", "not-utf8", "invalid-yaml", "not-a-mapping"])
def test_lint_spec_on_unreadable_input_is_one_line_exit_2(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "spec.yaml"
    if kind == "directory":
        path.mkdir()
    elif kind == "not-utf8":
        path.write_bytes(b"openapi: \xff\xfe\x00 3.1.0\n")
    elif kind == "invalid-yaml":
        path.write_text("openapi: [3.1.0\n", encoding="utf-8")
    elif kind == "not-a-mapping":
        path.write_text("- just\n- a list\n", encoding="utf-8")
    done = run(["-m", "adapty_contracts", "lint-spec", str(path)])
    assert done.returncode == 2, done.stdout + done.stderr
    assert_one_line_error(done, "lint-spec")
    assert done.stdout == ""


# --- the overlay engine -----------------------------------------------------------------------------------------------


def overlay(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}


SPEC: dict[str, Any] = {
    "info": {"title": "T", "tags": ["a"]},
    "components": {
        "schemas": {
            "A": {"type": "string", "nullable": True, "x": {"deep": 1, "keep": 2}},
            "B": {"type": "integer", "nullable": True},
            "C": {"type": "string"},
        }
    },
    "list": [{"drop": True, "n": 1}, {"drop": False, "n": 2}, {"drop": True, "n": 3}],
}


def test_update_merges_objects_appends_arrays_and_replaces_scalars() -> None:
    original = yaml.safe_load(yaml.safe_dump(SPEC))
    result = apply_overlay(
        SPEC,
        overlay(
            {"target": "$.components.schemas.A", "update": {"type": ["string", "null"], "x": {"deep": 9, "new": 3}}},
            {"target": "$.info", "update": {"tags": ["b"], "title": "New"}},
        ),
    )
    assert result["components"]["schemas"]["A"] == {
        "type": ["string", "null"],
        "nullable": True,
        "x": {"deep": 9, "keep": 2, "new": 3},
    }
    assert result["info"] == {"title": "New", "tags": ["a", "b"]}
    assert original == SPEC, "the input document is not modified"


def test_remove_deletes_every_selected_node() -> None:
    result = apply_overlay(
        SPEC,
        overlay(
            {"target": "$..[?@.nullable == true].nullable", "remove": True},
            {"target": "$.list[?@.drop == true]", "remove": True},
        ),
    )
    assert result["components"]["schemas"]["A"] == {"type": "string", "x": {"deep": 1, "keep": 2}}
    assert result["components"]["schemas"]["B"] == {"type": "integer"}
    assert result["list"] == [{"drop": False, "n": 2}]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (overlay({"target": "$.components.schemas.Nope", "update": {"a": 1}}), "target selects nothing"),
        (overlay({"target": "$.nope", "remove": True, "description": "FIX x"}), "overlay action 1 (FIX x)"),
        (overlay({"target": "$.info", "update": {}}, {"target": "$[", "remove": True}), "overlay action 2"),
        (overlay({"target": "$.info", "update": {}, "remove": True}), "exactly one of"),
        (overlay({"update": {}}), "needs a `target`"),
        (overlay({"target": "$.info.title", "update": {"a": 1}}), "needs objects"),
        ({"overlay": "2.0.0", "actions": [{"target": "$", "update": {}}]}, "version"),
        ({"overlay": "1.0.0", "actions": []}, "non-empty"),
    ],
    ids=[
        "no-match",
        "no-match-named",
        "bad-jsonpath",
        "update-and-remove",
        "no-target",
        "update-scalar",
        "version",
        "no-actions",
    ],
)
def test_bad_overlays_are_user_errors(document: dict[str, Any], message: str) -> None:
    with pytest.raises(UserError, match=re.escape(message)):
        apply_overlay(SPEC, document)


# --- vendor -----------------------------------------------------------------------------------------------------------


def test_vendor_check_proves_the_seed_pages_are_in_the_document(tmp_path: Path) -> None:
    done = run(["-m", "adapty_contracts", "vendor", "--check"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "up to date" in done.stdout
    stale = changed_upstream(tmp_path)
    before = stale.read_bytes()
    done = run(["-m", "adapty_contracts", "vendor", "--check", "--upstream", str(stale)])
    assert done.returncode == 1
    assert "STALE" in done.stdout
    assert "/components/schemas/IntegrationIdentifiers" in done.stdout
    assert stale.read_bytes() == before, "--check does not write"


def test_the_vendored_document_is_adapty_s_whole_document_byte_for_byte() -> None:
    """Untouched: no header, no re-serialisation; every operation of the document is there."""
    text = _paths.UPSTREAM_SPEC.read_text(encoding="utf-8")
    assert text.startswith("openapi: 3.1.0\n")
    doc = load_spec(_paths.UPSTREAM_SPEC)
    operations = [op for item in doc["paths"].values() for op in item.values() if isinstance(op, dict)]
    assert len(operations) == 19


def test_vendor_copies_a_document_unchanged_and_refuses_what_is_not_openapi(
    repo_copy: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, env = repo_copy
    new = changed_upstream(tmp_path)
    done = run(["-m", "adapty_contracts", "vendor", str(new)], cwd=root, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (root / UPSTREAM_REL).read_bytes() == new.read_bytes()
    not_openapi = tmp_path / "not-openapi.yaml"
    not_openapi.write_text("title: a page\n", encoding="utf-8")
    done = run(["-m", "adapty_contracts", "vendor", str(not_openapi)], cwd=root, env=env)
    assert done.returncode == 2
    assert_one_line_error(done, "vendor")
    assert (root / UPSTREAM_REL).read_bytes() == new.read_bytes()


def test_missing_from_client_names_dropped_operations_untyped_bodies_and_models(tmp_path: Path) -> None:
    """The loudness check reads the formatted client's top-level definitions: an operation without its module, one
    whose body degraded to `Any`, and an object schema without its model class are each named."""
    from adapty_contracts.regenerate import missing_from_client

    package = tmp_path / "pkg"
    (package / "api" / "things").mkdir(parents=True)
    (package / "models").mkdir()
    typed = "def _get_kwargs(\n    *,\n    body: Thing,\n) -> dict[str, Any]:\n    return {}\n\n\ndef sync_detailed(\n"
    (package / "api" / "things" / "make_thing.py").write_text(typed, encoding="utf-8")
    untyped = typed.replace("body: Thing,", "body: Any,\n    x: str,")
    (package / "api" / "things" / "bend_thing.py").write_text(untyped, encoding="utf-8")
    (package / "models" / "thing.py").write_text("@_attrs_define\nclass Thing:\n    pass\n", encoding="utf-8")
    obj = {"type": "object"}
    spec = {
        "paths": {
            "/a": {"post": {"operationId": "makeThing"}, "put": {"operationId": "bendThing"}},
            "/b": {"get": {"operationId": "findThing"}},
        },
        "components": {"schemas": {"Thing": obj, "Other": obj, "Titled": {**obj, "title": "Thing"}}},
    }
    assert missing_from_client(spec, package) == [
        "operation PUT /a (bendThing)",
        "operation GET /b (findThing)",
        "model Other",
    ]
