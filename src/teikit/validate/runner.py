"""Validating many files: collect them, run every validator on each, and — with ``-j N`` —
spread them over worker processes that each compile the schemas once (pool initializer)."""

from __future__ import annotations

import copy
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.diagnostics import Diagnostic, sort_unique
from teikit.errors import TeikitError
from teikit.validate import document, schemas
from teikit.validate.ids import duplicate_ids

XINCLUDE = "{http://www.w3.org/2001/XInclude}include"


@dataclass
class FileResult:
    name: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    io_error: bool = False

    @property
    def valid(self) -> bool:
        return not self.io_error and not any(d.severity == "error" for d in self.diagnostics)


def check(doc: document.Document, validators: list) -> list[Diagnostic]:
    """Every problem in one parsed document, sorted and without repeats."""
    diags = duplicate_ids(doc) + _xincludes(doc)
    for v in validators:
        diags.extend(v.validate(doc))
    return sort_unique(diags)


def _xincludes(doc: document.Document) -> list[Diagnostic]:
    # teikit does not expand XInclude (no file access beyond what was named); the grammar
    # then sees xi:include itself, as lxml and xmllint do. jing expands it.
    return [Diagnostic(doc.name, *doc.position(el), "warning",
                       f'xi:include of "{el.get("href", "")}" not expanded; validate the '
                       "included file on its own", "xinclude")
            for el in doc.root.iter(XINCLUDE)]


def check_file(path: Path, validators: list) -> FileResult:
    name = str(path)
    try:
        doc = document.from_file(path, name)
    except TeikitError as e:
        line, col = e.line, e.col
        if not line and e.rule in ("xml-entities", "xml-doctype"):
            line, col = _find(path, b"<!DOCTYPE")
        d = Diagnostic(e.file or name, line, col, "error", e.message, e.rule or "io")
        return FileResult(name, [d], io_error=e.exit_code == 2)
    return FileResult(name, check(doc, validators))


def _find(path: Path, needle: bytes) -> tuple[int, int]:
    """(line, column) of the first ``needle`` in the file, for errors found before a tree
    exists."""
    data = Path(path).read_bytes()
    at = data.find(needle)
    if at < 0:
        return (0, 0)
    start = data.rfind(b"\n", 0, at) + 1
    return data.count(b"\n", 0, at) + 1, len(data[start:at].decode("utf-8", "replace")) + 1


# ------------------------------------------------------------------ worker processes

_WORKER: dict = {}


def _init(schema_paths: list[Path] | None, header_limit: int | None) -> None:
    _WORKER["validators"] = _configured(schema_paths, header_limit)


def _work(path: Path) -> FileResult:
    return check_file(path, _WORKER["validators"])


def _configured(schema_paths: list[Path] | None, header_limit: int | None) -> list:
    validators = schemas.load_all(schema_paths)
    if header_limit is None:
        return validators
    out = []
    for v in validators:
        if hasattr(v, "header_limit"):
            v = copy.copy(v)  # the loaded schema is cached and shared: do not change it
            v.header_limit = header_limit
        out.append(v)
    return out


def run(files: list[Path], schema_paths: list[Path] | None = None, jobs: int = 1,
        header_limit: int | None = None) -> Iterator[FileResult]:
    """Results in the order of ``files``."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(files) or 1))
    validators = _configured(schema_paths, header_limit)
    if files:
        for v in validators:
            if hasattr(v, "prepare"):
                v.prepare(files)  # one grammar for the corpus, compiled here
    if jobs == 1:
        for f in files:
            yield check_file(f, validators)
        return
    # forked workers inherit the compiled grammars of this process (the loaded schemas
    # are cached per process); a spawned one would compile them again
    context = multiprocessing.get_context("fork") if os.name == "posix" else None
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, mp_context=context,
                             initargs=(schema_paths, header_limit)) as pool:
        yield from pool.map(_work, files, chunksize=max(1, len(files) // (jobs * 8)))


def validate_tree(tree: etree._ElementTree | etree._Element, name: str,
                  schema_paths: list[Path] | None = None) -> list[Diagnostic]:
    """Problems in an in-memory edition (as ``teikit convert`` builds it), against teikit's
    schemas by default; positions refer to the tree's serialisation."""
    doc = document.from_tree(tree, name)
    return check(doc, schemas.load_all(schema_paths))


def validate_bytes(data: bytes, name: str,
                   schema_paths: list[Path] | None = None) -> list[Diagnostic]:
    """Problems in serialised XML (e.g. an edition about to be written), positions exact."""
    try:
        doc = document.from_bytes(data, name)
    except TeikitError as e:
        return [Diagnostic(e.file or name, e.line, e.col, "error", e.message, e.rule)]
    return check(doc, schemas.load_all(schema_paths))
