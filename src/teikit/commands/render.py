"""``teikit render EDITION... -o DIR [--format html,text,epub,pdf|both|all]``: publish
editions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teikit.errors import UsageError

_SINGLE = ("html", "text", "epub", "pdf")
_ALIASES = {"both": ("html", "text"), "all": _SINGLE}


def formats(value: str) -> tuple[str, ...]:
    """``--format``: one format, several separated by commas, ``both`` (html and text) or
    ``all``; in teikit's order, each once."""
    chosen: set[str] = set()
    for part in value.split(","):
        part = part.strip().lower()
        if part in _ALIASES:
            chosen.update(_ALIASES[part])
        elif part in _SINGLE:
            chosen.add(part)
        else:
            raise argparse.ArgumentTypeError(
                f"unknown format {part!r} (choose from {', '.join(_SINGLE)}, both, all; "
                "several separated by commas)")
    return tuple(f for f in _SINGLE if f in chosen)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "render", help="publish editions as a static HTML site and plain text",
        description="Render TEI editions (files, or folders of *.xml) into a self-contained "
        "folder: one HTML page per document, an index by date, an index of persons, and "
        "a plain-text edition of each document. Any TEI P5 file can be rendered; elements "
        "without a rule are shown as their text and reported.")
    p.add_argument("editions", nargs="+", metavar="EDITION", type=Path)
    p.add_argument("-o", "--output", default=Path("output"), type=Path, metavar="DIR",
                   help="output folder (default: output/)")
    p.add_argument("--format", type=formats, default=_ALIASES["both"],
                   metavar="html|text|epub|pdf|both|all",
                   help="what to produce, several separated by commas (default: both = "
                        "html,text); epub: one EPUB 3 of the edition; pdf: a PDF per "
                        "document and one of the edition (needs WeasyPrint: pip install "
                        "'teikit[pdf]')")
    p.add_argument("--title", default="", metavar="TEXT",
                   help="the edition's title (page headers, the books' title)")
    p.add_argument("--publisher", default="", metavar="TEXT",
                   help="the books' publisher")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="the books' date (default: none stated; a fixed timestamp, or "
                        "SOURCE_DATE_EPOCH, keeps them reproducible)")
    p.add_argument("--width", type=int, default=72, metavar="N",
                   help="wrap the text edition at N characters (default 72; 0: no wrapping)")
    p.add_argument("--xslt-html", type=Path, metavar="FILE",
                   help="your own XSLT 1.0 stylesheet for the HTML document pages")
    p.add_argument("--xslt-text", type=Path, metavar="FILE",
                   help="your own XSLT 1.0 stylesheet for the text edition")
    p.add_argument("--templates", type=Path, metavar="DIR",
                   help="folder of jinja2 templates (base.html, document.html, index.html, "
                        "persons.html) and static/ files overriding teikit's own")
    p.add_argument("--register", type=Path, metavar="FILE",
                   help="the edition's register (TEI listPerson/listPlace/listOrg): names, "
                        "dates and authority ids of the persons, places and organisations")
    p.add_argument("--no-search", dest="search", action="store_false",
                   help="build no full-text search index (Pagefind)")
    p.add_argument("-v", "--verbose", action="store_true", help="say what was written")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # imported here, not at the top: every command's parser is built on each start
    from teikit.render import Options, render

    if args.width < 0:
        raise UsageError("--width must be 0 (no wrapping) or a positive number")
    if args.date is not None:
        from teikit.render.book import book_moment
        book_moment(args.date)  # a bad date is a usage error before anything is rendered
    options = Options(output=args.output, formats=args.format, width=args.width,
                      xslt_html=args.xslt_html, xslt_text=args.xslt_text,
                      templates=args.templates, title=args.title, publisher=args.publisher,
                      date=args.date, register=args.register, search=args.search)
    report = render(args.editions, options)
    for d in report.diagnostics:
        print(d.format(), file=sys.stderr)
    print(f"teikit: rendered {len(report.pages)} document(s) from {report.files} file(s) "
          f"into {args.output}", file=sys.stderr)
    return 0
