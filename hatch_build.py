"""Build hook: a regular wheel of adapty-contracts requires the generated client by name and version range.

The client is its own distribution, `adapty-api-client` (generated/pyproject.toml, written by scripts/regenerate;
its version is `package_version_override` in openapi/generator/config.yaml). A regular wheel (`pip install .`,
`pip wheel .`, `python -m build`) gets the requirement `adapty-api-client~=X.Y.Z` for the client version X.Y.Z it
was built next to: any later patch release, never the next minor (a 0.x minor may break). No URL is baked in, so
the wheel installs anywhere the client is available: from an index, or from the same command
(`pip install ./generated .` in a checkout). An editable install gets no requirement: pyproject's `dev-mode-dirs`
puts generated/ itself on sys.path, so the client imported is always the working tree's.
pip reads dependencies from the built wheel, so the hook's requirement is the one installed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

CLIENT_DISTRIBUTION = "adapty-api-client"


def client_requirement(generated: Path) -> str:
    """`adapty-api-client~=X.Y.Z` for the client project in `generated`."""
    pyproject = generated / "pyproject.toml"
    if not pyproject.is_file():
        raise RuntimeError(f"{pyproject} is missing: run `python scripts/regenerate` first")
    with open(pyproject, "rb") as fh:
        project = tomllib.load(fh)["project"]
    if project.get("name") != CLIENT_DISTRIBUTION:
        raise RuntimeError(f"{pyproject} is not the project of {CLIENT_DISTRIBUTION}")
    return f"{CLIENT_DISTRIBUTION}~={project['version']}"


class GeneratedClientDependency(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version != "standard":
            return
        build_data["dependencies"].append(client_requirement(Path(self.root) / "generated"))
