"""Publishable units: the parts of TEI files that become one page (and one text) each.

A teikit edition is one unit.  A file holding several ``div type="document"`` (a FRUS
volume) gives one unit per document: the unit is a small TEI document with the file's
header and that one division, so every later step — and an editor's own stylesheet — sees
one document at a time, and a volume is transformed in time linear in its size.  A
``teiCorpus`` gives one unit per ``TEI`` member.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teikit.errors import TeikitError
from teikit.xmlio import TEI_NS, XML_ID, XML_LANG, parse_file

#: Namespace of the attributes teikit adds for its stylesheets (see ``xslt/``).
RENDER_NS = "urn:teikit:render"
SEQ = f"{{{RENDER_NS}}}seq"

_T = f"{{{TEI_NS}}}"
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")
_XML_SPACE = re.compile(r"[ \t\r\n]+")  # XPath's normalize-space(): no other whitespace


@dataclass
class Unit:
    """One publishable document.

    ``id`` names its output files; ``root`` is a TEI element holding this document only;
    ``div`` is the document division when the unit was cut out of a larger file.
    """

    id: str
    root: etree._Element
    source: Path
    div: etree._Element | None = None


def safe_id(text: str) -> str:
    """A file-name and URL-safe form of ``text`` (letters, digits, ``._-``)."""
    cleaned = _UNSAFE_ID.sub("-", text).strip("-.")
    return cleaned or "document"


def load_units(path: Path, tree: etree._ElementTree | None = None) -> list[Unit]:
    """Parse the TEI file at ``path`` (unless its ``tree`` is given: the build has parsed
    it already) and cut it into numbered units; the units share the tree's elements."""
    root = (tree if tree is not None else parse_file(path)).getroot()
    stem = safe_id(path.stem)
    if root.tag == _T + "teiCorpus":
        members = [m for m in root if m.tag == _T + "TEI"]
        units = [Unit(f"{stem}-{safe_id(m.get(XML_ID) or str(i))}", m, path)
                 for i, m in enumerate(members, 1)]
    elif root.tag == _T + "TEI":
        units = list(_split_documents(root, stem, path))
    else:
        raise TeikitError(f"not a TEI P5 document (root element {etree.QName(root).text!r}; "
                          f"expected TEI in the namespace {TEI_NS})", file=str(path))
    for unit in units:
        number_notes(unit.root)
    return units


def _document_divs(root: etree._Element) -> list[etree._Element]:
    """The outermost ``div type="document"`` inside ``text``, in document order."""
    found: list[etree._Element] = []
    for text in root.iterchildren(_T + "text"):
        # a document's own divisions are not searched: asking each division for its
        # ancestors cost time proportional to its depth
        walker = etree.iterwalk(text, events=("start",), tag=_T + "div")
        for _event, div in walker:
            if div.get("type") == "document":
                found.append(div)
                walker.skip_subtree()
    return found


def _split_documents(root: etree._Element, stem: str, path: Path) -> Iterator[Unit]:
    divs = _document_divs(root)
    if len(divs) <= 1:
        yield Unit(stem, root, path, divs[0] if divs else None)
        return
    header = root.find(_T + "teiHeader")
    seen: set[str] = set()
    for i, div in enumerate(divs, 1):
        key = safe_id(div.get(XML_ID) or div.get("n") or str(i))
        uid = f"{stem}-{key}" if key not in seen else f"{stem}-{key}-{i}"
        seen.add(key)
        yield Unit(uid, _unit_tree(root, header, div), path, div)


def _unit_tree(root: etree._Element, header: etree._Element | None,
               div: etree._Element) -> etree._Element:
    """A TEI document with the volume's header and a copy of ``div``."""
    tei = etree.Element(_T + "TEI", dict(root.attrib), nsmap=root.nsmap)
    if header is not None:
        tei.append(copy.deepcopy(header))
    body = etree.SubElement(etree.SubElement(tei, _T + "text"), _T + "body")
    piece = copy.deepcopy(div)
    piece.tail = None
    lang = div.get(XML_LANG) or next((a.get(XML_LANG) for a in div.iterancestors()
                                      if a.get(XML_LANG)), None)
    if lang and not piece.get(XML_LANG):
        piece.set(XML_LANG, lang)
    body.append(piece)
    return tei


def is_footnote(note: etree._Element) -> bool:
    """A note printed apart from the text (not one printed in place, like a FRUS
    file-number line)."""
    return note.get("place") != "inline" and note.get("rend") != "inline"


def number_notes(root: etree._Element) -> int:
    """Give every footnote in the unit's text its position (``r:seq``), in one pass."""
    seq = 0
    for text in root.iterchildren(_T + "text"):
        for note in text.iter(_T + "note"):
            if is_footnote(note):
                seq += 1
                note.set(SEQ, str(seq))
    return seq


def _glued(text: str) -> str:
    """``text`` as it stands before a footnote marker: XML whitespace collapsed, none at
    the end (the marker is glued to the word), one space kept at the start; nothing if it
    is whitespace only."""
    core = _XML_SPACE.sub(" ", text).strip(" ")
    if not core:
        return ""
    return " " + core if text[0] in " \t\r\n" else core


def glue_footnotes(root: etree._Element) -> None:
    """Remove the layout whitespace of the XML before every numbered footnote (``r:seq``):
    the source prints the marker right after the word (``Reagan1``).

    Done here, once per footnote, rather than by the stylesheets: a template deciding this
    for every text node (``text()[following-sibling::node()[1]/self::tei:note]``) is
    evaluated by libxslt for each of a unit's text nodes — quadratic in a container's
    children as a pattern predicate, and a third of the HTML transform even as a test
    inside the template.  Call it after the unit's metadata is read (a title taken from a
    head keeps the space before a note there)."""
    for text in root.iterchildren(_T + "text"):
        for note in text.iter(_T + "note"):
            if note.get(SEQ) is None:
                continue
            prev = note.getprevious()
            before = note.getparent().text if prev is None else prev.tail
            if not before:
                continue
            glued = _glued(before) or None
            if glued != before:
                if prev is None:
                    note.getparent().text = glued
                else:
                    prev.tail = glued
