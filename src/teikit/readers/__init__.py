"""Readers: one module per source format, each turning a decoded source into a
:class:`teikit.model.Document`.

A reader module provides ``NAME``, ``sniff(text) -> Sniff`` (how well the text fits its
layout, and why) and ``read(source, doc_id=None) -> Reading``.  ``auto`` picks the best
fitting reader; a text that fits none is read by the generic transcript reader with a
warning.

A Word document is no text: ``docx`` is read from the file's bytes
(:func:`teikit.readers.docx.read_bytes`), chosen by :func:`is_package` before any decoding.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType

from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError
from teikit.model import Document
from teikit.sources import SourceText

#: Registered readers, most specific first.
READERS = ("wilson", "frus", "transcript", "docx")

#: File name endings of Word packages, and the signatures that mark a file as one (a ZIP
#: package, or the OLE container of an encrypted document), whatever its name.
PACKAGE_SUFFIXES = (".docx", ".docm", ".dotx")
PACKAGE_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

#: A sniff score at which no other reader is asked.
CERTAIN = 0.9


@dataclass
class Sniff:
    """A reader's verdict on a text: ``score`` 0 (not this layout) … 1 (certainly)."""

    score: float
    reason: str


@dataclass
class Reading:
    """What a reader made of a source: the document, its diagnostics, and the part of the
    source text that the body must reproduce (``body_text``, starting at ``body_line``)."""

    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)
    body_text: str | None = None
    body_line: int = 1


def reader_module(name: str) -> ModuleType:
    if name not in READERS:
        raise TeikitError(f"unknown reader {name!r}; choose from {', '.join(READERS)}",
                          exit_code=2)
    return importlib.import_module(f"teikit.readers.{name}")


def is_package(data: bytes, name: str, wanted: str = "auto") -> bool:
    """Whether the file ``name`` holding ``data`` is read by the Word reader: asked for, or
    (reader ``auto``) named as a Word document or starting with a package signature."""
    if wanted == "docx":
        return True
    return wanted == "auto" and (name.lower().endswith(PACKAGE_SUFFIXES)
                                 or data.startswith(PACKAGE_SIGNATURES))


def choose(source: SourceText, wanted: str = "auto") -> tuple[ModuleType, str, list[Diagnostic]]:
    """Pick the reader for ``source``; return it, the reason, and any warning."""
    if wanted != "auto":
        mod = reader_module(wanted)
        verdict = mod.sniff(source.text)
        if verdict.score <= 0:
            raise TeikitError(f"--reader {wanted}: the text does not fit this layout "
                              f"({verdict.reason})", file=source.name)
        return mod, f"reader {wanted} (forced; {verdict.reason})", []
    verdicts = []
    for n in READERS:  # most specific first: a certain verdict ends the search
        verdicts.append((reader_module(n).sniff(source.text), n))
        if verdicts[-1][0].score >= CERTAIN:
            break
    best, name = max(verdicts, key=lambda v: v[0].score)
    if best.score >= 0.5:
        return reader_module(name), f"reader {name}: {best.reason}", []
    warn = Diagnostic(source.name, 1, 0, "warning",
                      "layout not recognised (no Wilson Center header, no FRUS document "
                      "head, no speaker labels); read as a generic transcript", "layout")
    reason = "reader transcript (fallback: layout not recognised)"
    return reader_module("transcript"), reason, [warn]
