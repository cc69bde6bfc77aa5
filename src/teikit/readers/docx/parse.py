"""WordprocessingML → a small intermediate document: paragraphs (with their kind: plain,
heading, title, quote, list item, speaker label), tables and page breaks, whose inline
content is already teikit's model (text, ``hi``/``foreign``/``ref``/``add``/``del`` spans,
notes, page and line breaks).

Only the mapping onto divisions, lists and speaker turns is left to
:mod:`teikit.readers.docx` — the split Pandoc's Docx reader makes between its parser and
its reader, which keeps OOXML's oddities (runs split at every edit, fields, content
controls, alternate content) out of the model.

Unknown wrappers (content controls, smart tags, custom XML, ``w:fldSimple``) are looked
through: their runs are read as if they stood in the paragraph.  Field codes
(``w:instrText``) are instructions, not text; ``mc:Fallback`` repeats ``mc:Choice`` and is
skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from teikit import model as m
from teikit.passes import ncname
from teikit.readers.docx.package import MC, Package, R, W
from teikit.readers.docx.styles import (
    RENDS,
    SPEAKER_STYLES,
    VAL,
    Numbering,
    Styles,
    note_number,
    num_pr,
    on,
    outline_level,
    run_props,
)

_W = f"{{{W}}}"
#: Office Math (equations): its runs hold text too.
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


@dataclass
class Options:
    """How a Word document is read: tracked changes kept (``add``/``del``) or accepted,
    comments kept (``note type="comment"``) or dropped."""

    accept_changes: bool = False
    drop_comments: bool = False


@dataclass
class Para:
    kind: str                      # "p", "heading", "title", "quote", "list", "speaker"
    content: list[m.Inline]
    line: int                      # the paragraph's number in the document (1-based)
    level: int = 0                 # heading level (1 …) or list depth (0 …)
    ordered: bool = False
    style: str = ""


@dataclass
class TableBlock:
    rows: list[list[list[m.Inline]]]
    line: int


Unit = Para | TableBlock | m.PageBreak

#: A wrapper around inline content: a TEI element name and its attributes, in order.
Wrap = tuple[str, tuple[tuple[str, str], ...]]


def local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def ns(el: etree._Element) -> str | None:
    return etree.QName(el).namespace if isinstance(el.tag, str) else None


#: Children never read for text: properties, field codes, the repeat of alternate content.
SKIP = frozenset({"pPr", "rPr", "sdtPr", "sdtEndPr", "tblPr", "tblGrid", "trPr", "tcPr",
                  "tblPrEx", "sectPr", "instrText", "delInstrText", "Fallback",
                  "footnoteRef", "endnoteRef", "annotationRef", "separator",
                  "continuationSeparator", "lastRenderedPageBreak", "fldChar"})


def is_list_paragraph(p: etree._Element, styles: Styles, numbering: Numbering) -> bool:
    """Whether paragraph ``p`` is a numbered or bulleted list item (not a heading)."""
    ppr = p.find(_W + "pPr")
    sid = _style_id(ppr, styles)
    if styles.heading_level(sid) is not None or (
            ppr is not None and outline_level(ppr) is not None):
        return False
    num = (num_pr(ppr) if ppr is not None else None) or styles.numbering(sid)
    return num is not None and numbering.exists(num[0])


def _style_id(ppr: etree._Element | None, styles: Styles) -> str | None:
    if ppr is not None:
        ps = ppr.find(_W + "pStyle")
        if ps is not None and ps.get(VAL):
            return ps.get(VAL)
    return styles.default_paragraph


def note_format(pkg: Package, kind: str) -> str:
    """Word's number format for footnotes (decimal) or endnotes (lower roman)."""
    default = "decimal" if kind == "footnote" else "lowerRoman"
    if pkg.settings is None:
        return default
    fmt = pkg.settings.find(f"{_W}{kind}Pr/{_W}numFmt")
    return fmt.get(VAL, default) if fmt is not None else default


class Parser:
    def __init__(self, pkg: Package, doc_id: str, options: Options) -> None:
        self.pkg = pkg
        self.doc_id = doc_id
        self.options = options
        self.styles = Styles(pkg.styles)
        self.numbering = Numbering(pkg.numbering)
        primary = (self.styles.default_lang or "en-US").split("-")[0].lower()
        self.primary_lang = primary
        self.notes = {kind: self._by_id(getattr(pkg, kind + "s"), kind)
                      for kind in ("footnote", "endnote")}
        self.note_count = {"footnote": 0, "endnote": 0}
        self.formats = {kind: note_format(pkg, kind) for kind in ("footnote", "endnote")}
        self.comments = self._by_id(pkg.comments, "comment")
        self.comments_done: set[str] = set()
        self.authors: dict[str, m.Respons] = {}
        self.revisions: dict[tuple[str, str], m.Revision] = {}
        self.paragraphs = 0
        self.pending_mark: m.Note | None = None
        self.pending_comments: list[str] = []
        self.in_note = False

    @staticmethod
    def _by_id(root: etree._Element | None, tag: str) -> dict[str, etree._Element]:
        if root is None:
            return {}
        return {el.get(_W + "id", ""): el for el in root.iter(_W + tag)}

    # ------------------------------------------------------------ blocks

    def body(self) -> list[Unit]:
        body = self.pkg.document.find(_W + "body")
        return self.blocks(body) if body is not None else []

    def blocks(self, container: etree._Element) -> list[Unit]:
        out: list[Unit] = []
        for child in container:
            name = local(child)
            if name in SKIP or not name:
                continue
            if name == "p" and ns(child) == W:
                out.extend(self.paragraph(child))
            elif name == "tbl" and ns(child) == W:
                table = self.table(child)
                if table is not None:
                    out.append(table)
            elif name in ("del", "moveFrom") and ns(child) == W:
                continue
            elif name == "commentRangeStart":  # between paragraphs: starts the next one
                self.pending_comments.append(child.get(_W + "id", ""))
            elif name == "AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    out.extend(self.blocks(choice))
            else:  # content controls, custom XML, insertions: look through
                out.extend(self.blocks(child))
        return out

    def paragraph(self, p: etree._Element) -> list[Unit]:
        self.paragraphs += 1
        line = self.paragraphs
        ppr = p.find(_W + "pPr")
        sid = _style_id(ppr, self.styles)
        out: list[Unit] = []
        if ppr is not None and on(ppr.find(_W + "pageBreakBefore")):
            out.append(m.PageBreak("", line=line))
        atoms: list[tuple[tuple[Wrap, ...], m.Inline]] = []
        for cid in self.pending_comments:
            self._comment(cid, (), atoms)
        self.pending_comments = []
        self._inline(p, (), atoms)
        content = nest(atoms)
        if not _has_text(content):
            out.extend(x for x in content if isinstance(x, m.PageBreak))
            return out
        name = self.styles.name(sid).lower()
        level = self.styles.heading_level(sid)
        if level is None and ppr is not None and outline_level(ppr) is not None:
            level = outline_level(ppr) + 1
        num = (num_pr(ppr) if ppr is not None else None) or self.styles.numbering(sid)
        if level is not None:
            para = Para("heading", content, line, level=level)
        elif self.styles.has_name(sid, lambda n: n in ("title",)):
            para = Para("title", content, line)
        elif num is not None and self.numbering.exists(num[0]):
            para = Para("list", content, line, level=num[1],
                        ordered=self.numbering.ordered(*num))
        elif self.styles.has_name(sid, lambda n: "quote" in n or n == "block text"):
            para = Para("quote", content, line)
        elif self.styles.has_name(sid, lambda n: n in SPEAKER_STYLES):
            para = Para("speaker", content, line)
        else:
            para = Para("p", content, line)
        para.style = name
        out.append(para)
        return out

    def table(self, tbl: etree._Element) -> TableBlock | None:
        line = self.paragraphs + 1
        rows = []
        for tr in _children(tbl, "tr"):
            cells = [self.cell(tc) for tc in _children(tr, "tc")]
            if cells:
                rows.append(cells)
        return TableBlock(rows, line) if rows else None

    def cell(self, tc: etree._Element) -> list[m.Inline]:
        """A cell's paragraphs as one inline sequence, joined by line breaks (a TEI cell
        holds phrases); a table inside a cell is flattened, a line per cell."""
        out: list[m.Inline] = []
        for unit in self.blocks(tc):
            if isinstance(unit, TableBlock):
                for row in unit.rows:
                    for cell in row:
                        out.extend(([m.LineBreak()] if out else []) + cell)
                continue
            if out:
                out.append(m.LineBreak())
            out.extend(unit.content if isinstance(unit, Para) else [unit])
        return out

    # ------------------------------------------------------------ inline content

    def inlines(self, el: etree._Element, ctx: tuple[Wrap, ...]) -> list[m.Inline]:
        atoms: list[tuple[tuple[Wrap, ...], m.Inline]] = []
        self._inline(el, ctx, atoms)
        return nest(atoms)

    def _inline(self, el: etree._Element, ctx: tuple[Wrap, ...], atoms: list) -> None:
        for child in el:
            name = local(child)
            if not name or name in SKIP:
                continue
            if ns(child) == MC:
                if name == "AlternateContent":
                    choice = child.find(f"{{{MC}}}Choice")
                    if choice is not None:
                        self._inline(choice, ctx, atoms)
                continue
            if name == "r" and ns(child) in (W, M):  # a run, or a run of an equation
                self._run(child, ctx, atoms)
            elif name == "hyperlink":
                rel = self.pkg.relationships.get(child.get(f"{{{R}}}id", ""))
                if rel is not None and rel.external and rel.target:
                    target = rel.target.replace(" ", "%20")
                    anchor = child.get(_W + "anchor")
                    if anchor:
                        target += "#" + anchor
                    self._inline(child, ctx + (("ref", (("target", target),)),), atoms)
                else:  # an internal link: its bookmark is not kept, so its text stays
                    self._inline(child, ctx, atoms)
            elif name in ("ins", "moveTo"):
                wrap = None if self.options.accept_changes else self._change(
                    "add", child, moved=name == "moveTo")
                self._inline(child, ctx + ((wrap,) if wrap else ()), atoms)
            elif name == "del":
                if not self.options.accept_changes:
                    self._inline(child, ctx + (self._change("del", child),), atoms)
            elif name == "moveFrom":
                continue  # moved text is kept once, where it was moved to
            elif name == "commentRangeStart":
                self._comment(child.get(_W + "id", ""), ctx, atoms)
            elif name == "p" and ns(child) == W:  # a paragraph inside a text box
                if atoms:
                    atoms.append((ctx, m.LineBreak()))
                self._inline(child, ctx, atoms)
            else:  # smart tags, content controls, fields, bidi wrappers: look through
                self._inline(child, ctx, atoms)

    def _run(self, r: etree._Element, ctx: tuple[Wrap, ...], atoms: list) -> None:
        rpr = r.find(_W + "rPr")
        props: dict[str, object] = {}
        if rpr is not None:
            rstyle = rpr.find(_W + "rStyle")
            if rstyle is not None:
                props.update(self.styles.character(rstyle.get(VAL)))
            props.update(run_props(rpr))
        wraps = list(ctx)
        lang = props.get("lang")
        if isinstance(lang, str) and lang.split("-")[0].lower() != self.primary_lang:
            wraps.append(("foreign", (("xml:lang", lang),)))
        wraps.extend(("hi", (("rend", rend),)) for rend in RENDS if props.get(rend))
        styled = tuple(wraps)
        for child in r:
            name = local(child)
            if not name or name in SKIP:
                continue
            if name in ("t", "delText"):
                text = child.text or ""
                if self.pending_mark is not None:  # the printed mark of a custom note
                    self.pending_mark.n = self.pending_mark.marker = text.strip() or "*"
                    self.pending_mark = None
                    continue
                atoms.append((styled, text))
            elif name in ("tab", "ptab"):
                atoms.append((styled, " "))
            elif name == "br":
                if child.get(_W + "type") == "page":
                    atoms.append((ctx, m.PageBreak("")))
                else:
                    atoms.append((ctx, m.LineBreak()))
            elif name == "cr":
                atoms.append((ctx, m.LineBreak()))
            elif name == "noBreakHyphen":
                atoms.append((styled, "\u2011"))
            elif name == "softHyphen":
                atoms.append((styled, "\u00ad"))
            elif name == "sym":
                code = child.get(_W + "char", "")
                try:
                    atoms.append((styled, chr(int(code, 16))))
                except ValueError:
                    pass
            elif name in ("footnoteReference", "endnoteReference"):
                note = self._note(name[:-len("Reference")], child)
                if note is not None:
                    atoms.append((ctx, note))
            elif name == "commentReference":
                self._comment(child.get(_W + "id", ""), ctx, atoms)
            elif ns(child) == MC and name == "AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")  # the first choice is read, once
                if choice is not None:
                    self._inline(choice, ctx, atoms)
            else:  # drawings, objects, ruby: look through, to text boxes and their text
                self._inline(child, ctx, atoms)

    # ------------------------------------------------------------ notes and comments

    def _note(self, kind: str, ref: etree._Element) -> m.Note | None:
        body = self.notes[kind].get(ref.get(_W + "id", ""))
        if body is None or self.in_note:
            return None
        note = m.Note("", kind="endnote" if kind == "endnote" else None)
        if on(ref.find(_W + "customMarkFollows")) or ref.get(_W + "customMarkFollows") in (
                "1", "true", "on"):
            self.pending_mark = note
            note.n = note.marker = "*"  # until the mark's own text is read
        else:
            self.note_count[kind] += 1
            note.n = note.marker = note_number(self.note_count[kind], self.formats[kind])
        note.blocks = self._note_paragraphs(body)
        return note

    def _note_paragraphs(self, body: etree._Element) -> list[m.Paragraph]:
        saved, self.in_note = self.in_note, True
        pending, self.pending_mark = self.pending_mark, None
        paras = []
        for p in body.iter(_W + "p"):
            content = self.inlines(p, ())
            if _has_text(content):
                paras.append(m.Paragraph(content))
        self.in_note, self.pending_mark = saved, pending
        return paras

    def _comment(self, cid: str, ctx: tuple[Wrap, ...], atoms: list) -> None:
        if self.options.drop_comments or cid in self.comments_done or self.in_note:
            return
        body = self.comments.get(cid)
        if body is None:
            return
        self.comments_done.add(cid)
        note = m.Note("", kind="comment", xml_id=f"{self.doc_id}-comment-{ncname(cid, 'c')}")
        author = body.get(_W + "author")
        if author:
            note.resp = "#" + self._author(author).xml_id
        note.blocks = self._note_paragraphs(body) or [m.Paragraph([])]
        when = w3c_datetime(body.get(_W + "date"))
        if when:
            note.blocks[0].content.insert(0, m.DateRef([], when=when))
        # only the wrappers of tracked changes apply to a comment, not a hyperlink's
        atoms.append((tuple(w for w in ctx if w[0] in ("add", "del")), note))

    def _author(self, name: str) -> m.Respons:
        if name not in self.authors:
            used = {r.xml_id for r in self.authors.values()}
            base = ncname(name, "author")
            key, k = f"author-{base}", 2
            while key in used:
                key, k = f"author-{base}-{k}", k + 1
            self.authors[name] = m.Respons("tracked changes and comments", [name],
                                           xml_id=key)
        return self.authors[name]

    def _change(self, tag: str, el: etree._Element, moved: bool = False) -> Wrap:
        author = el.get(_W + "author") or ""
        when = w3c_datetime(el.get(_W + "date")) or ""
        attrs: list[tuple[str, str]] = []
        if author:
            attrs.append(("resp", "#" + self._author(author).xml_id))
        key = (author, when)
        if key not in self.revisions:
            rev = m.Revision(f"{self.doc_id}-rev{len(self.revisions) + 1}",
                             f"Tracked changes by {author or 'an unnamed author'}"
                             + (f" at {when}" if when else "") + " (Word revision marks).",
                             when or None,
                             "#" + self._author(author).xml_id if author else None)
            self.revisions[key] = rev
        attrs.append(("change", "#" + self.revisions[key].xml_id))
        if moved:
            attrs.append(("type", "moved"))
        return tag, tuple(attrs)


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    """``el``'s children called ``name``, also those inside content controls and custom
    XML around them (a table row in a repeating-section control)."""
    out = []
    for child in el:
        n = local(child)
        if n == name and ns(child) == W:
            out.append(child)
        elif n in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
            out.extend(_children(child, name))
    return out


_W3C = re.compile(r"(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?")


def w3c_datetime(value: str | None) -> str | None:
    """``value`` when it is an XML Schema date or dateTime of a real day (what Word writes,
    "2024-05-01T10:00:00Z"); None for anything else, which is then not recorded."""
    found = _W3C.fullmatch((value or "").strip())
    if not found:
        return None
    try:
        date.fromisoformat(found.group(1))
    except ValueError:
        return None
    return found.group(0)


def _has_text(content: list[m.Inline]) -> bool:
    for x in content:
        if isinstance(x, str):
            if x.strip():
                return True
        elif isinstance(x, m.Note):
            return True
        elif isinstance(x, m.Span) and _has_text(x.content):
            return True
    return False


def nest(atoms: list[tuple[tuple[Wrap, ...], m.Inline]], depth: int = 0) -> list[m.Inline]:
    """Atoms with their wrappers → inline content: neighbours that share a wrapper share
    its element, so Word's runs (split at every edit) become as few elements as the
    formatting needs."""
    out: list[m.Inline] = []
    i = 0
    while i < len(atoms):
        wraps, atom = atoms[i]
        if len(wraps) <= depth:
            if isinstance(atom, str) and out and isinstance(out[-1], str):
                out[-1] += atom
            elif atom != "":
                out.append(atom)
            i += 1
            continue
        key = wraps[depth]
        j = i
        while j < len(atoms) and len(atoms[j][0]) > depth and atoms[j][0][depth] == key:
            j += 1
        tag, attrs = key
        inner = nest(atoms[i:j], depth + 1)
        if tag in ("hi", "foreign") and all(isinstance(x, str) and not x.strip()
                                            for x in inner):
            # formatted blanks are no emphasis, a blank has no language (and an empty hi
            # prints as its @rend, an empty foreign is refused by teikit.sch)
            out.extend(inner)
            if len(out) > 1 and isinstance(out[-1], str) and isinstance(out[-2], str):
                out[-2:] = [out[-2] + out[-1]]
        else:
            out.append(m.Span(tag, inner, dict(attrs)))
        i = j
    return out


@dataclass
class Parsed:
    units: list[Unit]
    authors: list[m.Respons] = field(default_factory=list)
    revisions: list[m.Revision] = field(default_factory=list)
    default_lang: str | None = None


def read_document(pkg: Package, doc_id: str, options: Options) -> Parsed:
    """The body of the package's main document, and who changed and commented it."""
    parser = Parser(pkg, doc_id, options)
    units = parser.body()
    return Parsed(units, list(parser.authors.values()), list(parser.revisions.values()),
                  parser.styles.default_lang)
