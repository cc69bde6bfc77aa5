"""PDFs of the edition: one per document (``pdf/<id>.pdf``) and one of the whole edition
(``edition.pdf``: title page, table of contents, the documents in date order), laid out by
WeasyPrint from the site's articles with a print stylesheet (``static/print.css``, CSS
paged media).

What changes from the screen page, in the article itself before layout:

* every footnote marker becomes the note (``<span class="footnote">`` in place of the
  ``a.noteref``), which the stylesheet floats to the foot of its page
  (``float: footnote``) with the printed marker (``data-n``) as call and marker; notes the
  source printed without a marker stay in the notes list at the end;
* headings carry their text without footnotes in ``data-title`` for bookmarks and running
  heads;
* in the edition PDF every ``id`` is prefixed with its document's (``<id>--``), so the
  documents' notes and ``#page-546`` anchors cannot collide, and links between documents
  lead to the document inside the PDF;
* images and links with nowhere to go in a PDF are dropped; WeasyPrint fetches nothing
  (its URL fetcher refuses every address), so a document cannot make teikit read a file or
  the network.

Deterministic: the PDF's dates are the edition's (see :func:`teikit.render.book.book_moment`),
its file identifier a hash of the input, so the same input gives the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from lxml import etree
from markupsafe import Markup

from teikit.errors import TeikitError
from teikit.files import recorded_intact
from teikit.render.book import (
    PDF_NAME,
    Edition,
    append_text,
    classes,
    heading_text,
    languages,
    notes_of,
    parse_article,
    pdf_href,
)
from teikit.xmlio import atomic_write

#: (due, output, css_text, stamp, durable) -> a function waiting for [(name, size)].
Spread = Callable[..., Callable[[], list[tuple[str, int]]]]
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: Block elements inside a note become display:block spans: the note is an inline float in
#: the paragraph where its marker stood, and a block element there would end the paragraph
#: when WeasyPrint's HTML parser reads the page.
_NOTE_BLOCKS = frozenset({"p", "div", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
                          "table", "tr", "td", "th", "tbody", "thead", "section", "pre",
                          "h1", "h2", "h3", "h4", "h5", "h6"})


def weasyprint():
    """The WeasyPrint module, or one line saying how to install it."""
    try:
        import weasyprint as wp
    except ImportError as e:  # also OSError-like failures of its system libraries
        raise TeikitError(f"--format pdf needs WeasyPrint ({e}); install it with "
                          "pip install 'teikit[pdf]'", exit_code=2) from None
    except OSError as e:
        raise TeikitError(f"--format pdf: WeasyPrint cannot load its system libraries "
                          f"(pango, harfbuzz): {e}", exit_code=2) from None
    return wp


def _no_fetch(url: str, *args, **kwargs):
    # every resource a page needs is inline; nothing may be read from disk or the web
    raise ValueError(f"teikit's PDFs load no resources ({url})")


def _footnotes(article: etree._Element) -> None:
    notes = notes_of(article)
    used = set()
    for a in list(article.iter("a")):
        target = (a.get("href") or "")[1:]
        if "noteref" not in classes(a) or target not in notes or target in used:
            continue
        used.add(target)
        li = notes[target]
        note = etree.Element("span", {"class": "footnote", "id": target,
                                      "data-n": " ".join(a.text_content().split())})
        note.text = li.text
        for child in list(li):
            if "note-n" in classes(child) or "backref" in classes(child):
                # the number is the float's marker now; the way back is the call itself
                if child.tail:
                    append_text(note, child.tail)
                continue
            note.append(child)
        note.text = (note.text or "").lstrip()
        for el in note.iter():
            if el is not note and el.tag in _NOTE_BLOCKS:
                el.set("class", f"fn-block fn-{el.tag} {el.get('class') or ''}".strip())
                el.tag = "span"
        note.tail = a.tail
        a.getparent().replace(a, note)
        li.getparent().remove(li)
    for ol in list(article.iter("ol")):
        if "notes" in classes(ol) and not len(ol):
            section = ol.getparent()
            if section is not None and section.tag == "section" and "notes" in classes(section):
                section.getparent().remove(section)
            else:
                ol.getparent().remove(ol)


_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em",
                     "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub",
                     "sup", "time", "u", "var", "ins", "del"})


def _spaces_into_inlines(article: etree._Element) -> None:
    """Move the space before an inline element into it ("with <i>x</i>" → "with<i> x</i>").

    WeasyPrint 70 mis-breaks a line whose last break opportunity is a space ending the text
    before an inline element: it goes back to the line's first space ("Our" alone on a line,
    then the rest).  Inside the element the same space breaks properly; the text is
    unchanged, and in print the marks carry no background that would show the space.
    """
    for el in article.iter(*_INLINE):
        cls = classes(el)
        if "footnote" in cls or "pb" in cls or el.text is None and not len(el):
            continue
        prev = el.getprevious()
        before = prev.tail if prev is not None else el.getparent().text
        if not before or not before[-1].isspace():
            continue
        stripped = before.rstrip()
        moved = before[len(stripped):]
        if prev is not None:
            prev.tail = stripped
        else:
            el.getparent().text = stripped
        el.text = moved[-1] + (el.text or "")


def _unwrap(el: etree._Element) -> None:
    for name in list(el.attrib):
        if name not in ("class", "id", "title", "lang"):
            del el.attrib[name]
    el.tag = "span"


def _prepare(page, prefix: str, documents: dict[str, str]) -> str:
    """The page's article ready for print; ``prefix`` goes before every id (the edition
    PDF), ``documents`` maps a page id to where links to its page go."""
    article = parse_article(page.article)
    for h in article.iter(*_HEADINGS):
        h.set("data-title", heading_text(h))   # before the notes move into the heading
    _footnotes(article)
    _spaces_into_inlines(article)
    ids = {el.get("id") for el in article.iter() if el.get("id")}
    for el in article.iter():
        if el.get("id"):
            el.set("id", prefix + el.get("id"))
    for el in list(article.iter("a", "img")):
        if el.tag == "img":
            span = etree.Element("span", {"class": "img-alt"})
            span.text, span.tail = el.get("alt") or "", el.tail
            el.getparent().replace(el, span)
            continue
        href = el.get("href")
        if href is None or href.lower().startswith(("http:", "https:", "mailto:")):
            continue
        if href.startswith("#"):
            if href[1:] in ids:
                el.set("href", f"#{prefix}{href[1:]}")
            else:
                _unwrap(el)
            continue
        target = href.partition("#")[0]
        doc = target[:-5] if target.endswith(".html") else None
        if doc in documents:
            el.set("href", documents[doc])
        else:
            _unwrap(el)
    article.set("id", prefix + "document" if prefix else "document")
    return etree.tostring(article, method="html", encoding="unicode")


def _layout(wp, source: str, css):
    return wp.HTML(string=source, url_fetcher=_no_fetch, base_url=None).render(
        stylesheets=[css], font_config=_fonts())


def _bytes(document, source: str, moment_key: str) -> bytes:
    # the file identifier names the input, so the same input gives the same bytes
    identifier = hashlib.sha256(source.encode("utf-8") + moment_key.encode()).hexdigest()
    return document.write_pdf(pdf_identifier=identifier[:32].encode())


@functools.cache
def _fonts():
    """One font configuration per process: WeasyPrint's font cache, shared by the CSS and
    every document."""
    from weasyprint.text.fonts import FontConfiguration
    return FontConfiguration()


def write_pdfs(pages: Sequence, output: Path, edition: Edition, css_text: bytes,
               env, durable: bool = True) -> list[tuple[str, int]]:
    """A PDF per page (``pdf/<id>.pdf``) and ``edition.pdf``; (name, size) of each.
    ``pages`` are in reading (date) order; ``env`` is the site's jinja2 environment (for
    ``print.html``, which an editor's ``--templates`` may replace)."""
    records = update_pdfs(pages, output, edition, css_text, env, durable)
    return [(name, size) for name, (_, size) in records.items()]


def update_pdfs(pages: Sequence, output: Path, edition: Edition, css_text: bytes, env,
                durable: bool = True, recorded: dict[str, list] | None = None,
                salt: str = "", spread: Spread | None = None) -> dict[str, list]:
    """Write the PDFs of :func:`write_pdfs` whose content changed; the record of every PDF
    (name -> [key, size]).  ``recorded`` holds the records of an earlier call: a PDF whose
    key is the recorded one and whose file has the recorded size is not laid out again.
    ``salt`` goes into every key (the build's digest of teikit's code and templates).
    ``spread`` starts :func:`write_offprints` on the documents' PDFs that are due elsewhere
    (a build's worker processes) and returns how to wait for them: the edition PDF is laid
    out meanwhile.

    Each document's own PDF is an offprint numbered from 1 ("p. 3 of the document"), so it
    depends on that document alone (its article, the stylesheet, the template and the
    edition's metadata): a change in one document rewrites one offprint.  The edition PDF
    numbers its pages continuously and lays every document out again from the page where it
    starts — it changes whenever any document does.  The contents' page numbers are known
    from those layouts, without CSS ``target-counter()`` (which in WeasyPrint 70 lays pages
    out again and loses their footnotes).
    """
    wp = weasyprint()
    recorded = recorded or {}
    css = wp.CSS(string=css_text.decode("utf-8"), url_fetcher=_no_fetch,
                 font_config=_fonts())
    stamp = edition.moment().strftime("%Y-%m-%dT%H:%M:%SZ")
    template = env.get_template("print.html")
    title = edition.title or (pages[0].meta.title if len(pages) == 1 else "") \
        or "teikit edition"
    common = {"edition": edition, "date": stamp, "generator": "teikit"}
    langs = languages([p.meta.lang for p in pages])
    # ids carry their document's prefix in both PDFs, so the edition's anchors are unique
    # and a link to another document leads to it inside the edition
    inside = {p.id: f"#{p.id}--document" for p in pages}
    entries = [{"page": p, "anchor": f"{p.id}--document", "article": None} for p in pages]
    sources = [template.render(
        kind="document", title=page.meta.title, lang=page.meta.lang or "en",
        documents=[{"page": page, "anchor": f"{page.id}--document",
                    "article": Markup(_prepare(page, f"{page.id}--", inside))}],
        description=page.meta.summary, numbers=None, **common) for page in pages]
    salt = _key(salt, wp.__version__, css_text.decode("utf-8"), stamp)
    records: dict[str, list] = {}
    due: list[tuple[str, str, str]] = []
    for page, source in zip(pages, sources, strict=True):
        name, doc_key = pdf_href(page.id), _key(salt, source)
        if recorded_intact(output, name, doc_key, recorded):
            records[name] = recorded[name]
        else:
            due.append((name, doc_key, source))
            records[name] = [doc_key, 0]   # its size once written
    offprints = (spread or _here)(due, output, css_text, stamp, durable)

    def front(numbers: list[int]):
        source = template.render(kind="edition", title=title, lang=langs[0],
                                 documents=entries, description="", numbers=numbers,
                                 **common)
        return source, _layout(wp, source, css)

    # the contents with placeholder numbers name everything the edition shows but the
    # numbers, which follow from the documents' sources
    placeholder = template.render(kind="edition", title=title, lang=langs[0],
                                  documents=entries, description="",
                                  numbers=[0] * len(pages), **common)
    edition_key = _key(salt, placeholder, *(records[pdf_href(p.id)][0] for p in pages))
    if not recorded_intact(output, PDF_NAME, edition_key, recorded):
        records[PDF_NAME] = _write_edition(wp, css, sources, front, output, stamp, durable,
                                           len(pages), edition_key)
    else:
        records[PDF_NAME] = recorded[PDF_NAME]
    for name, size in offprints():
        records[name][1] = size
    return records


def write_offprints(due: list[tuple[str, str, str]], output: Path, css_text: bytes,
                    stamp: str, durable: bool) -> list[tuple[str, int]]:
    """Lay out and write documents' PDFs, each ``(name, key, source)``; (name, size) of
    each.  A module function, so that a build's worker processes can run it."""
    wp = weasyprint()
    css = wp.CSS(string=css_text.decode("utf-8"), url_fetcher=_no_fetch,
                 font_config=_fonts())
    written = []
    for name, _, source in due:
        data = _bytes(_render(wp, source, css, 1), source, stamp)
        atomic_write(output / name, data, fsync=durable)
        written.append((name, len(data)))
    return written


def _here(due, output, css_text, stamp, durable) -> Callable[[], list[tuple[str, int]]]:
    written = write_offprints(due, output, css_text, stamp, durable)
    return lambda: written


def _write_edition(wp, css, sources: list[str], front, output: Path, stamp: str,
                   durable: bool, count: int, edition_key: str) -> list:
    # the front matter's length with the widest numbers it can show, then the documents
    # from the page after it; should the real numbers change that length, again
    first = len(front([10 ** 6] * count)[1].pages) + 1
    for _ in range(3):
        layouts, numbers, number = [], [], first
        for source in sources:
            document = _render(wp, source, css, number)
            layouts.append(document)
            numbers.append(number)
            number += len(document.pages)
        source, matter = front(numbers)
        if len(matter.pages) + 1 == first:
            break
        first = len(matter.pages) + 1
    edition_pdf = matter.copy([pg for doc in [matter, *layouts] for pg in doc.pages])
    data = _bytes(edition_pdf, source + "".join(str(n) for n in numbers), stamp)
    atomic_write(output / PDF_NAME, data, fsync=durable)
    return [edition_key, len(data)]


def _render(wp, source: str, css, first_page: int):
    """The layout of one document whose first page bears the number ``first_page``."""
    start = wp.CSS(string=f"@page :first {{ counter-reset: page {first_page} }}")
    return wp.HTML(string=source, url_fetcher=_no_fetch, base_url=None).render(
        stylesheets=[css, start], font_config=_fonts())


def _key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:32]
