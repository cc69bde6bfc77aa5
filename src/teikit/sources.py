"""Reading source files: bytes → text, with the encoding decided openly.

Archive exports arrive as UTF-8, sometimes with a byte-order mark, as UTF-16, or as Windows
cp1252.  UTF-8 is tried first; text that is not UTF-8 and contains no UTF-8 multi-byte
sequence is read as cp1252 with a warning (never silently).  Text that is UTF-8 up to a broken
sequence is an error naming the position, because guessing would produce mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError
from teikit.files import read_bytes

#: Largest source teikit reads; beyond this it is almost certainly not a single document.
MAX_SOURCE_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class SourceText:
    """A decoded source: text with ``\\n`` line ends, and what decoding had to say."""

    name: str
    text: str
    encoding: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def decode(data: bytes, name: str) -> SourceText:
    """Decode ``data`` (the bytes of the file called ``name``); raise on unusable input."""
    if not data.strip():
        raise TeikitError("empty source (no text to convert)", file=name)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise TeikitError(f"invalid {enc} after its byte-order mark "
                                  f"(byte offset {e.start + len(bom)})", file=name) from None
            return _finish(name, text, enc, [])
    if b"\x00" in data[:4096]:
        raise TeikitError("binary file (NUL bytes); expected UTF-8 text", file=name)
    try:
        return _finish(name, data.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError as e:
        head = data[: e.start]
        if any(b >= 0x80 for b in head):
            line, col = _position(data, e.start)
            raise TeikitError(f"invalid UTF-8 byte 0x{data[e.start]:02x} in a UTF-8 text "
                              "(truncated or corrupted file)", file=name, line=line,
                              col=col) from None
        line, col = _position(data, e.start)
    text = data.decode("cp1252", errors="strict") if _is_cp1252(data) else data.decode("latin-1")
    enc = "cp1252" if _is_cp1252(data) else "latin-1"
    warn = Diagnostic(name, line, col, "warning",
                      f"not UTF-8: decoded as {enc}; check the characters and save the "
                      "source as UTF-8", "source-encoding")
    return _finish(name, text, enc, [warn])


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


#: Control characters other than newline and tab, and the noncharacters U+FFFE/U+FFFF:
#: XML 1.0 cannot hold them (one regex scan, not a Python loop).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
#: Bidirectional embedding, override and isolate controls: legitimate in right-to-left text,
#: but they can make a line display differently from what it says ("Trojan Source").
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _line_col(text: str, i: int) -> tuple[int, int]:
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


def _finish(name: str, text: str, enc: str, diags: list[Diagnostic]) -> SourceText:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TeikitError("empty source (only whitespace)", file=name)
    found = _CONTROL.search(text)
    bad = found.start() if found else None
    if bad is not None:
        line, col = _line_col(text, bad)
        kind = "control character" if text[bad] < "\x80" else "character"
        raise TeikitError(f"{kind} U+{ord(text[bad]):04X} in the text; not a plain-text "
                          "source (XML cannot hold it)", file=name, line=line, col=col)
    found = _BIDI_CONTROLS.search(text)
    if found is not None:
        bidi = found.start()
        line, col = _line_col(text, bidi)
        diags = diags + [Diagnostic(
            name, line, col, "warning", f"bidirectional control U+{ord(text[bidi]):04X} in "
            "the text: kept, but it can make the line display in another order than it is "
            "stored; check it", "source-bidi")]
    return SourceText(name, text, enc, diags)


def read_source(path: Path) -> SourceText:
    """Read and decode the file at ``path``."""
    return decode(read_bytes(path, MAX_SOURCE_BYTES), str(path))
