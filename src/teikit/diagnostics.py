"""Problems as values: a position in a file, a severity, a message and a rule id.

Every command reports through these records so that text and JSON output, sorting and
deduplication behave the same everywhere (compare Pandoc's ``Logging`` and docutils'
``Reporter``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from teikit.errors import printable

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, pointing into a file. ``line``/``col`` are 1-based; 0 means unknown."""

    file: str
    line: int = 0
    col: int = 0
    severity: str = "error"
    message: str = ""
    rule: str = ""
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def format(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        rule = f" [{self.rule}]" if self.rule else ""
        return printable(f"{where}: {self.severity}: {self.message}{rule}")

    def as_dict(self) -> dict:
        d = asdict(self)
        d["extra"] = dict(self.extra)
        return d


def sort_unique(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file and position, exact repeats removed."""
    seen: set[tuple] = set()
    out = []
    for d in sorted(diags, key=lambda d: (d.file, d.line, d.col, d.severity, d.message)):
        key = (d.file, d.line, d.col, d.severity, d.message, d.rule)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def to_json(diags: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diags], ensure_ascii=False, indent=1)
