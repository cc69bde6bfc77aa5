"""The corpus pages: one HTML page per document (with links to its neighbours in date
order), ``index.html``, ``persons.html`` and the assets.

Each page has a key made of everything that shows on it — the document's article and
metadata, its neighbours' titles, its speakers' anchors, the templates — so after one
document changes only its own page, its neighbours' (when their links changed) and the
indexes are written again.  The pages look exactly as ``teikit render`` makes them: the same
templates, the same order, the same functions.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from teikit.build.hashing import key
from teikit.build.worker import ARTICLES
from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError
from teikit.files import recorded_intact


@dataclass
class PageReport:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    records: dict[str, list] = field(default_factory=dict)  # output name -> [key, size]
    diagnostics: list = field(default_factory=list)


def _page_objects(units: list[dict]) -> list:
    from teikit.render.metadata import Metadata, Speaker
    from teikit.render.site import Page
    pages = []
    for u in units:
        meta = dict(u["meta"])
        meta["speakers"] = [Speaker(**s) for s in meta["speakers"]]
        pages.append(Page(u["id"], Metadata(**meta), Path(u["edition"]), u["tei_href"],
                          facets=u.get("facets", {}), mentions=u.get("mentions", [])))
    return pages


@functools.cache
def environment(templates: Path | None):
    """The jinja2 environment of the site, once per process."""
    from teikit.render.site import _environment
    return _environment(templates)


def _common(formats: tuple[str, ...], title: str) -> dict:
    from teikit.render.search import available
    from teikit.render.site import common_context
    return common_context(formats, title, available())


def write_documents(jobs: list[tuple], output: Path, cache: Path, formats: tuple[str, ...],
                    templates: Path | None, title: str) -> list[tuple[str, int]]:
    """Write document pages, each job ``(name, page, prev, next, speakers)``; their sizes.
    Runs in the build process or, for many pages, spread over the workers."""
    from markupsafe import Markup

    from teikit.xmlio import atomic_write
    template = environment(templates).get_template("document.html")
    out = []
    for name, page, prev, nxt, speakers in jobs:
        page.article = (cache / ARTICLES / f"{page.id}.html").read_text(encoding="utf-8")
        data = template.render(page=page, article=Markup(page.article), prev=prev, next=nxt,
                               speakers=speakers, **_common(formats, title)).encode("utf-8")
        atomic_write(output / name, data, fsync=False)
        out.append((name, len(data)))
    return out


def write(units: list[dict], output: Path, cache: Path, formats: tuple[str, ...],
          templates: Path | None, title: str, design_digest: str, recorded: dict,
          run_jobs: Callable[[list[tuple]], list[tuple[str, int]]] | None = None,
          register: Path | None = None) -> PageReport:
    """Write every page whose key changed; ``units`` are the unit records of every rendered
    edition (with ``edition`` set).  Pages of documents that are gone are removed.
    ``run_jobs`` writes a list of document pages (default: here, one after the other)."""
    report = PageReport()
    if "html" not in formats:
        _remove_stale(output, recorded, report)
        return report
    from teikit.render.site import _sort_key, persons_index  # noqa: PLC2701 - same site
    pages = sorted(_page_objects(units), key=_sort_key)
    articles = {u["id"]: u["article"] for u in units}
    people = persons_index(pages)
    anchors = {p.name: p.anchor for p in people}
    common = _common(formats, title)

    def render(template: str, **context) -> bytes:
        return environment(templates).get_template(template).render(
            **context, **common).encode("utf-8")

    def emit(name: str, page_key: str, make) -> None:
        if not recorded_intact(output, name, page_key, recorded):
            from teikit.xmlio import atomic_write
            data = make()
            atomic_write(output / name, data, fsync=False)
            report.written.append(name)
            report.records[name] = [page_key, len(data)]
        else:
            report.records[name] = recorded[name]

    jobs, keys = [], {}
    for i, page in enumerate(pages):
        prev = pages[i - 1] if i > 0 else None
        nxt = pages[i + 1] if i + 1 < len(pages) else None
        speakers = [(s.name, anchors[s.name]) for s in page.meta.speakers]
        page_key = key(design_digest, articles[page.id], _meta(page), page.tei_href,
                       _link(prev), _link(nxt), speakers, common)
        if recorded_intact(output, page.html_href, page_key, recorded):
            report.records[page.html_href] = recorded[page.html_href]
        else:
            jobs.append((page.html_href, page, prev, nxt, speakers))
            keys[page.html_href] = page_key
    if jobs:
        run = run_jobs or (lambda js: write_documents(js, output, cache, formats, templates,
                                                       title))
        for name, size in sorted(run(jobs)):
            report.written.append(name)
            report.records[name] = [keys[name], size]

    listing = [(p.id, _meta(p)) for p in pages]
    emit("index.html", key(design_digest, listing, common),
         lambda: render("index.html", pages=pages))
    emit("persons.html", key(design_digest, [(p.name, p.anchor, [q.id for q in p.pages])
                                             for p in people], listing, common),
         lambda: render("persons.html", people=people))
    _register_pages(output, pages, templates, design_digest, common, register, recorded,
                    report)
    copy_assets(output, templates, design_digest, recorded, report)
    if common["search"]:
        _search_index(output, pages, design_digest, recorded, report)
    _remove_stale(output, recorded, report)
    return report


def _register_pages(output: Path, pages: list, templates: Path | None, digest: str,
                    common: dict, register: Path | None, recorded: dict,
                    report: PageReport) -> None:
    """register.html and the entity pages; each written again only when what it shows
    changed (its names, dates, links, or the documents and passages it lists)."""
    from teikit.render import registers
    from teikit.render.site import register_entries, render_entity, render_register
    from teikit.xmlio import atomic_write
    loaded = registers.load(register) if register is not None else None
    entries = register_entries(pages, loaded, report.diagnostics, str(register or ""))
    env = environment(templates)

    def emit(name: str, page_key: str, make) -> None:
        if recorded_intact(output, name, page_key, recorded):
            report.records[name] = recorded[name]
            return
        data = make()
        atomic_write(output / name, data, fsync=False)
        report.written.append(name)
        report.records[name] = [page_key, len(data)]

    def shown(e) -> tuple:
        return (e.kind, e.name, e.alt_names, e.dates, e.note,
                [(a.label, a.id, a.url) for a in e.authorities], e.in_register,
                [(p.html_href, p.meta.title, p.meta.date_printed, where)
                 for p, where in e.occurrences])

    for e in entries:
        emit(e.href, key(digest, shown(e), common), lambda e=e: render_entity(env, e, common))
    emit("register.html", key(digest, loaded is not None, common,
                              [(e.href, e.kind, e.name, e.dates, e.in_register,
                                len(e.occurrences)) for e in entries]),
         lambda: render_register(env, entries, loaded is not None, common))


def _search_index(output: Path, pages: list, digest: str, recorded: dict,
                  report: PageReport) -> None:
    """The Pagefind index of the document pages, rebuilt (from the pages as written) when
    any of them changed: Pagefind has no incremental mode, so one changed page costs a
    whole index (benchmarks/search_bench.py)."""
    from teikit.render import search
    name = f"{search.BUNDLE}/pagefind-entry.json"
    index_key = key(digest, [(p.html_href, report.records[p.html_href][0]) for p in pages])
    if recorded_intact(output, name, index_key, recorded):
        report.records[name] = recorded[name]
        return
    docs = [(p.html_href, (output / p.html_href).read_text(encoding="utf-8")) for p in pages]
    try:
        search.build_index(output, docs, [p.meta.lang for p in pages])
    except TeikitError as e:  # the site is complete without its index: say so, go on
        report.diagnostics.append(Diagnostic(e.file or str(output), 0, 0, "warning",
                                             e.message, "render-no-search"))
        return
    if not docs:  # no documents, no index
        return
    report.written.append(name)
    report.records[name] = [index_key, (output / name).stat().st_size]


#: warnings of the corpus pages that a build with nothing to do says again, from the state
KEPT_WARNINGS = ("register-unmatched",)


def kept_warnings(diagnostics: list[Diagnostic]) -> list[list]:
    """The corpus pages' warnings to keep in the build state (JSON), so that a build that
    rewrites nothing still lists, e.g., the speakers that match no register entry."""
    return [[d.file, d.line, d.col, d.severity, d.message, d.rule]
            for d in diagnostics if d.rule in KEPT_WARNINGS]


def warnings_kept(record: list) -> list[Diagnostic]:
    """The warnings :func:`kept_warnings` recorded (nothing from an older state)."""
    return [Diagnostic(*r) for r in record if isinstance(r, list) and len(r) == 6]


def _remove_stale(output: Path, recorded: dict, report: PageReport) -> None:
    """Pages written by an earlier build that this one did not write or keep."""
    for name in sorted(set(recorded) - set(report.records)):
        if (output / name).is_file():
            (output / name).unlink()
        report.removed.append(name)


def _meta(page) -> tuple:
    m = page.meta
    return (m.title, m.date_when, m.date_printed, m.summary, m.lang,
            [(s.key, s.name) for s in m.speakers])


def _link(page) -> tuple | None:
    return None if page is None else (page.id, page.meta.title)


def copy_assets(output: Path, templates: Path | None, digest: str, recorded: dict,
                report: PageReport) -> None:
    """teikit's static files and the project's own ``templates/static`` over them."""
    from teikit.render.site import PACKAGE
    from teikit.xmlio import atomic_write
    folders = [PACKAGE / "static"]
    if templates is not None and (templates / "static").is_dir():
        folders.append(templates / "static")
    files: dict[str, Path] = {}
    for folder in folders:
        for f in sorted(folder.iterdir()):
            if f.is_file():
                files[f"assets/{f.name}"] = f
    for name, f in sorted(files.items()):
        if recorded_intact(output, name, digest, recorded):
            report.records[name] = recorded[name]
            continue
        data = f.read_bytes()
        atomic_write(output / name, data, fsync=False)
        report.written.append(name)
        report.records[name] = [digest, len(data)]
