"""Conversion of one source file: decode → choose reader → read → passes → TEI bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from teikit import conservation, passes, readers
from teikit.diagnostics import Diagnostic
from teikit.files import read_bytes
from teikit.model import Document
from teikit.readers.docx.parse import Options as DocxOptions
from teikit.sources import MAX_SOURCE_BYTES, SourceText, decode
from teikit.writers import tei


@dataclass
class Conversion:
    document: Document
    data: bytes
    reason: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def convert_file(path: Path, reader: str = "auto", doc_id: str | None = None,
                 config: tei.Config | None = None,
                 options: DocxOptions | None = None) -> Conversion:
    return convert_bytes(read_bytes(path, MAX_SOURCE_BYTES), str(path), reader, doc_id,
                         config, options)


def convert_bytes(data: bytes, name: str, reader: str = "auto", doc_id: str | None = None,
                  config: tei.Config | None = None,
                  options: DocxOptions | None = None) -> Conversion:
    """As :func:`convert_file`, for the bytes of the file called ``name``: a Word package
    goes to the Word reader (``options`` say how), anything else is decoded as text."""
    if readers.is_package(data, name, reader):
        from teikit.readers import docx
        reading = docx.read_bytes(data, name, doc_id, options)
        return _finish(reading, docx.NAME, "reader docx: a Word package", [], name, config)
    return convert_source(decode(data, name), reader, doc_id, config)


def convert_source(source: SourceText, reader: str = "auto", doc_id: str | None = None,
                   config: tei.Config | None = None) -> Conversion:
    """As :func:`convert_file`, for a source already read and decoded."""
    module, reason, diags = readers.choose(source, reader)
    reading = module.read(source, doc_id=doc_id)
    return _finish(reading, module.NAME, reason, source.diagnostics + diags, source.name,
                   config)


def _finish(reading: readers.Reading, reader: str, reason: str, diags: list[Diagnostic],
            name: str, config: tei.Config | None) -> Conversion:
    """Passes, TEI and the conservation check of what a reader read."""
    doc = reading.document
    doc.reader = reader
    diags = diags + reading.diagnostics + passes.run_all(doc)
    root = tei.to_tree(doc, config)
    if reading.body_text is not None:
        lost = conservation.check(reading.body_text, reading.body_line, root, name)
        if lost:
            diags.append(lost)
    return Conversion(doc, tei.to_bytes(root), reason, diags)
