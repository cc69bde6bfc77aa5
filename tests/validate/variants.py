"""Invalid variants of the valid fixture editions, built from the tables in
fixtures/invalid/*.tsv (one changed line each, with the line the problem must be reported
at)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID = sorted((FIXTURES / "valid").glob("*.xml"))


@dataclass
class Variant:
    id: str
    base: str
    line: int
    find: str
    replace: str
    expect: int
    rule: str = ""

    def text(self) -> str:
        lines = (FIXTURES / "valid" / self.base).read_text(encoding="utf-8").split("\n")
        target = lines[self.line - 1]
        if self.find not in target:
            raise AssertionError(f"{self.id}: {self.find!r} not on line {self.line}")
        lines[self.line - 1] = target.replace(self.find, self.replace, 1)
        return "\n".join(lines)

    def write(self, folder: Path) -> Path:
        path = folder / f"{Path(self.base).stem}--{self.id}.xml"
        path.write_text(self.text(), encoding="utf-8")
        return path


def load(table: str) -> list[Variant]:
    rows = (FIXTURES / "invalid" / table).read_text(encoding="utf-8").splitlines()
    reader = csv.DictReader((r for r in rows if not r.startswith("#")), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    return [Variant(r["id"], r["base"], int(r["line"]), r["find"], r["replace"] or "",
                    int(r["expect"]), r.get("rule") or "") for r in reader]
