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


def read_text_input(name: str, *, encoding: str = "utf-8") -> str:
    """The text of a user's input file, or an :class:`InputError` naming it: not found, or not UTF-8 (``encoding``
    ``utf-8`` or ``utf-8-sig``) with the reason and the byte."""
    try:
        with open(name, encoding=encoding) as stream:
            return stream.read()
    except FileNotFoundError:
        raise InputError(name, "file not found") from None
    except UnicodeDecodeError as problem:
        raise InputError(name, f"not UTF-8 text ({problem.reason} at byte {problem.start})") from None
