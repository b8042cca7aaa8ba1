"""The generated client is its own distribution, `adapty-api-client` (generated/ is its project directory).

Fast: the project files scripts/regenerate writes (version from openapi/generator/config.yaml, py.typed) and its
dependencies (exactly what the generated code imports). Slow: its wheel, installed alone in a fresh virtualenv, pulls
in nothing of the contract tooling, imports every operation module, and type-checks a user's script under
`mypy --strict` with no search path of ours (the package's py.typed is what makes that work).
"""

from __future__ import annotations

import ast
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
import yaml
from fresh_venv import Venv, build_wheel, canonical

from adapty_contracts import _paths

# One worker builds this module's venv once (nox -s tests runs xdist with --dist loadgroup).
pytestmark = pytest.mark.xdist_group("client-distribution")

PROJECT = _paths.GENERATED_DIR
PACKAGE = PROJECT / _paths.GENERATED_PACKAGE
# Nothing of the contract tooling may come with the client.
NOT_IN_THE_CLOSURE = (
    "adapty-contracts",
    "schemathesis",
    "hypothesis",
    "pytest",
    "uvicorn",
    "ruff",
    "openapi-python-client",
    "starlette",
    "pyyaml",
)


def _pyproject(path: Path) -> dict[str, object]:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def _requirement_name(requirement: str) -> str:
    name = requirement.split(";")[0].split("@")[0]
    for stop in "<>=!~[ ":
        name = name.split(stop)[0]
    return canonical(name.strip())


def _client_project() -> dict[str, object]:
    project = _pyproject(PROJECT / "pyproject.toml")["project"]
    assert isinstance(project, dict)
    return project


def _dependencies(project: dict[str, object]) -> list[str]:
    dependencies = project["dependencies"]
    assert isinstance(dependencies, list)
    return [str(r) for r in dependencies]


# --- the project files ------------------------------------------------------------------------------------------------


def test_generated_is_the_project_of_the_client_distribution() -> None:
    project = _client_project()
    config = yaml.safe_load(_paths.GENERATOR_CONFIG.read_text(encoding="utf-8"))
    assert project["name"] == "adapty-api-client" == config["project_name_override"]
    assert project["version"] == config["package_version_override"], "one source for the client's version"
    assert (PACKAGE / "py.typed").is_file()
    assert (PROJECT / "README.md").is_file()


def test_the_client_depends_on_exactly_what_its_code_imports() -> None:
    imported: set[str] = set()
    for module in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != PACKAGE.name}
    distributions = packages_distributions()
    needed = {canonical(dist) for name in third_party for dist in distributions.get(name, [name])}
    assert {_requirement_name(r) for r in _dependencies(_client_project())} == needed


def test_the_client_and_the_root_project_pin_httpx_alike() -> None:
    """adapty-contracts builds the client's httpx.Client itself: one range for both, or pip may find no solution."""
    client = [r for r in _dependencies(_client_project()) if _requirement_name(r) == "httpx"]
    root = _pyproject(_paths.REPO_ROOT / "pyproject.toml")["project"]
    assert isinstance(root, dict)
    assert client == [r for r in _dependencies(root) if _requirement_name(r) == "httpx"]


# --- the wheel, installed alone ---------------------------------------------------------------------------------------


@dataclass
class Installed:
    venv: Venv
    closure: dict[str, str]  # pip list right after installing the client wheel (before mypy)
    scratch: Path


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    """One fresh venv for the module: the client's wheel (dependencies from the index), then mypy."""
    tmp = tmp_path_factory.mktemp("client-distribution")
    wheel = build_wheel(PROJECT, tmp / "wheel")
    assert wheel.name.startswith("adapty_api_client-")
    venv = Venv.create(tmp / "venv")
    scratch = tmp / "scratch"  # the working directory: outside the checkout, so nothing of it is importable
    scratch.mkdir()
    venv.pip_install(wheel, cwd=scratch)
    closure = venv.distributions(cwd=scratch)
    venv.pip_install("mypy", cwd=scratch)
    yield Installed(venv, closure, scratch)


@pytest.mark.slow
def test_the_wheel_brings_only_the_client_and_its_runtime(installed: Installed) -> None:
    closure = installed.closure
    assert "adapty-api-client" in closure
    assert {"httpx", "attrs"} <= closure.keys()
    assert not [name for name in NOT_IN_THE_CLOSURE if name in closure], closure


@pytest.mark.slow
def test_every_operation_module_imports_from_the_installed_wheel(installed: Installed) -> None:
    expected = sorted(
        ".".join(p.relative_to(PROJECT).with_suffix("").parts).removesuffix(".__init__")
        for p in (PACKAGE / "api").rglob("*.py")
        if p != PACKAGE / "api" / "__init__.py"
    )
    script = textwrap.dedent(
        """
        import importlib, pkgutil
        import adapty_api_client, adapty_api_client.api as api
        names = sorted(m.name for m in pkgutil.walk_packages(api.__path__, "adapty_api_client.api."))
        for name in names:
            importlib.import_module(name)
        print(adapty_api_client.__file__)
        print("\\n".join(names))
        """
    )
    done = installed.venv.run(installed.venv.python, "-c", script, cwd=installed.scratch)
    assert done.returncode == 0, done.stderr
    location, *names = done.stdout.splitlines()
    assert Path(location).is_relative_to(installed.venv.root), "imported from the wheel, not from the checkout"
    assert names == expected


USER_SCRIPT = """
from http import HTTPStatus

from adapty_api_client import AuthenticatedClient
from adapty_api_client.api.integration import get_integration_identifiers
from adapty_api_client.models import IntegrationIdentifiersResponse


def mixpanel_id(client: AuthenticatedClient, user: str) -> str | None:
    response = get_integration_identifiers.sync_detailed(client=client, adapty_customer_user_id={user})
    status: HTTPStatus = response.status_code
    if status == HTTPStatus.OK and isinstance(response.parsed, IntegrationIdentifiersResponse):
        value = response.parsed.mixpanel_user_id
        return value if isinstance(value, str) else None
    return None


print(mixpanel_id(AuthenticatedClient(base_url="http://127.0.0.1:9", token="k"), "user-42"))
"""


def _mypy(installed: Installed, name: str, source: str) -> tuple[int, str]:
    path = installed.scratch / name
    path.write_text(source, encoding="utf-8")
    done = installed.venv.run(
        installed.venv.python, "-m", "mypy", "--strict", "--no-incremental", path.name, cwd=installed.scratch
    )
    return done.returncode, done.stdout + done.stderr


@pytest.mark.slow
def test_a_users_script_type_checks_strictly_against_the_installed_client(installed: Installed) -> None:
    code, output = _mypy(installed, "uses_client.py", USER_SCRIPT.replace("{user}", "user"))
    assert code == 0, output
    # ... and the types are real (py.typed, not Any): a wrong argument type is an error.
    code, output = _mypy(installed, "misuses_client.py", USER_SCRIPT.replace("{user}", "42"))
    assert code == 1, output
    # (an operation with x-required-any-of is overloaded: the wrong type matches no overload)
    assert "[call-overload]" in output and "adapty_customer_user_id: str" in output, output


def _public_functions() -> list[tuple[str, str]]:
    """(module, function) for every public function of every operation module of the generated package."""
    found = []
    for path in sorted((PACKAGE / "api").rglob("*.py")):
        if path.name == "__init__.py":
            continue
        module = ".".join(path.relative_to(PROJECT).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            node.name
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_")
        }
        found.extend((module, name) for name in sorted(names))
    return found


def test_every_operation_has_the_four_functions_and_the_paged_ones_iterators() -> None:
    by_module: dict[str, set[str]] = {}
    for module, name in _public_functions():
        by_module.setdefault(module, set()).add(name)
    assert len(by_module) >= 19
    for module, names in by_module.items():
        assert {"sync", "sync_detailed", "asyncio", "asyncio_detailed"} <= names, module
    paged = {
        m.rsplit(".", 1)[1]: n - {"sync", "sync_detailed", "asyncio", "asyncio_detailed"} for m, n in by_module.items()
    }
    assert paged["list_paywalls"] == {"iter_paywalls", "aiter_paywalls"}
    assert paged["list_virtual_currency_transactions"] == {
        "iter_virtual_currency_transactions",
        "aiter_virtual_currency_transactions",
    }


@pytest.mark.slow
def test_no_public_signature_of_the_installed_client_has_any(installed: Installed) -> None:
    """`reveal_type` of every public function (and the client's constructors): no `Any` anywhere in them."""
    lines = ["from adapty_api_client import AuthenticatedClient, errors"]
    for number, (module, name) in enumerate(_public_functions()):
        lines.append(f"from {module} import {name} as f{number}")
        lines.append(f"reveal_type(f{number})")
    lines += [
        "reveal_type(AuthenticatedClient.from_env)",
        "reveal_type(AuthenticatedClient.with_max_retries)",
        "reveal_type(errors.APIStatusError.__init__)",
        "def status(e: errors.APIStatusError) -> None:",
        "    reveal_type(e.body)",
        "    reveal_type(e.error_code)",
        "    reveal_type(e.retry_after)",
    ]
    _, output = _mypy(installed, "reveals.py", "\n".join(lines) + "\n")
    revealed = [line for line in output.splitlines() if "Revealed type is" in line]
    assert len(revealed) == len(_public_functions()) + 6, output
    # An async function is revealed as returning Coroutine[Any, Any, T]: that Any is the coroutine protocol's.
    shown = [line.replace("typing.Coroutine[Any, Any, ", "Coroutine[") for line in revealed]
    assert not [line for line in shown if "Any" in line], "\n".join(line for line in shown if "Any" in line)
    get_profile_sync = revealed[_public_functions().index(("adapty_api_client.api.profile.get_profile", "sync"))]
    assert "ProfileResponse" in get_profile_sync and "ErrorResponse" not in get_profile_sync, get_profile_sync
    assert "Overload(" in get_profile_sync, "x-required-any-of operations are overloaded"


IDENTITY_SCRIPT = """
from adapty_api_client import AuthenticatedClient
from adapty_api_client.api.profile import get_profile
from adapty_api_client.api.paywalls import list_paywalls
from adapty_api_client.models import ProfileResponse

client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="k")
by_customer: ProfileResponse = get_profile.sync(client=client, adapty_customer_user_id="u")
by_profile: ProfileResponse = get_profile.sync(client=client, adapty_profile_id="p")
by_both: ProfileResponse = get_profile.sync(client=client, adapty_customer_user_id="u", adapty_profile_id="p")
pages = list(list_paywalls.iter_paywalls(client=client, page_size=50))
{misuse}
"""


@pytest.mark.slow
def test_a_call_naming_no_identity_header_is_a_type_error(installed: Installed) -> None:
    code, output = _mypy(installed, "identity_ok.py", IDENTITY_SCRIPT.replace("{misuse}", ""))
    assert code == 0, output
    code, output = _mypy(
        installed, "identity_none.py", IDENTITY_SCRIPT.replace("{misuse}", "get_profile.sync(client=client)")
    )
    assert code == 1 and "[call-overload]" in output, output
    code, output = _mypy(
        installed,
        "pagenumber.py",
        IDENTITY_SCRIPT.replace("{misuse}", "list_paywalls.sync(client=client, pagenumber=2)"),
    )
    assert code == 1 and "pagenumber" in output, output
