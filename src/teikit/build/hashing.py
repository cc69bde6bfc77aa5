"""Content hashes with an (mtime_ns, size) cache, and the digests of teikit's own inputs.

A file whose modification time and size are those recorded at the last build is not read
again: its recorded hash stands.  That is what makes a build with nothing to do cost a
``stat`` per file (the same trade-off make, git and Sphinx make).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from teikit import __version__

PACKAGE = Path(__file__).resolve().parents[1]


def key(*parts: object) -> str:
    """A short stable hash of JSON-able values (a build key)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


class Hashes:
    """sha256 of files, remembered by (mtime_ns, size) from one build to the next."""

    def __init__(self, recorded: dict[str, list] | None = None) -> None:
        self.recorded = recorded or {}
        self.used: dict[str, list] = {}   # what the next state records

    def of(self, path: Path) -> str | None:
        """The file's sha256, or None when it does not exist."""
        name = str(path)
        try:
            st = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            return None
        old = self.recorded.get(name)
        if old and old[0] == st.st_mtime_ns and old[1] == st.st_size:
            self.used[name] = old
            return old[2]
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        self.used[name] = [st.st_mtime_ns, st.st_size, digest]
        return digest

    def of_files(self, paths: list[Path]) -> str:
        return key([(p.name, self.of(p)) for p in paths])


def _files_under(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")))
        out.extend(Path(dirpath) / f for f in sorted(filenames) if f.endswith(suffixes))
    return out


def code_digest(hashes: Hashes) -> str:
    """teikit's version and its Python code: a changed reader or renderer redoes the
    documents even when the version number stayed the same (as in a development tree)."""
    files = _files_under(PACKAGE, (".py",))
    return key(__version__, [(str(p.relative_to(PACKAGE)), hashes.of(p)) for p in files])


def folder_digest(hashes: Hashes, folder: Path | None) -> str:
    if folder is None or not folder.is_dir():
        return ""
    return key([(str(p.relative_to(folder)), hashes.of(p))
                for p in _files_under(folder, ("",))])
