"""RFC 6901 JSON pointer tokens: the one place that knows `~` and `/` are escaped as `~0` and `~1`."""

from __future__ import annotations


def escape(token: str) -> str:
    """A key as a pointer token (`~` first, so an escaped `/` is not escaped twice)."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """A pointer token back to its key (`~1` first, so `~01` stays `~1`)."""
    return token.replace("~1", "/").replace("~0", "~")
