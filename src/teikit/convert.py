"""Conversion of one source file: decode → choose reader → read → passes → TEI bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from teikit import passes, readers
from teikit.diagnostics import Diagnostic
from teikit.model import Document
from teikit.sources import read_source
from teikit.writers import tei


@dataclass
class Conversion:
    document: Document
    data: bytes
    reason: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def convert_file(path: Path, reader: str = "auto", doc_id: str | None = None,
                 config: tei.Config | None = None) -> Conversion:
    source = read_source(path)
    module, reason, diags = readers.choose(source, reader)
    reading = module.read(source, doc_id=doc_id)
    doc = reading.document
    doc.reader = module.NAME
    diags = source.diagnostics + diags + reading.diagnostics + passes.run_all(doc)
    return Conversion(doc, tei.serialize(doc, config), reason, diags)
