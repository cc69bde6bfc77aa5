"""The books of a build: ``edition.epub``, ``edition.pdf`` and a PDF per document, each
written again only when what it shows changed.

The records (output name -> [key, size]) live in the build state's ``books``, apart from the
corpus pages', so that neither side takes the other's files for stale.  A document's PDF is
an offprint numbered from 1 and depends on that document alone (see
:func:`teikit.render.pdf.update_pdfs`); the EPUB and the edition PDF hold every document and
change with any of them.  Records of files no longer made (a document removed, a format
dropped) are removed with their files.
"""

from __future__ import annotations

from pathlib import Path

from teikit.build.hashing import key
from teikit.build.worker import ARTICLES
from teikit.files import recorded_intact


def write(units: list[dict], output: Path, cache: Path, options, design: str,
          recorded: dict[str, list], spread=None) -> tuple[dict[str, list], list[str]]:
    """The books of ``units`` (``options``: the site's render options; ``design``: the
    build's digest of code, templates and formats); their records and the names written.
    ``spread``: see :func:`teikit.render.pdf.update_pdfs` (the documents' PDFs laid out in
    the workers while the edition PDF is laid out here)."""
    from teikit.build.pages import _page_objects  # noqa: PLC2701 - the build's own pages
    from teikit.render.book import EPUB_NAME, wants_books
    from teikit.render.site import _environment, _sort_key, book_style  # noqa: PLC2701
    records: dict[str, list] = {}
    if not wants_books(options.formats):
        units = []   # nothing to read; whatever an earlier build made goes
    pages = sorted(_page_objects(units), key=_sort_key)
    for page in pages:
        page.article = (cache / ARTICLES / f"{page.id}.html").read_text(encoding="utf-8")
    edition = options.edition
    if pages and "epub" in options.formats:
        css = book_style("epub.css", options.templates)
        epub_key = key(design, [(u["id"], u["article"], u["meta"]) for u in units],
                       edition.title, edition.publisher, edition.licence,
                       edition.moment().isoformat(), css.decode("utf-8"))
        if recorded_intact(output, EPUB_NAME, epub_key, recorded):
            records[EPUB_NAME] = recorded[EPUB_NAME]
        else:
            from teikit.render.epub import write_epub
            records[EPUB_NAME] = [epub_key, write_epub(pages, output / EPUB_NAME, edition,
                                                       css, options.durable)]
    if pages and "pdf" in options.formats:
        from teikit.render.pdf import update_pdfs
        records.update(update_pdfs(pages, output, edition,
                                   book_style("print.css", options.templates),
                                   _environment(options.templates), options.durable,
                                   recorded, salt=design, spread=spread))
    written = sorted(n for n, rec in records.items() if recorded.get(n) != rec)
    for name in sorted(set(recorded) - set(records)):
        (output / name).unlink(missing_ok=True)
    return records, written


def intact(output: Path, recorded: dict[str, list]) -> bool:
    """Every recorded book still on disk with its recorded size."""
    return all(recorded_intact(output, name, rec[0], recorded) for name, rec in recorded.items())
