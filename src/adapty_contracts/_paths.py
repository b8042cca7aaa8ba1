"""Where the pipeline's files are: in a checkout of adapty-contracts, or in the installed package's data.

How the checkout is found (`CHECKOUT`), first match wins:

1. This package's own source location: the code runs from `<root>/src/adapty_contracts/` and
   `<root>/openapi/overlay.yaml` exists (an editable install, or `PYTHONPATH=<root>/src`) -> `<root>`, from whatever
   directory the command runs.
2. Otherwise (a regular install, from a wheel or `pip install .`) the current directory's git root (the nearest
   directory upwards holding `.git`), if it has `openapi/overlay.yaml` and a `pyproject.toml` whose project name is
   `adapty-contracts` -> that git root.
3. Otherwise there is no checkout (`CHECKOUT is None`).

With a checkout every path below is the checkout's file. Without one, what commands read at run time (the effective
spec; the generator config and templates, for `diff`) is the package data under `adapty_contracts/_data/`, which
the wheel build copies in from `openapi/` (pyproject's `force-include`: git holds one copy); the other paths name
where a checkout would have them (under the current directory) and are never read: the commands that write the
pipeline (`regenerate`, `vendor`) call `require_checkout` first and refuse.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

from adapty_contracts._errors import UserError

PROJECT_NAME = "adapty-contracts"
_MARKER = Path("openapi") / "overlay.yaml"  # what only a checkout of this project has


def _source_checkout(package_dir: Path) -> Path | None:
    root = package_dir.parent.parent
    if package_dir.parent.name == "src" and (root / _MARKER).is_file():
        return root
    return None


def _git_root(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return None


def _is_our_project(root: Path) -> bool:
    try:
        with open(root / "pyproject.toml", "rb") as fh:
            name = tomllib.load(fh).get("project", {}).get("name", "")
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return isinstance(name, str) and re.sub(r"[-_.]+", "-", name).lower() == PROJECT_NAME


def find_checkout(package_dir: Path, cwd: Path) -> Path | None:
    """The checkout the commands work on (see the module docstring), or None."""
    found = _source_checkout(package_dir)
    if found is not None:
        return found
    root = _git_root(cwd)
    if root is not None and (root / _MARKER).is_file() and _is_our_project(root):
        return root
    return None


def _package_data(*parts: str) -> Path:
    return Path(str(resources.files(__package__ or "adapty_contracts").joinpath("_data", *parts)))


def _cwd() -> Path:
    try:
        return Path.cwd().resolve()
    except OSError:  # the current directory was deleted: no checkout there
        return Path("/")


_PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT: Path | None = find_checkout(_PACKAGE_DIR, _cwd())

REPO_ROOT = CHECKOUT if CHECKOUT is not None else _cwd()
OPENAPI_DIR = REPO_ROOT / "openapi"
UPSTREAM_SEEDS_DIR = OPENAPI_DIR / "upstream" / "seeds"
UPSTREAM_SPEC = OPENAPI_DIR / "upstream" / "adapty-api.yaml"
OVERLAY = OPENAPI_DIR / "overlay.yaml"
GENERATED_DIR = REPO_ROOT / "generated"
GENERATED_PACKAGE = "adapty_api_client"
if CHECKOUT is not None:
    EFFECTIVE_SPEC = OPENAPI_DIR / "adapty-api.yaml"
    GENERATOR_CONFIG = OPENAPI_DIR / "generator" / "config.yaml"
    GENERATOR_TEMPLATES = OPENAPI_DIR / "generator" / "templates"
else:
    EFFECTIVE_SPEC = _package_data("adapty-api.yaml")
    GENERATOR_CONFIG = _package_data("generator", "config.yaml")
    GENERATOR_TEMPLATES = _package_data("generator", "templates")


def require_checkout(command: str) -> Path:
    """The checkout for a command that writes the pipeline; a UserError (one line, exit 2) when there is none."""
    if CHECKOUT is None:
        raise UserError(
            f"{command} works on a checkout of {PROJECT_NAME}: run it from the repository "
            f"(no {_MARKER.as_posix()} beside the installed package, and {_cwd()} is not inside a checkout)"
        )
    return CHECKOUT
