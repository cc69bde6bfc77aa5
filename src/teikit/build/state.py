"""What the last build did, kept in ``<output>/.teikit-build/state.json``.

The file holds, for each source, the edition it produced and the key of that conversion;
for each edition, the keys of its validation and rendering, the units it yielded (with the
metadata the index and persons pages need) and the output files written with their sizes;
for each corpus page and each book (EPUB, PDFs), its key; and the (mtime_ns, size, sha256)
of every input seen.

It is written once at the end of a build, atomically, with sorted keys and no clock: the same
files give the same bytes.  A missing or unreadable state just means "build everything".
"""

from __future__ import annotations

import json
from pathlib import Path

FOLDER = ".teikit-build"
#: 2: the books' records moved from ``pages`` to ``books`` (a state of format 1 is read as
#: none: the next build makes everything once).
FORMAT = 2


def folder(output: Path) -> Path:
    return output / FOLDER


def path(output: Path) -> Path:
    return folder(output) / "state.json"


def empty() -> dict:
    return {"format": FORMAT, "files": {}, "sources": {}, "editions": {}, "pages": {},
            "books": {}}


def load(output: Path) -> dict:
    try:
        data = json.loads(path(output).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return empty()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return empty()
    return {**empty(), **data}


def save(output: Path, state: dict) -> None:
    from teikit.xmlio import atomic_write  # lxml: only when there is something to save
    text = json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    atomic_write(path(output), text.encode("utf-8") + b"\n")
