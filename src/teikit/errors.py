"""Errors that end a command with a one-line message (no traceback)."""

from __future__ import annotations


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
        return f"{where}error: {self.message}"


class UsageError(TeikitError):
    def __init__(self, message: str, file: str | None = None) -> None:
        super().__init__(message, file=file, exit_code=2)
