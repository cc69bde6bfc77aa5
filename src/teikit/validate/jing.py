"""jing (James Clark's RelaxNG validator), when installed: the fallback for documents that
libxml2 cannot validate in reasonable time, and the reference the agreement tests compare
teikit's verdicts with."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from teikit.diagnostics import Diagnostic

_LINE = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|fatal): (.*)$")


def available() -> bool:
    return shutil.which("jing") is not None


def run(schema: Path, files: list[Path]) -> tuple[int, list[tuple[str, int, int, str, str]]]:
    """Run jing once on ``files``; (exit code, [(file, line, col, severity, message)])."""
    proc = subprocess.run(["jing", str(schema), *map(str, files)], capture_output=True,
                          text=True, check=False)
    out = []
    for line in (proc.stdout + proc.stderr).splitlines():
        if m := _LINE.match(line):
            sev = "error" if m.group(4) != "warning" else "warning"
            out.append((m.group(1), int(m.group(2)), int(m.group(3)), sev, m.group(5)))
    return proc.returncode, out


def validate(schema: Path, file: Path, rule: str) -> list[Diagnostic]:
    _, found = run(schema, [file])
    return [Diagnostic(str(file), line, col, sev, msg, rule)
            for _, line, col, sev, msg in found]
