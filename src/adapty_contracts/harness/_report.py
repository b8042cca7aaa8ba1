"""Reporters: consume the engine's events (console progress) or its final Result (summary, JSON, HTML, JUnit).

Every string they write was redacted by the engine; they redact once more with the run's key, so a key can
only leak if it never passed through either.
"""

from __future__ import annotations

import dataclasses
import html
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from adapty_contracts.harness._events import (
    Event,
    Notice,
    PhaseFinished,
    PhaseStarted,
    Result,
    RunFinished,
    RunStarted,
    ViolationFound,
)

Redact = Callable[[str], str]


def _identity(text: str) -> str:
    return text


class ConsoleProgress:
    """One line per phase start and end, one per new violation, on stderr (stdout is for the summary)."""

    def __init__(self, stream: TextIO | None = None, redact: Redact = _identity) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.redact = redact

    def __call__(self, event: Event) -> None:
        line: str | None = None
        if isinstance(event, RunStarted):
            where = "live server" if event.live else "server"
            line = f"checking {where} {event.base_url} (seed {event.seed}, max-examples {event.max_examples})"
        elif isinstance(event, PhaseStarted):
            line = f"[{event.name}] {event.description}"
        elif isinstance(event, PhaseFinished):
            verdict = f"{event.violations} new violation(s)" if event.violations else "ok"
            line = f"[{event.name}] {verdict} - {event.requests} requests in {event.seconds:.1f}s"
        elif isinstance(event, ViolationFound):
            v = event.violation
            line = f"  {'NOTE' if v.note else 'FAIL'} {v.check} ({v.operation}): {v.title}"
        elif isinstance(event, Notice):
            line = f"note: {event.message}"
        elif isinstance(event, RunFinished):
            return
        if line is not None:
            print(self.redact(line), file=self.stream, flush=True)


def render_summary(result: Result) -> str:
    """The end-of-run text: a line per check, then each violation with expected, actual and a curl line."""
    lines = [
        f"adapty-contracts check of {result.base_url}: seed {result.seed}, max-examples {result.max_examples}, "
        f"{result.requests} requests in {result.duration:.1f}s",
        "",
        "Checks:",
    ]
    width = max((len(name) for name in result.checks), default=10)
    for name, stat in sorted(result.checks.items()):
        mark = "FAIL" if stat.failures else ("note" if stat.notes else "ok")
        noted = f", {stat.notes} note(s)" if stat.notes else ""
        lines.append(f"  {name:<{width}}  {mark:<4}  {stat.runs} run, {stat.failures} failed{noted}")
    for heading, found in (
        (f"Violations ({len(result.violations)}):", result.violations),
        (
            f"Notes ({len(result.notes)}): readings the document leaves open; not failures (--strict makes them so)",
            result.notes,
        ),
    ):
        if not found:
            continue
        lines += ["", heading]
        for number, v in enumerate(found, start=1):
            seen = f" (seen {v.occurrences}x)" if v.occurrences > 1 else ""
            lines += [
                "",
                f"{number}. [{v.check}] {v.operation} - {v.title}{seen}",
                f"   phase:    {v.phase}",
                f"   expected: {v.expected}",
                f"   actual:   {v.actual}",
                f"   source:   {v.source}",
                "   reproduce:",
                *(f"     {line}" for line in v.reproduce),
            ]
    lines += ["", *operation_lines(result)]
    for note in result.notices:
        lines.append(f"note: {note}")
    if not result.complete:
        lines.append("note: the request budget ran out before all phases finished")
    if result.unrestored:
        lines.append("RESTORE DID NOT TAKE; to put it back by hand:")
        lines += [f"  {line}" for line in result.unrestored]
    if result.backpressure or result.retried_connections:
        lines.append(
            f"note: back-pressure met {result.backpressure} time(s), waited {result.waited:.1f}s in all; "
            f"{result.retried_connections} connection error(s) retried"
        )
    verdict = "conformant" if result.ok else f"{len(result.violations)} violation(s)"
    if result.notes:
        verdict += f", {len(result.notes)} note(s)"
    lines += ["", f"RESULT: {verdict}"]
    lines.append(f"(rerun with --seed {result.seed} to reproduce)")
    lines += [f"report: {path}" for path in result.reports]
    return "\n".join(lines)


def operation_lines(result: Result) -> list[str]:
    """What was checked and what was not, and why: a run never skips an operation silently."""
    checked = [plan for plan in result.operations if plan.checked]
    skipped = [plan for plan in result.operations if not plan.checked]
    lines = [f"Operations: {len(checked)} checked, {len(skipped)} not checked"]
    lines += [f"  checked      {plan.operation_id} ({plan.label}, {plan.effect})" for plan in checked]
    lines += [f"  NOT checked  {plan.operation_id} ({plan.label}): {plan.reason}" for plan in skipped]
    return lines


def violations_by_operation(result: Result) -> dict[str, dict[str, int]]:
    """operation id -> phase -> number of violations."""
    table: dict[str, dict[str, int]] = {}
    for v in result.violations:
        row = table.setdefault(v.operation, {})
        row[v.phase] = row.get(v.phase, 0) + 1
    return table


def result_as_dict(result: Result) -> dict[str, object]:
    data = dataclasses.asdict(result)
    data["ok"] = result.ok
    return data


def write_json(result: Result, path: Path, redact: Redact = _identity) -> None:
    path.write_text(redact(json.dumps(result_as_dict(result), indent=2, ensure_ascii=False)) + "\n", encoding="utf-8")


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:75rem;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}
.ok{color:#176f2c}.fail{color:#b00020}.skipped{color:#666}pre{background:#f5f5f5;padding:.6rem;white-space:pre-wrap;word-break:break-all}
#summary{border:2px solid #888;padding:1rem;margin-bottom:1.5rem}
"""


def render_html(result: Result) -> str:
    e = html.escape
    verdict = "conformant" if result.ok else f"{len(result.violations)} violation(s)"
    css_class = "ok" if result.ok else "fail"
    rows = "".join(
        f"<tr><td>{e(name)}</td><td class='{'fail' if s.failures else 'ok'}'>{'FAIL' if s.failures else 'ok'}</td>"
        f"<td>{s.runs}</td><td>{s.failures}</td></tr>"
        for name, s in sorted(result.checks.items())
    )
    phases = sorted({v.phase for v in result.violations})
    table = violations_by_operation(result)
    operation_rows = "".join(
        f"<tr data-operation='{e(plan.operation_id)}'><td>{e(plan.operation_id)}</td><td>{e(plan.label)}</td>"
        f"<td>{e(plan.effect)}</td>"
        + (
            f"<td class='{'fail' if plan.operation_id in table else 'ok'}'>"
            f"{'FAIL' if plan.operation_id in table else 'ok'}</td>"
            if plan.checked
            else f"<td class='skipped'>not checked: {e(plan.reason or '')}</td>"
        )
        + "".join(f"<td>{table.get(plan.operation_id, {}).get(phase, 0) or ''}</td>" for phase in phases)
        + "</tr>"
        for plan in result.operations
    )
    phase_headers = "".join(f"<th>{e(phase)}</th>" for phase in phases)
    violations = "".join(
        f"<article class='{'note' if v.note else 'violation'}'>"
        f"<h3>{i}. {'NOTE ' if v.note else ''}[{e(v.check)}] {e(v.operation)} - {e(v.title)}</h3>"
        f"<p>phase: {e(v.phase)}; seen {v.occurrences}x; source: <code>{e(v.source)}</code></p>"
        f"<p><b>expected:</b> {e(v.expected)}</p><p><b>actual:</b> {e(v.actual)}</p>"
        f"<pre>{e(chr(10).join(v.reproduce))}</pre></article>"
        for i, v in enumerate([*result.violations, *result.notes], start=1)
    )
    notes = "".join(f"<li>{e(note)}</li>" for note in result.notices)
    checked = sum(1 for plan in result.operations if plan.checked)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>adapty-contracts check: {e(verdict)}</title><style>{_CSS}</style></head><body>"
        "<h1>adapty-contracts check</h1>"
        f"<section id='summary' data-ok='{str(result.ok).lower()}' data-violations='{len(result.violations)}' "
        f"data-notes='{len(result.notes)}'>"
        f"<h2 class='{css_class}'>{e(verdict)}</h2>"
        f"<p>Server {e(result.base_url)}; seed {result.seed}; max-examples {result.max_examples}; "
        f"{result.requests} requests in {result.duration:.1f}s; {checked} of {len(result.operations)} operations "
        "checked</p></section>"
        f"<section id='operations'><h2>Operations</h2><table><tr><th>operation</th><th>request</th><th>effect</th>"
        f"<th>verdict</th>{phase_headers}</tr>{operation_rows}</table>"
        "<p>Numbers: violations found per phase.</p></section>"
        f"<section id='checks'><h2>Checks</h2><table><tr><th>check</th><th>verdict</th><th>runs</th>"
        f"<th>failures</th></tr>{rows}</table></section>"
        f"<section id='violations'><h2>Violations</h2>{violations or '<p>none</p>'}</section>"
        f"<section id='notes'><ul>{notes}</ul></section></body></html>\n"
    )


def write_html(result: Result, path: Path, redact: Redact = _identity) -> None:
    path.write_text(redact(render_html(result)), encoding="utf-8")


def write_junit(result: Result, path: Path, redact: Redact = _identity) -> None:
    """One testcase per check; each violation of a check is a <failure> (JUnit allows several)."""
    by_check: dict[str, list[str]] = {}
    for v in result.violations:
        text = f"{v.operation} - {v.title}\nexpected: {v.expected}\nactual: {v.actual}\n" + "\n".join(v.reproduce)
        by_check.setdefault(v.check, []).append(text)
    suite = ET.Element(
        "testsuite",
        name="adapty-contracts",
        tests=str(len(result.checks)),
        failures=str(sum(1 for name in result.checks if name in by_check)),
        errors="0",
        time=f"{result.duration:.3f}",
    )
    for name, stat in sorted(result.checks.items()):
        case = ET.SubElement(suite, "testcase", classname="adapty_contracts.check", name=name, time="0")
        for text in by_check.get(name, []):
            failure = ET.SubElement(case, "failure", message=redact(text.splitlines()[0]))
            failure.text = redact(text)
        if not by_check.get(name) and stat.runs == 0:
            ET.SubElement(case, "skipped")
    for plan in result.operations:
        if not plan.checked:
            case = ET.SubElement(suite, "testcase", classname="adapty_contracts.operations", name=plan.operation_id)
            ET.SubElement(case, "skipped", message=redact(plan.reason or "not checked"))
    suite.set("skipped", str(sum(1 for plan in result.operations if not plan.checked)))
    root = ET.Element("testsuites")
    root.append(suite)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def write_report(result: Result, path: Path, redact: Redact = _identity) -> None:
    """JSON or HTML, by the file's extension."""
    if path.suffix.lower() == ".json":
        write_json(result, path, redact)
    else:
        write_html(result, path, redact)
