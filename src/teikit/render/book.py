"""What the EPUB and the PDFs share: the edition's description, their file names, the date
they carry, and the site's HTML articles taken apart for them.

Both books are made from the very fragments the site shows (``Page.article``: the output of
the stylesheet after :mod:`.sanitize`), so the three publications never disagree about the
text; only the way notes, page markers and links are presented differs.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree, html

from teikit.errors import TeikitError

#: Formats made from the HTML articles of all documents at once.
BOOK_FORMATS = ("epub", "pdf")
EPUB_NAME = "edition.epub"
PDF_NAME = "edition.pdf"     # the whole edition; documents' PDFs are pdf/<id>.pdf
PDF_DIR = "pdf"

#: The date the books carry when none is configured: the start of the ZIP format's clock,
#: so that an unconfigured build is the same bytes on every day (EPUB 3 requires a
#: ``dcterms:modified``; reproducible-builds' SOURCE_DATE_EPOCH overrides it).
DEFAULT_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
_ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?Z?)?$")


@dataclass(frozen=True)
class Edition:
    """The edition as a whole, as the books' metadata states it."""

    title: str = ""
    publisher: str = ""
    licence: str | None = None
    date: str | None = None   # configured ISO date: the books' date; None: none stated

    def moment(self) -> dt.datetime:
        """The books' timestamp (EPUB ``dcterms:modified``, ZIP entries, PDF dates)."""
        return book_moment(self.date)


def book_moment(date: str | None) -> dt.datetime:
    if date:
        if not _ISO_DATE.match(date):
            raise TeikitError(f"edition date {date!r}: expected YYYY-MM-DD or "
                              "YYYY-MM-DDTHH:MM:SSZ", exit_code=2)
        stamp = dt.datetime.fromisoformat(date.rstrip("Z"))
        return stamp.replace(tzinfo=dt.UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return max(dt.datetime.fromtimestamp(int(epoch), dt.UTC), DEFAULT_DATE)
    return DEFAULT_DATE


def wants_books(formats: tuple[str, ...]) -> bool:
    return any(f in BOOK_FORMATS for f in formats)


def downloads(formats: tuple[str, ...]) -> list[tuple[str, str]]:
    """(label, href relative to the site root) of the edition-wide downloads built."""
    found = []
    if "epub" in formats:
        found.append(("EPUB e-book of the edition", EPUB_NAME))
    if "pdf" in formats:
        found.append(("PDF of the edition", PDF_NAME))
    return found


def pdf_href(page_id: str) -> str:
    return f"{PDF_DIR}/{page_id}.pdf"


def languages(langs: list[str]) -> list[str]:
    """The edition's languages, most documents first (ties by name); English without any."""
    counts = Counter(lang for lang in langs if lang)
    ordered = sorted(counts, key=lambda lang: (-counts[lang], lang))
    return ordered or ["en"]


def parse_article(article: str) -> etree._Element:
    """The site's ``<article>`` fragment as an element tree (no namespace)."""
    return html.fragment_fromstring(article)


def heading_text(el: etree._Element) -> str:
    """A heading's text without its footnote markers (for bookmarks and running heads)."""
    parts = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not (child.tag == "a" and "noteref" in (child.get("class") or "").split()):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return " ".join("".join(parts).split())


def append_text(el: etree._Element, text: str) -> None:
    """Add ``text`` at the end of ``el``'s content (after its last child, if any)."""
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


def notes_of(article: etree._Element) -> dict[str, etree._Element]:
    """The article's footnotes (``ol.notes > li``) by id."""
    found = {}
    for ol in article.iter("ol"):
        if "notes" in classes(ol):
            for li in ol.iterchildren("li"):
                if li.get("id"):
                    found[li.get("id")] = li
    return found
