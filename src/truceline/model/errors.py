"""Typed errors. Library code raises these; the CLI turns them into one clear line."""

from __future__ import annotations


class TrucelineError(Exception):
    """Base of every error a user can act on."""


class InputError(TrucelineError):
    """Bad user input, located as ``file:line: column: message``.

    ``line`` is 1-based and counts the header (the first data row of a CSV is line 2);
    it is ``None`` when the problem concerns the whole file (a missing column, say).
    """

    def __init__(self, path: str, message: str, *, line: int | None = None, column: str | None = None) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        where = path if line is None else f"{path}:{line}"
        what = message if column is None else f"{column}: {message}"
        super().__init__(f"{where}: {what}")
