"""What a build shows while it runs and when it ends.

On a terminal: one line redrawn in place (``\\r``) with a bar, the count and the document at
hand.  Otherwise (a log, CI): one plain line per document.  ``--quiet``: nothing but the
failures.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from teikit.diagnostics import Diagnostic

BAR = 24


class Progress:
    def __init__(self, stream: TextIO | None = None, quiet: bool = False,
                 verbose: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.verbose = verbose
        self.tty = not quiet and bool(getattr(self.stream, "isatty", lambda: False)())
        self.total = 0
        self.done = 0
        self._drawn = False

    def expect(self, n: int) -> None:
        self.total += n

    def message(self, line: str) -> None:
        """A line of its own (a warning, a note), above the bar."""
        if self.quiet:
            return
        self._clear()
        print(line, file=self.stream, flush=True)

    def advance(self, name: str, what: str) -> None:
        self.done += 1
        if self.quiet:
            return
        if self.tty:
            filled = BAR * self.done // max(self.total, 1)
            line = f"[{'#' * filled}{'.' * (BAR - filled)}] {self.done}/{self.total} {name}"
            self.stream.write("\r" + line[:100].ljust(100))
            self.stream.flush()
            self._drawn = True
        else:
            print(f"[{self.done}/{self.total}] {name}: {what}", file=self.stream, flush=True)

    def finish(self) -> None:
        self._clear()

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()
            self._drawn = False


@dataclass
class Summary:
    documents: int = 0
    converted: int = 0
    validated: int = 0
    rendered: int = 0
    up_to_date: int = 0
    failed: int = 0
    pages_written: int = 0
    times: dict[str, float] = field(default_factory=dict)
    wall: float = 0.0
    failures: list[tuple[str, list[Diagnostic]]] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)

    def add_time(self, stage: str, seconds: float) -> None:
        self.times[stage] = self.times.get(stage, 0.0) + seconds

    def lines(self) -> list[str]:
        stages = ", ".join(f"{s} {self.times[s]:.2f} s" for s in
                           ("plan", "convert", "validate", "render", "pages")
                           if s in self.times)
        return [f"teikit: {self.documents} document(s): {self.converted} converted, "
                f"{self.validated} validated, {self.rendered} rendered, {self.up_to_date} "
                f"up to date, {self.failed} failed; {self.pages_written} page(s) written",
                f"teikit: CPU time per stage (summed over workers): {stages}; "
                f"{self.wall:.2f} s in all"]

    def failure_lines(self) -> list[str]:
        out = []
        for name, diags in self.failures:
            out.append(f"teikit: FAILED {name}")
            out.extend(f"  {d.format()}" for d in diags
                       if d.severity in ("error", "warning"))
        return out
