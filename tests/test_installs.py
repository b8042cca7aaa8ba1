"""Installs that users do: a regular (non-editable) install works from any directory; writers need a checkout.

Fast: how `_paths` finds the checkout (its module docstring is the rule). Slow: the adapty-contracts wheel, built
from a copy of this working tree (`git ls-files`) the way `pip install .` builds it, installed in a fresh virtualenv
and run from a directory outside any checkout: it reads the spec it ships as package data, starts the mock (one
request, 127.0.0.1 only), refuses to regenerate, and from inside a checkout works on that checkout.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import tomllib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fresh_venv import Venv, build_wheel

from adapty_contracts import __version__, _paths
from adapty_contracts._paths import find_checkout
from adapty_contracts.mock import API_PATH, DEFAULT_API_KEY, DEFAULT_PROFILE_ID

# One worker builds this module's venv once (nox -s tests runs xdist with --dist loadgroup).
pytestmark = pytest.mark.xdist_group("installs")

REPO = _paths.REPO_ROOT

# --- how the checkout is found ----------------------------------------------------------------------------------------


def _project(root: Path, name: str = "adapty-contracts", *, git: bool = True, overlay: bool = True) -> Path:
    (root / "src" / "adapty_contracts").mkdir(parents=True)
    (root / "pyproject.toml").write_text(f'[project]\nname = "{name}"\n', encoding="utf-8")
    if overlay:
        (root / "openapi").mkdir()
        (root / "openapi" / "overlay.yaml").write_text("overlay: 1.0.0\n", encoding="utf-8")
    if git:
        (root / ".git").mkdir()
    return root


def test_this_run_works_on_this_checkout() -> None:
    assert _paths.CHECKOUT == REPO
    assert _paths.EFFECTIVE_SPEC == REPO / "openapi" / "adapty-api.yaml"


def test_an_editable_install_is_its_own_checkout_wherever_it_runs(tmp_path: Path) -> None:
    root = _project(tmp_path / "checkout", git=False)
    assert find_checkout(root / "src" / "adapty_contracts", cwd=tmp_path) == root


def test_an_installed_package_works_on_the_checkout_it_runs_in(tmp_path: Path) -> None:
    site = tmp_path / "venv" / "lib" / "site-packages" / "adapty_contracts"
    root = _project(tmp_path / "checkout", name="Adapty_Contracts")
    (root / "src" / "adapty_contracts" / "deep").mkdir()
    assert find_checkout(site, cwd=root) == root
    assert find_checkout(site, cwd=root / "src" / "adapty_contracts" / "deep") == root
    assert find_checkout(site, cwd=tmp_path) is None


@pytest.mark.parametrize("kind", ["another-project", "no-overlay", "not-a-git-root"])
def test_an_installed_package_elsewhere_has_no_checkout(tmp_path: Path, kind: str) -> None:
    site = tmp_path / "venv" / "lib" / "site-packages" / "adapty_contracts"
    if kind == "another-project":
        root = _project(tmp_path / "other", name="something-else")
    elif kind == "no-overlay":
        root = _project(tmp_path / "other", overlay=False)
    else:  # a checkout's files, but the git root above them is another repository
        (tmp_path / ".git").mkdir()
        root = _project(tmp_path / "other", git=False)
    assert find_checkout(site, cwd=root) is None


# --- a regular install, used from elsewhere ---------------------------------------------------------------------------


@dataclass
class Installed:
    venv: Venv
    wheel: Path
    checkout: Path  # the copy the wheel was built from (a git repository)
    elsewhere: Path  # an empty directory outside any checkout: where users run the commands


def _copy_of_the_working_tree(dest: Path) -> Path:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # listed but deleted in the working tree: not part of it
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    subprocess.run(["git", "init", "-q", str(dest)], check=True)
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    tmp = tmp_path_factory.mktemp("installs")
    checkout = _copy_of_the_working_tree(tmp / "checkout")
    wheel = build_wheel(checkout, tmp / "wheel")
    client_wheel = build_wheel(checkout / "generated", tmp / "client-wheel")
    venv = Venv.create(tmp / "venv")
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    # Two wheels, each built on its own; the tooling's requirement on the client (by name and range) is met by the
    # client's wheel in the same command, as a user's index would meet it.
    venv.pip_install(client_wheel, wheel, cwd=elsewhere)
    yield Installed(venv, wheel, checkout, elsewhere)


def _client_version(generated: Path) -> str:
    with open(generated / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def _one_line_error(done: subprocess.CompletedProcess[str], command: str) -> str:
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"adapty-contracts {command}: error: "), lines[0]
    return lines[0]


@pytest.mark.slow
def test_the_wheel_ships_the_spec_and_depends_on_the_client(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = wheel.namelist()
        assert (
            wheel.read("adapty_contracts/_data/adapty-api.yaml")
            == (installed.checkout / "openapi" / "adapty-api.yaml").read_bytes()
        )
        assert "adapty_contracts/_data/generator/config.yaml" in names
        metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert not [n for n in names if n.startswith("adapty_api_client/")], "the client is its own distribution"
    client_version = _client_version(installed.checkout / "generated")
    requirement = [line for line in metadata.splitlines() if line.startswith("Requires-Dist: adapty-api-client")]
    assert requirement == [f"Requires-Dist: adapty-api-client~={client_version}"], "by name and range, no URL"
    distributions = installed.venv.distributions(cwd=installed.elsewhere)
    assert distributions["adapty-contracts"] == __version__
    assert "adapty-api-client" in distributions


@pytest.mark.slow
def test_version(installed: Installed) -> None:
    done = installed.venv.run("adapty-contracts", "--version", cwd=installed.elsewhere)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"adapty-contracts {__version__}\n"


@pytest.mark.slow
def test_lint_spec_reads_the_spec_shipped_in_the_package(installed: Installed) -> None:
    done = installed.venv.run("adapty-contracts", "lint-spec", cwd=installed.elsewhere)
    assert done.returncode == 0, done.stdout + done.stderr
    path, verdict = done.stdout.strip().rsplit(": ", 1)
    assert verdict == "clean"
    assert Path(path).is_relative_to(installed.venv.root), path
    assert Path(path).name == "adapty-api.yaml"


@pytest.mark.slow
def test_check_help(installed: Installed) -> None:
    done = installed.venv.run("adapty-contracts", "check", "--help", cwd=installed.elsewhere)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: adapty-contracts check")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.slow
def test_the_mock_starts_and_answers(installed: Installed) -> None:
    port = _free_port()
    command = [str(installed.venv.bin / "adapty-contracts"), "mock", "--port", str(port)]
    with subprocess.Popen(
        command, cwd=installed.elsewhere, env=installed.venv.env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    ) as proc:
        try:
            assert proc.stdout is not None
            banner = b""
            deadline = time.monotonic() + 60
            while b"Ctrl-C" not in banner and time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                banner += line
            assert f"http://127.0.0.1:{port}".encode() in banner, banner.decode(errors="replace")
            headers = {"Authorization": f"Api-Key {DEFAULT_API_KEY}", "adapty-profile-id": DEFAULT_PROFILE_ID}
            response = None
            while response is None and time.monotonic() < deadline:
                try:
                    response = httpx.get(f"http://127.0.0.1:{port}{API_PATH}", headers=headers, timeout=5)
                except httpx.TransportError:
                    time.sleep(0.1)
            assert response is not None, "the mock did not answer"
            assert response.status_code == 200, response.text
            assert isinstance(response.json(), dict)
        finally:
            proc.terminate()
            proc.wait(timeout=20)


@pytest.mark.slow
def test_the_pytest_plugin_serves_a_users_tests_with_no_conftest(installed: Installed) -> None:
    (installed.elsewhere / "test_user_plugin.py").write_text(
        "from adapty_api_client.api.profile import get_profile\n"
        "from adapty_api_client.models import ProfileResponse\n\n\n"
        "def test_the_seeded_profile(adapty_mock, adapty_client):\n"
        "    found = get_profile.sync(client=adapty_client, adapty_profile_id=adapty_mock.profile_id)\n"
        "    assert isinstance(found, ProfileResponse)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [str(installed.venv.bin / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_user_plugin.py"],
        cwd=installed.elsewhere,
        env=installed.venv.env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("command", [["regenerate"], ["regenerate", "--check"], ["vendor", "--check"]])
def test_writers_refuse_outside_a_checkout(installed: Installed, command: list[str]) -> None:
    done = installed.venv.run("adapty-contracts", *command, cwd=installed.elsewhere)
    assert done.returncode == 2, done.stdout + done.stderr
    line = _one_line_error(done, command[0])
    assert re.search(rf"error: {command[0]} works on a checkout of adapty-contracts: run it from the repository", line)
    assert done.stdout == ""


@pytest.mark.slow
def test_an_installed_regenerate_works_on_the_checkout_it_runs_in(installed: Installed) -> None:
    done = installed.venv.run("adapty-contracts", "regenerate", "--check", cwd=installed.checkout / "openapi")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "up to date" in done.stdout


@pytest.mark.slow
def test_a_short_check_of_the_bundled_mock(installed: Installed) -> None:
    """The whole path (spec from package data -> mock on a free loopback port -> harness), on a small budget."""
    done = installed.venv.run(
        "adapty-contracts", "check", "--max-requests", "50", "--seed", "1", cwd=installed.elsewhere, timeout=120
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "RESULT: conformant" in done.stdout
