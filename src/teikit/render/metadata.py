"""What the pages say about a unit: title, date, summary, language and speakers.

Read from the TEI with plain element walks (no XSLT), so that index and persons pages do
not depend on the stylesheets an editor may have replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teikit.render.units import Unit
from teikit.xmlio import TEI_NS, XML_ID, XML_LANG

_T = f"{{{TEI_NS}}}"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
_ISO = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?")
_LABEL_END = re.compile(r"[\s.:,;]+$")


@dataclass
class Speaker:
    key: str   # the person's xml:id, or the label when the turn names nobody
    name: str  # the name to list the person under


@dataclass
class Metadata:
    title: str
    date_when: str | None = None   # ISO 8601 prefix, for sorting
    date_printed: str = ""         # as the document states it
    summary: str = ""
    lang: str = ""
    speakers: list[Speaker] = field(default_factory=list)


def _text(el: etree._Element | None, skip_notes: bool = False) -> str:
    if el is None:
        return ""
    if skip_notes:
        parts = [t for t in el.xpath(".//text()[not(ancestor::tei:note)]",
                                     namespaces={"tei": TEI_NS})]
    else:
        parts = list(el.itertext())
    return " ".join("".join(parts).split())


def _find(el: etree._Element, path: str) -> etree._Element | None:
    return el.find(path.replace("tei:", _T))


def title_of(unit: Unit) -> str:
    if unit.div is not None:
        head = unit.div.find(_T + "head")
        if head is not None and _text(head, skip_notes=True):
            return _text(head, skip_notes=True)
    stmt = _find(unit.root, "tei:teiHeader/tei:fileDesc/tei:titleStmt")
    if stmt is not None:
        titles = stmt.findall(_T + "title")
        main = [t for t in titles if t.get("type") in (None, "main")] or titles
        if main and _text(main[0]):
            return _text(main[0])
    return unit.id


def _date_from(el: etree._Element | None) -> tuple[str | None, str]:
    if el is None:
        return None, ""
    when = el.get("when") or el.get("notBefore") or el.get("from")
    match = _ISO.match(when or "") or _ISO.match(_text(el))
    return (match.group(0) if match else None), (_text(el) or when or "")


def date_of(unit: Unit) -> tuple[str | None, str]:
    """The document's date: (ISO prefix or None, the date as printed)."""
    if unit.div is not None:
        for dateline in unit.div.iter(_T + "dateline"):
            for d in dateline.iter(_T + "date"):
                return _date_from(d)
        stamp = unit.div.get(f"{{{FRUS_NS}}}doc-dateTime-min")
        if stamp and _ISO.match(stamp):
            return _ISO.match(stamp).group(0), ""
    creation = _find(unit.root, "tei:teiHeader/tei:profileDesc/tei:creation/tei:date")
    if creation is not None:
        return _date_from(creation)
    source = _find(unit.root, "tei:teiHeader/tei:fileDesc/tei:sourceDesc")
    if source is not None:
        for d in source.iter(_T + "date"):
            return _date_from(d)
    return None, ""


def speakers_of(unit: Unit) -> list[Speaker]:
    """Everyone who speaks in the unit, in order of first appearance."""
    names = {p.get(XML_ID): _text(p.find(_T + "persName")) or _text(p.find(_T + "name"))
             for p in unit.root.iter(_T + "person", _T + "personGrp") if p.get(XML_ID)}
    seen: dict[str, Speaker] = {}
    # a @who whose people are all listed already needs no more work: a play's turns repeat
    # a few values thousands of times, and reading each turn's label was most of the time
    listed: set[str] = set()
    for text in unit.root.iterchildren(_T + "text"):
        for sp in text.iter(_T + "sp"):
            who = sp.get("who") or ""
            if who in listed:
                continue
            keys = [w.lstrip("#") for w in who.split() if w.lstrip("#")]
            if keys and all(key in seen for key in keys):
                listed.add(who)
                continue
            label = _LABEL_END.sub("", _text(sp.find(_T + "speaker")))
            for key in keys or ([label] if label else []):
                if key not in seen:
                    seen[key] = Speaker(key, names.get(key) or label or key)
            if keys:
                listed.add(who)
    return list(seen.values())


def metadata_of(unit: Unit) -> Metadata:
    when, printed = date_of(unit)
    summary = _text(_find(unit.root, "tei:teiHeader/tei:profileDesc/tei:abstract"))
    lang = unit.root.get(XML_LANG) or ""
    if unit.div is not None and unit.div.get(XML_LANG):
        lang = unit.div.get(XML_LANG)
    return Metadata(title_of(unit), when, printed or (when or ""), summary, lang,
                    speakers_of(unit))
