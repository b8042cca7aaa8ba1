"""The README's Python examples run as written: each ```python block, verbatim, against the bundled mock (the key
and URL from the environment, as the README says), and `mypy --strict` accepts every block.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from adapty_contracts import _paths
from adapty_contracts.mock import DEFAULT_API_KEY, running_mock

README = _paths.REPO_ROOT / "README.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.DOTALL | re.MULTILINE)


def test_the_readme_has_python_examples() -> None:
    assert BLOCKS, "README.md has no ```python block"
    joined = "\n".join(BLOCKS)
    assert "from_env" in joined and "create_profile" in joined and "integration" in joined


def test_the_client_examples_need_only_the_client() -> None:
    """`pip install ./generated` is enough for the README's client section: none of its blocks imports the tooling
    (the section on testing against the mock uses the tooling's pytest plugin, by design)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Use the client", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```python\n(.*?)^```", section, re.DOTALL | re.MULTILINE)
    assert blocks, "the client section has an example"
    for block in blocks:
        assert "adapty_api_client" in block
        assert "adapty_contracts" not in block


@pytest.mark.slow
@pytest.mark.parametrize("number", range(len(BLOCKS)), ids=lambda n: f"block-{n + 1}")
def test_a_readme_block_runs_against_the_bundled_mock(number: int, tmp_path: Path) -> None:
    script = tmp_path / f"readme_block_{number + 1}.py"
    script.write_text(BLOCKS[number], encoding="utf-8")
    with running_mock() as base_url:
        env = {**os.environ, "ADAPTY_API_KEY": DEFAULT_API_KEY, "ADAPTY_BASE_URL": base_url}
        done = subprocess.run(
            [sys.executable, str(script)], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
        )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_the_readme_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    for number, block in enumerate(BLOCKS, start=1):
        (tmp_path / f"readme_block_{number}.py").write_text(block, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *sorted(str(p) for p in tmp_path.glob("*.py"))],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={key: value for key, value in os.environ.items() if key != "MYPYPATH"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
