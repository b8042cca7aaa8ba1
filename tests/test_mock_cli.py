"""`adapty-contracts mock` as a user runs it: a subprocess that prints its ids, serves, and never prints an env key."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from adapty_contracts.mock import (
    API_KEY_ENV,
    API_PATH,
    DEFAULT_API_KEY,
    DEFAULT_CUSTOMER_USER_ID,
    DEFAULT_PROFILE_ID,
)

pytestmark = pytest.mark.slow

ENV_KEY = "sk_from_env_" + uuid.uuid4().hex


def mock_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "adapty_contracts", "mock", "--port", "0", *args]


def environment(api_key: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != API_KEY_ENV}
    if api_key is not None:
        env[API_KEY_ENV] = api_key
    return env


@contextmanager
def mock_process(*args: str, api_key: str | None) -> Iterator[tuple[str, list[str]]]:
    """Start the CLI; yield (base URL, banner lines); on exit stop it with Ctrl-C and check all it printed."""
    proc = subprocess.Popen(
        mock_command(*args),
        env=environment(api_key),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    banner: list[str] = []
    try:
        assert proc.stdout is not None
        while True:
            line = proc.stdout.readline()
            if not line:
                break
            banner.append(line.rstrip("\n"))
            if "Ctrl-C" in line:
                break
        match = re.search(r"http://127\.0\.0\.1:(\d+)", "\n".join(banner))
        assert match, f"no URL in {banner!r}; stderr: {proc.stderr.read() if proc.poll() is not None else ''}"
        yield f"http://127.0.0.1:{match.group(1)}", banner
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    everything = "\n".join(banner) + out + err
    assert ENV_KEY not in everything
    assert "Traceback" not in everything


def test_serves_with_the_env_key_and_never_prints_it() -> None:
    with mock_process(api_key=ENV_KEY) as (url, banner):
        text = "\n".join(banner)
        assert DEFAULT_PROFILE_ID in text
        assert DEFAULT_CUSTOMER_USER_ID in text
        assert API_KEY_ENV in text
        assert DEFAULT_API_KEY not in text  # the dev key is not in use, so not advertised
        with httpx.Client(base_url=url) as client:
            identity = {"adapty-profile-id": DEFAULT_PROFILE_ID}
            ok = client.post(
                API_PATH, headers={**identity, "Authorization": f"Api-Key {ENV_KEY}"}, json={"branch_id": "b"}
            )
            assert ok.status_code == 200
            got = client.get(
                API_PATH,
                headers={"adapty-customer-user-id": DEFAULT_CUSTOMER_USER_ID, "Authorization": f"Api-Key {ENV_KEY}"},
            )
            assert got.json()["branch_id"] == "b"
            dev = client.get(API_PATH, headers={**identity, "Authorization": f"Api-Key {DEFAULT_API_KEY}"})
            assert dev.status_code == 401


def test_without_env_key_uses_and_announces_the_dev_key() -> None:
    with mock_process(api_key=None) as (url, banner):
        text = "\n".join(banner)
        assert DEFAULT_API_KEY in text
        assert API_KEY_ENV in text
        with httpx.Client(base_url=url) as client:
            headers = {"adapty-profile-id": DEFAULT_PROFILE_ID, "Authorization": f"Api-Key {DEFAULT_API_KEY}"}
            assert client.get(API_PATH, headers=headers).status_code == 200


def test_seed_options_and_profiles_file(tmp_path: Path) -> None:
    seeded, from_file = str(uuid.uuid4()), str(uuid.uuid4())
    profiles = tmp_path / "profiles.yaml"
    profiles.write_text(
        f"- profile_id: {from_file}\n  customer_user_id: file-customer\n  identifiers:\n    branch_id: from-file\n"
        f"- profile_id: {uuid.uuid4()}\n",
        encoding="utf-8",
    )
    args = ("--profile-id", seeded, "--customer-user-id", "cli-customer", "--profiles", str(profiles))
    with mock_process(*args, api_key=ENV_KEY) as (url, banner):
        text = "\n".join(banner)
        assert seeded in text
        assert "cli-customer" in text
        assert "profiles: 3" in text
        auth = {"Authorization": f"Api-Key {ENV_KEY}"}
        with httpx.Client(base_url=url, headers=auth) as client:
            assert client.get(API_PATH, headers={"adapty-profile-id": seeded}).status_code == 200
            assert client.get(API_PATH, headers={"adapty-customer-user-id": "cli-customer"}).status_code == 200
            assert client.get(API_PATH, headers={"adapty-profile-id": DEFAULT_PROFILE_ID}).status_code == 404
            got = client.get(API_PATH, headers={"adapty-customer-user-id": "file-customer"})
            assert got.json()["branch_id"] == "from-file"


GOOD = "7d2e6c74-5b30-4e77-9f90-4c8b2e3f1a23"  # fixed: parametrize ids must match across xdist workers


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("{not: [valid", "not valid JSON or YAML"),
        ('{"profile_id": "x"}', "expected a list"),
        ("[1]", "entry 1: expected a mapping"),
        ('[{"customer_user_id": "c"}]', "entry 1: profile_id is required"),
        ('[{"profile_id": "not-a-uuid"}]', "entry 1: profile_id must be a UUID"),
        (f'[{{"profile_id": "{GOOD}"}}, {{"profile_id": "{GOOD}"}}]', "entry 2: duplicate profile_id"),
        (f'[{{"profile_id": "{GOOD}", "identifiers": {{"nope": "x"}}}}]', "unknown identifier"),
        (f'[{{"profile_id": "{GOOD}", "identifiers": {{"branch_id": 5}}}}]', "must be a Unicode string or null"),
        (f'[{{"profile_id": "{GOOD}", "identifers": {{}}}}]', "unknown field(s) identifers"),
        (f'[{{"profile_id": "{DEFAULT_PROFILE_ID}"}}]', "duplicate profile_id"),
    ],
)
def test_bad_profiles_file_is_one_line_exit_2(tmp_path: Path, content: str | None, expected: str) -> None:
    path = tmp_path / "profiles.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = subprocess.run(
        mock_command("--profiles", str(path)), env=environment(ENV_KEY), capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert lines[0].startswith("adapty-contracts mock: error:")
    assert ENV_KEY not in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--profile-id", "nope"), "--profile-id"),
        (("--customer-user-id", ""), "--customer-user-id"),
        (("--port", "70000"), "--port"),
    ],
)
def test_bad_options_are_one_line_exit_2(args: tuple[str, ...], expected: str) -> None:
    result = subprocess.run(mock_command(*args), env=environment(None), capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]


def test_port_in_use_is_one_line_exit_2() -> None:
    with mock_process(api_key=None) as (url, _):
        port = httpx.URL(url).port
        cmd = [sys.executable, "-m", "adapty_contracts", "mock", "--port", str(port)]
        result = subprocess.run(cmd, env=environment(None), capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot listen" in result.stderr


def test_profiles_file_in_json(tmp_path: Path) -> None:
    pid = str(uuid.uuid4())
    path = tmp_path / "p.json"
    path.write_text(json.dumps([{"profile_id": pid, "identifiers": {"appsflyer_id": "af", "branch_id": None}}]))
    with mock_process("--profiles", str(path), api_key=ENV_KEY) as (url, _):
        got = httpx.get(url + API_PATH, headers={"adapty-profile-id": pid, "Authorization": f"Api-Key {ENV_KEY}"})
        assert got.json()["appsflyer_id"] == "af"
