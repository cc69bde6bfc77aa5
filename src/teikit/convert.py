"""Conversion of one source file: decode → choose reader → read → passes → TEI bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from teikit import conservation, passes, readers
from teikit.diagnostics import Diagnostic
from teikit.model import Document
from teikit.sources import SourceText, read_source
from teikit.writers import tei


@dataclass
class Conversion:
    document: Document
    data: bytes
    reason: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def convert_file(path: Path, reader: str = "auto", doc_id: str | None = None,
                 config: tei.Config | None = None) -> Conversion:
    return convert_source(read_source(path), reader, doc_id, config)


def convert_source(source: SourceText, reader: str = "auto", doc_id: str | None = None,
                   config: tei.Config | None = None) -> Conversion:
    """As :func:`convert_file`, for a source already read and decoded."""
    module, reason, diags = readers.choose(source, reader)
    reading = module.read(source, doc_id=doc_id)
    doc = reading.document
    doc.reader = module.NAME
    diags = source.diagnostics + diags + reading.diagnostics + passes.run_all(doc)
    root = tei.to_tree(doc, config)
    if reading.body_text is not None:
        lost = conservation.check(reading.body_text, reading.body_line, root, source.name)
        if lost:
            diags.append(lost)
    return Conversion(doc, tei.to_bytes(root), reason, diags)
