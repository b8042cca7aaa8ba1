"""The harness's HTML report renders in a real browser: headless Chromium opens it and finds a visible summary.

Why a browser: people read this report from a CI artifact; a report that only parses (or that its own CSP leaves
blank) is no use to them. A probe page frames the report and measures `<section id="summary">` after load, so the
report's own Content-Security-Policy (if any) stays in force. Chromium: Debian's `chromium` package
(`apt-get install -y chromium`); google-chrome works too. Without it the test skips on a developer machine and fails
under CI (CI=true).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL = "apt-get install -y chromium"
# Flags for a closed network and a root user; without the background-networking ones Chromium keeps dialling out.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--allow-file-access-from-files",
)
PROBE = """<!doctype html>
<html><body>
<iframe id="report" src="REPORT" style="width:1280px;height:2000px;border:0"></iframe>
<pre id="probe">not loaded</pre>
<script>
window.addEventListener("load", () => {
  const out = document.getElementById("probe");
  try {
    const doc = document.getElementById("report").contentDocument;
    const summary = doc.querySelector("section#summary");
    const box = summary ? summary.getBoundingClientRect() : null;
    const style = summary ? getComputedStyle(summary) : null;
    out.textContent = JSON.stringify({
      title: doc.title,
      found: !!summary,
      width: box && box.width,
      height: box && box.height,
      visible: !!style && style.display !== "none" && style.visibility !== "hidden",
      text: summary ? summary.innerText : "",
    });
  } catch (error) {
    out.textContent = JSON.stringify({error: String(error)});
  }
});
</script>
</body></html>
"""


def _browser() -> str:
    for name in (os.environ.get("CHROMIUM", ""), *BROWSERS):
        found = shutil.which(name) if name else None
        if found:
            return found
    message = f"no Chromium found (looked for {', '.join(BROWSERS)}, or $CHROMIUM)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must install it: {INSTALL}")
    pytest.skip(f"{message} (install: {INSTALL})")


def _check_parser() -> argparse.ArgumentParser:
    """The `check` subcommand's parser (the report writer must exist: this test would catch its removal)."""
    from adapty_contracts.cli import build_parser

    parser = build_parser("check")
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    check: argparse.ArgumentParser = subparsers.choices["check"]
    assert "--report" in {s for a in check._actions for s in a.option_strings}, "`check` lost its --report option"
    return check


def render(browser: str, report: Path, workdir: Path) -> dict[str, Any]:
    """Open `report` framed by the probe page in headless Chromium; what the probe measured."""
    probe = report.parent / "probe.html"
    probe.write_text(PROBE.replace("REPORT", report.name), encoding="utf-8")
    done = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={workdir / 'profile'}", "--dump-dom", probe.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.DOTALL)
    assert match, done.stdout[:2000]
    measured: dict[str, Any] = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    return measured


@pytest.mark.slow
def test_the_probe_itself_sees_a_summary_and_notices_a_missing_one(tmp_path: Path) -> None:
    """The measuring page works (CSP and all), so a failure below is the report's, not the probe's."""
    browser = _browser()
    good = tmp_path / "good.html"
    good.write_text(
        '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
        '<title>ok</title></head><body><section id="summary"><h2>Summary</h2><p>2 passed</p></section></body></html>',
        encoding="utf-8",
    )
    measured = render(browser, good, tmp_path)
    assert (measured["title"], measured["found"], measured["visible"]) == ("ok", True, True)
    assert measured["text"] == "Summary\n\n2 passed"
    assert measured["width"] > 0 and measured["height"] > 0
    hidden = tmp_path / "hidden.html"
    hidden.write_text('<html><body><section id="summary" style="display:none">x</section></body></html>', "utf-8")
    assert render(browser, hidden, tmp_path)["visible"] is False
    missing = tmp_path / "missing.html"
    missing.write_text("<html><body><p>nothing</p></body></html>", encoding="utf-8")
    assert render(browser, missing, tmp_path)["found"] is False


@pytest.mark.slow
def test_check_report_renders_with_a_visible_summary(tmp_path: Path) -> None:
    """`adapty-contracts check --report out.html` against the bundled mock, opened in Chromium."""
    check = _check_parser()
    browser = _browser()
    report = tmp_path / "report" / "contracts.html"
    report.parent.mkdir()
    options = {s for a in check._actions for s in a.option_strings}
    budget = ["--max-examples", "5"] if "--max-examples" in options else []
    done = subprocess.run(
        [sys.executable, "-m", "adapty_contracts", "check", "--report", str(report), *budget],
        capture_output=True,
        text=True,
        timeout=600,
        env={k: v for k, v in os.environ.items() if k != "ADAPTY_API_KEY"},
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]  # 1: the mock disagreed somewhere; still a report
    assert report.is_file(), "check --report wrote no file"
    measured = render(browser, report, tmp_path)
    assert measured.get("error") is None, measured
    assert measured["found"], "no <section id='summary'> in the rendered report"
    assert measured["visible"] and measured["width"] > 0 and measured["height"] > 0, measured
    assert measured["text"].strip(), "the summary renders empty"
