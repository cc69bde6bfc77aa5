"""``teikit.toml``: the project configuration, read strictly.

Every key is known and type-checked; an unknown key or a bad value is one line naming
``teikit.toml``, the line when it can be found, and the key — the same shape as every other
teikit error.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from teikit.errors import TeikitError

CONFIG = "teikit.toml"
READERS = ("auto", "wilson", "frus", "transcript", "docx")  # teikit.readers.READERS + auto
FORMATS = ("html", "text")
#: Every format a build can make (the books: one EPUB, PDFs, see teikit.render.book).
ALL_FORMATS = ("html", "text", "epub", "pdf")


@dataclass(frozen=True)
class SourceGlob:
    glob: str          # relative to the project folder, e.g. "sources/*.txt"
    reader: str = "auto"


@dataclass(frozen=True)
class Project:
    root: Path
    title: str = "A teikit edition"
    publisher: str = "teikit edition"
    licence: str | None = None
    licence_url: str | None = None
    date: str | None = None       # the books' date (EPUB, PDF); None: a fixed one
    sources: tuple[SourceGlob, ...] = ()
    tei: str = "tei"
    output: str = "output"
    formats: tuple[str, ...] = FORMATS
    width: int = 72
    schemas: tuple[str, ...] = ()   # empty: teikit's own schemas
    templates: str | None = None
    xslt_html: str | None = None
    xslt_text: str | None = None
    register: str | None = None     # the editors' register of persons, places, organisations

    @property
    def tei_dir(self) -> Path:
        return self.root / self.tei

    @property
    def output_dir(self) -> Path:
        return self.root / self.output

    def path(self, rel: str | None) -> Path | None:
        return None if rel is None else self.root / rel


# The keys each table may hold, and the type of their values.
_EDITION = {"title": str, "publisher": str, "licence": str, "licence_url": str,
            "date": str, "register": str}
_BUILD = {"tei": str, "output": str, "formats": list, "width": int, "schemas": list,
          "templates": str, "xslt_html": str, "xslt_text": str}
_SOURCE = {"glob": str, "reader": str}
_TOP = {"edition": dict, "build": dict, "sources": list}


def _line_of(text: str, key: str) -> int:
    m = re.search(rf"^\s*(\[+\s*)?{re.escape(key)}\b", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 0


class _Checker:
    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def fail(self, key: str, message: str) -> TeikitError:
        return TeikitError(f"{key}: {message}", file=str(self.path),
                           line=_line_of(self.text, key.rsplit(".", 1)[-1].split("[")[0]),
                           exit_code=2, rule="config")

    def table(self, data: dict, schema: dict, where: str) -> dict:
        for key, value in data.items():
            name = f"{where}.{key}" if where else key
            if key not in schema:
                known = ", ".join(sorted(schema))
                raise self.fail(name, f"unknown key (known: {known})")
            if not isinstance(value, schema[key]) or isinstance(value, bool) and \
                    schema[key] is int:
                raise self.fail(name, f"expected {_TYPE_NAMES[schema[key]]}, got "
                                f"{type(value).__name__}")
        return data


_TYPE_NAMES = {str: "a string", int: "an integer", list: "a list", dict: "a table"}


def load(root: Path) -> Project:
    """The project in folder ``root`` (its ``teikit.toml``)."""
    root = Path(root)
    path = root / CONFIG
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TeikitError(f"no {CONFIG} here; create a project with `teikit init DIR`",
                          file=str(path), exit_code=2) from None
    except (OSError, UnicodeDecodeError) as e:
        raise TeikitError(f"cannot read: {e}", file=str(path), exit_code=2) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        raise TeikitError(f"not valid TOML: {str(e).split(' (at line')[0]}", file=str(path),
                          line=line, col=col, exit_code=2, rule="config") from None
    check = _Checker(path, text)
    check.table(data, _TOP, "")
    edition = check.table(data.get("edition", {}), _EDITION, "edition")
    build = check.table(data.get("build", {}), _BUILD, "build")
    sources = []
    for i, entry in enumerate(data.get("sources", [])):
        if not isinstance(entry, dict):
            raise check.fail("sources", "each [[sources]] entry is a table with glob and reader")
        check.table(entry, _SOURCE, "sources")
        if "glob" not in entry:
            raise check.fail("sources", f"entry {i + 1} has no glob")
        reader = entry.get("reader", "auto")
        if reader not in READERS:
            raise check.fail("reader", f"unknown reader {reader!r} (choose from "
                             f"{', '.join(READERS)})")
        if os.path.isabs(entry["glob"]):
            raise check.fail("glob", "give the pattern relative to the project folder")
        sources.append(SourceGlob(entry["glob"], reader))
    formats = tuple(build.get("formats", FORMATS))
    bad = [f for f in formats if f not in ALL_FORMATS]
    if bad or not formats:
        raise check.fail("build.formats", "expected a non-empty list of "
                         f"{', '.join(ALL_FORMATS[:-1])} and {ALL_FORMATS[-1]}")
    if "date" in edition:
        from teikit.render.book import book_moment
        try:
            book_moment(edition["date"])
        except TeikitError as e:
            raise check.fail("edition.date", e.message) from None
    width = build.get("width", 72)
    if width < 0:
        raise check.fail("build.width", "0 (no wrapping) or a positive number")
    schemas = build.get("schemas", [])
    if not all(isinstance(s, str) for s in schemas):
        raise check.fail("build.schemas", "expected a list of file paths")
    for key in ("tei", "output"):
        if not build.get(key, "x").strip():
            raise check.fail(f"build.{key}", "empty folder name")
        # a build writes only inside its project: a downloaded project's teikit.toml must
        # not point the writes at another folder ("../..", "/home/…")
        target = (root / build.get(key, key)).resolve()
        if not target.is_relative_to(root.resolve()) or target == root.resolve():
            raise check.fail(f"build.{key}", "must be a folder inside the project folder")
    if build.get("tei", "tei") == build.get("output", "output"):
        raise check.fail("build.output", "must differ from build.tei")
    return Project(
        root=root, title=edition.get("title", Project.title),
        publisher=edition.get("publisher", Project.publisher),
        licence=edition.get("licence"), licence_url=edition.get("licence_url"),
        date=edition.get("date"),
        register=edition.get("register"),
        sources=tuple(sources), tei=build.get("tei", "tei"),
        output=build.get("output", "output"), formats=formats, width=width,
        schemas=tuple(schemas), templates=build.get("templates"),
        xslt_html=build.get("xslt_html"), xslt_text=build.get("xslt_text"))


SCAFFOLD = '''\
# teikit project: `teikit build` takes the sources below to a published edition.
# See docs/build.md in teikit for every key.

[edition]
title = "{title}"
publisher = "{publisher}"            # stated in every edition's publicationStmt
register = "register.xml"          # persons, places, organisations (TEI listPerson …)
# licence = "CC BY 4.0"
# licence_url = "https://creativecommons.org/licenses/by/4.0/"

# One [[sources]] table per kind of source; reader: auto, wilson, frus, transcript or docx.
[[sources]]
glob = "sources/*.txt"
reader = "auto"

[build]
tei = "tei"                        # the editions (hand edits there are kept)
output = "output"                  # the published site and text editions
formats = ["html", "text"]         # also "epub" (one e-book), "pdf" (needs teikit[pdf])
width = 72                         # text edition line width (0: no wrapping)
schemas = []                       # extra schemas (.rng, .xsd, .sch); empty: teikit's own
# templates = "templates"          # your jinja2 templates and static/ files
# xslt_html = "xslt/my-html.xsl"   # your XSLT 1.0 stylesheets
# xslt_text = "xslt/my-text.xsl"
'''
