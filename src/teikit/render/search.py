"""Full-text search of the static site with Pagefind, and what the pages tell it.

Pagefind (https://pagefind.app, the PyPI package ``pagefind[bin]`` bundles its binary) is
the standard for static-site search: it indexes the finished HTML into a folder of small
files (``pagefind/``) that the browser fetches piece by piece, so the site needs no server
and the index scales to tens of thousands of pages.

teikit prepares each document's article after the sanitizer (so nothing from the input
decides what the index says):

* every speaker turn (``div.sp``) and paragraph gets a stable ``id`` — the TEI element's
  ``xml:id`` when it has one, else its position (``sp-3``, ``p-12``), which stays the
  same while the edition does — so a search result (and a register entry) links to the
  turn or paragraph;
* ``data-pagefind-body`` on the article (index pages and registers are not indexed), the
  title and date as metadata, and filters: year, speaker, document type, source or
  volume, language.  Any ``data-pagefind-*`` attribute a stylesheet wrote is removed first.

The index is built from the pages teikit wrote in this run (their HTML strings, not a
glob over the output folder), into a new folder that then replaces ``pagefind/``.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.errors import TeikitError
from teikit.render.metadata import Metadata
from teikit.render.units import Unit
from teikit.xmlio import TEI_NS, XML_ID, XML_LANG, atomic_write

BUNDLE = "pagefind"
_T = f"{{{TEI_NS}}}"
#: genre words FRUS and archive titles open with ("Memorandum From …", "Telegram From …")
_GENRES = ("Editorial Note", "Memorandum", "Telegram", "Letter", "Note", "Minutes",
           "Conversation", "Record", "Report", "Paper", "Message", "Transcript", "Cable",
           "Airgram", "Despatch", "Dispatch", "Instruction", "Circular", "Statement",
           "Speech", "Interview", "Diary", "Notes", "Summary", "Briefing", "Draft",
           "Protocol", "Agreement", "Treaty", "Resolution", "Directive", "Decree")
_GENRE = re.compile(r"^(?:\d+\.\s*)?(" + "|".join(_GENRES) + r")\b")


@dataclass
class Facets:
    """What a document is filtered and listed by (search filters, the browsable index)."""

    year: str = ""
    type: str = ""
    source: str = ""
    language: str = ""
    speakers: list[str] = field(default_factory=list)


def _text(el: etree._Element | None) -> str:
    return "" if el is None else " ".join("".join(el.itertext()).split())


_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def text_language(unit: Unit, meta: Metadata) -> str:
    """The language the document's text is in: its ``text`` (or the unit's division)
    says so when it differs from the header's (a Chinese record catalogued in English:
    ``<TEI xml:lang="en">`` … ``<text xml:lang="zh">``), else the document's language.
    Only a well-formed code: the value is input and ends up in ``<html lang>`` and in
    Pagefind's choice of segmenter and stemmer."""
    candidates = [unit.div.get(XML_LANG) if unit.div is not None else None]
    candidates += [t.get(XML_LANG) for t in unit.root.iterchildren(_T + "text")]
    candidates.append(meta.lang)
    for lang in candidates:
        if lang and _LANG_CODE.fullmatch(lang.strip()):
            return lang.strip()
    return ""


def facets_of(unit: Unit, meta: Metadata) -> Facets:
    """Year, type, source or volume, language and speakers of a unit."""
    header = unit.root.find(_T + "teiHeader")
    doc_type = ""
    if header is not None:
        for kw in header.iter(_T + "keywords"):
            if kw.get("n") in ("type", "genre") or kw.get("scheme", "").endswith(
                    ("type", "genre")):
                doc_type = _text(kw.find(_T + "term"))
                break
    if not doc_type:
        match = _GENRE.match(meta.title)
        if match:
            doc_type = match.group(1)
    if not doc_type:
        div = unit.div
        if div is None:
            div = next((d for t in unit.root.iterchildren(_T + "text")
                        for d in t.iter(_T + "div") if d.get("type")), None)
        if div is not None and div.get("type"):
            doc_type = div.get("type").replace("-", " ").capitalize()
    source = ""
    if header is not None:
        volume = _text(header.find(f"{_T}fileDesc/{_T}titleStmt/{_T}title"))
        if unit.div is not None and volume != meta.title:  # cut out of a volume
            source = volume
        if not source:
            bibl = header.find(f"{_T}fileDesc/{_T}sourceDesc/{_T}bibl")
            if bibl is not None:
                source = (_text(bibl.find(_T + "publisher"))
                          or _text(bibl.find(f"{_T}title[@level='m']"))
                          or _text(bibl.find(f"{_T}title[@level='j']")))
        if not source:
            source = _text(header.find(
                f"{_T}fileDesc/{_T}sourceDesc/{_T}msDesc/{_T}msIdentifier/{_T}repository"))
    return Facets(year=(meta.date_when or "")[:4], type=doc_type, source=source,
                  language=text_language(unit, meta), speakers=list(dict.fromkeys(
                      s.name for s in meta.speakers)))


# ---------------------------------------------------------------- anchors


def _classes(el: etree._Element) -> list[str]:
    return (el.get("class") or "").split()


def _is_turn(el: etree._Element) -> bool:
    return el.tag == "div" and "sp" in _classes(el)


def _is_paragraph(el: etree._Element) -> bool:
    cls = _classes(el)
    return ((el.tag == "p" and not cls) or (el.tag == "div" and cls[:1] == ["p"])
            or (el.tag == "span" and cls == ["as-p"]))


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# turns and paragraphs, found by libxml2 in document order (a walk in Python cost as much
# as the stylesheet on a long play); those inside notes printed in place are left out after
_HTML_BLOCKS = etree.XPath(
    f".//*[(self::div and {_has_class('sp')})"
    " or (self::p and not(normalize-space(@class)))"
    " or (self::div and substring-before(concat(normalize-space(@class), ' '), ' ') = 'p')"
    " or (self::span and normalize-space(@class) = 'as-p')]")
_INLINE_NOTES = etree.XPath(f".//*[{_has_class('note-inline')}]")


def _html_blocks(article: etree._Element) -> tuple[list, list]:
    """Turns and paragraphs of the article's text, in document order (notes printed in
    place are skipped: TEI paragraphs inside notes are not the document's paragraphs)."""
    turns, paras = [], []
    for section in article.iter("section"):
        if "text" not in _classes(section) or "note-inline" in _classes(section):
            continue
        in_notes = {el for note in _INLINE_NOTES(section) for el in note.iter()}
        for el in _HTML_BLOCKS(section):
            if el not in in_notes:
                (turns if _is_turn(el) else paras).append(el)
        break
    return turns, paras


_TEI_TURNS = etree.XPath("t:text//t:sp[not(ancestor::t:note)]", namespaces={"t": TEI_NS})
_TEI_PARAS = etree.XPath("t:text//*[self::t:p or self::t:ab][not(ancestor::t:note)]",
                         namespaces={"t": TEI_NS})


def tei_blocks(unit: Unit) -> tuple[list, list]:
    """The unit's turns (``sp``) and paragraphs (``p``, ``ab``) outside notes."""
    return _TEI_TURNS(unit.root), _TEI_PARAS(unit.root)


def _unique(wanted: str, used: set[str]) -> str:
    ident, n = wanted, 1
    while ident in used:
        n += 1
        ident = f"{wanted}-{n}"
    used.add(ident)
    return ident


def stamp_anchors(article: etree._Element, unit: Unit) -> dict:
    """Give every turn and paragraph of the article an ``id``; return the ids of the TEI
    elements they show (keyed by the TEI element), for links into the page.

    The HTML and TEI blocks are matched by position when the stylesheet made one HTML
    block per TEI block (teikit's does); otherwise the HTML gets positional ids and no
    TEI element is mapped (a register then links to the page)."""
    used = {str(v) for v in article.xpath(".//@id | @id")}
    html_turns, html_paras = _html_blocks(article)
    tei_turns, tei_paras = tei_blocks(unit)
    mapping: dict = {}
    for html, tei, prefix in ((html_turns, tei_turns, "sp"), (html_paras, tei_paras, "p")):
        matched = len(html) == len(tei)
        for i, el in enumerate(html, 1):
            if el.get("id"):
                ident = el.get("id")
            else:
                own = tei[i - 1].get(XML_ID) if matched else None
                ident = _unique(own or f"{prefix}-{i}", used)
                el.set("id", ident)
            if matched:
                mapping[tei[i - 1]] = ident
    return mapping


# ---------------------------------------------------------------- marking for Pagefind


def turn_speakers(unit: Unit, meta: Metadata, mapping: dict) -> list[tuple[str, str]]:
    """``(turn id, speaker name)`` of every mapped turn, for a search result to say who
    speaks in the passage it found."""
    names = {s.key: s.name for s in meta.speakers}
    out = []
    for sp in tei_blocks(unit)[0]:
        if sp not in mapping:
            continue
        keys = [w.lstrip("#") for w in (sp.get("who") or "").split() if w.lstrip("#")]
        label = _text(sp.find(_T + "speaker")).rstrip(" .:,;")
        who = " and ".join(dict.fromkeys(names.get(k, k) for k in keys)) or names.get(
            label, label)
        if who:
            out.append((mapping[sp], who))
    return out


_PAGEFIND_ATTRIBUTED = etree.XPath(
    "descendant-or-self::*[@*[starts-with(local-name(), 'data-pagefind')]]")


def mark(article: etree._Element, meta: Metadata, facets: Facets,
         turns: list[tuple[str, str]] = ()) -> None:
    """Tell Pagefind what the article is: its body, title, date and filters."""
    for el in _PAGEFIND_ATTRIBUTED(article):
        for name in [n for n in el.attrib if n.startswith("data-pagefind")]:
            del el.attrib[name]  # only teikit decides what the index says
    article.set("data-pagefind-body", "")
    h1 = next(article.iter("h1"), None)
    if h1 is not None:
        h1.set("data-pagefind-meta", "title")
    for section in article.iter("section"):
        if "cite" in _classes(section):  # the same words on every page
            section.set("data-pagefind-ignore", "")
    # the values are the elements' text (an attribute's "key:value, …" syntax would split
    # names with commas); the container is hidden and kept out of the indexed text
    box = etree.SubElement(article, "div", {"class": "search-facets", "hidden": "hidden",
                                            "data-pagefind-ignore": ""})
    values: list[tuple[str, str, str]] = []
    if meta.date_printed:
        values.append(("meta", "date", meta.date_printed))
    if meta.date_when:
        values.append(("sort", "date", meta.date_when))
    if facets.speakers:
        values.append(("meta", "speakers", "; ".join(facets.speakers)))
    if turns:  # "id=speaker|id=speaker…" (ids are XML names: no "=" or "|" in them)
        values.append(("meta", "turns", "|".join(f"{i}={w}" for i, w in turns)))
    for name, value in (("year", facets.year), ("type", facets.type),
                        ("source", facets.source), ("language", facets.language)):
        if value:
            values.append(("filter", name, value))
    values.extend(("filter", "speaker", s) for s in facets.speakers)
    for kind, name, value in values:
        span = etree.SubElement(box, "span", {f"data-pagefind-{kind}": name})
        span.text = value


# ---------------------------------------------------------------- the index


@functools.cache
def executable() -> str | None:
    """Pagefind's binary: the extended one (``pagefind[extended]``) when installed, which
    segments Chinese and Japanese into words (the plain one indexes a run of Chinese text
    between punctuation as one word, so a word inside it is never found), else the plain
    one (``pagefind[bin]``)."""
    for module in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            found = importlib.import_module(module).get_executable()
        except (ImportError, FileNotFoundError):
            continue
        return str(found)
    return None


def available() -> bool:
    """True when a Pagefind binary is installed."""
    return executable() is not None


@dataclass
class IndexReport:
    pages: int = 0
    files: int = 0
    bytes: int = 0
    language: str = ""


def main_language(langs: list[str]) -> str:
    """The edition's main language: the most common one of the documents (the search box
    loads its index first, so its stemmer reads the reader's words)."""
    # only a language code: an edition's xml:lang is input, and Pagefind's binary panics
    # on a junk one ("data:text/html;…" as --force-language)
    counted = Counter(c for c in (lang.split("-")[0].lower() for lang in langs if lang)
                      if re.fullmatch(r"[a-z]{2,3}", c))
    return counted.most_common(1)[0][0] if counted else "en"


def _remove_tree(folder: Path) -> None:
    """Remove ``folder`` and everything in it, by full paths (``shutil.rmtree`` removes
    by names relative to open folders, which a sandbox watching paths cannot place)."""
    if not folder.is_dir():
        return
    for here, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            os.unlink(os.path.join(here, name))
        for name in dirs:
            os.rmdir(os.path.join(here, name))
    os.rmdir(folder)


def _index(pages: list[tuple[str, str]], target: Path) -> None:
    """Pagefind's command line over a folder holding exactly these pages.  (Its Python API
    sends one page per round trip to the same binary: 0.1 s a page, 30× slower.)

    Each page is indexed in its own ``<html lang>``: Pagefind keeps one index per language,
    with that language's stemmer (Russian: ``чтения`` finds ``чтении``) and, for Chinese
    and Japanese, its word segmenter; the search box searches all of them."""
    binary = executable()
    if binary is None:
        raise TeikitError("pagefind is not installed", file=str(target.parent))
    staging = target.with_name(target.name + "-pages")
    _remove_tree(staging)
    try:
        for url, html in pages:
            atomic_write(staging / url, html.encode("utf-8"), fsync=False)
        done = subprocess.run(
            [binary, "--site", str(staging), "--output-path", str(target),
             "--glob", "*.html", "--silent"],
            capture_output=True, text=True, check=False)
    finally:
        _remove_tree(staging)
    if done.returncode != 0:
        message = " ".join((done.stderr or done.stdout).split())[:300] or "no message"
        raise TeikitError(f"pagefind failed to build the search index: {message}",
                          file=str(target.parent))


def build_index(output: Path, pages: list[tuple[str, str]], langs: list[str]) -> IndexReport:
    """Index ``pages`` (``(url, html)``, the document pages as written) into
    ``output/pagefind``, replacing the folder only once the new index is complete."""
    if not pages:  # nothing to find (Pagefind refuses an empty site): no index
        _remove_tree(output / BUNDLE)
        return IndexReport()
    target = output / f".{BUNDLE}-new"
    old = output / f".{BUNDLE}-old"
    for folder in (target, old):
        _remove_tree(folder)
    language = main_language(langs)
    _index(pages, target)
    live = output / BUNDLE
    if live.exists():
        live.rename(old)
    target.rename(live)
    _remove_tree(old)
    files = [f for f in live.rglob("*") if f.is_file()]
    return IndexReport(len(pages), len(files), sum(f.stat().st_size for f in files), language)
