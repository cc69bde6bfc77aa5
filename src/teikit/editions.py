"""Editions on disk: a fingerprint of what teikit wrote, so hand edits are never lost.

teikit stamps each edition it writes with a processing instruction right after the XML
declaration::

    <?teikit-fingerprint sha256=…?>

The hash covers every byte after that line.  When an edition is about to be rewritten and
its bytes no longer match their fingerprint (or the fingerprint is gone), an editor has
changed it: teikit refuses to overwrite it unless ``--force`` is given.  The fingerprint lives
in the file itself, so it travels with the edition through copies and version control.
"""

from __future__ import annotations

import hashlib
import re
from enum import Enum
from pathlib import Path

from teikit.errors import TeikitError
from teikit.xmlio import atomic_write

#: An edition id is an XML NCName (it becomes ``TEI/@xml:id``) that is also a safe file name:
#: a letter or "_" first, then letters, digits, ".", "-", "_" — no "/", no "..", no spaces.
_EDITION_ID = re.compile(r"[^\W\d][\w.\-]*")
#: File systems limit a name to 255 bytes; keep room for ".xml" and the temporary prefix.
MAX_ID_BYTES = 200

_DECL = b"<?xml version='1.0' encoding='UTF-8'?>\n"
_PI = re.compile(rb"\A(<\?xml[^>]*\?>\n)<\?teikit-fingerprint sha256=([0-9a-f]{64})\?>\n")


class State(Enum):
    ABSENT = "absent"
    PRISTINE = "pristine"  # as teikit wrote it
    EDITED = "edited"      # changed since, or not written by teikit


def stamp(data: bytes) -> bytes:
    """Insert the fingerprint PI after the XML declaration of ``data``."""
    if not data.startswith(_DECL):
        raise ValueError("edition must start with teikit's XML declaration")
    rest = data[len(_DECL):]
    digest = hashlib.sha256(rest).hexdigest()
    return _DECL + f"<?teikit-fingerprint sha256={digest}?>\n".encode() + rest


def state_of(data: bytes | None) -> State:
    if data is None:
        return State.ABSENT
    match = _PI.match(data)
    if not match:
        return State.EDITED
    rest = data[match.end():]
    return State.PRISTINE if hashlib.sha256(rest).hexdigest() == match.group(2).decode() \
        else State.EDITED


def read_state(path: Path) -> State:
    try:
        return state_of(path.read_bytes())
    except FileNotFoundError:
        return State.ABSENT


def check_edition_id(doc_id: str, file: str | None = None) -> str:
    """``doc_id`` if it can name an edition; else a one-line error (never a path)."""
    if not _EDITION_ID.fullmatch(doc_id) or len(doc_id.encode()) > MAX_ID_BYTES:
        raise TeikitError(f"edition id {doc_id!r} is not usable: it must be an XML name "
                          "(a letter first, then letters, digits, '.', '-', '_'; at most "
                          f"{MAX_ID_BYTES} bytes)", file=file, exit_code=2, rule="edition-id")
    return doc_id


def edition_path(folder: Path, doc_id: str, file: str | None = None) -> Path:
    """Where the edition ``doc_id`` lives in ``folder``: always directly inside it."""
    return Path(folder) / f"{check_edition_id(doc_id, file)}.xml"


def write_edition(path: Path, data: bytes, force: bool = False) -> str:
    """Write a stamped edition; return "written", "unchanged" or raise if hand-edited."""
    stamped = stamp(data)
    if path.is_symlink():
        # never read or write through a link: it may point anywhere
        if not force:
            raise TeikitError("is a symbolic link; not replaced (use --force to replace the "
                              "link with the edition)", file=str(path), rule="hand-edited")
        atomic_write(path, stamped)
        return "written"
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        old = None
    except OSError as e:
        raise TeikitError(f"cannot replace: {e.strerror}", file=str(path),
                          exit_code=2) from None
    if old == stamped:
        return "unchanged"
    if state_of(old) is State.EDITED and not force:
        raise TeikitError("edited since teikit wrote it; not overwritten "
                          "(use --force to replace it)", file=str(path), rule="hand-edited")
    atomic_write(path, stamped)
    return "written"
