"""The mock's state: profiles, found by profile id (a UUID) or customer user id, each with 16 identifiers.

Stored compactly (100,000 profiles in well under 100 MB): a profile is a __slots__ object whose id is the
UUID's 16 raw bytes and whose identifiers are a list allocated on first write (None while all are unset).
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO, cast

import yaml

from adapty_contracts._errors import UserError
from adapty_contracts.mock._spec import IDENTIFIER_KEYS

# Seeded test profile: public, documented values (README, `mock --help`), printed at start-up.
DEFAULT_PROFILE_ID = "00000000-0000-4000-8000-00000000a0a0"
DEFAULT_CUSTOMER_USER_ID = "adapty-contracts-test-customer"

# The canonical hyphenated form only (what JSON Schema's `format: uuid` accepts); any hex case.
_UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_profile_id(text: str) -> bytes | None:
    """The 16 bytes of a hyphenated UUID, or None when `text` is not one."""
    if len(text) != 36 or _UUID_RE.fullmatch(text) is None:
        return None
    return bytes.fromhex(text.replace("-", ""))


def is_unicode_text(value: str) -> bool:
    """False for strings holding lone surrogates (JSON `"\\ud800"`): not Unicode text, and not encodable."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Profile:
    """One profile: its UUID as 16 bytes, its customer user id, and only the identifiers that are set.

    `pairs` is a flat tuple (slot, value, slot, value, ...) in slot order, empty while nothing is set: two
    identifiers cost one 80-byte tuple instead of a 16-slot list (the difference is 20 MB per 100,000).
    """

    __slots__ = ("customer_user_id", "key", "pairs")

    def __init__(self, key: bytes, customer_user_id: str | None) -> None:
        self.key = key
        self.customer_user_id = customer_user_id
        self.pairs: tuple[int | str, ...] = ()

    @property
    def profile_id(self) -> str:
        return str(uuid.UUID(bytes=self.key))

    def __repr__(self) -> str:
        return f"Profile(profile_id={self.profile_id!r}, customer_user_id={self.customer_user_id!r})"


class ProfileStore:
    """Profiles by id and by customer user id; writes are serialised by a lock, so none is lost.

    The server runs one event loop and never awaits inside a write, so the lock only matters to callers on
    other threads (tests, an embedding application); uncontended it costs well under a microsecond.
    """

    def __init__(self, keys: tuple[str, ...] = IDENTIFIER_KEYS) -> None:
        self.keys = keys
        self._slot = {key: i for i, key in enumerate(keys)}
        self._by_id: dict[bytes, Profile] = {}
        self._by_customer: dict[str, Profile] = {}
        self._lock = threading.Lock()

    @classmethod
    def with_default_profile(
        cls, profile_id: str = DEFAULT_PROFILE_ID, customer_user_id: str | None = DEFAULT_CUSTOMER_USER_ID
    ) -> ProfileStore:
        """A store holding the one seeded test profile (both ids on the same profile)."""
        store = cls()
        store.add(profile_id, customer_user_id)
        return store

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Profile]:
        return iter(list(self._by_id.values()))

    def add(
        self,
        profile_id: str,
        customer_user_id: str | None = None,
        identifiers: Mapping[str, str | None] | None = None,
    ) -> Profile:
        """Create a profile; ValueError for a malformed UUID, a duplicate id, or a bad identifier."""
        key = parse_profile_id(profile_id) if isinstance(profile_id, str) else None
        if key is None:
            raise ValueError(f"profile_id must be a UUID (8-4-4-4-12 hex digits), got {profile_id!r}")
        if customer_user_id is not None and (not isinstance(customer_user_id, str) or not customer_user_id):
            raise ValueError("customer_user_id must be a non-empty string or null")
        changes = self._checked(identifiers or {})
        profile = Profile(key, customer_user_id)
        with self._lock:
            if key in self._by_id:
                raise ValueError(f"duplicate profile_id {profile.profile_id}")
            if customer_user_id is not None and customer_user_id in self._by_customer:
                raise ValueError(f"duplicate customer_user_id {customer_user_id!r}")
            self._by_id[key] = profile
            if customer_user_id is not None:
                self._by_customer[customer_user_id] = profile
            self._write(profile, changes)
        return profile

    def find_by_profile_id(self, profile_id: str) -> Profile | None:
        key = parse_profile_id(profile_id)
        return None if key is None else self._by_id.get(key)

    def find_by_customer_user_id(self, customer_user_id: str) -> Profile | None:
        return self._by_customer.get(customer_user_id)

    def snapshot(self, profile: Profile) -> dict[str, str | None]:
        """All identifier keys of a profile, None where unset (a copy: later writes do not show in it)."""
        result: dict[str, str | None] = dict.fromkeys(self.keys)
        result.update(self._set_values(profile))
        return result

    def update(self, profile: Profile, changes: Mapping[str, str | None]) -> None:
        """Set the given identifiers (None clears one) and keep the others: the API *adds* identifiers."""
        checked = self._checked(changes)
        with self._lock:
            self._write(profile, checked)

    def _set_values(self, profile: Profile) -> dict[str, str]:
        pairs = profile.pairs  # read once: a write replaces the tuple, never mutates it
        keys = self.keys
        return {keys[cast(int, pairs[i])]: cast(str, pairs[i + 1]) for i in range(0, len(pairs), 2)}

    def _write(self, profile: Profile, changes: dict[int, str | None]) -> None:
        if not changes:
            return
        pairs = profile.pairs
        current = {cast(int, pairs[i]): cast(str, pairs[i + 1]) for i in range(0, len(pairs), 2)}
        for slot, value in changes.items():
            if value is None:
                current.pop(slot, None)
            else:
                current[slot] = value
        flat: list[int | str] = []
        for slot in sorted(current):
            flat += (slot, current[slot])
        profile.pairs = tuple(flat)

    def _checked(self, changes: Mapping[str, str | None]) -> dict[int, str | None]:
        checked: dict[int, str | None] = {}
        for name, value in changes.items():
            slot = self._slot.get(name)
            if slot is None:
                raise ValueError(f"unknown identifier {name!r}")
            if value is not None and not (isinstance(value, str) and is_unicode_text(value)):
                raise ValueError(f"identifier {name!r} must be a Unicode string or null")
            checked[slot] = value
        return checked


_ENTRY_FIELDS = frozenset({"profile_id", "customer_user_id", "identifiers"})


def load_profiles(path: Path | str, store: ProfileStore) -> int:
    """Add the profiles listed in a JSON or YAML file to `store`; any problem is a one-line UserError.

    The file is a list of {profile_id, customer_user_id?, identifiers?}. Returns how many were added.
    JSON is streamed: read in 1 MiB chunks and decoded one entry at a time, so seeding 100,000 profiles
    holds neither the whole text (~18 MB) nor all entries as dicts (~60 MB) next to the store. YAML (for
    small hand-written files) is parsed whole.
    """
    where = f"--profiles {path}"
    try:
        with open(path, encoding="utf-8") as fh:
            entries = _json_array_items(fh)
            try:
                first = next(entries, _END)
            except UnicodeDecodeError:
                raise
            except ValueError:  # not a JSON array (YAML, or a broken file): YAML reads it or says why not
                first = _NOT_JSON
            if first is not _NOT_JSON:
                count = 0
                try:
                    for count, entry in enumerate(itertools.chain(() if first is _END else (first,), entries), 1):
                        _add_entry(store, entry, f"{where}: entry {count}")
                except UnicodeDecodeError:
                    raise
                except ValueError as exc:
                    raise UserError(f"{where}: not valid JSON after entry {count}: {_one_line(exc)}") from None
                return count
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{where}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{where}: cannot read: {_one_line(exc)}") from None
    count = 0
    for count, entry in enumerate(_yaml_items(text, path), 1):
        _add_entry(store, entry, f"{where}: entry {count}")
    return count


_END = object()
_NOT_JSON = object()
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_CHUNK = 1024 * 1024


def _json_array_items(fh: TextIO) -> Iterator[Any]:
    """The items of a top-level JSON array in a text file, decoded one at a time; ValueError if malformed.

    A buffer of at most a few chunks; an item cut by a chunk boundary fails to decode (or, for a bare
    number, decodes up to the buffer's end) and is decoded again once the next chunk is in.
    """
    decoder = json.JSONDecoder()
    buf, pos, eof = "", 0, False

    def more() -> bool:
        nonlocal buf, pos, eof
        chunk = "" if eof else fh.read(_CHUNK)
        if not chunk:
            eof = True
            return False
        buf, pos = buf[pos:] + chunk, 0
        return True

    def peek() -> str:
        """Skip whitespace; the next character, or "" at the end of the file."""
        nonlocal pos
        while True:
            pos = _WHITESPACE.match(buf, pos).end()  # type: ignore[union-attr]
            if pos < len(buf):
                return buf[pos]
            if not more():
                return ""

    if peek() != "[":
        raise ValueError("not a JSON array")
    pos += 1
    if peek() == "]":
        pos += 1
    else:
        while True:
            peek()
            while True:
                try:
                    item, end = decoder.raw_decode(buf, pos)
                except json.JSONDecodeError:
                    if not more():
                        raise
                    continue
                if end == len(buf) and more():
                    continue
                break
            pos = end
            yield item
            following = peek()
            if following == "]":
                pos += 1
                break
            if following != ",":
                raise ValueError(f"expected ',' or ']', found {following[:1]!r}" if following else "unexpected end")
            pos += 1
    if peek() != "":
        raise ValueError("extra data after the list")


def _yaml_items(text: str, path: Path | str) -> Iterator[Any]:
    try:
        doc = yaml.load(text, Loader=_Loader)  # safe loader only
    except yaml.YAMLError as exc:
        raise UserError(f"--profiles {path}: not valid JSON or YAML: {_one_line(exc)}") from None
    if not isinstance(doc, list):
        raise UserError(f"--profiles {path}: expected a list of {{profile_id, customer_user_id?, identifiers?}}")
    return iter(doc)


def _add_entry(store: ProfileStore, entry: Any, where: str) -> None:
    if not isinstance(entry, dict):
        raise UserError(f"{where}: expected a mapping with profile_id")
    unknown = set(entry) - _ENTRY_FIELDS
    if unknown:
        raise UserError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    if "profile_id" not in entry:
        raise UserError(f"{where}: profile_id is required")
    identifiers = entry.get("identifiers")
    if identifiers is not None and not isinstance(identifiers, dict):
        raise UserError(f"{where}: identifiers must be a mapping of identifier -> string or null")
    try:
        store.add(entry["profile_id"], entry.get("customer_user_id"), identifiers)
    except ValueError as exc:
        raise UserError(f"{where}: {_one_line(exc)}") from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
