"""The mock's state: profiles, found by profile id (a UUID) or customer user id, and everything they hold.

Stored compactly (100,000 profiles with access levels, a subscription and identifiers in well under 150 MB): a
profile is a __slots__ object whose id is the UUID's 16 raw bytes, whose identifiers are a flat tuple of the ones
set, and whose lists (custom attributes, access levels, subscriptions, non-subscriptions) are each one JSON text
compressed with a preset dictionary (None while empty): inflated into responses as they are (~2 us), decoded only
to change them. Stored profile fields are one JSON-encoded `bytes`.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import uuid
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO, cast

import yaml

from adapty_contracts._errors import UserError
from adapty_contracts.mock._spec import IDENTIFIER_KEYS, default_spec, profile_schema

_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def encode_json(value: Any) -> bytes:
    """Compact UTF-8 JSON (no NaN): how the mock stores and answers JSON."""
    return _ENCODER.encode(value).encode("utf-8")


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


# The JSON lists a profile holds, each stored as one encoded `bytes` (None while empty).
LISTS = ("custom_attributes", "access_levels", "subscriptions", "non_subscriptions")


def _list_dictionary() -> bytes:
    """A zlib preset dictionary for the stored lists: their item keys (from the spec) and common values.

    With it an access level (~490 bytes of JSON) is stored in ~115 bytes and inflated in ~2 microseconds, which
    is what keeps 100,000 profiles with access levels and a subscription well under 150 MB.
    """
    props = profile_schema(default_spec()).get("properties") or {}
    keys = [
        name
        for list_name in LISTS
        for name in (((props.get(list_name) or {}).get("items") or {}).get("properties") or {})
    ]
    sample = '{"' + '":null,"'.join(dict.fromkeys(keys)) + '":null}' if keys else ""
    common = "app_store play_store stripe paddle adapty Production Sandbox premium false true +00:00 T00:00:00"
    return (common + sample).encode("utf-8")


_ZDICT = _list_dictionary()


def pack_list(raw: bytes) -> bytes:
    """A list's JSON, compressed with the preset dictionary (how profiles store their lists)."""
    packer = zlib.compressobj(6, zdict=_ZDICT)
    return packer.compress(raw) + packer.flush()


def unpack_list(packed: bytes) -> bytes:
    return zlib.decompressobj(zdict=_ZDICT).decompress(packed)


class Profile:
    """One profile: its UUID as 16 bytes, its customer user id, and only the state that is set.

    `pairs` is a flat tuple (slot, value, slot, value, ...) in slot order, empty while nothing is set: two
    identifiers cost one 80-byte tuple instead of a 16-slot list (the difference is 20 MB per 100,000).
    `fields` is the JSON object of the profile fields stored by create/update, the lists are JSON arrays,
    `revenue` the total revenue in USD, `refund` the refund-saver settings (consent, preference) once set.
    """

    __slots__ = (
        "access_levels",
        "custom_attributes",
        "customer_user_id",
        "fields",
        "key",
        "non_subscriptions",
        "pairs",
        "refund",
        "revenue",
        "subscriptions",
    )

    def __init__(self, key: bytes, customer_user_id: str | None) -> None:
        self.key = key
        self.customer_user_id = customer_user_id
        self.pairs: tuple[int | str, ...] = ()
        self.fields: bytes | None = None
        self.custom_attributes: bytes | None = None
        self.access_levels: bytes | None = None
        self.subscriptions: bytes | None = None
        self.non_subscriptions: bytes | None = None
        self.revenue: float = 0.0
        self.refund: tuple[bool | None, str | None] | None = None

    @property
    def profile_id(self) -> str:
        return str(uuid.UUID(bytes=self.key))

    def __repr__(self) -> str:
        return f"Profile(profile_id={self.profile_id!r}, customer_user_id={self.customer_user_id!r})"


_PROFILE_STATE = tuple(slot for slot in Profile.__slots__ if slot != "key")  # what a write may change


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
        self._saved: list[tuple[Profile, tuple[Any, ...]]] = []  # what `reset` restores (see `save`)

    @classmethod
    def with_default_profile(
        cls, profile_id: str = DEFAULT_PROFILE_ID, customer_user_id: str | None = DEFAULT_CUSTOMER_USER_ID
    ) -> ProfileStore:
        """A store holding the one seeded test profile (both ids on the same profile)."""
        store = cls()
        store.add(profile_id, customer_user_id)
        store.save()
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

    def save(self) -> None:
        """Remember the current profiles and their state as what `reset` restores (e.g. once seeded).

        A saved profile is kept as (the object, its slot values): the stored values are immutable (bytes, tuples,
        str), so the snapshot shares them and costs one tuple per profile.
        """
        with self._lock:
            self._saved = [(p, tuple(getattr(p, slot) for slot in _PROFILE_STATE)) for p in self._by_id.values()]

    def reset(self) -> None:
        """Back to the state of the last `save` (`with_default_profile` saves the seeded profile; a new store:
        empty): profiles created since are forgotten, deleted ones return, every change is undone. Microseconds
        for a few profiles (the pytest plugin resets before every test)."""
        by_id: dict[bytes, Profile] = {}
        by_customer: dict[str, Profile] = {}
        with self._lock:
            for profile, values in self._saved:
                for slot, value in zip(_PROFILE_STATE, values, strict=True):
                    setattr(profile, slot, value)
                by_id[profile.key] = profile
                if profile.customer_user_id is not None:
                    by_customer[profile.customer_user_id] = profile
            self._by_id, self._by_customer = by_id, by_customer

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

    # --- profiles as a resource: create, delete, lists, fields ------------------------------------------------------
    def create(self, profile_id: str | None, customer_user_id: str | None) -> tuple[Profile, bool]:
        """The profile with these ids, created when neither id is known: (profile, created).

        The profile id wins when both name existing profiles (as for lookups); ValueError when a new profile would
        take a customer user id that another profile holds, or `profile_id` is not a UUID.
        """
        with self._lock:
            found = None
            if profile_id:
                key = parse_profile_id(profile_id)
                if key is None:
                    raise ValueError("profile_id must be a UUID")
                found = self._by_id.get(key)
            elif customer_user_id:
                found = self._by_customer.get(customer_user_id)
            if found is not None:
                return found, False
            if customer_user_id and customer_user_id in self._by_customer:
                raise ValueError("customer_user_id belongs to another profile")
            key = parse_profile_id(profile_id) if profile_id else uuid.uuid4().bytes
            assert key is not None
            profile = Profile(key, customer_user_id or None)
            self._by_id[key] = profile
            if customer_user_id:
                self._by_customer[customer_user_id] = profile
            return profile, True

    def delete(self, profile: Profile) -> bool:
        """Forget a profile (both ids); False when it was already gone."""
        with self._lock:
            if self._by_id.get(profile.key) is not profile:
                return False
            del self._by_id[profile.key]
            if profile.customer_user_id is not None and self._by_customer.get(profile.customer_user_id) is profile:
                del self._by_customer[profile.customer_user_id]
            return True

    def get_list(self, profile: Profile, name: str) -> list[Any]:
        """One of the profile's lists (LISTS), decoded (a copy)."""
        packed = getattr(profile, name)
        return [] if packed is None else cast(list[Any], json.loads(unpack_list(packed)))

    def raw_list(self, profile: Profile, name: str) -> bytes:
        """One of the profile's lists as JSON text (bytes), ready to splice into a response."""
        packed: bytes | None = getattr(profile, name)
        return b"[]" if packed is None else unpack_list(packed)

    def modify(self, profile: Profile, change: Callable[[Profile], None]) -> None:
        """Run a read-modify-write of one profile under the store's lock, so concurrent writers lose nothing."""
        with self._lock:
            change(profile)

    def set_list(self, profile: Profile, name: str, items: list[Any]) -> None:
        """Store a list (call inside `modify` when it depends on the list's previous value)."""
        setattr(profile, name, pack_list(encode_json(items)) if items else None)

    def get_fields(self, profile: Profile) -> dict[str, Any]:
        return {} if profile.fields is None else cast(dict[str, Any], json.loads(profile.fields))

    def set_fields(self, profile: Profile, fields: dict[str, Any]) -> None:
        profile.fields = encode_json(fields) if fields else None

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


_ENTRY_FIELDS = frozenset(
    {"profile_id", "customer_user_id", "identifiers", "total_revenue_usd", "refund_saver", "fields", *LISTS}
)
_REFUND_FIELDS = ("consent", "custom_preference")
_STATE_KEYS = ("profiles", "paywalls", "virtual_currencies", "virtual_currency_balances")


class Seeds:
    """How seed entries are checked: each list item against the spec's schema for it (from `getProfile`), the
    refund-saver settings against the settings schema, paywalls against `getPaywall`'s 200 schema."""

    def __init__(self, schemas: Mapping[str, Any]) -> None:
        from jsonschema import Draft202012Validator

        self._validators = {
            name: Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            for name, schema in schemas.items()
            if isinstance(schema, dict) and schema
        }
        # jsonschema-rs (a schemathesis dependency) answers "valid" ~50x faster: 100,000 seeded profiles in
        # seconds. jsonschema stays the judge: it names the fault, and decides where the two disagree.
        self._fast: dict[str, Any] = {}
        try:
            import jsonschema_rs

            for name, schema in schemas.items():
                if name in self._validators:
                    self._fast[name] = jsonschema_rs.validator_for(schema, validate_formats=True)
        except Exception:  # not installed, or a schema it does not take: jsonschema alone
            self._fast = {}

    def check(self, name: str, value: Any, where: str) -> None:
        validator = self._validators.get(name)
        if validator is None:
            return
        fast = self._fast.get(name)
        if fast is not None and fast.is_valid(value):
            return
        from jsonschema.exceptions import best_match

        error = best_match(validator.iter_errors(value))
        if error is not None:
            at = "/".join(str(p) for p in error.absolute_path)
            raise UserError(f"{where}: {name}{'/' + at if at else ''}: {_one_line(error)[:200]}")


def load_profiles(path: Path | str, store: ProfileStore, seeds: Seeds | None = None) -> int:
    """Add the profiles listed in a JSON or YAML file to `store`; any problem is a one-line UserError.

    The file is a list of {profile_id, customer_user_id?, identifiers?, access_levels?, subscriptions?,
    non_subscriptions?, custom_attributes?, refund_saver?, total_revenue_usd?, fields?}. Returns how many were
    added. JSON is streamed: read in 1 MiB chunks and decoded one entry at a time, so seeding 100,000 profiles
    holds neither the whole text (~18 MB) nor all entries as dicts (~60 MB) next to the store. YAML (for
    small hand-written files) is parsed whole.
    """
    where = f"--profiles {path}"
    count = 0
    for count, (_, entry) in enumerate(_read_entries(path, where, _json_array_items, _yaml_list), 1):
        _add_entry(store, entry, f"{where}: entry {count}", seeds)
    return count


def load_state(
    path: Path | str,
    store: ProfileStore,
    paywalls: Any,
    seeds: Seeds | None = None,
    virtual_currency: Any = None,
) -> dict[str, int]:
    """Seed from a state file: a JSON or YAML mapping {profiles?: [profile entries], paywalls?: [paywalls],
    virtual_currencies?: [{code, name, starting_balance?}], virtual_currency_balances?: [{profile_id, balances}]}.

    Profiles are added to `store` (entries as for `load_profiles`); paywalls (each shaped like getPaywall's
    answer) replace the default set in `paywalls` (anything with `clear()` and `add(dict)`); currencies replace the
    default set and balances set a seeded profile's starting balances in `virtual_currency` (a
    `VirtualCurrencyStore`). The `profiles` list is streamed as in `load_profiles`. Returns how many of each were
    loaded (profiles and paywalls always, the others when present).
    """
    where = f"--state {path}"
    counts = {"profiles": 0, "paywalls": 0}
    for key, entry in _read_entries(path, where, _json_state_items, _yaml_state):
        counts[key] = counts.get(key, 0) + 1
        at = f"{where}: {key} entry {counts[key]}"
        if key == "profiles":
            _add_entry(store, entry, at, seeds)
            continue
        if key != "paywalls":
            if virtual_currency is None:
                raise UserError(f"{at}: this server keeps no virtual currency state")
            try:
                if key == "virtual_currency_balances":
                    virtual_currency.seed_balances(entry)
                    continue
                if counts[key] == 1:
                    virtual_currency.clear_currencies()
                virtual_currency.add_currency(entry)
            except ValueError as exc:
                raise UserError(f"{at}: {_one_line(exc)}") from None
            continue
        if counts[key] == 1:
            paywalls.clear()
        if not isinstance(entry, dict):
            raise UserError(f"{at}: expected a mapping with paywall_id")
        if seeds is not None:
            seeds.check("paywall", entry, at)
        try:
            paywalls.add(entry)
        except ValueError as exc:
            raise UserError(f"{at}: {_one_line(exc)}") from None
    if virtual_currency is not None:
        try:
            virtual_currency.check_seeds(lambda profile_id: store.find_by_profile_id(profile_id) is not None)
        except ValueError as exc:
            raise UserError(f"{where}: virtual_currency_balances: {_one_line(exc)}") from None
    return counts


def _read_entries(
    path: Path | str,
    where: str,
    streamed: Callable[[TextIO], Iterator[tuple[str, Any]]],
    from_yaml: Callable[[Any, str], Iterator[tuple[str, Any]]],
) -> Iterator[tuple[str, Any]]:
    """(key, entry) pairs of a seed file: JSON streamed, anything else read whole as YAML."""
    try:
        with open(path, encoding="utf-8") as fh:
            entries = streamed(fh)
            try:
                first = next(entries, _END)
            except UnicodeDecodeError:
                raise
            except ValueError:  # not JSON of that shape (YAML, or a broken file): YAML reads it or says why not
                first = _NOT_JSON
            if first is not _NOT_JSON:
                count = 0
                try:
                    for pair in itertools.chain(() if first is _END else (first,), entries):
                        yield cast(tuple[str, Any], pair)
                        count += 1
                except UnicodeDecodeError:
                    raise
                except ValueError as exc:
                    raise UserError(f"{where}: not valid JSON after entry {count}: {_one_line(exc)}") from None
                return
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{where}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{where}: cannot read: {_one_line(exc)}") from None
    try:
        doc = yaml.load(text, Loader=_Loader)  # safe loader only
    except yaml.YAMLError as exc:
        raise UserError(f"{where}: not valid JSON or YAML: {_one_line(exc)}") from None
    yield from from_yaml(doc, where)


def _yaml_list(doc: Any, where: str) -> Iterator[tuple[str, Any]]:
    if not isinstance(doc, list):
        raise UserError(f"{where}: expected a list of {{profile_id, customer_user_id?, identifiers?, ...}}")
    return (("profiles", entry) for entry in doc)


def _yaml_state(doc: Any, where: str) -> Iterator[tuple[str, Any]]:
    if not isinstance(doc, dict):
        raise UserError(f"{where}: expected a mapping {{profiles?: [...], paywalls?: [...], virtual_currencies?: ...}}")
    unknown = set(doc) - set(_STATE_KEYS)
    if unknown:
        raise UserError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    for key in _STATE_KEYS:
        if key in doc and not isinstance(doc[key], list):
            raise UserError(f"{where}: {key} must be a list")
    return ((key, entry) for key in _STATE_KEYS for entry in doc.get(key) or [])


_END = object()
_NOT_JSON = object()
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_CHUNK = 1024 * 1024


class _Reader:
    """A JSON text file decoded piece by piece: a buffer of at most a few chunks.

    A value cut by a chunk boundary fails to decode (or, for a bare number, decodes up to the buffer's end)
    and is decoded again once the next chunk is in.
    """

    def __init__(self, fh: TextIO) -> None:
        self.fh = fh
        self.decoder = json.JSONDecoder()
        self.buf, self.pos, self.eof = "", 0, False

    def more(self) -> bool:
        chunk = "" if self.eof else self.fh.read(_CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf, self.pos = self.buf[self.pos :] + chunk, 0
        return True

    def peek(self) -> str:
        """Skip whitespace; the next character, or "" at the end of the file."""
        while True:
            self.pos = _WHITESPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                item, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if not self.more():
                    raise
                continue
            if end == len(self.buf) and self.more():
                continue
            break
        self.pos = end
        return item

    def expect(self, char: str, what: str) -> None:
        found = self.peek()
        if found != char:
            raise ValueError(f"expected {what}, found {found[:1]!r}" if found else f"expected {what}")
        self.pos += 1

    def items(self) -> Iterator[Any]:
        """The items of the array starting here."""
        self.expect("[", "a JSON array")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            following = self.peek()
            if following == "]":
                self.pos += 1
                return
            if following != ",":
                raise ValueError(f"expected ',' or ']', found {following[:1]!r}" if following else "unexpected end")
            self.pos += 1

    def end(self, what: str) -> None:
        if self.peek() != "":
            raise ValueError(f"extra data after the {what}")


def _json_array_items(fh: TextIO) -> Iterator[tuple[str, Any]]:
    """("profiles", item) for the items of a top-level JSON array, decoded one at a time; ValueError if malformed."""
    reader = _Reader(fh)
    if reader.peek() != "[":
        raise ValueError("not a JSON array")
    for item in reader.items():
        yield "profiles", item
    reader.end("list")


def _json_state_items(fh: TextIO) -> Iterator[tuple[str, Any]]:
    """(key, item) for the items of each list of a top-level JSON object {profiles?: [...], paywalls?: [...], ...}."""
    reader = _Reader(fh)
    if reader.peek() != "{":
        raise ValueError("not a JSON object")
    reader.pos += 1
    if reader.peek() == "}":
        reader.pos += 1
    else:
        while True:
            key = reader.value()
            if key not in _STATE_KEYS:
                raise ValueError(f"unknown key {str(key)[:50]!r} (expected {', '.join(_STATE_KEYS)})")
            reader.expect(":", "':'")
            if reader.peek() != "[":
                raise ValueError(f"{key} must be a list")
            for item in reader.items():
                yield key, item
            following = reader.peek()
            if following == "}":
                reader.pos += 1
                break
            reader.expect(",", "',' or '}'")
    reader.end("object")


def _add_entry(store: ProfileStore, entry: Any, where: str, seeds: Seeds | None = None) -> None:
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
    lists = {}
    for name in LISTS:
        items = entry.get(name)
        if items is None:
            continue
        if not isinstance(items, list):
            raise UserError(f"{where}: {name} must be a list")
        if seeds is not None:
            for i, item in enumerate(items):
                seeds.check(name, item, f"{where}: {name}[{i}]")
        lists[name] = items
    revenue = entry.get("total_revenue_usd", 0.0)
    if isinstance(revenue, bool) or not isinstance(revenue, (int, float)):
        raise UserError(f"{where}: total_revenue_usd must be a number")
    refund = entry.get("refund_saver")
    if refund is not None:
        if not isinstance(refund, dict) or set(refund) - set(_REFUND_FIELDS):
            raise UserError(f"{where}: refund_saver must be a mapping of consent?, custom_preference?")
        if seeds is not None:
            seeds.check("refund_saver", refund, where)
    fields = entry.get("fields")
    if fields is not None and not isinstance(fields, dict):
        raise UserError(f"{where}: fields must be a mapping")
    try:
        profile = store.add(entry["profile_id"], entry.get("customer_user_id"), identifiers)
    except ValueError as exc:
        raise UserError(f"{where}: {_one_line(exc)}") from None
    for name, items in lists.items():
        store.set_list(profile, name, items)
    profile.revenue = float(revenue)
    if refund:
        profile.refund = (refund.get("consent"), refund.get("custom_preference"))
    if fields:
        store.set_fields(profile, fields)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
