"""The edition as one EPUB 3 book, written with the standard library's ``zipfile``.

Layout of the container::

    mimetype                      "application/epub+zip", stored first and uncompressed
    META-INF/container.xml        points at the package document
    EPUB/package.opf              metadata, manifest, spine
    EPUB/nav.xhtml                title page and navigation document (table of contents)
    EPUB/epub.css                 the book's styles
    EPUB/documents/<id>.xhtml     one XHTML file per document, in date order

The documents are the site's sanitised HTML articles, rebuilt element by element in the
XHTML namespace and serialised by lxml as XML, so every file is well-formed whatever the
stylesheet produced.  Footnotes become EPUB 3 footnotes: the marker is an
``<a epub:type="noteref">``, the note an ``<aside epub:type="footnote">`` with a link back,
so reading systems show the note in a pop-up and hide the asides from the flow.

The book is deterministic: entries in a fixed order with a fixed timestamp and mode, the
identifier a hash of the content, and no date but the configured one (see
:data:`teikit.render.book.DEFAULT_DATE`).
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from teikit.render.book import (
    Edition,
    append_text,
    classes,
    languages,
    notes_of,
    parse_article,
)
from teikit.xmlio import atomic_write

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_H = f"{{{XHTML}}}"
_EPUB_TYPE = f"{{{EPUB}}}type"
#: A UUID namespace of teikit's own, so that identifiers are teikit's (uuid5 of the content).
_UUID_NS = uuid.UUID("5b3f7a52-6c0e-4e63-9d43-2f1f6d3c8e11")
_DOCS = "documents"
_BLOCK = frozenset({"p", "div", "ul", "ol", "dl", "blockquote", "table", "section", "pre",
                    "h1", "h2", "h3", "h4", "h5", "h6", "figure", "hr"})


def _xhtml_copy(el: etree._Element) -> etree._Element:
    """``el`` (an lxml.html element, no namespace) rebuilt in the XHTML namespace."""
    out = etree.Element(_H + el.tag)
    _copy_into(el, out)
    return out


def _copy_into(src: etree._Element, out: etree._Element) -> None:
    for name, value in src.attrib.items():
        try:
            out.set(name, value)
        except ValueError:  # an attribute name HTML allows and XML does not: leave it out
            continue
        if name == "lang":
            out.set(XML_LANG, value)
    out.text = src.text
    for child in src:
        if not isinstance(child.tag, str):  # comments, processing instructions
            if child.tail:
                append_text(out, child.tail)
            continue
        try:
            copy = etree.SubElement(out, _H + child.tag)
        except ValueError:
            append_text(out, child.text_content() + (child.tail or ""))
            continue
        _copy_into(child, copy)
        copy.tail = child.tail



def _unwrap(el: etree._Element) -> None:
    """Replace ``el`` by a span with its content (a link with nowhere to go)."""
    for name in list(el.attrib):
        if name not in ("class", "id", "title", "lang", XML_LANG):
            del el.attrib[name]
    el.tag = _H + "span"


def _fix_links(body: etree._Element, here: set[str], documents: dict[str, str]) -> None:
    """Links that work inside the book: in-page ones to an existing id, other documents'
    pages to their XHTML file, the web as it is; anything else is no link.  Images from the
    web become their alt text (remote resources would have to be declared, and fetched)."""
    for el in list(body.iter(_H + "a", _H + "img")):
        if el.tag == _H + "img":
            alt = el.get("alt") or ""
            span = etree.Element(_H + "span", {"class": "img-alt"})
            span.text, span.tail = alt, el.tail
            el.getparent().replace(el, span)
            continue
        href = el.get("href")
        if href is None:
            continue
        if href.startswith("#"):
            if href[1:] not in here:
                _unwrap(el)
        elif href.lower().startswith(("http:", "https:", "mailto:")):
            continue
        else:
            target, _, frag = href.partition("#")
            doc = target[:-5] if target.endswith(".html") else None
            if doc in documents:
                el.set("href", documents[doc] + (f"#{frag}" if frag else ""))
            else:
                _unwrap(el)


def _footnotes(article: etree._Element) -> None:
    """Notes as EPUB footnotes: markers get ``epub:type="noteref"``, each ``li`` of the
    notes list becomes an ``aside epub:type="footnote"`` (the list itself goes)."""
    notes = notes_of(article)
    for a in article.iter("a"):
        if "noteref" in classes(a) and a.get("href", "")[1:] in notes:
            a.set("data-epub-type", "noteref")
    for li in notes.values():
        ol = li.getparent()
        aside = etree.Element("aside", {"id": li.get("id"), "class": "footnote",
                                        "data-epub-type": "footnote"})
        if any(isinstance(c.tag, str) and c.tag in _BLOCK for c in li):
            aside.text = li.text
            aside.extend(list(li))
        else:
            p = etree.SubElement(aside, "p")
            p.text = li.text
            p.extend(list(li))
        aside.tail = None
        ol.addprevious(aside)
        ol.remove(li)
        if not len(ol):
            ol.getparent().remove(ol)


def _epub_types(root: etree._Element) -> None:
    # lxml.html cannot hold a namespaced attribute; the marks are carried over as data-*
    for el in root.iter():
        mark = el.attrib.pop("data-epub-type", None)
        if mark:
            el.set(_EPUB_TYPE, mark)
            el.set("role", "doc-" + mark)


def _document(page, documents: dict[str, str]) -> bytes:
    article = parse_article(page.article)
    _footnotes(article)
    lang = page.meta.lang or "en"
    html_el = etree.Element(_H + "html", {"lang": lang, XML_LANG: lang},
                            nsmap={None: XHTML, "epub": EPUB})
    head = etree.SubElement(html_el, _H + "head")
    etree.SubElement(head, _H + "meta", {"charset": "utf-8"})
    etree.SubElement(head, _H + "title").text = page.meta.title
    etree.SubElement(head, _H + "link", {"rel": "stylesheet", "type": "text/css",
                                          "href": "../epub.css"})
    body = etree.SubElement(html_el, _H + "body")
    body.append(_xhtml_copy(article))
    _epub_types(body)
    here = {el.get("id") for el in body.iter() if el.get("id")}
    _fix_links(body, here, documents)
    return _serialise(html_el)


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                          doctype="<!DOCTYPE html>")


def _nav(pages: Sequence, edition: Edition, files: dict[str, str], lang: str) -> bytes:
    root = etree.Element(_H + "html", {"lang": lang, XML_LANG: lang},
                         nsmap={None: XHTML, "epub": EPUB})
    head = etree.SubElement(root, _H + "head")
    etree.SubElement(head, _H + "meta", {"charset": "utf-8"})
    etree.SubElement(head, _H + "title").text = edition.title
    etree.SubElement(head, _H + "link", {"rel": "stylesheet", "type": "text/css",
                                          "href": "epub.css"})
    body = etree.SubElement(root, _H + "body")
    title = etree.SubElement(body, _H + "section", {"class": "title-page",
                                                     _EPUB_TYPE: "titlepage"})
    etree.SubElement(title, _H + "h1").text = edition.title
    if edition.publisher:
        etree.SubElement(title, _H + "p", {"class": "publisher"}).text = edition.publisher
    if edition.licence:
        etree.SubElement(title, _H + "p", {"class": "licence"}).text = edition.licence
    n = len(pages)
    etree.SubElement(title, _H + "p").text = (
        f"{n} document{'' if n == 1 else 's'}, in date order.")
    toc = etree.SubElement(body, _H + "nav", {_EPUB_TYPE: "toc", "id": "toc",
                                               "role": "doc-toc"})
    etree.SubElement(toc, _H + "h2").text = "Contents"
    ol = etree.SubElement(toc, _H + "ol")
    for page in pages:
        a = etree.SubElement(etree.SubElement(ol, _H + "li"), _H + "a",
                             {"href": f"{_DOCS}/{files[page.id]}"})
        a.text = page.meta.title
        if page.meta.date_printed and page.meta.date_printed not in page.meta.title:
            etree.SubElement(a, _H + "span", {"class": "toc-date"}).text = (
                f" ({page.meta.date_printed})")
    marks = etree.SubElement(body, _H + "nav", {_EPUB_TYPE: "landmarks", "hidden": "hidden"})
    etree.SubElement(marks, _H + "h2").text = "Landmarks"
    lol = etree.SubElement(marks, _H + "ol")
    etree.SubElement(etree.SubElement(lol, _H + "li"), _H + "a",
                     {_EPUB_TYPE: "toc", "href": "nav.xhtml#toc"}).text = "Contents"
    if pages:
        etree.SubElement(etree.SubElement(lol, _H + "li"), _H + "a",
                         {_EPUB_TYPE: "bodymatter",
                          "href": f"{_DOCS}/{files[pages[0].id]}"}).text = "Documents"
    return _serialise(root)


def _container() -> bytes:
    root = etree.Element(f"{{{CONTAINER}}}container", {"version": "1.0"},
                         nsmap={None: CONTAINER})
    files = etree.SubElement(root, f"{{{CONTAINER}}}rootfiles")
    etree.SubElement(files, f"{{{CONTAINER}}}rootfile",
                     {"full-path": "EPUB/package.opf",
                      "media-type": "application/oebps-package+xml"})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _package(pages: Sequence, edition: Edition, files: dict[str, str], langs: list[str],
             identifier: str) -> bytes:
    o = f"{{{OPF}}}"
    d = f"{{{DC}}}"
    root = etree.Element(o + "package", {"version": "3.0", "unique-identifier": "uid",
                                         XML_LANG: langs[0]}, nsmap={None: OPF})
    meta = etree.SubElement(root, o + "metadata", nsmap={"dc": DC})
    etree.SubElement(meta, d + "identifier", {"id": "uid"}).text = identifier
    etree.SubElement(meta, d + "title").text = edition.title
    for lang in langs:
        etree.SubElement(meta, d + "language").text = lang
    if edition.publisher:
        etree.SubElement(meta, d + "publisher").text = edition.publisher
    if edition.licence:
        etree.SubElement(meta, d + "rights").text = edition.licence
    moment = edition.moment()
    if edition.date:
        etree.SubElement(meta, d + "date").text = moment.date().isoformat()
    etree.SubElement(meta, o + "meta", {"property": "dcterms:modified"}).text = (
        moment.strftime("%Y-%m-%dT%H:%M:%SZ"))
    manifest = etree.SubElement(root, o + "manifest")
    etree.SubElement(manifest, o + "item", {"id": "nav", "href": "nav.xhtml",
                                            "media-type": "application/xhtml+xml",
                                            "properties": "nav"})
    etree.SubElement(manifest, o + "item", {"id": "css", "href": "epub.css",
                                            "media-type": "text/css"})
    spine = etree.SubElement(root, o + "spine")
    etree.SubElement(spine, o + "itemref", {"idref": "nav"})
    for i, page in enumerate(pages, 1):
        etree.SubElement(manifest, o + "item", {"id": f"doc{i}",
                                                "href": f"{_DOCS}/{files[page.id]}",
                                                "media-type": "application/xhtml+xml"})
        etree.SubElement(spine, o + "itemref", {"idref": f"doc{i}"})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _zip_info(name: str, edition: Edition, compress: int) -> zipfile.ZipInfo:
    moment = edition.moment()
    info = zipfile.ZipInfo(name, date_time=(max(moment.year, 1980), moment.month, moment.day,
                                            moment.hour, moment.minute, moment.second))
    info.compress_type = compress
    info.create_system = 3                 # Unix, whatever machine builds the book
    info.external_attr = 0o100644 << 16    # a regular file, rw-r--r--
    return info


def build_epub(pages: Sequence, edition: Edition, css: bytes) -> bytes:
    """The EPUB of ``pages`` (site pages with their ``article``, in reading order)."""
    files = {page.id: f"{page.id}.xhtml" for page in pages}
    entries: list[tuple[str, bytes]] = [("EPUB/epub.css", css)]
    for page in pages:
        entries.append((f"EPUB/{_DOCS}/{files[page.id]}", _document(page, files)))
    langs = languages([p.meta.lang for p in pages])
    edition = Edition(edition.title or (pages[0].meta.title if len(pages) == 1 else "")
                      or "teikit edition", edition.publisher, edition.licence, edition.date)
    entries.append(("EPUB/nav.xhtml", _nav(pages, edition, files, langs[0])))
    # the identifier names this content: the same documents and metadata give the same
    # book identity, a changed document a new one
    digest = hashlib.sha256()
    for name, data in sorted(entries):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    digest.update("\0".join([edition.title, edition.publisher, edition.licence or "",
                             edition.date or "", *langs]).encode())
    identifier = f"urn:uuid:{uuid.uuid5(_UUID_NS, digest.hexdigest())}"
    entries.append(("EPUB/package.opf", _package(pages, edition, files, langs, identifier)))
    entries.append(("META-INF/container.xml", _container()))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(_zip_info("mimetype", edition, zipfile.ZIP_STORED),
                   b"application/epub+zip")
        for name, data in sorted(entries):
            z.writestr(_zip_info(name, edition, zipfile.ZIP_DEFLATED), data,
                       compresslevel=9)
    return buffer.getvalue()


def write_epub(pages: Sequence, target: Path, edition: Edition, css: bytes,
               durable: bool = True) -> int:
    """Write the EPUB to ``target``; its size."""
    data = build_epub(pages, edition, css)
    atomic_write(target, data, fsync=durable)
    return len(data)
