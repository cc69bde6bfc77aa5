"""Errors that end a command with a one-line message (no traceback)."""

from __future__ import annotations


def printable(text: str) -> str:
    """``text`` with unprintable characters (newlines, escapes, bidi controls) written as
    ``\\x..``/``\\u....`` escapes: a message stays one line, and a hostile file name cannot
    forge further lines or drive the terminal."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


class TeikitError(Exception):
    """A problem with an input or an option, reported as ``file:line:col: error: message``.

    ``exit_code`` follows the CLI convention: 1 for a failed document, 2 for usage or I/O.
    """

    def __init__(self, message: str, file: str | None = None, line: int = 0, col: int = 0,
                 exit_code: int = 1, rule: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.col = col
        self.exit_code = exit_code
        self.rule = rule

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line:
                where += f":{self.line}"
                if self.col:
                    where += f":{self.col}"
            where += ": "
        return printable(f"{where}error: {self.message}")


class UsageError(TeikitError):
    def __init__(self, message: str, file: str | None = None) -> None:
        super().__init__(message, file=file, exit_code=2)
