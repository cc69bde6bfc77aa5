"""Passes that complete a document after reading, in order (compare docutils' transforms).

Each pass does one job and can be tested alone:

1. :func:`number_notes` gives every note an ``xml:id`` derived from its division (or the
   document) and its printed number: ``d169fn2``.
2. :func:`check_persons` makes sure every ``Speech.who`` names a person, and person keys are
   unique NCNames.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from lxml import etree

from teikit import model as m
from teikit.diagnostics import Diagnostic


def ncname(text: str, fallback: str = "x") -> str:
    """A valid, readable XML NCName from ``text`` ("M. S. Gorbachev" → "m-s-gorbachev").

    Letters and digits of any script are kept when XML allows them in a name; compatibility
    forms become their plain letters first ("A²" → "a2"), anything else separates words."""
    text = unicodedata.normalize("NFKC", text).lower()
    kept = "".join(c if c.isalnum() and (c.isascii() or _name_character(c)) else "-"
                   for c in text)
    slug = re.sub(r"-+", "-", kept).strip("-")
    if not slug:
        return fallback
    return slug if slug[0].isalpha() else f"{fallback}-{slug}"


@functools.cache
def _name_character(c: str) -> bool:
    """Whether libxml2 accepts ``c`` inside an ``xml:id``.  Asked of libxml2 itself, once
    per character: it checks names against XML 1.0's 4th-edition character classes, which
    leave out tens of thousands of what Python calls letters and digits ("²", "Ĳ", "ǅ")."""
    try:
        etree.fromstring(f'<x xml:id="a{c}"/>')
    except etree.XMLSyntaxError:
        return False
    return True


def number_notes(doc: m.Document) -> None:
    used: set[str] = set()
    symbols: dict[str, int] = {}

    def visit(nodes: list, prefix: str) -> None:
        for node in nodes:
            if isinstance(node, str):
                continue
            if isinstance(node, m.Division):
                visit(node.blocks, node.xml_id or prefix)
                continue
            if isinstance(node, m.Note) and node.xml_id is None:
                base = f"{prefix}fn{re.sub(r'[^A-Za-z0-9]', '', node.n) or 'x'}"
                if not node.n.isalnum():
                    # symbol markers ("*", "†") get their own series, so that they cannot
                    # take the id of a numbered note that follows ("d12fnsym1", not "d12fn2")
                    symbols[prefix] = symbols.get(prefix, 0) + 1
                    base = f"{prefix}fnsym{symbols[prefix]}"
                ident, k = base, 2
                while ident in used:
                    ident, k = f"{base}-{k}", k + 1
                node.xml_id = ident
                used.add(ident)
            visit(m.children(node), prefix)

    visit(doc.body, doc.id)


def check_persons(doc: m.Document) -> list[Diagnostic]:
    keys = {p.key for p in doc.persons}
    problems = []
    for node in m.walk(doc.body):
        if isinstance(node, m.Speech) and node.who not in keys:
            problems.append(Diagnostic(doc.source_name, node.line, 0, "error",
                                       f"speaker {node.who!r} has no person entry",
                                       "person-missing"))
    return problems


def run_all(doc: m.Document) -> list[Diagnostic]:
    number_notes(doc)
    return check_persons(doc)
