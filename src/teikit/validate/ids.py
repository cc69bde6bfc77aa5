"""Duplicate ``xml:id`` values: libxml2 rejects such a file at parse time, so teikit parses
with ``collect_ids=False`` and reports each repeat as an ordinary diagnostic naming both
positions."""

from __future__ import annotations

from teikit.diagnostics import Diagnostic
from teikit.validate.document import Document
from teikit.xmlio import XML_ID

RULE = "xml:id-unique"


def duplicate_ids(doc: Document) -> list[Diagnostic]:
    first = {}
    out = []
    for el in doc.root.iter("*"):
        value = el.get(XML_ID)
        if value is None:
            continue
        if value in first:
            line, col = doc.position(first[value])  # positions only when needed: costly
            pos = doc.position(el)
            out.append(Diagnostic(doc.name, pos[0], pos[1], "error",
                                  f'duplicate xml:id "{value}"; first used at line {line}, '
                                  f"column {col}", RULE))
        else:
            first[value] = el
    return out
