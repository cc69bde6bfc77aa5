"""One build: plan what is out of date, run the documents through the pool, write the corpus
pages and the new state.

Documents come from two places: the configured sources (each converted into an edition in
``tei/``) and the editions already in ``tei/`` that no source claims (hand-made editions, or
all of them when the sources are not at hand).  Sources are built first; the remaining
editions after, once it is known which editions the sources produced, so that no two tasks
ever work on the same file.
"""

from __future__ import annotations

import glob
import itertools
import os
import re
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from teikit.build import books
from teikit.build import state as state_file
from teikit.build.hashing import PACKAGE, Hashes, code_digest, folder_digest, key
from teikit.build.progress import Progress, Summary
from teikit.build.project import CONFIG, Project
from teikit.build.worker import Result, Setup, Task
from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError
from teikit.resources import resource_dir

#: Fewer document pages than this are written by the build process itself.
SPREAD_MIN = 64
#: Most documents handed to a worker at once.
BATCH = 8


@dataclass
class Options:
    jobs: int = 0          # 0: every core
    force: bool = False


def _digests(project: Project, hashes: Hashes) -> dict[str, str]:
    code = code_digest(hashes)
    root = project.root
    schemas = ([root / s for s in project.schemas] if project.schemas else None)
    schema_digest = (hashes.of_files(schemas) if schemas
                     else folder_digest(hashes, resource_dir("schemas")))
    xslt = [root / p for p in (project.xslt_html, project.xslt_text) if p]
    templates = project.path(project.templates)
    return {
        "convert": key(code, project.publisher, project.licence, project.licence_url),
        "validate": key(code, schema_digest),
        # the register names the speakers in the search filters and the index
        "render": key(code, folder_digest(hashes, resource_dir("xslt")),
                      hashes.of_files([_register(project)] if _register(project) else []),
                      hashes.of_files(xslt), project.width, project.formats,
                      project.xslt_html, project.xslt_text),
        "design": key(code, folder_digest(hashes, PACKAGE / "render" / "templates"),
                      folder_digest(hashes, PACKAGE / "render" / "static"),
                      folder_digest(hashes, templates),
                      project.formats),
    }


def _register(project: Project) -> Path | None:
    path = project.path(project.register)
    return path if path is not None and path.is_file() else None


def _rel(project: Project, path: str) -> str:
    return Path(os.path.relpath(path, project.root)).as_posix()


def discover_sources(project: Project) -> tuple[list[tuple[str, str]], list[str]]:
    """(source, reader) pairs in name order, and warnings about globs that found nothing."""
    found: dict[str, str] = {}
    notes = []
    for g in project.sources:
        pattern = str(project.root / g.glob)
        folder = Path(os.path.dirname(re.split(r"[*?[]", pattern)[0]))  # before any wildcard
        matches = sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
        if not folder.is_dir():
            notes.append(f"teikit.toml: sources: folder {folder} does not exist; building "
                         f"the editions already in {project.tei}/")
        elif not matches:
            notes.append(f"teikit.toml: sources: no file matches {g.glob}")
        for m in matches:
            found.setdefault(_rel(project, m), g.reader)
    return sorted(found.items()), notes


def discover_editions(project: Project) -> list[str]:
    if not project.tei_dir.is_dir():
        return []
    return sorted(_rel(project, str(p)) for p in project.tei_dir.glob("*.xml") if p.is_file())


class _Pool:
    """Runs tasks in this process (-j 1) or in worker processes set up once."""

    def __init__(self, setup: Setup, jobs: int) -> None:
        self.setup, self.jobs = setup, jobs
        self.pool: ProcessPoolExecutor | None = None
        self.local = False

    def run(self, tasks: list[Task], done) -> None:
        from teikit.build import worker
        if not tasks:
            return
        if self.jobs <= 1 or (len(tasks) == 1 and self.pool is None):
            if not self.local:
                worker.init(self.setup)
                self.local = True
            for t in tasks:
                done(worker.run(t))
            return
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=min(self.jobs, len(tasks)),
                                            initializer=worker.init, initargs=(self.setup,))
        try:
            self._in_pool(tasks, done)
        except BrokenProcessPool:
            # A worker could not start (seen at a result, or already at a submission): set
            # one up here to say why (a stylesheet or schema that does not compile), else
            # report the breakage itself.
            worker.init(self.setup)
            raise

    def _in_pool(self, tasks: list[Task], done) -> None:
        from teikit.build import worker
        assert self.pool is not None
        # Tasks go in small batches (each a round trip between processes saved) and a
        # bounded window of batches is in flight: memory stays flat however large the corpus.
        size = max(1, min(BATCH, len(tasks) // (self.jobs * 8)))
        pending = iter([tasks[i:i + size] for i in range(0, len(tasks), size)])
        window = {self.pool.submit(worker.run_batch, b)
                  for b in itertools.islice(pending, self.jobs * 4)}
        while window:
            finished, window = wait(window, return_when=FIRST_COMPLETED)
            for f in finished:
                for result in f.result():
                    done(result)
                for b in itertools.islice(pending, 1):
                    window.add(self.pool.submit(worker.run_batch, b))

    def spread(self, jobs: list) -> list | None:
        """Run ``worker.write_pages`` over ``jobs`` in the pool, in chunks; None when there
        is no pool (nothing was built in parallel) or too few jobs to be worth it."""
        from teikit.build import worker
        if self.pool is None or len(jobs) < SPREAD_MIN:
            return None
        size = max(16, len(jobs) // (self.jobs * 4))
        chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
        return [item for part in self.pool.map(worker.write_pages, chunks) for item in part]

    def offprints(self, due: list, *args):
        """Start ``pdf.write_offprints`` on ``due`` in the pool; a function waiting for the
        (name, size) written.  Without a pool, or for one document, here and now."""
        from teikit.render.pdf import write_offprints
        if self.pool is None or len(due) < 2:
            written = write_offprints(due, *args)
            return lambda: written
        size = -(-len(due) // (self.jobs * 2))
        futures = [self.pool.submit(write_offprints, due[i:i + size], *args)
                   for i in range(0, len(due), size)]
        return lambda: [item for f in futures for item in f.result()]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def _outputs_intact(output: Path, outputs: dict[str, int]) -> bool:
    for name, size in outputs.items():
        try:
            if os.stat(output / name).st_size != size:
                return False
        except OSError:
            return False
    return True


class Build:
    def __init__(self, project: Project, options: Options, progress: Progress) -> None:
        self.digests: dict[str, str] = {}
        self.wrote_editions = False
        self.project, self.options, self.progress = project, options, progress
        self.old = state_file.load(project.output_dir)
        self.new = state_file.empty()
        self.hashes = Hashes(self.old["files"])
        self.summary = Summary()

    # ------------------------------------------------------------ planning
    def _edition_task(self, index: int, edition: str, source: str | None = None,
                      reader: str = "auto") -> Task | None:
        """The task an edition needs, or None when everything about it is up to date."""
        old = self.old["editions"].get(edition)
        sha = self.hashes.of(self.project.root / edition)
        if old is None or sha is None:
            return Task(index, source, reader, edition, force=self.options.force)
        d = self.digests
        vkey, rkey = key(sha, d["validate"]), key(sha, d["render"])
        intact = _outputs_intact(self.project.output_dir, old.get("outputs", {}))
        if not self.options.force and old.get("validate") == vkey and \
                old.get("render") == rkey and intact:
            self.new["editions"][edition] = old
            return None
        return Task(index, source, reader, edition, force=self.options.force,
                    recorded_edition_sha=old.get("sha"), validate_key=old.get("validate"),
                    render_key=old.get("render") if intact else None)

    def _source_tasks(self, sources: list[tuple[str, str]]) -> list[Task]:
        tasks = []
        for i, (src, reader) in enumerate(sources):
            rec = self.old["sources"].get(src)
            ckey = key(self.hashes.of(self.project.root / src), reader, self.digests["convert"])
            edition = rec["edition"] if rec else None
            due = (self.options.force or rec is None or rec.get("convert") != ckey
                   or not (self.project.root / edition).is_file())
            if due:
                old = self.old["editions"].get(edition or "", {})
                tasks.append(Task(i, src, reader, edition, convert=True,
                                  force=self.options.force, recorded_edition_sha=old.get("sha"),
                                  validate_key=old.get("validate"),
                                  render_key=old.get("render")))
                continue
            self.new["sources"][src] = rec
            task = self._edition_task(i, edition, src, reader)
            if task is None:
                self.summary.up_to_date += 1
            else:
                tasks.append(task)
        return tasks

    # ------------------------------------------------------------ results
    def _take(self, r: Result) -> None:
        s = self.summary
        self.wrote_editions |= r.wrote_edition
        s.converted += r.converted
        s.validated += r.validated
        s.rendered += r.rendered
        for stage, seconds in r.times.items():
            s.add_time(stage, seconds)
        name = r.edition or r.source or "?"
        if r.source is not None:
            if r.convert_key is not None:
                self.new["sources"][r.source] = {"edition": r.edition, "convert": r.convert_key}
            elif r.source in self.old["sources"]:
                self.new["sources"][r.source] = self.old["sources"][r.source]
        if r.edition and r.edition_stat:
            self.hashes.used[str(self.project.root / r.edition)] = r.edition_stat
            rec = dict(self.old["editions"].get(r.edition, {}))
            rec["sha"] = r.edition_stat[2]
            if r.validate_key:
                rec["validate"] = r.validate_key
            else:
                rec.pop("validate", None)
            if r.render_key and r.units is not None:
                for name in set(rec.get("outputs", {})) - set(r.outputs or {}):
                    (self.project.output_dir / name).unlink(missing_ok=True)  # a unit gone
                rec.update(render=r.render_key, units=r.units, outputs=r.outputs)
            elif r.render_key:
                pass  # up to date: the recorded rendering stands
            else:
                rec.pop("render", None)
            self.new["editions"][r.edition] = rec
        for d in r.diagnostics:
            if r.failed:
                break  # listed with the failures at the end
            if d.severity == "warning":
                self.summary.warnings.append(d)
            if d.severity == "warning" or self.progress.verbose:
                self.progress.message(d.format())
        if r.failed:
            s.failed += 1
            s.failures.append((self._display(name), r.diagnostics))
        done = [w for w, flag in (("converted", r.converted), ("validated", r.validated),
                                  ("rendered", r.rendered)) if flag]
        self.progress.advance(self._display(name),
                              "FAILED" if r.failed else ", ".join(done) or "up to date")

    def _display(self, rel: str) -> str:
        return str(self.project.root / rel)

    def _fail_duplicates(self, results: list[Result]) -> None:
        """Two sources giving the same edition id: neither edition can be trusted."""
        rebuilt = {r.source for r in results}
        by_edition: dict[str, list[Result]] = {}
        for src, rec in self.new["sources"].items():  # up to date, not rebuilt
            if src not in rebuilt:
                by_edition.setdefault(rec["edition"], []).append(Result(-1, src, rec["edition"]))
        for r in results:
            if r.edition and r.source:
                by_edition.setdefault(r.edition, []).append(r)
        for edition, rs in by_edition.items():
            if len(rs) > 1:
                names = ", ".join(sorted(r.source for r in rs))
                for r in rs:
                    if r.index < 0:
                        continue
                    r.failed = True
                    r.convert_key = None
                    r.diagnostics.append(Diagnostic(
                        self._display(r.source), 0, 0, "error",
                        f"sources {names} all give the edition {edition}; rename one of them "
                        "(edition ids come from the document)", "duplicate-edition"))

    def _retire(self, results: list[Result]) -> None:
        """A source whose edition id changed (its document number was corrected, say)
        leaves its old edition behind: removed when teikit wrote it and nobody touched it
        since, kept (and rendered) with a warning when it was edited by hand."""
        from teikit.editions import State, read_state
        for r in results:
            old = self.old["sources"].get(r.source or "")
            if not (old and r.convert_key and r.edition and old["edition"] != r.edition):
                continue
            path = self.project.root / old["edition"]
            if not path.is_file():
                continue
            if read_state(path) is State.PRISTINE:
                path.unlink()
                self.progress.message(f"teikit: removed {self._display(old['edition'])}: "
                                      f"{r.source} now gives {r.edition}")
            else:
                self.progress.message(
                    f"{self._display(old['edition'])}: warning: {r.source} now gives "
                    f"{r.edition}; this edition was edited by hand, so it is kept (and "
                    "published) until you remove it [hand-edited]")

    # ------------------------------------------------------------ the build
    def _check_paths(self) -> None:
        """Configured files that are missing: one line naming teikit.toml and the key."""
        p = self.project
        named = [("build.schemas", s) for s in p.schemas] + [
            (f"build.{k}", getattr(p, k)) for k in ("xslt_html", "xslt_text", "templates")
            if getattr(p, k)]
        for key_name, rel in named:
            if not (p.root / rel).exists():
                raise TeikitError(f"{key_name}: no such file or folder: {rel}",
                                  file=str(p.root / CONFIG), exit_code=2, rule="config")

    def run(self) -> Summary:
        start, wall = time.process_time(), time.perf_counter()
        project = self.project
        self._check_paths()
        self.digests = _digests(project, self.hashes)
        sources, notes = discover_sources(project)
        for note in notes:
            self.progress.message(f"teikit: warning: {note}")
        first = self._source_tasks(sources)
        self.summary.add_time("plan", time.process_time() - start)
        pool = _Pool(self._setup(), self.options.jobs or os.cpu_count() or 1)
        try:
            results: list[Result] = []
            self.progress.expect(len(first))
            pool.run(first, results.append)
            self._fail_duplicates(results)
            self._retire(results)
            for r in sorted(results, key=lambda r: r.index):
                self._take(r)
            claimed = {rec["edition"] for rec in self.new["sources"].values()}
            claimed |= {r.edition for r in results if r.edition}
            plan2 = time.process_time()
            second = []
            for i, edition in enumerate(discover_editions(project), len(sources)):
                if edition in claimed:
                    continue
                task = self._edition_task(i, edition)
                if task is None:
                    self.summary.up_to_date += 1
                else:
                    second.append(task)
            self.summary.add_time("plan", time.process_time() - plan2)
            self.progress.expect(len(second))
            results2: list[Result] = []
            pool.run(second, results2.append)
            for r in sorted(results2, key=lambda r: r.index):
                self._take(r)
            self.progress.finish()
            self.summary.documents = (self.summary.up_to_date + len(results) + len(results2))
            self._corpus(pool)
        finally:
            pool.close()
        if self.wrote_editions:
            # Editions are the editors' material: on disk before the state says they are
            # there.  One sync for the build instead of an fsync per edition.
            os.sync()
        self.new["files"] = dict(sorted(self.hashes.used.items()))
        if self.new != self.old or not state_file.path(project.output_dir).is_file():
            state_file.save(project.output_dir, self.new)
        self.summary.wall = time.perf_counter() - wall
        return self.summary

    def _setup(self) -> Setup:
        p = self.project
        return Setup(
            root=p.root, tei_dir=p.tei_dir, output_dir=p.output_dir,
            cache_dir=state_file.folder(p.output_dir), formats=p.formats, width=p.width,
            schemas=tuple(p.root / s for s in p.schemas) or None,
            xslt_html=p.path(p.xslt_html), xslt_text=p.path(p.xslt_text),
            templates=p.path(p.templates), title=p.title, publisher=p.publisher,
            licence=p.licence,
            licence_url=p.licence_url,
            validate_digest=self.digests["validate"], render_digest=self.digests["render"],
            convert_digest=self.digests["convert"], register=_register(p))

    def _corpus(self, pool: _Pool) -> None:
        """Units of every edition still in tei/, the corpus pages, stale outputs removed."""
        start = time.process_time()
        output = self.project.output_dir
        on_disk = set(discover_editions(self.project))
        for edition, rec in self.old["editions"].items():
            if edition not in on_disk:
                self.new["editions"].pop(edition, None)
                for name in rec.get("outputs", {}):
                    if (output / name).is_file():
                        (output / name).unlink()
        units, seen = [], {}
        for edition in sorted(self.new["editions"]):
            rec = self.new["editions"][edition]
            clash = [u["id"] for u in rec.get("units", []) if u["id"] in seen]
            if clash:
                self.summary.failed += 1
                self.summary.failures.append((self._display(edition), [Diagnostic(
                    self._display(edition), 0, 0, "error",
                    f"document id {clash[0]!r} also produced by {seen[clash[0]]}; output "
                    "names would collide", "duplicate-id")]))
                continue
            for u in rec.get("units", []):
                seen[u["id"]] = edition
                units.append({**u, "edition": edition})
        p = self.project
        from teikit.render.book import book_moment
        register = p.path(p.register)
        if register is not None and not register.is_file():
            self.summary.warnings.append(Diagnostic(
                str(register), 0, 0, "warning", "teikit.toml: edition.register: no such "
                "file; the register pages list the names found in the editions only",
                "register-missing"))
            self.progress.message(self.summary.warnings[-1].format())
            register = None
        # the edition's description shows on every page and in the books' metadata
        corpus_key = key(self.digests["design"], units, p.formats, p.title, p.publisher,
                         p.licence, book_moment(p.date).isoformat(),
                         register.read_bytes() if register is not None else None)
        old_pages, old_books = self.old["pages"], self.old["books"]
        if corpus_key == self.old.get("corpus") and _outputs_intact(
                output, {name: rec[1] for name, rec in old_pages.items()}) and \
                books.intact(output, old_books):
            self.new["pages"], self.new["books"] = old_pages, old_books
            self.new["corpus"] = corpus_key
            from teikit.build.pages import warnings_kept
            self._page_warnings(warnings_kept(self.old.get("page_warnings", [])))
            return
        from teikit.build import pages
        templates = self.project.path(self.project.templates)

        def run_jobs(jobs: list) -> list:
            spread = pool.spread(jobs)
            if spread is not None:
                return spread
            return pages.write_documents(jobs, output, state_file.folder(output),
                                         self.project.formats, templates,
                                         self.project.title)

        report = pages.write(units, output, state_file.folder(output), self.project.formats,
                             templates, self.project.title, self.digests["design"],
                             old_pages, run_jobs, register)
        self._page_warnings(report.diagnostics)
        from teikit.render.site import Options as RenderOptions
        self.new["books"], written = books.write(
            units, output, state_file.folder(output), RenderOptions(
                output=output, formats=p.formats, templates=templates, title=p.title,
                publisher=p.publisher, licence=p.licence, date=p.date, durable=False),
            self.digests["design"], old_books, pool.offprints)
        report.written += written
        self.new["pages"], self.new["corpus"] = report.records, corpus_key
        self.summary.pages_written = len(report.written)
        self.summary.add_time("pages", time.process_time() - start)

    def _page_warnings(self, diagnostics: list[Diagnostic]) -> None:
        # the corpus pages' warnings: said on every build, also one that rewrote nothing
        from teikit.build.pages import kept_warnings
        self.new["page_warnings"] = kept_warnings(diagnostics)
        for d in diagnostics:
            self.summary.warnings.append(d)
            self.progress.message(d.format())


def build(project: Project, options: Options | None = None,
          progress: Progress | None = None) -> Summary:
    return Build(project, options or Options(), progress or Progress(quiet=True)).run()
