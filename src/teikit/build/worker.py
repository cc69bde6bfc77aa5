"""One document through all its stages — convert, validate, render — in one task.

Runs in a pool process (or in the build's own process with ``-j 1``).  The process is set
up once by :func:`init` (schemas and stylesheets compiled there), then :func:`run` takes
tasks.  A task never raises: whatever goes wrong becomes a diagnostic in its result, so one
bad document cannot stop the others.
"""

from __future__ import annotations

import hashlib
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import etree

from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError

ARTICLES = "articles"


@dataclass(frozen=True)
class Setup:
    """Everything a worker needs, fixed for one build."""

    root: Path
    tei_dir: Path
    output_dir: Path
    cache_dir: Path
    formats: tuple[str, ...]
    width: int
    schemas: tuple[Path, ...] | None
    xslt_html: Path | None
    xslt_text: Path | None
    templates: Path | None
    title: str
    publisher: str
    licence: str | None
    licence_url: str | None
    validate_digest: str
    render_digest: str
    convert_digest: str
    register: Path | None = None


@dataclass
class Task:
    index: int
    source: str | None          # project-relative path, or None for an edition on its own
    reader: str = "auto"
    edition: str | None = None  # project-relative; None until the first conversion
    convert: bool = False       # the source (or what converts it) changed
    force: bool = False
    recorded_edition_sha: str | None = None
    validate_key: str | None = None   # as recorded by the last build
    render_key: str | None = None


@dataclass
class Result:
    index: int
    source: str | None
    edition: str | None = None
    edition_stat: list | None = None   # [mtime_ns, size, sha256] after this task
    converted: bool = False
    validated: bool = False
    rendered: bool = False
    failed: bool = False
    hand_edited: bool = False
    wrote_edition: bool = False
    convert_key: str | None = None     # keys of the stages now up to date
    validate_key: str | None = None
    render_key: str | None = None
    units: list[dict] | None = None
    outputs: dict[str, int] | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    times: dict[str, float] = field(default_factory=dict)


_PROCESS: dict = {}


def init(setup: Setup) -> None:
    """Compile what every document needs, once per process: the schemas and the XSLT."""
    from teikit.render.site import Options, Renderer
    from teikit.validate import schemas
    _PROCESS["validators"] = schemas.load_all(list(setup.schemas) if setup.schemas else None)
    _PROCESS["setup"] = setup
    _PROCESS["renderer"] = Renderer(Options(
        output=setup.output_dir, formats=setup.formats, width=setup.width,
        xslt_html=setup.xslt_html, xslt_text=setup.xslt_text, durable=False,
        register=setup.register))


def run(task: Task) -> Result:
    setup: Setup = _PROCESS["setup"]
    result = Result(task.index, task.source, task.edition)
    try:
        _stages(setup, task, result)
    except TeikitError as e:
        result.failed = True
        result.diagnostics.append(Diagnostic(e.file or task.edition or task.source or "?",
                                             e.line, e.col, "error", e.message, e.rule))
    except Exception as e:  # noqa: BLE001 - a bug on one document must not stop the build
        result.failed = True
        where = traceback.extract_tb(e.__traceback__)[-1]
        result.diagnostics.append(Diagnostic(
            task.edition or task.source or "?", 0, 0, "error",
            f"internal error: {type(e).__name__}: {e} (at {Path(where.filename).name}:"
            f"{where.lineno})", "internal"))
    return result


def run_batch(tasks: list[Task]) -> list[Result]:
    return [run(t) for t in tasks]


def write_pages(jobs: list[tuple]) -> list[tuple[str, int]]:
    """Write a share of the document pages (see :func:`teikit.build.pages.write`)."""
    from teikit.build.pages import write_documents
    s: Setup = _PROCESS["setup"]
    return write_documents(jobs, s.output_dir, s.cache_dir, s.formats, s.templates, s.title)


def _display(setup: Setup, rel: str) -> str:
    return str(setup.root / rel)


def _stages(setup: Setup, task: Task, result: Result) -> None:
    if task.source is not None and task.convert:
        data = _convert(setup, task, result)
    else:
        data = (setup.root / task.edition).read_bytes()
        if task.source is not None and _sha(data) != task.recorded_edition_sha:
            _note_hand_edit(setup, task, result, data)
    sha = _sha(data)
    st = (setup.root / result.edition).stat()
    result.edition_stat = [st.st_mtime_ns, st.st_size, sha]
    name = _display(setup, result.edition)
    tree = _validate_stage(setup, task, result, data, sha, name)
    if any(d.rule == "xml-syntax" for d in result.diagnostics):
        return  # not XML: nothing to render, and the error is already said
    _render_stage(setup, task, result, data, sha, name, tree)


def _validate_stage(setup: Setup, task: Task, result: Result, data: bytes, sha: str,
                    name: str) -> etree._ElementTree | None:
    """Validate unless this edition was found valid with these schemas before; a key is
    recorded only for a valid edition, so problems are reported on every build.  The tree
    parsed for validation (None when there was none), for the renderer to use again."""
    from teikit.build.hashing import key
    vkey = key(sha, setup.validate_digest)
    if vkey == task.validate_key and not task.force:
        result.validate_key = vkey
        return None
    start = time.process_time()
    problems, tree = _validate(data, name)
    result.times["validate"] = time.process_time() - start
    result.validated = True
    result.diagnostics.extend(problems)
    if any(d.severity == "error" for d in problems):
        result.failed = True
    else:
        result.validate_key = vkey
    return tree


def _render_stage(setup: Setup, task: Task, result: Result, data: bytes, sha: str,
                  name: str, tree: etree._ElementTree | None) -> None:
    """Render unless this edition was rendered with these stylesheets before (an invalid
    edition is rendered too, so the preview shows it)."""
    from teikit.build.hashing import key
    rkey = key(sha, setup.render_digest)
    if rkey == task.render_key and not task.force:
        result.render_key = rkey
        return
    start = time.process_time()
    _render(setup, result, name, data, tree)
    result.times["render"] = time.process_time() - start
    result.rendered = True
    result.render_key = rkey


def _validate(data: bytes, name: str) -> tuple[list[Diagnostic], etree._ElementTree | None]:
    """As :func:`teikit.validate.validate_bytes`, with the validators this process compiled
    at start-up; also the parsed tree (None when the edition is not XML)."""
    from teikit.validate import document
    from teikit.validate.runner import check
    try:
        doc = document.from_bytes(data, name)
    except TeikitError as e:
        return [Diagnostic(e.file or name, e.line, e.col, "error", e.message, e.rule)], None
    return check(doc, _PROCESS["validators"]), doc.tree


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _convert(setup: Setup, task: Task, result: Result) -> bytes:
    """Convert the source and write its edition (unless edited by hand); the edition's
    bytes.  A source that cannot be converted raises :class:`TeikitError`."""
    from teikit.build.hashing import key
    from teikit.convert import convert_bytes
    from teikit.editions import State, stamp, state_of
    from teikit.files import read_bytes
    from teikit.sources import MAX_SOURCE_BYTES
    from teikit.writers.tei import Config
    from teikit.xmlio import atomic_write

    start = time.process_time()
    source = setup.root / task.source
    raw = read_bytes(source, MAX_SOURCE_BYTES)  # read once: hashed and converted
    conv = convert_bytes(raw, str(source), task.reader, None,
                         Config(setup.publisher, setup.licence, setup.licence_url))
    result.converted = True
    result.diagnostics.extend(conv.diagnostics)
    if any(d.severity == "error" for d in conv.diagnostics):
        result.failed = True
    rel = (Path(setup.tei_dir.relative_to(setup.root)) / f"{conv.document.id}.xml").as_posix()
    result.edition = rel
    target = setup.root / rel
    stamped = stamp(conv.data)
    try:
        old = target.read_bytes()
    except FileNotFoundError:
        old = None
    data = stamped
    if old != stamped:
        if state_of(old) is State.EDITED and not task.force:
            result.hand_edited = True
            result.diagnostics.append(_hand_edit_warning(setup, rel, task.source))
            data = old
        else:
            atomic_write(target, stamped, fsync=False)  # synced once, at the end of the build
            result.wrote_edition = True
    result.convert_key = key(_sha(raw), task.reader, setup.convert_digest)
    result.times["convert"] = time.process_time() - start
    return data


def _hand_edit_warning(setup: Setup, rel: str, source: str) -> Diagnostic:
    return Diagnostic(_display(setup, rel), 0, 0, "warning",
                      f"edited by hand since teikit wrote it: rendered as it is, not "
                      f"reconverted from {source} (teikit build --force replaces it)",
                      "hand-edited")


def _note_hand_edit(setup: Setup, task: Task, result: Result, data: bytes) -> None:
    from teikit.editions import State, state_of
    if state_of(data) is State.EDITED:
        result.hand_edited = True
        result.diagnostics.append(_hand_edit_warning(setup, task.edition, task.source))


def _render(setup: Setup, result: Result, name: str, data: bytes,
            tree: etree._ElementTree | None) -> None:
    from collections import Counter

    from teikit.render.units import load_units
    from teikit.xmlio import parse_bytes, write_if_changed

    renderer = _PROCESS["renderer"]
    path = setup.root / result.edition
    tei_href = f"tei/{path.name}"
    units, outputs = [], {}
    no_rule: Counter = Counter()
    if tree is None:
        tree = parse_bytes(data, str(path))
    for unit in load_units(path, tree):
        page, missing = renderer.unit(unit, tei_href)
        no_rule.update(missing)
        record = {"id": page.id, "meta": asdict(page.meta), "tei_href": tei_href,
                  "article": "", "facets": page.facets, "mentions": page.mentions}
        if renderer.html:
            article = page.article.encode("utf-8")
            record["article"] = _sha(article)
            cached = setup.cache_dir / ARTICLES / f"{page.id}.html"
            write_if_changed(cached, article)
            outputs[_out(setup, cached)] = len(article)
        if renderer.text:
            text = setup.output_dir / page.text_href
            outputs[_out(setup, text)] = text.stat().st_size
        units.append(record)
    if "html" in setup.formats:  # the site links it; the books alone need no copy
        copy = setup.output_dir / tei_href
        write_if_changed(copy, data)
        outputs[_out(setup, copy)] = len(data)
    if no_rule:
        listed = ", ".join(f"{n} ×{c}" for n, c in sorted(no_rule.items()))
        result.diagnostics.append(Diagnostic(
            name, 0, 0, "warning",
            f"no rule for TEI element(s), rendered as their text: {listed}", "render-no-rule"))
    result.units = units
    result.outputs = outputs


def _out(setup: Setup, path: Path) -> str:
    return path.relative_to(setup.output_dir).as_posix()
