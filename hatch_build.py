"""Build hook: a regular wheel of adapty-contracts depends on the generated client in this checkout's generated/.

The client is its own distribution, `adapty-api-client` (generated/pyproject.toml, written by scripts/regenerate).
A regular wheel (`pip install .`, `pip wheel .`, `python -m build --wheel`) gets the requirement
`adapty-api-client @ file://<checkout>/generated`, which pip builds and installs alongside. An editable install
gets no such requirement: pyproject's `dev-mode-dirs` puts generated/ itself on sys.path, so the client imported is
always the working tree's (a direct reference would install a copy that `scripts/regenerate` cannot update).
pip reads dependencies from the built wheel, so the hook's requirement is the one installed (hatchling defines no
prepare_metadata hook under pip); other front ends that read prepared metadata do not see it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

CLIENT_DISTRIBUTION = "adapty-api-client"


class GeneratedClientDependency(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version != "standard":
            return
        root = Path(self.root)
        if (root / "PKG-INFO").exists():
            # An unpacked sdist: a file URL to it would outlive the temporary directory it is built in.
            raise RuntimeError(
                "build the adapty-contracts wheel from a checkout (pip wheel . or python -m build --wheel), "
                "not from its sdist: it depends on the checkout's generated/ client by file URL"
            )
        client = root / "generated"
        if not (client / "pyproject.toml").is_file():
            raise RuntimeError(f"{client / 'pyproject.toml'} is missing: run `python scripts/regenerate` first")
        build_data["dependencies"].append(f"{CLIENT_DISTRIBUTION} @ {client.resolve().as_uri()}")
