"""`adapty-contracts check`: exit codes, reports, the key never leaking, budget, and leaving no trace on the server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from mutants import SetNonEmptyBody

from adapty_contracts.cli import main
from adapty_contracts.harness import Engine, Target, TestProfile, run_check
from adapty_contracts.harness._engine import curl_line
from adapty_contracts.harness._events import PhaseStarted, RunFinished
from adapty_contracts.harness._report import render_summary
from adapty_contracts.mock import IDENTIFIER_KEYS, PaywallStore, ProfileStore, running_mock
from adapty_contracts.mock.resources import VirtualCurrencyStore

PROFILE_ID = "5b0f7c1e-3a61-4c1f-9d7e-2f4a8b6c0d11"
CUSTOMER_ID = "nightly-test-customer"
SECRET = "secret_live_DISTINCTIVE_9f3b2a7c_do_not_leak"
BEFORE = {IDENTIFIER_KEYS[0]: "before-run-value", IDENTIFIER_KEYS[1]: "ünïcødé before"}


def seeded_store() -> ProfileStore:
    store = ProfileStore()
    store.add(PROFILE_ID, CUSTOMER_ID, BEFORE)
    return store


@pytest.fixture
def live_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ADAPTY_API_KEY", SECRET)
    yield


def live_args(base_url: str, *extra: str) -> list[str]:
    return ["check", "--base-url", base_url, "--profile-id", PROFILE_ID, "--customer-user-id", CUSTOMER_ID, *extra]


# --- could not run: exit 2, one line -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["check", "--max-examples", "0"], "--max-examples"),
        (["check", "--rate-limit", "fast"], "--rate-limit"),
        (["check", "--profile-id", "not-a-uuid"], "--profile-id"),
        (["check", "--phases", "coverage,nope"], "--phases"),
        (["check", "--base-url", "ftp://example.org"], "--base-url"),
        (["check", "--report", "/nonexistent-dir/r.html"], "--report"),
        (["check", "--report", "r.txt"], "--report"),
    ],
)
def test_bad_flags_exit_2_with_one_line(argv: list[str], fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and fragment in err and "Traceback" not in err


def test_live_url_without_key_exits_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("ADAPTY_API_KEY", raising=False)
    assert main(live_args("http://127.0.0.1:9")) == 2
    assert "ADAPTY_API_KEY" in capsys.readouterr().err


def test_live_url_without_test_profile_exits_2(live_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--base-url", "http://127.0.0.1:9"]) == 2
    assert "--profile-id" in capsys.readouterr().err


@pytest.mark.slow
def test_unreachable_server_exits_2(live_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    with running_mock(api_key=SECRET, store=seeded_store()) as base_url:
        pass  # stopped: the port is now closed
    assert main(live_args(base_url, "--timeout", "2")) == 2
    err = capsys.readouterr().err
    assert "cannot reach" in err and "Traceback" not in err


@pytest.mark.slow
def test_wrong_key_for_live_server_exits_2(live_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    with running_mock(api_key="some-other-key", store=seeded_store()) as base_url:
        assert main(live_args(base_url)) == 2
    assert "rejected the API key" in capsys.readouterr().err


# --- conformant / violations -------------------------------------------------------------------------------------
@pytest.mark.slow
def test_bundled_mock_is_conformant_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report, junit = tmp_path / "r.json", tmp_path / "j.xml"
    code = main(["check", "--max-examples", "5", "--seed", "7", "--report", str(report), "--junit-xml", str(junit)])
    out, err = capsys.readouterr()
    assert code == 0, out
    assert "RESULT: conformant" in out and "--seed 7" in out
    for phase in ("coverage", "fuzzing", "auth", "identity", "bodies", "stateful"):
        assert f"[{phase}]" in err  # progress per phase on stderr
    data = json.loads(report.read_text())
    assert data["ok"] is True and data["seed"] == 7 and data["requests"] > 100
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None and suite.get("failures") == "0" and int(suite.get("tests", "0")) >= 15


@pytest.mark.slow
def test_violations_exit_1_key_never_leaks_and_profile_is_restored(
    live_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken server, checked as a live one with a distinctive key: exit 1, curl lines REDACTED everywhere."""
    store = seeded_store()
    html, report, junit = tmp_path / "r.html", tmp_path / "r.json", tmp_path / "j.xml"
    with running_mock(api_key=SECRET, store=store, api_class=SetNonEmptyBody) as base_url:
        code = main(
            live_args(base_url, "--max-examples", "5", "--report", str(html), "--junit-xml", str(junit), "--seed", "1")
        )
        out, err = capsys.readouterr()
        assert main(live_args(base_url, "--max-examples", "3", "--report", str(report), "--phases", "stateful")) == 1
        out2, err2 = capsys.readouterr()
    assert code == 1
    assert "undocumented_body_is_empty" in out and "expected: an empty body for POST 200" in out
    assert "curl -X POST" in out and "Api-Key REDACTED" in out
    outputs = {"stdout": out + out2, "stderr": err + err2}
    for path in (html, report, junit):
        outputs[path.name] = path.read_text(encoding="utf-8")
    for name, text in outputs.items():
        assert SECRET not in text, f"the API key leaked into {name}"
        assert SECRET[:-1] not in text, f"a truncated API key leaked into {name}"
    assert "<section id='summary'" in outputs["r.html"]
    assert json.loads(outputs["r.json"])["ok"] is False
    profile = store.find_by_profile_id(PROFILE_ID)
    assert profile is not None and store.snapshot(profile) == {**dict.fromkeys(IDENTIFIER_KEYS), **BEFORE}


def test_curl_line_redacts_the_key() -> None:
    import requests

    request = requests.Request(
        "POST", "http://127.0.0.1:1/p", headers={"Authorization": f"Api-Key {SECRET}"}, json={"a": "it's"}
    ).prepare()
    line = curl_line(request, lambda text: text.replace(SECRET, "REDACTED"))
    assert SECRET not in line and "Api-Key REDACTED" in line and line.startswith("curl -X POST")


def test_target_repr_hides_the_key() -> None:
    target = Target("http://127.0.0.1:1", SECRET, TestProfile(PROFILE_ID))
    assert SECRET not in repr(target) and SECRET not in str(target.__dict__.get("profile"))


@pytest.mark.slow
def test_run_check_api_on_the_bundled_mock_with_a_chosen_test_profile() -> None:
    result = run_check(profile_id=PROFILE_ID, customer_user_id=CUSTOMER_ID, max_examples=3, seed=5, phases=["identity"])
    assert result.ok and result.checks["identity_resolution"].runs >= 10
    assert result.restored is True


# --- budget, rate limit, interruption ------------------------------------------------------------------------------
@pytest.mark.slow
def test_request_budget_stops_the_run_and_still_restores(capfd: pytest.CaptureFixture[str]) -> None:
    store = seeded_store()
    with running_mock(api_key=SECRET, store=store) as base_url:
        target = Target(base_url, SECRET, TestProfile(PROFILE_ID, CUSTOMER_ID), live=True, max_requests=40)
        result = next(e.result for e in Engine(target, max_examples=5, seed=1).run() if isinstance(e, RunFinished))
    assert not result.complete
    budgeted = result.requests - target.session.exempt_count  # snapshot, restore and cleanup are exempt
    assert 30 <= budgeted <= 40
    out, err = capfd.readouterr()  # hypothesis saw the budget as a test failure: it must not print the case
    assert SECRET not in out + err
    assert result.restored is True
    profile = store.find_by_profile_id(PROFILE_ID)
    assert profile is not None and store.snapshot(profile) == {**dict.fromkeys(IDENTIFIER_KEYS), **BEFORE}


@pytest.mark.slow
def test_rate_limit_spaces_requests() -> None:
    with running_mock(api_key=SECRET, store=seeded_store()) as base_url:
        target = Target(base_url, SECRET, TestProfile(PROFILE_ID), rate_limit=40.0, max_requests=20)
        start = time.monotonic()
        list(Engine(target, max_examples=2, seed=1, phases=["auth"]).run())
        elapsed = time.monotonic() - start
    assert target.request_count >= 20
    assert elapsed >= 19 / 40  # 20 budgeted requests at 40/s cannot take less


@pytest.mark.slow
def test_stopping_midway_restores_the_test_profile() -> None:
    """Closing the event stream (what Ctrl-C does in the CLI) mid-run still restores the snapshot."""
    store = seeded_store()
    with running_mock(api_key=SECRET, store=store) as base_url:
        target = Target(base_url, SECRET, TestProfile(PROFILE_ID, CUSTOMER_ID), live=True)
        events = Engine(target, max_examples=3, seed=1, phases=["stateful", "auth"]).run()
        for event in events:
            if isinstance(event, PhaseStarted) and event.name == "auth":  # stateful has written by now
                break
        profile = store.find_by_profile_id(PROFILE_ID)
        assert profile is not None and store.snapshot(profile) != {**dict.fromkeys(IDENTIFIER_KEYS), **BEFORE}
        events.close()
    assert store.snapshot(profile) == {**dict.fromkeys(IDENTIFIER_KEYS), **BEFORE}


@pytest.mark.slow
def test_sigterm_restores_the_test_profile(tmp_path: Path) -> None:
    store = seeded_store()
    with running_mock(api_key=SECRET, store=store) as base_url:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "adapty_contracts",
                *live_args(base_url, "--seed", "1", "--phases", "stateful", "--max-examples", "400"),
            ],
            stderr=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "ADAPTY_API_KEY": SECRET},
        )
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("[stateful]"):
                break
        time.sleep(1.5)  # the state models are writing to the test profile by now
        proc.send_signal(signal.SIGTERM)
        _, rest = proc.communicate(timeout=60)
    assert proc.returncode == 130, rest
    assert "test profile restored" in rest and SECRET not in rest
    profile = store.find_by_profile_id(PROFILE_ID)
    assert profile is not None and store.snapshot(profile) == {**dict.fromkeys(IDENTIFIER_KEYS), **BEFORE}


def _profile_ids(store: ProfileStore) -> set[str]:
    while True:
        try:
            return {profile.profile_id for profile in store}
        except RuntimeError:  # the mock's thread changed the store mid-iteration
            continue


@pytest.mark.slow
def test_ctrl_c_during_a_schemathesis_phase_deletes_the_profiles_it_created() -> None:
    """A live run interrupted while schemathesis's coverage phase is creating profiles leaves none behind."""
    store = seeded_store()
    before = _profile_ids(store)
    with running_mock(api_key=SECRET, store=store) as base_url:
        # fuzzing with many examples after coverage: the run is still in a schemathesis phase when the signal lands
        args = live_args(
            base_url,
            "--seed",
            "1",
            "--operation",
            "createProfile",
            "--phases",
            "coverage,fuzzing",
            "--max-examples",
            "1000",
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "adapty_contracts", *args],
            stderr=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "ADAPTY_API_KEY": SECRET},
            # started as a shell starts a background job: SIGINT ignored; `check` still takes it
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
        )
        deadline = time.monotonic() + 60
        while _profile_ids(store) == before and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)
        created = _profile_ids(store) - before
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise
    assert created, "the run had created no profile before it was interrupted"
    assert proc.returncode == 130, err
    assert _profile_ids(store) == before, err
    assert SECRET not in err


def test_redaction_of_short_and_long_keys() -> None:
    from adapty_contracts.harness._target import redact_key

    assert redact_key(f"-H 'Authorization: Api-Key {SECRET}' and {SECRET}", SECRET).count("REDACTED") == 2
    # a 1-character test key: the header form is hidden, ordinary text is not mangled
    assert redact_key("max-examples 50, Api-Key x", "x") == "max-examples 50, Api-Key REDACTED"


# --- a run leaves the server as it found it --------------------------------------------------------------------------
def mock_state(
    store: ProfileStore, paywalls: PaywallStore, vc: VirtualCurrencyStore | None = None
) -> dict[str, object]:
    """Everything the mock holds: every profile with all its state, every paywall (and, given `vc`, each profile's
    virtual currency: balances and history).

    A paywall's `updated_at` is left out: putting back its remote configs is itself an update (the API offers no
    other way to undo one), and the mock stamps the time of each; so is a transaction's `created_at`.
    """
    from adapty_contracts.mock._store import LISTS

    if vc is not None:
        ledgers = {profile.profile_id: vc.ledger(profile.key) for profile in store}
        currency = {
            profile_id: (
                ledger.balances,
                [{k: v for k, v in t.record().items() if k != "created_at"} for t in ledger.history],
            )
            for profile_id, ledger in ledgers.items()
        }
        return {**mock_state(store, paywalls), "virtual_currency": currency}

    profiles = {
        profile.profile_id: {
            "customer_user_id": profile.customer_user_id,
            "identifiers": store.snapshot(profile),
            "fields": store.get_fields(profile),
            "lists": {name: store.get_list(profile, name) for name in LISTS},
            "revenue": profile.revenue,
            "refund": profile.refund,
        }
        for profile in store
    }
    listed, _ = paywalls.page(1, 10_000)
    return {"profiles": profiles, "paywalls": [{k: v for k, v in p.items() if k != "updated_at"} for p in listed]}


def seeded_state() -> tuple[ProfileStore, PaywallStore]:
    from adapty_contracts.mock import load_spec

    store = seeded_store()
    profile = store.find_by_profile_id(PROFILE_ID)
    assert profile is not None
    store.modify(profile, lambda p: setattr(p, "refund", (True, "decline")))
    return store, PaywallStore.seeded(load_spec())


@pytest.mark.slow
def test_a_run_leaves_the_mock_as_it_found_it() -> None:
    """Every operation is written to (creates, deletes, grants, transactions, paywall updates, settings) and yet
    the state after the run equals the state before: created profiles deleted, snapshots restored."""
    store, paywalls = seeded_state()
    vc = VirtualCurrencyStore.seeded()
    before = mock_state(store, paywalls, vc)
    with running_mock(api_key=SECRET, store=store, paywalls=paywalls, virtual_currency=vc) as base_url:
        target = Target(base_url, SECRET, TestProfile(PROFILE_ID, CUSTOMER_ID))
        result = next(e.result for e in Engine(target, max_examples=5, seed=3).run() if isinstance(e, RunFinished))
    assert result.ok, render_summary(result)
    assert result.restored is True
    assert {
        "createProfile",
        "deleteProfile",
        "setTransaction",
        "updatePaywall",
        "createVirtualCurrencyTransaction",
    } <= {plan.operation_id for plan in result.operations if plan.checked}
    assert mock_state(store, paywalls, vc) == before


@pytest.mark.slow
@pytest.mark.parametrize("stop_at", ["fuzzing", "auth", "RunFinished"])
def test_an_interrupted_run_leaves_the_mock_as_it_found_it(stop_at: str) -> None:
    """Closing the event stream (what Ctrl-C and SIGTERM do in the CLI) anywhere still undoes everything."""
    store, paywalls = seeded_state()
    before = mock_state(store, paywalls)
    with running_mock(api_key=SECRET, store=store, paywalls=paywalls) as base_url:
        target = Target(base_url, SECRET, TestProfile(PROFILE_ID, CUSTOMER_ID))
        engine = Engine(target, max_examples=3, seed=4, phases=["coverage", "fuzzing", "stateful", "auth"])
        events = engine.run()
        changed = False
        for event in events:
            if isinstance(event, PhaseStarted) and event.name == stop_at:
                changed = mock_state(store, paywalls) != before
                break
        events.close()
    if stop_at != "RunFinished":
        assert changed, "the run had changed the mock before it was stopped"
    assert mock_state(store, paywalls) == before


# --- what is checked, and what is not -------------------------------------------------------------------------------
def test_an_unknown_operation_or_tag_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--operation", "getProfil"]) == 2
    err = capsys.readouterr().err
    assert "--operation getprofil: no such operation" in err and "getProfile" in err and "Traceback" not in err
    assert main(["check", "--tag", "Nope"]) == 2
    assert "no operation has this tag" in capsys.readouterr().err


@pytest.mark.slow
def test_a_filtered_run_names_what_it_did_not_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html, junit = tmp_path / "r.html", tmp_path / "j.xml"
    code = main(["check", "--tag", "Paywalls", "--max-examples", "3", "--report", str(html), "--junit-xml", str(junit)])
    out, err = capsys.readouterr()
    assert code == 0, out
    others = _operation_count() - 3  # every operation of the spec but the three paywall ones
    assert f"Operations: 3 checked, {others} not checked" in out
    assert "NOT checked  getProfile (GET /api/v2/server-side-api/profile/): not selected (--operation/--tag)" in out
    assert "note: not checked: setTransaction - not selected" in err
    assert out.rstrip().splitlines()[-2:] == [f"report: {html}", f"report: {junit}"], "the console ends with them"
    page = html.read_text(encoding="utf-8")
    assert "<section id='operations'>" in page and "data-operation='listPaywalls'" in page
    assert page.count("not checked: not selected") == others
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None and suite.get("skipped") == str(others)


def _operation_count() -> int:
    from adapty_contracts import _paths
    from adapty_contracts.spec import load_spec

    paths = load_spec(_paths.EFFECTIVE_SPEC)["paths"].values()
    return sum(1 for item in paths for method in ("get", "post", "put", "patch", "delete") if method in item)


@pytest.mark.slow
def test_a_live_run_skips_irreversible_operations_unless_allowed(live_env: None, tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    store, paywalls = seeded_state()
    with running_mock(api_key=SECRET, store=store, paywalls=paywalls) as base_url:
        args = live_args(base_url, "--max-examples", "2", "--phases", "examples,auth", "--report", str(report))
        assert main(args) == 0
        skipped = {op["operation_id"]: op["reason"] for op in json.loads(report.read_text())["operations"]}
        skipped = {name: reason for name, reason in skipped.items() if reason}
        assert set(skipped) == {"setTransaction", "validateStripePurchase", "validatePaddlePurchase", "updatePaywall"}
        assert all(reason.startswith("irreversible on a live server") for reason in skipped.values())
        assert main([*args, "--allow-irreversible"]) == 0
        operations = json.loads(report.read_text())["operations"]
        assert all(op["checked"] for op in operations)


@pytest.mark.slow
def test_an_operation_a_newer_upstream_adds_is_checked_with_no_code_change(tmp_path: Path) -> None:
    """The synthetic newer upstream of test_overlay_rules (a new profile operation), through the overlay, served
    by the mock and checked by the generic phases: every check ran on it, and a correct server passes."""
    import yaml
    from test_overlay_rules import NEW_PATH, newer_upstream

    from adapty_contracts import _paths
    from adapty_contracts.mock import DEFAULT_API_KEY, load_spec
    from adapty_contracts.spec import build_effective_spec
    from adapty_contracts.spec import load_spec as load_document

    effective = build_effective_spec(newer_upstream(), load_document(_paths.OVERLAY))
    operation_id = effective["paths"][NEW_PATH]["get"]["operationId"]
    spec_path = tmp_path / "newer-effective.yaml"
    spec_path.write_text(yaml.safe_dump(effective, sort_keys=False), encoding="utf-8")
    with running_mock(spec=load_spec(spec_path)) as base_url:
        target = Target(base_url, DEFAULT_API_KEY, TestProfile(*_default_identity()))
        engine = Engine(target, max_examples=10, seed=1, spec_path=spec_path, operations=[operation_id])
        result = next(e.result for e in engine.run() if isinstance(e, RunFinished))
    assert result.ok, render_summary(result)
    assert [plan.operation_id for plan in result.operations if plan.checked] == [operation_id]
    for check in ("identity_resolution", "auth_rejected", "response_schema_conformance", "unknown_profile_not_found"):
        assert result.checks[check].runs > 0, check


def _default_identity() -> tuple[str, str]:
    from adapty_contracts.mock import DEFAULT_CUSTOMER_USER_ID, DEFAULT_PROFILE_ID

    return DEFAULT_PROFILE_ID, DEFAULT_CUSTOMER_USER_ID


def test_a_generated_http_layer_header_is_not_sent() -> None:
    """Fuzzing may generate `Content-Length: abc`: the server's HTTP parser answers that (400 text/plain), not the API,
    so the harness drops such headers unless the spec declares them; other generated headers stay."""
    with running_mock(api_key=SECRET, store=seeded_store()) as base_url:
        target = Target(base_url, SECRET, TestProfile(PROFILE_ID, CUSTOMER_ID))
        engine = Engine(target, max_examples=1, seed=1, operations=["listPaywalls"])
        operation = engine.st_operations["listPaywalls"]
        generated = {"content-length": "G8PEq ^3/HP", "Transfer-Encoding": "x", "KWw": "nil"}
        case = operation.Case(headers=dict(generated))
        assert case.call(base_url=base_url).status_code == 400  # as sent, the HTTP layer refuses it
        assert engine._prepare(case, engine.facts["listPaywalls"], "fuzzing")
        assert {k.lower() for k in case.headers} == {"kww", "authorization"}
        response = case.call(base_url=base_url)
        assert response.status_code == 200 and response.headers["content-type"] == ["application/json"]
