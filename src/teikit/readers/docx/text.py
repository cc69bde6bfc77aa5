"""The text of a Word document, read straight from its XML, for the conservation check.

Independent of the parser on purpose: this walk visits every element of the document in
order and keeps every character of text (``w:t``, deleted text unless changes are
accepted, tabs, breaks, symbols), looking through any wrapper it does not know — so text the
parser failed to map (a content control, a field it skipped) shows up as a difference.  It
prints what Word prints around the text the way :mod:`teikit.conservation` prints an
edition: a note's mark at its reference and "mark. text" at the end; "|" between the cells
of a table in the body; "•" before a list paragraph (outside tables and text boxes); a
comment's text at its start.  Text is that of WordprocessingML and Office Math runs, not
DrawingML's (chart and shape labels are not document text).
Each paragraph starts a new line, so a difference is reported at the paragraph's number.
"""

from __future__ import annotations

from lxml import etree

from teikit.readers.docx.package import MC, Package, W
from teikit.readers.docx.parse import (
    M,
    Options,
    is_list_paragraph,
    local,
    note_format,
)
from teikit.readers.docx.styles import Numbering, Styles, note_number, on

_W = f"{{{W}}}"

#: Elements whose text is not document text.
_NOT_TEXT = frozenset({"instrText", "delInstrText", "footnoteRef", "endnoteRef",
                       "annotationRef", "pPr", "rPr", "sdtPr"})


class _Walk:
    def __init__(self, pkg: Package, options: Options) -> None:
        self.options = options
        self.styles = Styles(pkg.styles)
        self.numbering = Numbering(pkg.numbering)
        self.parts = {kind: {el.get(_W + "id"): el for el in root.iter(_W + kind)}
                      if root is not None else {}
                      for kind, root in (("footnote", pkg.footnotes),
                                         ("endnote", pkg.endnotes),
                                         ("comment", pkg.comments))}
        self.formats = {k: note_format(pkg, k) for k in ("footnote", "endnote")}
        self.counts = {"footnote": 0, "endnote": 0}
        self.notes: list[list] = []          # [mark, body element]
        self.custom: list | None = None      # a note waiting for its printed mark
        self.comments_done: set[str] = set()
        self.flat = 0  # inside a table cell or a text box
        self.in_note = False

    def walk(self, el: etree._Element, out: list[str]) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            name = local(child)
            if name in _NOT_TEXT or (etree.QName(child).namespace == MC
                                     and name == "Fallback"):
                continue
            if name == "moveFrom" or (name == "del" and self.options.accept_changes):
                continue
            space = etree.QName(child).namespace
            if space == MC and name == "AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")  # as Word shows it: one choice
                if choice is not None:
                    self.walk(choice, out)
            elif name == "p" and space == W:
                self.paragraph(child, out)
            elif name in ("tc", "txbxContent") and space == W:
                # cells of a table in the body print "|" between them; a table in a cell
                # or a text box, and a text box's lists, are flattened to lines
                if name == "tc" and not self.flat and any(
                        local(s) == "tc" for s in child.itersiblings(preceding=True)):
                    out.append("|")
                self.flat += 1
                self.walk(child, out)
                self.flat -= 1
            elif name in ("t", "delText") and space in (W, M):
                if self.custom is not None:
                    self.custom[0] = (child.text or "").strip() or "*"
                    self.custom = None
                out.append(child.text or "")
            elif name in ("tab", "ptab"):
                out.append(" ")
            elif name in ("br", "cr"):
                out.append("\n")
            elif name == "noBreakHyphen":
                out.append("\u2011")
            elif name == "softHyphen":
                out.append("\u00ad")
            elif name == "sym":
                try:
                    out.append(chr(int(child.get(_W + "char", ""), 16)))
                except ValueError:
                    pass
            elif name in ("footnoteReference", "endnoteReference"):
                self.reference(name[:-len("Reference")], child, out)
            elif name in ("commentRangeStart", "commentReference"):
                self.comment(child.get(_W + "id", ""), out)
            else:
                self.walk(child, out)

    def paragraph(self, p: etree._Element, out: list[str]) -> None:
        own: list[str] = []
        self.walk(p, own)
        text = "".join(own)
        bullet = (not self.flat and not self.in_note and text.strip()
                  and is_list_paragraph(p, self.styles, self.numbering))
        out.append("\n" + ("•" if bullet else "") + text)

    def reference(self, kind: str, ref: etree._Element, out: list[str]) -> None:
        body = self.parts[kind].get(ref.get(_W + "id"))
        if body is None or self.in_note:
            return
        if on(ref.find(_W + "customMarkFollows")) or ref.get(_W + "customMarkFollows") in (
                "1", "true", "on"):
            self.notes.append(["*", body])  # the mark is the text that follows
            self.custom = self.notes[-1]
            return
        self.counts[kind] += 1
        mark = note_number(self.counts[kind], self.formats[kind])
        self.notes.append([mark, body])
        out.append(mark)

    def comment(self, cid: str, out: list[str]) -> None:
        body = self.parts["comment"].get(cid)
        if self.options.drop_comments or body is None or cid in self.comments_done \
                or self.in_note:
            return
        self.comments_done.add(cid)
        out.append(self.note_text(body))

    def note_text(self, body: etree._Element) -> str:
        saved, self.in_note = self.in_note, True
        custom, self.custom = self.custom, None
        own: list[str] = []
        self.walk(body, own)
        self.in_note, self.custom = saved, custom
        return "".join(own)


def document_text(pkg: Package, options: Options) -> str:
    """The document's text as the conservation check compares it with the edition."""
    walk = _Walk(pkg, options)
    out: list[str] = []
    body = pkg.document.find(_W + "body")
    if body is not None:
        walk.walk(body, out)
    notes = [f"{mark}. {walk.note_text(body)}" for mark, body in walk.notes]
    return "".join(out) + "\n" + "\n".join(notes)
