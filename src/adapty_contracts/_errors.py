"""Errors that the command line reports as one line, without a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or environment (exit code 2 unless stated otherwise)."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code
