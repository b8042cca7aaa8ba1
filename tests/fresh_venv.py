"""Fresh virtualenvs for the install tests: `python -m venv`, then only pip (from the package index) fills them.

Commands run with the venv's bin/ first on PATH and without PYTHONPATH, VIRTUAL_ENV or MYPYPATH from the test run,
so nothing of the checkout (or of the project's own venv) leaks in.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

LEAKY = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "MYPYPATH", "PIP_REQUIRE_VIRTUALENV", "ADAPTY_API_KEY")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


class Venv:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.bin = root / "bin"
        self.python = self.bin / "python"

    @classmethod
    def create(cls, root: Path) -> Venv:
        subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, capture_output=True, timeout=120)
        return cls(root)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in LEAKY}
        env["PATH"] = os.pathsep.join([str(self.bin), env.get("PATH", "")])
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        return env

    def run(self, *args: str | Path, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """Run a command (a name on the venv's PATH, or a path) with the venv's environment; never raises on exit."""
        command = [str(a) for a in args]
        if os.sep not in command[0] and (self.bin / command[0]).exists():
            command[0] = str(self.bin / command[0])
        return subprocess.run(
            command, cwd=cwd, env=self.env(), capture_output=True, text=True, timeout=timeout, check=False
        )

    def pip_install(self, *args: str | Path, cwd: Path) -> None:
        done = self.run(self.python, "-m", "pip", "install", "--quiet", *args, cwd=cwd, timeout=480)
        assert done.returncode == 0, done.stdout + done.stderr

    def distributions(self, cwd: Path) -> dict[str, str]:
        """Installed distributions (canonical name -> version), from the venv's own `pip list`."""
        done = self.run(self.python, "-m", "pip", "list", "--format=json", cwd=cwd)
        assert done.returncode == 0, done.stderr
        return {canonical(d["name"]): d["version"] for d in json.loads(done.stdout)}


def build_wheel(project: Path, dest: Path) -> Path:
    """`pip wheel --no-deps PROJECT`: one wheel, built the way pip builds it for an install."""
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", str(project), "-w", str(dest)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = dest.glob("*.whl")
    return wheel
