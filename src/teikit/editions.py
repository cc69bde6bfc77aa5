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


def write_edition(path: Path, data: bytes, force: bool = False) -> str:
    """Write a stamped edition; return "written", "unchanged" or raise if hand-edited."""
    stamped = stamp(data)
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        old = None
    if old == stamped:
        return "unchanged"
    if state_of(old) is State.EDITED and not force:
        raise TeikitError("edited since teikit wrote it; not overwritten "
                          "(use --force to replace it)", file=str(path), rule="hand-edited")
    atomic_write(path, stamped)
    return "written"
