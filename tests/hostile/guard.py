"""Watching a teikit run from outside: what it read, wrote, connected to and used.

``Outside`` is a folder beside the project holding a secret file, watched with inotify (so
even libxml2's own opens are seen), and a listening socket on 127.0.0.1 that hostile inputs
point their ``http://`` references at: after the run it must have received nothing.
``run_teikit`` runs the command through ``sandbox.py`` and returns a ``Run`` whose methods
state the guarantees of the security model (docs/security.md).
"""

from __future__ import annotations

import ctypes
import json
import mimetypes
import os
import re
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from support import ROOT

SANDBOX = Path(__file__).with_name("sandbox.py")
TOKEN = "TEIKIT-SECRET-7f3a9c"
_IN_ACCESS, _IN_OPEN = 0x1, 0x20
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


class Outside:
    """A secret file and a listening socket that no teikit run may touch."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.secret = folder / "secret.txt"
        self.secret.write_text(f"{TOKEN}\n", encoding="utf-8")
        self.secret_url = self.secret.as_uri()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self._listener.setblocking(False)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/entity.xml"
        self._inotify = _watch(folder)

    def touched(self) -> list[str]:
        """What happened to the outside since it was made (empty: nothing)."""
        seen = []
        try:
            conn, _ = self._listener.accept()
            conn.close()
            seen.append(f"connection to {self.url}")
        except BlockingIOError:
            pass
        if self._inotify is not None:
            try:
                if os.read(self._inotify, 65536):
                    seen.append(f"file opened or read in {self.folder}")
            except BlockingIOError:
                pass
        return seen

    def close(self) -> None:
        self._listener.close()
        if self._inotify is not None:
            os.close(self._inotify)


def _watch(folder: Path) -> int | None:
    """An inotify descriptor reporting opens and reads in ``folder`` (None off Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
    except (OSError, AttributeError):
        return None
    if fd < 0 or libc.inotify_add_watch(fd, os.fsencode(folder), _IN_OPEN | _IN_ACCESS) < 0:
        return None
    return fd


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: str
    events: list[list] = field(default_factory=list)
    peak_kb: int = 0
    cwd: Path = Path(".")

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()

    def _abs(self, p: str) -> Path:
        return Path(os.path.normpath(self.cwd / p))

    def writes(self) -> list[Path]:
        out = []
        for ev in self.events:
            if len(ev) > 1 and isinstance(ev[1], int):
                continue  # an operation on an open descriptor (fchmod): its open was logged
            if ev[0] == "open" and (ev[2] and set(ev[2]) & set("wax+")
                                   or ev[2] is None and ev[3] & _WRITE_FLAGS):
                out.append(self._abs(ev[1]))
            elif ev[0] in ("os.rename", "os.replace", "shutil.move", "shutil.copyfile"):
                out += [self._abs(ev[1]), self._abs(ev[2])]
            elif ev[0].startswith(("os.", "shutil.")):
                out.append(self._abs(ev[1]))
        return out

    def reads(self) -> list[Path]:
        return [self._abs(ev[1]) for ev in self.events if ev[0] == "open"]

    def refused(self) -> list[list]:
        return [ev for ev in self.events if ev[0] not in ("open", "peak-kb", "child")
                and not ev[0].startswith(("os.", "shutil."))]


#: teikit's own scripts, the only ones a page may hold (search box, documents index)
OWN_SCRIPTS = re.compile(r'<script src="assets/teikit-(?:search|browse)\.js" defer></script>')
#: pages that list documents rather than show one
LISTING = re.compile(r"^(index|persons|register|(person|place|org)-.*)\.html$")


#: teikit's own search box (templates/search-box.html): the sanitizer drops every form
#: a stylesheet makes, so this is the only one
OWN_FORM = re.compile(r'<form class="site-search" role="search" action="index.html" hidden>'
                      r'.*?</form>', re.DOTALL)


def without_own_scripts(text: str) -> str:
    return OWN_FORM.sub("", OWN_SCRIPTS.sub("", text))


def allowed_read_roots(*inputs: Path) -> list[Path]:
    """Inputs, the project checkout, the Python installation: nothing else may be opened."""
    roots = [ROOT, Path(sys.prefix), Path(sys.base_prefix), Path("/dev/null")]
    roots += [Path(f) for f in mimetypes.knownfiles]  # the standard library's MIME tables
    roots += [Path(p) for p in sys.path if p and Path(p).is_dir()]
    return [Path(os.path.realpath(r)) for r in roots] + [Path(i) for i in inputs]


def inside(path: Path, roots: list[Path]) -> bool:
    real = Path(os.path.realpath(path))
    return any(real == r or r in real.parents or path == r or r in path.parents
               for r in roots)


def run_teikit(args: list[str], cwd: Path, memory: int = 1 << 30,
               timeout: float = 120) -> Run:
    """``teikit ARGS`` in a sandboxed child process; its log is kept beside ``cwd``."""
    log = cwd.parent / f".sandbox-{os.getpid()}.log"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONDONTWRITEBYTECODE="1",
               TEIKIT_TEST_MEMORY=str(memory), http_proxy="", https_proxy="")
    proc = subprocess.run([sys.executable, str(SANDBOX), str(log), *args], cwd=cwd, env=env,
                          capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    events = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    log.unlink()
    peak = next((ev[1] for ev in events if ev[0] == "peak-kb"), 0)
    return Run(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"),
               events, int(peak), cwd)


def assert_contained(run: Run, outside: Outside, inputs: list[Path], output: Path | None,
                     extra_reads: tuple[Path, ...] = ()) -> None:
    """The guarantees every case keeps: nothing outside touched, nothing leaked."""
    assert outside.touched() == [], run.stderr
    assert run.refused() == [], f"network or process use: {run.refused()}"
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert TOKEN not in run.stderr and TOKEN.encode() not in run.stdout
    allowed = [output] if output is not None else []
    bad_writes = [w for w in run.writes() if not inside(w, allowed)]
    assert bad_writes == [], f"written outside {output}: {bad_writes}"
    roots = allowed_read_roots(*inputs, *extra_reads, *allowed)
    bad_reads = [r for r in run.reads() if not inside(r, roots)]
    assert bad_reads == [], f"read outside the inputs and the project: {bad_reads}"
    if output is not None and output.is_dir():
        for f in output.rglob("*"):
            if f.is_file() and not f.is_symlink():
                assert TOKEN.encode() not in f.read_bytes(), f
                assert not f.name.endswith(".tmp"), f"temporary file left: {f}"


def assert_one_line_error(run: Run, name: str, code: int | None = None,
                          words: str = "", where: str = "") -> None:
    """A failed command: non-zero exit, exactly one line, naming the file (and line:col)."""
    assert run.code != 0 if code is None else run.code == code, (run.code, run.stderr)
    assert len(run.lines) == 1, run.stderr
    line = run.lines[0]
    assert line.startswith(f"teikit: {name}{where}") and "error:" in line, line
    assert words in line, line
