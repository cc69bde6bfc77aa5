"""jing (James Clark's RelaxNG validator), when installed: the fallback for documents that
libxml2 cannot validate in reasonable time (``--header-limit``), and the reference the
agreement tests and benchmarks/validate_bench.py compare teikit's verdicts with."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from teikit.diagnostics import Diagnostic

_LINE = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|fatal): (.*)$")
#: where Debian's jing package keeps its jars (its /usr/bin/jing wrapper adds Xerces'
#: XInclude configuration, which expands xi:include: teikit validates files as they stand)
_JARS = Path("/usr/share/java")
_CLASSPATH = ("jing.jar", "xercesImpl.jar", "xml-resolver.jar")
_DRIVER = "com.thaiopensource.relaxng.util.Driver"


def available() -> bool:
    return shutil.which("jing") is not None


def command(xinclude: bool = True) -> list[str]:
    """How to start jing; ``xinclude=False`` runs its driver class directly, without the
    Debian wrapper's XInclude expansion, when the jars and ``java`` are there."""
    if not xinclude and shutil.which("java") and (_JARS / "jing.jar").is_file():
        jars = [str(_JARS / j) for j in _CLASSPATH if (_JARS / j).is_file()]
        return ["java", "-cp", ":".join(jars), _DRIVER]
    return ["jing"]


def run(schema: Path, files: list[Path], xinclude: bool = True
        ) -> tuple[int, list[tuple[str, int, int, str, str]]]:
    """Run jing once on ``files`` (one JVM); (exit code, [(file, line, col, severity,
    message)])."""
    proc = subprocess.run([*command(xinclude), str(schema), *map(str, files)],
                          capture_output=True, text=True, check=False)
    out = []
    for line in (proc.stdout + proc.stderr).splitlines():
        if m := _LINE.match(line):
            sev = "error" if m.group(4) != "warning" else "warning"
            out.append((m.group(1), int(m.group(2)), int(m.group(3)), sev, m.group(5)))
    return proc.returncode, out


def first_error_lines(schema: Path, files: list[Path], xinclude: bool = False
                      ) -> dict[Path, int | None]:
    """For each file (resolved path), the line of jing's first error, None if valid."""
    _, found = run(schema, files, xinclude)
    first: dict[Path, int | None] = {Path(f).resolve(): None for f in files}
    for name, line, _, severity, _ in found:
        key = Path(name).resolve()
        if severity == "error" and first.get(key) is None:
            first[key] = line
    return first


def validate(schema: Path, file: Path, rule: str) -> list[Diagnostic]:
    _, found = run(schema, [file])
    return [Diagnostic(str(file), line, col, sev, msg, rule)
            for _, line, col, sev, msg in found]


#: libxml2 says an element "is incomplete" at its start tag, jing at its end tag.
INCOMPLETE = "is incomplete"


def end_tag_line(text: str, line: int, col: int) -> int:
    """The line on which the element whose start tag is at (line, col) of ``text`` ends:
    where jing reports a missing child (for comparing teikit's first error with jing's)."""
    at = sum(len(x) + 1 for x in text.split("\n")[:line - 1]) + col - 1
    name = re.match(r"<([^\s/>]+)", text[at:]).group(1)
    depth = 0
    for m in re.compile(r"<(/?)" + re.escape(name) + r"(?=[\s/>])[^>]*?(/?)>").finditer(text, at):
        depth += -1 if m.group(1) else 0 if m.group(2) else 1
        if depth <= 0:
            return text.count("\n", 0, m.end()) + 1
    return line
