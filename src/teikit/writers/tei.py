"""The TEI writer: serialises a :class:`teikit.model.Document` as a TEI P5 edition.

One function per model node (``_block`` / ``_inline`` dispatch on the node's class), in the
manner of Pandoc's TEI writer.  Output is deterministic: no clock, attributes in fixed order,
indentation only inside element-only content so that mixed content is left as the reader
built it.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from teikit import __version__
from teikit import model as m
from teikit.languages import NAMES
from teikit.xmlio import TEI_NS, XML_ID, XML_LANG

_T = f"{{{TEI_NS}}}"

#: Elements whose content model holds elements only: safe to indent.
_ELEMENT_ONLY = frozenset({
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "availability",
    "notesStmt", "sourceDesc", "msDesc", "msIdentifier", "encodingDesc", "appInfo",
    "application", "profileDesc", "langUsage", "textClass", "keywords", "abstract",
    "particDesc", "listPerson", "person", "revisionDesc", "text", "body", "div", "sp",
    "list", "closer", "opener", "respStmt", "table", "row", "quote", "floatingText",
})


class Config:
    """Edition-level settings from the project configuration (publisher, licence)."""

    def __init__(self, publisher: str = "teikit edition", licence: str | None = None,
                 licence_url: str | None = None) -> None:
        self.publisher = publisher
        self.licence = licence
        self.licence_url = licence_url


def _el(tag: str, parent: etree._Element | None = None, text: str | None = None,
        **attrs: str | None) -> etree._Element:
    name = _T + tag
    if parent is None:
        e = etree.Element(name, nsmap={None: TEI_NS})
    else:
        e = etree.SubElement(parent, name)
    for k, v in attrs.items():
        if v is None:
            continue
        key = XML_ID if k == "xml_id" else XML_LANG if k == "xml_lang" else k
        e.set(key, v)
    if text is not None:
        e.text = text
    return e


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


# ------------------------------------------------------------------ inline content


def _inlines(parent: etree._Element, content: list[m.Inline]) -> None:
    for node in content:
        if isinstance(node, str):
            _append_text(parent, node)
        else:
            _INLINE[type(node)](parent, node)


def _note(parent: etree._Element, node: m.Note) -> None:
    e = _el("note", parent, n=node.n or None, xml_id=node.xml_id, type=node.kind,
            place=node.place, anchored=None if node.anchored else "false", resp=node.resp)
    if len(node.blocks) == 1:
        _labelled(e, node.label, node.blocks[0].content)
    else:
        for i, para in enumerate(node.blocks):
            _labelled(_el("p", e), node.label if i == 0 else None, para.content)


def _labelled(parent: etree._Element, label: str | None, content: list[m.Inline]) -> None:
    if label is not None:
        _el("label", parent, label).tail = " "
    _inlines(parent, content)


def _pb(parent: etree._Element, node: m.PageBreak) -> None:
    _el("pb", parent, n=node.n or None, xml_id=None)  # a Word page break has no number


def _lb(parent: etree._Element, node: m.LineBreak) -> None:
    _el("lb", parent)


def _gap(parent: etree._Element, node: m.Gap) -> None:
    e = _el("gap", parent, reason=node.reason, extent=node.extent, rend=node.rend)
    if node.desc:
        _el("desc", e, node.desc)


def _supplied(parent: etree._Element, node: m.Supplied) -> None:
    _inlines(_el("supplied", parent, reason=node.reason), node.content)


def _original_term(parent: etree._Element, node: m.OriginalTerm) -> None:
    seg = _el("seg", parent, type="original-term")
    _el("foreign", seg, node.text, xml_lang=node.lang)


def _date(parent: etree._Element, node: m.DateRef) -> None:
    _inlines(_el("date", parent, when=node.when), node.content)


def _span(parent: etree._Element, node: m.Span) -> None:
    e = _el(node.tag, parent)
    for k, v in node.attrs.items():
        e.set(XML_LANG if k == "xml:lang" else XML_ID if k == "xml:id" else k, v)
    _inlines(e, node.content)


_INLINE: dict[type, Callable] = {
    m.Note: _note, m.PageBreak: _pb, m.LineBreak: _lb, m.Gap: _gap, m.Supplied: _supplied,
    m.OriginalTerm: _original_term, m.DateRef: _date, m.Span: _span,
}

# ------------------------------------------------------------------ blocks


def _blocks(parent: etree._Element, blocks: list[m.Block]) -> None:
    for b in blocks:
        _BLOCK[type(b)](parent, b)


def _p(parent: etree._Element, b: m.Paragraph) -> None:
    _inlines(_el("p", parent), b.content)


def _head(parent: etree._Element, b: m.Head) -> None:
    _inlines(_el("head", parent), b.content)


def _source_line(parent: etree._Element, b: m.SourceLine) -> None:
    _inlines(_el("note", parent, rend="inline", type="source"), b.content)


def _list(parent: etree._Element, b: m.ItemList) -> None:
    lst = _el("list", parent, type=b.type)
    for item in b.items:
        if item.label is not None:
            _el("label", lst, item.label)
        it = _el("item", lst)
        if item.blocks:
            _inlines(_el("p", it), item.content)
            _blocks(it, item.blocks)
        else:
            _inlines(it, item.content)


def _table(parent: etree._Element, b: m.Table) -> None:
    table = _el("table", parent)
    for row in b.rows:
        tr = _el("row", table)
        for cell in row:
            _inlines(_el("cell", tr), cell)


def _simple(tag: str) -> Callable:
    def write(parent: etree._Element, b) -> None:
        _inlines(_el(tag, parent), b.content)
    return write


def _quote(parent: etree._Element, b: m.Quote) -> None:
    _blocks(_el("quote", parent), b.blocks)


def _closer(parent: etree._Element, b: m.Closer) -> None:
    _blocks(_el("closer", parent), b.blocks)


def _postscript(parent: etree._Element, b: m.Postscript) -> None:
    _blocks(_el("postscript", parent), b.blocks)


def _opener(parent: etree._Element, b: m.Opener) -> None:
    _blocks(_el("opener", parent), b.blocks)


def _speech(parent: etree._Element, b: m.Speech) -> None:
    sp = _el("sp", parent, who=f"#{b.who}")
    _inlines(_el("speaker", sp), b.label)
    if b.stage:
        _inlines(_el("stage", sp), b.stage)
    _blocks(sp, b.blocks)


def _div(parent: etree._Element, b: m.Division) -> None:
    div = _el("div", parent, type=b.type, n=b.n, xml_id=b.xml_id)
    if b.embedded and any(isinstance(x, _TEXT_BLOCKS) for x in b.blocks):
        # an enclosure is a text of its own: its head and opener are that text's, not a
        # subdivision's (the Office of the Historian's frus:attachment), and TEI wants a
        # body with some text in it
        div = _el("body", _el("floatingText", div, type=b.type))
    _blocks(div, b.blocks)


#: blocks that give a body its required text (TEI's model.common)
_TEXT_BLOCKS = (m.Paragraph, m.ItemList, m.Table, m.Quote, m.Speech, m.Division)


_BLOCK: dict[type, Callable] = {
    m.Note: _note, m.Paragraph: _p, m.Table: _table, m.Head: _head,
    m.SourceLine: _source_line, m.ItemList: _list,
    m.Dateline: _simple("dateline"), m.Salute: _simple("salute"),
    m.Signed: _simple("signed"), m.Closer: _closer, m.Postscript: _postscript,
    m.Speech: _speech, m.Division: _div,
    m.Opener: _opener, m.Seg: _simple("seg"), m.PageBreak: _pb, m.Quote: _quote,
}

# ------------------------------------------------------------------ header


def _respstmt(parent: etree._Element, r: m.Respons) -> None:
    rs = _el("respStmt", parent, xml_id=r.xml_id)
    _el("resp", rs, r.resp)
    for name in r.names:
        _el("persName", rs, name)
    for name in r.organisations:
        _el("orgName", rs, name)


def _header(doc: m.Document, cfg: Config) -> etree._Element:
    h = doc.header
    hdr = etree.Element(_T + "teiHeader")
    fd = _el("fileDesc", hdr)
    ts = _el("titleStmt", fd)
    _el("title", ts, h.title or doc.id)
    for f in h.funders:
        _el("funder", ts, f)
    for r in h.responsibilities:
        _respstmt(ts, r)

    ps = _el("publicationStmt", fd)
    _el("publisher", ps, cfg.publisher)
    _el("idno", ps, doc.id, type="teikit")
    if cfg.licence:
        _el("licence", _el("availability", ps), cfg.licence, target=cfg.licence_url)

    notes = [(k, v) for k, v in (("source", h.source_note), ("credits", h.credits),
                                 ("contents", h.contents)) if v]
    notes += h.extra_fields
    if notes:
        ns = _el("notesStmt", fd)
        for kind, text in notes:
            _el("note", ns, text, type=kind)

    sd = _el("sourceDesc", fd)
    bibl = _el("bibl", sd)
    if h.citation:
        _inlines(bibl, h.citation)
    else:
        _el("title", bibl, h.title or doc.id)
        if h.date_printed:
            _append_text(bibl, ", ")
            _el("date", bibl, h.date_printed, when=h.date_when)
        if h.url:
            _append_text(bibl, ", ")
            _el("ref", bibl, h.url, target=h.url)
    if h.url and not any(isinstance(x, m.Span) and x.attrs.get("target") == h.url
                         for x in h.citation or []):
        _el("idno", bibl, h.url, type="URI")
    if h.original_language:
        _el("textLang", bibl, h.original_language, mainLang=h.original_language_code)
    if h.archive:
        ms = _el("msDesc", sd)
        mi = _el("msIdentifier", ms)
        a = h.archive
        if a.repository:
            _el("repository", mi, a.repository)
        if a.collection:
            _el("collection", mi, a.collection)
        if a.idno:
            _el("idno", mi, a.idno)
        if not (a.repository or a.collection or a.idno):
            _el("msName", mi, a.printed or "")

    ed = _el("encodingDesc", hdr)
    ai = _el("appInfo", ed)
    app = _el("application", ai, ident="teikit", version=__version__)
    _el("label", app, "teikit")

    pd = _el("profileDesc", hdr)
    if h.date_when or h.date_printed:
        cr = _el("creation", pd)
        _el("date", cr, h.date_printed or h.date_when, when=h.date_when)
    lu = _el("langUsage", pd)
    codes = [doc.lang]
    _el("language", lu, NAMES.get(doc.lang, doc.lang), ident=doc.lang)
    if doc.text_lang and doc.text_lang not in codes:
        codes.append(doc.text_lang)
        _el("language", lu, NAMES.get(doc.text_lang, doc.text_lang), ident=doc.text_lang)
    if h.original_language_code and h.original_language_code not in codes:
        _el("language", lu, h.original_language, ident=h.original_language_code)
    if h.classification:
        tc = _el("textClass", pd)
        kw = _el("keywords", tc, n="classification")
        _el("term", kw, h.classification, type="classification")
    if h.summary:
        _el("p", _el("abstract", pd), h.summary)
    if doc.persons:
        lp = _el("listPerson", _el("particDesc", pd))
        for p in doc.persons:
            _el("persName", _el("person", lp, xml_id=p.key), p.name)

    rd = _el("revisionDesc", hdr)
    src = f" from {doc.source_name}" if doc.source_name else ""
    _el("change", rd, f"Converted{src} by teikit {__version__} (reader: {doc.reader}).")
    for rev in h.revisions:
        _el("change", rd, rev.text, xml_id=rev.xml_id, when=rev.when, who=rev.who)
    return hdr


# ------------------------------------------------------------------ document


def to_tree(doc: m.Document, cfg: Config | None = None) -> etree._Element:
    cfg = cfg or Config()
    root = _el("TEI", None, xml_id=doc.id, xml_lang=doc.lang)
    root.append(_header(doc, cfg))
    text_lang = doc.text_lang if doc.text_lang != doc.lang else None
    body = _el("body", _el("text", root, xml_lang=text_lang))
    _blocks(body, doc.body)
    _indent(root, 0)
    return root


def _indent(e: etree._Element, level: int) -> None:
    name = etree.QName(e).localname
    element_only = name in _ELEMENT_ONLY or (
        name in ("note", "item") and len(e) > 0 and not (e.text or "").strip()
        and all(etree.QName(c).localname in ("p", "list") and not (c.tail or "").strip()
                for c in e))
    if not element_only or len(e) == 0:
        return
    pad = "\n" + "  " * (level + 1)
    e.text = pad
    for c in e:
        c.tail = pad
        _indent(c, level + 1)
    e[-1].tail = "\n" + "  " * level


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def serialize(doc: m.Document, cfg: Config | None = None) -> bytes:
    return to_bytes(to_tree(doc, cfg))
