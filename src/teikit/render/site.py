"""Rendering a set of editions into one self-contained output folder.

Layout of the folder (every link relative, so it works from ``file://`` and any static
host)::

    index.html          documents by date
    persons.html        every speaker and the documents where they speak
    <unit>.html         one page per document
    text/<unit>.txt     the text edition of each document
    edition.epub        the edition as an EPUB 3 book (format "epub", see .epub)
    edition.pdf         the edition as one PDF, and pdf/<unit>.pdf per document (.pdf)
    tei/<file>.xml      the TEI file a page was rendered from, unchanged
    assets/teikit.css   screen and print styles

Output is deterministic: pages depend on the inputs and options only (no dates, no
counters over a run).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import jinja2
import jinja2.sandbox
from lxml import etree
from markupsafe import Markup

from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError
from teikit.files import xml_files
from teikit.render import registers, search
from teikit.render.book import (
    EPUB_NAME,
    Edition,
    downloads,
    pdf_href,
    wants_books,
)
from teikit.render.metadata import Metadata, metadata_of
from teikit.render.sanitize import sanitize
from teikit.render.text import layout
from teikit.render.transform import HTML_XSLT, TEXT_XSLT, Stylesheet, default_stylesheet
from teikit.render.units import Unit, glue_footnotes, load_units
from teikit.xmlio import atomic_write, write_if_changed

PACKAGE = Path(__file__).resolve().parent
FORMATS = ("html", "text")


@dataclass
class Options:
    output: Path = Path("output")
    formats: tuple[str, ...] = FORMATS
    width: int = 72
    xslt_html: Path | None = None
    xslt_text: Path | None = None
    templates: Path | None = None
    durable: bool = True  # fsync each file; a build skips it and checks sizes instead
    title: str = ""       # the edition's title, shown in every page's header (a project's)
    publisher: str = ""   # the books' publisher (a project's [edition] publisher)
    licence: str | None = None
    date: str | None = None  # the books' date (ISO); None: a fixed one, see render.book

    search: bool = True   # build the Pagefind index (when Pagefind is installed)
    register: Path | None = None  # the editors' register (TEI listPerson/listPlace/listOrg)

    @property
    def edition(self) -> Edition:
        return Edition(self.title, self.publisher, self.licence, self.date)


@dataclass
class Page:
    """One rendered unit and where its files go."""

    id: str
    meta: Metadata
    source: Path
    tei_href: str
    article: str = ""
    facets: dict = field(default_factory=dict)  # search.Facets as a dict (build caches it)
    mentions: list = field(default_factory=list)  # registers.mentions_of (build caches it)

    @property
    def html_href(self) -> str:
        return f"{self.id}.html"

    @property
    def text_href(self) -> str:
        return f"text/{self.id}.txt"

    @property
    def pdf_href(self) -> str:
        return pdf_href(self.id)


@dataclass
class Person:
    name: str
    anchor: str
    pages: list[Page] = field(default_factory=list)


@dataclass
class Report:
    pages: list[Page] = field(default_factory=list)
    files: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    no_rule: Counter = field(default_factory=Counter)
    search: search.IndexReport | None = None


def _environment(templates: Path | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if templates is not None:
        if not templates.is_dir():
            raise TeikitError("--templates: not a folder", file=str(templates), exit_code=2)
        loaders.append(jinja2.FileSystemLoader(str(templates)))
    loaders.append(jinja2.FileSystemLoader(str(PACKAGE / "templates")))
    # sandboxed when there is a template from --templates: that is data an editor
    # downloaded, not code teikit trusts (an ordinary environment lets
    # "{{ cycler.__init__.__globals__.os }}" run commands); teikit's own templates need no
    # sandbox, whose checks of every attribute cost a third of the register pages' time
    kind = jinja2.sandbox.SandboxedEnvironment if templates is not None else jinja2.Environment
    return kind(
        loader=jinja2.ChoiceLoader(loaders), autoescape=True,
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True)


def _sort_key(page: Page) -> tuple:
    m = page.meta
    return (m.date_when is None, m.date_when or "", m.title.casefold(), page.id)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "person"


def persons_index(pages: list[Page]) -> list[Person]:
    """Every speaker (by name), with the pages where they speak, sorted by name."""
    by_name: dict[str, Person] = {}
    for page in pages:
        for sp in page.meta.speakers:
            person = by_name.setdefault(sp.name, Person(sp.name, ""))
            # a page lists a name once however many speakers bear it; pages come one at a
            # time, so its repeats are adjacent (a membership test compared whole pages, for
            # every page of a person seen in many: quadratic in a corpus)
            if not person.pages or person.pages[-1] is not page:
                person.pages.append(page)
    people = sorted(by_name.values(), key=lambda p: (p.name.casefold(), p.name))
    used: Counter = Counter()
    for person in people:
        base = "person-" + _slug(person.name)
        used[base] += 1
        person.anchor = base if used[base] == 1 else f"{base}-{used[base]}"
    return people


class Renderer:
    """Renders units one at a time, keeping only their HTML fragments and metadata."""

    def __init__(self, options: Options) -> None:
        self.options = options
        # the books are made from the HTML articles, so they need the HTML stylesheet too
        self.html = (("html" in options.formats or wants_books(options.formats))
                     and Stylesheet(options.xslt_html or default_stylesheet(HTML_XSLT)))
        self.text = ("text" in options.formats
                     and Stylesheet(options.xslt_text or default_stylesheet(TEXT_XSLT)))
        # speakers are filtered and listed under the register's names (one person, one name)
        self.register = registers.load(options.register) if options.register else None

    def unit(self, unit: Unit, tei_href: str) -> tuple[Page, Counter]:
        meta = metadata_of(unit)
        # the page is in its text's language (its <html lang>, Pagefind's index for it)
        meta.lang = search.text_language(unit, meta)
        page = Page(unit.id, meta, unit.source, tei_href)
        name = f"{unit.source}#{unit.id}" if unit.div is not None else str(unit.source)
        params = {"title": meta.title, "date": meta.date_printed, "doc_lang": meta.lang}
        no_rule: Counter = Counter()
        glue_footnotes(unit.root)
        if self.html:
            article = self.html(unit.root, name, **params).getroot()
            if article is None:
                raise TeikitError(f"stylesheet {self.html.path.name} produced no HTML element",
                                  file=name)
            no_rule = sanitize(article)
            anchors = search.stamp_anchors(article, unit)
            facets = search.facets_of(unit, meta)
            page.mentions = registers.mentions_of(unit, anchors)
            if self.register is not None:
                named = [registers.canonical(self.register, "person", m["refs"], m["names"])
                         or (m["names"] or [""])[0] for m in page.mentions
                         if m["role"] == "speaker"]
                facets.speakers = [n for n in dict.fromkeys(named) if n]
            turns = search.turn_speakers(unit, meta, anchors)
            if self.register is not None:
                turns = registers.turn_names(self.register, page.mentions, turns)
            search.mark(article, meta, facets, turns)
            page.facets = asdict(facets)
            page.article = etree.tostring(article, method="html", encoding="unicode")
        if self.text:
            raw = str(self.text(unit.root, name, **params))
            text = layout(raw, self.options.width)
            target, data = self.options.output / page.text_href, text.encode("utf-8")
            if self.options.durable:
                atomic_write(target, data)
            else:
                write_if_changed(target, data)
        return page, no_rule


def common_context(formats: tuple[str, ...], title: str, with_search: bool = False) -> dict:
    """What every page's template is given besides its own content."""
    return {"has_text": "text" in formats, "css": "assets/teikit.css", "site_title": title,
            "downloads": downloads(formats), "has_pdf": "pdf" in formats,
            "search": with_search, "register": True}


def book_style(name: str, templates: Path | None) -> bytes:
    """A book's stylesheet (``epub.css``, ``print.css``): the editor's ``static/`` copy
    when there is one, else teikit's."""
    if templates is not None and (templates / "static" / name).is_file():
        return (templates / "static" / name).read_bytes()
    return (PACKAGE / "static" / name).read_bytes()


def write_books(pages: list[Page], options: Options) -> list[tuple[str, int]]:
    """The EPUB and PDFs of ``pages`` (with their articles) into ``options.output``; the
    files written (relative names) and their sizes."""
    pages = sorted(pages, key=_sort_key)
    written: list[tuple[str, int]] = []
    if "epub" in options.formats:
        from teikit.render.epub import write_epub
        size = write_epub(pages, options.output / EPUB_NAME, options.edition,
                          book_style("epub.css", options.templates), options.durable)
        written.append((EPUB_NAME, size))
    if "pdf" in options.formats:
        from teikit.render.pdf import write_pdfs
        written += write_pdfs(pages, options.output, options.edition,
                              book_style("print.css", options.templates),
                              _environment(options.templates), options.durable)
    return written


def _copy_static(options: Options) -> None:
    folders = [PACKAGE / "static"]
    if options.templates is not None and (options.templates / "static").is_dir():
        folders.append(options.templates / "static")
    for folder in folders:
        for f in sorted(folder.iterdir()):
            if f.is_file():
                atomic_write(options.output / "assets" / f.name, f.read_bytes())


def _write_pages(report: Report, options: Options) -> None:
    env = _environment(options.templates)
    pages = sorted(report.pages, key=_sort_key)
    people = persons_index(pages)
    anchors = {p.name: p.anchor for p in people}
    out = options.output
    with_search = options.search and search.available()
    common = common_context(options.formats, options.title, with_search)
    doc = env.get_template("document.html")
    indexed: list[tuple[str, str]] = []
    for i, page in enumerate(pages):
        html = doc.render(page=page, article=Markup(page.article),
                          prev=pages[i - 1] if i > 0 else None,
                          next=pages[i + 1] if i + 1 < len(pages) else None,
                          speakers=[(s.name, anchors[s.name]) for s in page.meta.speakers],
                          **common)
        atomic_write(out / page.html_href, html.encode("utf-8"), fsync=options.durable)
        indexed.append((page.html_href, html))
    atomic_write(out / "index.html",
                 env.get_template("index.html").render(pages=pages, **common).encode("utf-8"),
                 fsync=options.durable)
    atomic_write(out / "persons.html",
                 env.get_template("persons.html").render(people=people, **common)
                 .encode("utf-8"), fsync=options.durable)
    register = registers.load(options.register) if options.register else None
    for name, data in register_pages(env, pages, register, common, report.diagnostics,
                                     str(options.register or "")):
        atomic_write(out / name, data, fsync=options.durable)
    _copy_static(options)
    if with_search:
        try:
            report.search = search.build_index(out, indexed, [p.meta.lang for p in pages])
        except TeikitError as e:  # the site is complete without its index: say so, go on
            report.diagnostics.append(Diagnostic(e.file or str(out), 0, 0, "warning",
                                                 e.message, "render-no-search"))
    elif options.search:
        report.diagnostics.append(Diagnostic(
            str(out), 0, 0, "warning", "Pagefind is not installed (pip install "
            "'pagefind[bin]'): the site has no search", "render-no-search"))


def register_pages(env: jinja2.Environment, pages: list[Page],
                   register: registers.Register | None, common: dict,
                   diagnostics: list[Diagnostic], where: str) -> list[tuple[str, bytes]]:
    """``register.html`` and one page per entity; a warning naming the speakers that
    match no entry of the register (when there is one)."""
    entries = register_entries(pages, register, diagnostics, where)
    out = [(e.href, render_entity(env, e, common)) for e in entries]
    out.append(("register.html", render_register(env, entries, register is not None, common)))
    return out


def register_entries(pages: list[Page], register: registers.Register | None,
                     diagnostics: list[Diagnostic], where: str) -> list[registers.Entry]:
    """The register's entries with their occurrences and page names; a warning naming
    the speakers that match no entry."""
    taken = {p.html_href for p in pages} | {"index.html", "persons.html", "register.html"}
    entries, unmatched = registers.page_files(pages, register, taken)
    if unmatched:
        diagnostics.append(Diagnostic(
            where, 0, 0, "warning", f"{len(unmatched)} speaker(s) match no register entry: "
            + "; ".join(unmatched), "register-unmatched"))
    return entries


def render_entity(env: jinja2.Environment, entry: registers.Entry, common: dict) -> bytes:
    return env.get_template("entity.html").render(
        entry=entry, kind_label=registers.KINDS[entry.kind][:-1], **common).encode("utf-8")


def render_register(env: jinja2.Environment, entries: list[registers.Entry],
                    has_register: bool, common: dict) -> bytes:
    return env.get_template("register.html").render(
        entries=entries, kinds=list(registers.KINDS.items()), has_register=has_register,
        **common).encode("utf-8")


def render(paths: list[Path], options: Options) -> Report:
    """Render the TEI files (or folders of ``*.xml``) in ``paths`` into ``options.output``."""
    files = xml_files(paths)
    renderer = Renderer(options)
    report = Report(files=len(files))
    owners: dict[str, Path] = {}
    for path in files:
        tei_href = f"tei/{path.name}"
        if tei_href in owners and owners[tei_href] != path:
            raise TeikitError(f"file name also used by {owners[tei_href]}; output names "
                              "would collide", file=str(path), exit_code=2)
        units = load_units(path)
        no_rule: Counter = Counter()
        for unit in units:
            if unit.id in owners:
                raise TeikitError(f"document id {unit.id!r} also produced by "
                                  f"{owners[unit.id]}", file=str(path), exit_code=2)
            owners[unit.id] = path
            page, missing = renderer.unit(unit, tei_href)
            report.pages.append(page)
            no_rule.update(missing)
        owners[tei_href] = path
        if no_rule:
            listed = ", ".join(f"{n} ×{c}" for n, c in sorted(no_rule.items()))
            report.diagnostics.append(Diagnostic(
                str(path), 0, 0, "warning",
                f"no rule for TEI element(s), rendered as their text: {listed}",
                "render-no-rule"))
            report.no_rule.update(no_rule)
        if "html" in options.formats:
            atomic_write(options.output / tei_href, path.read_bytes())
    try:
        if "html" in options.formats:
            _write_pages(report, options)
        if wants_books(options.formats):
            write_books(report.pages, options)
    except jinja2.TemplateNotFound as e:
        raise TeikitError("no such template (a template can include only templates in "
                          "--templates or teikit's own)", file=str(e.name),
                          exit_code=2) from None
    except jinja2.TemplateError as e:
        where = getattr(e, "filename", None) or getattr(e, "name", None) or "--templates"
        raise TeikitError(f"template refused or broken: {e.message or type(e).__name__}",
                          file=str(where), line=getattr(e, "lineno", 0) or 0,
                          exit_code=2) from None
    return report
