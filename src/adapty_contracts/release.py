"""The client's release: its version bumped from a change report, and a changelog entry written from the same report.

Why here and not by hand: a new upstream document reaches users as a new `adapty-api-client`, and what a user needs
to know before upgrading (what breaks, on which operations) is exactly what `adapty-contracts diff` found. So the run
that regenerates the client also decides its version and writes `generated/CHANGELOG.md`'s top entry.

- `next_version` is the one place that decides the bump: breaking -> next minor while 0.x (next major from 1.0),
  otherwise the next patch.
- The version lives in one file, `openapi/generator/config.yaml` (`package_version_override`), which the generator
  writes into `generated/pyproject.toml`.
- The changelog is carried over from the committed one by every regeneration (so the drift gate sees it unchanged)
  and only a release adds an entry. The entry's date is today in UTC, or the UTC day of `SOURCE_DATE_EPOCH` when set
  (reproducible builds' convention).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from adapty_contracts._errors import UserError
from adapty_contracts.spec._diff import Change

CHANGELOG = "CHANGELOG.md"
CHANGELOG_HEADER = (
    "# Changelog of adapty-api-client\n\n"
    "Written by `scripts/regenerate` when it releases (a new upstream document, or `--release NOTE`); newest first.\n"
    "Each entry: the version, the day, the upstream document's sha256, then breaking changes first, each with the\n"
    "operations it reaches.\n"
)
_VERSION_KEY = re.compile(r'^(package_version_override:\s*)"?([0-9]+\.[0-9]+\.[0-9]+)"?\s*$', re.MULTILINE)


@dataclass(frozen=True)
class Release:
    version: str
    previous: str
    entry: str


def next_version(current: str, *, breaking: bool) -> str:
    """The version after `current`: breaking -> minor while 0.x, major from 1.0; otherwise patch."""
    match = re.fullmatch(r"([0-9]+)\.([0-9]+)\.([0-9]+)", current)
    if not match:
        raise UserError(f"the client's version {current!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part) for part in match.groups())
    if breaking:
        return f"0.{minor + 1}.0" if major == 0 else f"{major + 1}.0.0"
    return f"{major}.{minor}.{patch + 1}"


def read_version(config_text: str) -> str:
    match = _VERSION_KEY.search(config_text)
    if not match:
        raise UserError("openapi/generator/config.yaml has no `package_version_override: MAJOR.MINOR.PATCH`")
    return match.group(2)


def with_version(config_text: str, version: str) -> str:
    """The config's text with the new version (comments and layout kept)."""
    return _VERSION_KEY.sub(lambda m: f'{m.group(1)}"{version}"', config_text, count=1)


def release_day() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
        except ValueError:
            raise UserError(f"SOURCE_DATE_EPOCH must be seconds since the epoch, not {epoch!r}") from None
    return dt.datetime.now(dt.UTC).date().isoformat()


def plan(current: str, changes: list[Change], *, upstream: bytes, note: str = "", breaking: bool = False) -> Release:
    """The release for `changes` (spec and client API changes, as `diff` reports them) on top of `current`."""
    is_breaking = breaking or any(c.breaking for c in changes)
    version = next_version(current, breaking=is_breaking)
    return Release(version, current, entry(version, release_day(), upstream, changes, note=note, breaking=breaking))


def entry(
    version: str, day: str, upstream: bytes, changes: list[Change], *, note: str = "", breaking: bool = False
) -> str:
    """One changelog entry: heading, provenance, the note, breaking changes first, then the rest."""
    digest = hashlib.sha256(upstream).hexdigest()
    lines = [f"## {version} ({day})", "", f"Upstream `adapty-api.yaml` sha256 `{digest}`.", ""]
    if note:
        lines += [f"{'**Breaking:** ' if breaking else ''}{note.strip()}", ""]
    spec_breaking = [c for c in changes if c.breaking]
    other = [c for c in changes if not c.breaking]
    if spec_breaking:
        lines += ["### Breaking", "", *_items(spec_breaking), ""]
    if other:
        lines += ["### Other changes", "", *_items(other), ""]
    if not changes and not note:
        lines += ["No change to the document's operations or schemas, nor to the client's public API.", ""]
    return "\n".join(lines)


def _items(changes: Iterable[Change]) -> list[str]:
    """One line per change; the client's plain additions (new functions, models, fields) one line per kind."""
    items = []
    added: dict[str, list[str]] = {}
    for change in changes:
        if change.area == "client" and not change.breaking and change.kind.endswith("-added") and not change.note:
            added.setdefault(change.kind, []).append(change.where)
            continue
        side = f" ({change.side})" if change.side else ""
        reaches = f" — {', '.join(change.sites)}" if change.sites else ""
        where = f"client: {change.where}" if change.area == "client" else change.where
        items.append(f"- `{where}`{side}: {change.detail} [{change.kind}]{reaches}")
    for kind, names in added.items():
        what = kind.removeprefix("client-").removesuffix("-added").replace("-", " ")
        items.append(f"- client: {len(names)} new {what}(s): {', '.join(f'`{n}`' for n in names)} [{kind}]")
    return items


def with_entry(changelog: str, new_entry: str) -> str:
    """`changelog` (possibly empty) with `new_entry` on top, under the header."""
    body = changelog.removeprefix(CHANGELOG_HEADER).lstrip("\n") if changelog else ""
    return f"{CHANGELOG_HEADER}\n{new_entry.rstrip()}\n" + (f"\n{body}" if body else "")
