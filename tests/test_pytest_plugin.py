"""The pytest plugin as a user meets it: a test file with no conftest gets `adapty_mock` and `adapty_client`,
fresh state per test, per-test faults and rate limit, one server per session (per xdist worker), and nothing
started when no test asks for it."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import entry_points

import pytest

from adapty_contracts import _paths

pytest_plugins = ["pytester"]

README = _paths.REPO_ROOT / "README.md"

USER_TESTS = """
import httpx
import pytest
from adapty_api_client.api.integration import get_integration_identifiers, set_integration_identifiers
from adapty_api_client.models import IntegrationIdentifiersRequest, IntegrationIdentifiersResponse

def test_a_write_shows_in_the_next_read(adapty_client, adapty_mock):
    set_integration_identifiers.sync_detailed(
        client=adapty_client,
        adapty_profile_id=adapty_mock.profile_id,
        body=IntegrationIdentifiersRequest(branch_id="b-1"),
    )
    ids = get_integration_identifiers.sync(client=adapty_client, adapty_customer_user_id=adapty_mock.customer_user_id)
    assert isinstance(ids, IntegrationIdentifiersResponse) and ids.branch_id == "b-1"
    created = httpx.post(
        adapty_mock.base_url + "/api/v2/server-side-api/profile/",
        headers={**adapty_mock.headers, "adapty-customer-user-id": "someone-new"},
        json={"installation_meta": {"device_id": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}},
    )
    assert created.status_code == 200

def test_the_next_test_sees_the_seeded_state(adapty_client, adapty_mock):
    ids = get_integration_identifiers.sync(client=adapty_client, adapty_profile_id=adapty_mock.profile_id)
    assert isinstance(ids, IntegrationIdentifiersResponse) and ids.branch_id is None
    assert adapty_mock.api.store.find_by_customer_user_id("someone-new") is None
    assert len(adapty_mock.api.store) == 1

@pytest.mark.adapty_mock(faults="503=1", seed=3)
def test_the_marker_sets_faults_for_one_test(adapty_mock):
    answer = httpx.get(adapty_mock.base_url + "/api/v2/server-side-api/profile/",
                       headers={**adapty_mock.headers, "adapty-profile-id": adapty_mock.profile_id})
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "1"

@pytest.mark.adapty_mock(rate_limit="2/min")
def test_the_marker_sets_a_rate_limit(adapty_mock):
    url = adapty_mock.base_url + "/api/v2/server-side-api/profile/"
    headers = {**adapty_mock.headers, "adapty-profile-id": adapty_mock.profile_id}
    assert [httpx.get(url, headers=headers).status_code for _ in range(3)] == [200, 200, 429]

def test_faults_and_limit_are_off_again(adapty_mock):
    url = adapty_mock.base_url + "/api/v2/server-side-api/profile/"
    headers = {**adapty_mock.headers, "adapty-profile-id": adapty_mock.profile_id}
    assert {httpx.get(url, headers=headers).status_code for _ in range(5)} == {200}
    adapty_mock.configure(faults="500=1")
    assert httpx.get(url, headers=headers).status_code == 500

@pytest.mark.adapty_mock(faults="429=2")
def test_a_bad_marker_value_is_an_error(adapty_mock):
    pass
"""


def test_the_plugin_is_registered_by_a_pytest11_entry_point() -> None:
    found = [ep for ep in entry_points(group="pytest11") if ep.value == "adapty_contracts.pytest_plugin"]
    assert len(found) == 1


def test_loading_the_plugin_imports_neither_the_mock_nor_the_client() -> None:
    code = (
        "import sys, adapty_contracts.pytest_plugin as p; "
        "print(sorted(m for m in sys.modules if m.startswith(('uvicorn', 'starlette', 'adapty_api_client', "
        "'adapty_contracts.mock', 'httpx'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_no_server_starts_unless_a_test_uses_the_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import threading

        def test_plain():
            assert not [t for t in threading.enumerate() if t.name.startswith("adapty-mock-")]
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers")  # a process of its own
    result.assert_outcomes(passed=1)


@pytest.mark.slow
def test_a_user_test_file_needs_no_conftest(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers", "-W", "error")
    result.assert_outcomes(passed=5, errors=1)
    result.stdout.fnmatch_lines(["*@pytest.mark.adapty_mock: *'429=2'*a probability is a number from 0 to 1*"])


@pytest.mark.slow
def test_works_under_xdist_with_one_server_per_worker(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_many="""
        import os
        import pytest

        @pytest.mark.parametrize("n", range(8))
        def test_records_its_server(adapty_mock, adapty_client, n):
            worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
            with open(f"urls-{worker}.txt", "a") as fh:
                fh.write(adapty_mock.base_url + "\\n")
        """
    )
    pytester.makepyfile(test_user=USER_TESTS.split('@pytest.mark.adapty_mock(faults="429=2")')[0])
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "--strict-markers", "-n", "2", "--dist", "loadfile"
    )
    result.assert_outcomes(passed=13)
    files = sorted(pytester.path.glob("urls-*.txt"))
    assert {f.name for f in files} <= {"urls-gw0.txt", "urls-gw1.txt"}
    urls = [set(f.read_text().split()) for f in files]
    assert all(len(u) == 1 for u in urls)  # one server per worker, shared by its tests
    if len(urls) == 2:
        assert urls[0] != urls[1]


def readme_testing_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Testing your code against the mock", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```python\n(.*?)^```", section, re.DOTALL | re.MULTILINE)
    assert len(blocks) == 1, "the section has one complete example"
    return str(blocks[0])


def test_the_readme_section_has_a_complete_example() -> None:
    example = readme_testing_example()
    assert "adapty_client" in example and "adapty_mock" in example
    assert "@pytest.mark.adapty_mock(faults=" in example


@pytest.mark.slow
def test_the_readme_example_passes_as_a_user_runs_it(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_readme_example=readme_testing_example())
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers", "-W", "error")
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) >= 2 and set(outcomes) == {"passed"}, result.stdout.str()
