"""A parsed document together with its source text, so that every diagnostic can point at
a line *and* a column.

libxml2 records only the line of an element (and validators report column 0); the column is
recovered here by finding the element's start tag in the source line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.files import read_bytes
from teikit.validate.specialise import names_of_tags
from teikit.xmlio import parse_bytes


@dataclass
class Document:
    """One XML document under validation: ``name`` as reported, its tree and source lines."""

    name: str
    tree: etree._ElementTree
    #: the source bytes; decoded and split into lines only when a position is asked for
    #: (most files are valid: decoding and splitting the GerDraCor sample costs 0.5 s)
    data: bytes = field(repr=False)
    _by_line: dict[int, list[etree._Element]] | None = field(default=None, repr=False)
    _text: str | None = field(default=None, repr=False)
    _lines: list[str] | None = field(default=None, repr=False)
    _exact: dict[etree._Element, tuple[int, int]] | None = field(default=None, repr=False)
    _vocabulary: tuple[frozenset[str], frozenset[str]] | None = field(default=None, repr=False)

    @property
    def tags(self) -> frozenset[str]:
        """Every element name of the document, in Clark notation (``{ns}local``)."""
        return self._names()[0]

    @property
    def attributes(self) -> frozenset[str]:
        """Every attribute name of the document, in Clark notation."""
        return self._names()[1]

    def _names(self) -> tuple[frozenset[str], frozenset[str]]:
        # one pass for both, shared by the RelaxNG specialisation and the Schematron
        # prefilters: building QNames per element cost 1.5 s per pass on GerDraCor
        if self._vocabulary is None:
            tags: set[str] = set()
            atts: set[str] = set()
            for el in self.root.iter(etree.Element):
                tags.add(el.tag)
                if el.attrib:
                    atts.update(el.keys())
            self._vocabulary = (frozenset(tags), frozenset(atts))
        return self._vocabulary

    @property
    def text(self) -> str:
        """The source text, for exact positions past libxml2's line limit (see
        :meth:`position`)."""
        if self._text is None:
            self._text = self.data.decode(self.tree.docinfo.encoding or "utf-8",
                                          errors="replace")
        return self._text

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()

    def position(self, node) -> tuple[int, int]:
        """(line, column) of an element's start tag, or of the element owning an attribute
        or text result; (0, 0) when unknown."""
        if isinstance(node, etree._ElementUnicodeResult) or isinstance(node, str):
            parent = getattr(node, "getparent", lambda: None)()
            if parent is None:
                return (0, 0)
            if getattr(node, "is_attribute", False):
                line, col = self.position(parent)
                return line, self._attribute_column(line, col, node.attrname) or col
            node = parent
        if not isinstance(node, etree._Element) or node.sourceline is None:
            return (0, 0)
        if node.sourceline >= BIG_LINE:
            exact = self._exact_positions().get(node)
            if exact:
                return exact
        return node.sourceline, self.element_column(node)

    def _exact_positions(self) -> dict[etree._Element, tuple[int, int]]:
        """(line, column) of every element's start tag, from the source text.

        libxml2 keeps an element's line in 16 bits; past line 65,535 lxml's ``sourceline``
        is recovered approximately and is off by one on the Parla-CLARIN corpus files
        (jing: 65,648; lxml: 65,649).  A ``<`` outside comments, CDATA sections and
        processing instructions is always markup in XML (it cannot occur in attribute
        values or text), so the start tags found by one scan are the elements in document
        order."""
        if self._exact is None:
            starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
            tags = [m.start() for m in _MARKUP.finditer(self.text) if m.group(1)]
            elements = list(self.root.iter(etree.Element))
            self._exact = {}
            if len(tags) == len(elements):  # else a construct the scan does not know
                for el, at in zip(elements, tags, strict=True):
                    line = bisect.bisect_right(starts, at)
                    self._exact[el] = (line, at - starts[line - 1] + 1)
        return self._exact

    def element_column(self, el: etree._Element) -> int:
        line = el.sourceline or 0
        if not 0 < line <= len(self.lines):
            return 0
        qname = _source_name(el)
        same = [e for e in self._elements_on(line) if e.tag == el.tag]
        k = same.index(el) if el in same else 0
        pattern = re.compile(r"<" + re.escape(qname) + r"(?=[\s/>]|$)")
        hits = [m.start() for m in pattern.finditer(self.lines[line - 1])]
        if k < len(hits):
            return hits[k] + 1
        # A start tag spread over several lines: libxml2 may give the line where it ends.
        for back in range(line - 1, max(line - 40, 0), -1):
            hits = [m.start() for m in pattern.finditer(self.lines[back - 1])]
            if hits:
                return hits[-1] + 1
        return 0

    def _attribute_column(self, line: int, col: int, attrname: str) -> int:
        if not line or not col:
            return 0
        local = attrname.split("}")[-1]
        m = re.compile(r"[\s](?:[\w.-]+:)?" + re.escape(local) + r"\s*=").search(
            self.lines[line - 1], col - 1)
        return m.start() + 2 if m else 0

    def _elements_on(self, line: int) -> list[etree._Element]:
        if self._by_line is None:
            self._by_line = {}
            for e in self.root.iter(etree.Element):
                self._by_line.setdefault(e.sourceline or 0, []).append(e)
        return self._by_line.get(line, [])


#: libxml2 stores lines in 16 bits (65,535 means "this or later")
BIG_LINE = 65535
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
                     r"|<([^\s/>!?][^\s/>]*)", re.DOTALL)


def _source_name(el: etree._Element) -> str:
    local = etree.QName(el).localname
    return f"{el.prefix}:{local}" if el.prefix else local


def from_bytes(data: bytes, name: str) -> Document:
    """Parse safely (see :mod:`teikit.xmlio`); raises :class:`TeikitError` if not XML."""
    return Document(name, parse_bytes(data, name), data)


def from_file(path: Path, name: str | None = None) -> Document:
    """Read once, parse from the bytes (kept for positions); read errors become
    :class:`TeikitError` (exit 2)."""
    data = read_bytes(path)
    return Document(name or str(path), parse_bytes(data, str(path)), data)


def from_tree(tree: etree._ElementTree | etree._Element, name: str) -> Document:
    """A tree built in memory (e.g. by the converter): serialise it once so that lines and
    columns refer to the bytes that will be written."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return from_bytes(data, name)


def names_in_files(files: list[Path]) -> tuple[frozenset, frozenset]:
    """The element and attribute names, as (namespace, local name), that occur in any of
    ``files`` — exactly, from their parsed trees (one at a time: a corpus's trees together
    need gigabytes), for a grammar specialised to just these files."""
    tags: set[str] = set()
    attributes: set[str] = set()
    for f in files:
        d = from_file(f)
        tags |= d.tags
        attributes |= d.attributes
    return names_of_tags(tags), names_of_tags(attributes)

