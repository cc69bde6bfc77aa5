"""Registers: persons, places and organisations across the edition, one page each.

An entity occurs in a document as a speaker (``sp/@who``, or the label when the turn names
nobody) or as a ``persName``/``placeName``/``orgName`` (or ``name``/``rs`` with such a
``@type``) in the text or the notes.  Each occurrence keeps the id of the turn, paragraph
or note it is in (:func:`teikit.render.search.stamp_anchors`), so a register page links
to the place in the page.

An editor keeps a register file (TEI ``listPerson``/``listPlace``/``listOrg``; teikit.toml
``[edition] register``, ``teikit render --register``): names, alternative names, dates and
authority ids (VIAF, GND, Wikidata, GeoNames).  Occurrences join an entry by id (``@ref``,
``@key``, ``@corresp``, ``@sameAs``, a speaker's ``@who`` or the edition's ``person``
pointing at the entry's ``xml:id`` or authority URL) or by any of its names, compared without
case and punctuation — so 'R. REAGAN.', 'R. Reagan' and 'Ronald Reagan' are one entry.
Occurrences that join no entry get an entry of their own, by name; speakers among them
are reported, so an editor can add them.

A speaker label that names a part, not a person — "Q.", "A.", "QUESTION", "THE
PRESIDENT", "The Court", "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ" — joins a person only by id or when the
register lists the label among a person's names (an edition with one president may do so);
otherwise it is a *role*: listed apart on the register page, with a page of its turns,
and not reported as an unknown person (every transcript has a "Q." whom no register
could name; which person holds a role differs from document to document, and says
``sp/@who`` where an editor knows it).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.errors import TeikitError
from teikit.render.units import Unit
from teikit.rules.speaker_labels import ROLE_NOUNS
from teikit.xmlio import TEI_NS, XML_ID, parse_file

_T = f"{{{TEI_NS}}}"
KINDS = {"person": "Persons", "place": "Places", "org": "Organisations", "role": "Roles"}
_NAME_TAGS = {_T + "persName": "person", _T + "placeName": "place", _T + "orgName": "org"}
_TYPED = {"person": "person", "persname": "person", "place": "place", "placename": "place",
          "org": "org", "orgname": "org", "organisation": "org", "organization": "org"}
_ENTRY_TAGS = {_T + "person": "person", _T + "personGrp": "person", _T + "place": "place",
               _T + "org": "org"}
_AUTHORITIES = {
    "viaf": ("VIAF", "https://viaf.org/viaf/{}"),
    "gnd": ("GND", "https://d-nb.info/gnd/{}"),
    "wikidata": ("Wikidata", "https://www.wikidata.org/wiki/{}"),
    "geonames": ("GeoNames", "https://www.geonames.org/{}"),
}


@functools.lru_cache(maxsize=1 << 16)  # the same few names, asked for at every mention
def normal(name: str) -> str:
    """A name as compared: no case, accents, punctuation or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", plain.casefold()).split())


#: what a speaker label names when it names a part, not a person (compared by :func:`normal`)
_ROLE_WORDS = (*ROLE_NOUNS, "Q", "A", "Question", "Answer", "Questioner", "Reporter",
               "Interviewer", "Interviewee", "Respondent", "Audience", "Audience Member",
               "Unidentified Speaker", "Unidentified Male", "Unidentified Female", "Unknown",
               "Male Speaker", "Female Speaker", "Voice", "Voices", "Operator", "Host",
               "Announcer", "Counsel", "Defense Attorney", "Defence Counsel", "Attorney",
               "Defense Counsel", "Member", "Members", "Several Members", "Speaker",
               "Participant", "From the Floor", "Voice from the Floor",
               "Председательствующий", "Председатель", "Из зала", "Голос из зала",
               "Präsident", "Präsidentin", "Vizepräsident", "Vizepräsidentin",
               "Le Président", "La Présidente", "M le président", "Mme la présidente")
_ROLES = frozenset(normal(w) for w in _ROLE_WORDS)
_ROLE_ARTICLE = re.compile(r"^(?:the|mr|madam|madame|mrs|ms)\s+")


def is_role(name: str) -> bool:
    """True for a label that names a part, not a person: 'Q.', 'QUESTION:', 'THE
    PRESIDENT.', 'Mr. Speaker', 'The Court', 'ИЗ ЗАЛА.'."""
    plain = normal(name)
    return plain in _ROLES or _ROLE_ARTICLE.sub("", plain) in _ROLES


def slug(name: str) -> str:
    """A file name for an entry: ASCII when the name has Latin letters ('Gromyko' from
    'Громыко' is beyond this), else its own letters ('рубежанский-п-н'), not 'entry-2'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not plain:
        plain = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFC", name).casefold()).strip("-")
    return plain or "entry"


def _text(el: etree._Element | None) -> str:
    return "" if el is None else " ".join("".join(el.itertext()).split())


@dataclass
class Authority:
    label: str
    id: str
    url: str


@dataclass
class Entry:
    kind: str                 # person, place, org
    key: str                  # the register's xml:id, or "name:<normal name>"
    name: str
    alt_names: list[str] = field(default_factory=list)
    dates: str = ""
    note: str = ""
    authorities: list[Authority] = field(default_factory=list)
    in_register: bool = True
    href: str = ""
    occurrences: list = field(default_factory=list)   # (page, [(anchor, role, text)])


@dataclass
class Register:
    entries: list[Entry] = field(default_factory=list)
    by_id: dict[str, Entry] = field(default_factory=dict)
    by_name: dict[tuple[str, str], Entry] = field(default_factory=dict)

    def add(self, entry: Entry, ids: list[str]) -> None:
        self.entries.append(entry)
        for i in ids:
            self.by_id.setdefault(i, entry)
        for n in [entry.name, *entry.alt_names]:
            if normal(n):
                self.by_name.setdefault((entry.kind, normal(n)), entry)


def _authority(idno: etree._Element) -> Authority | None:
    value = _text(idno)
    kind = (idno.get("type") or "").casefold()
    if kind in _AUTHORITIES and value:
        label, pattern = _AUTHORITIES[kind]
        url = value if value.startswith(("http://", "https://")) else pattern.format(value)
        return Authority(label, value.rsplit("/", 1)[-1], url)
    if value.startswith(("http://", "https://")):
        return Authority(kind.upper() or "Link", value, value)
    return None


def _dates(el: etree._Element) -> str:
    parts = []
    for tag, word in (("birth", "born"), ("death", "died"), ("floruit", "active"),
                      ("event", "")):
        for d in el.iterchildren(_T + tag):
            shown = _text(d) or d.get("when") or "–".join(
                v for v in (d.get("from") or d.get("notBefore"), d.get("to")
                            or d.get("notAfter")) if v)
            if shown:
                parts.append(f"{word} {shown}".strip())
    return "; ".join(parts)


def load(path: Path) -> Register:
    """The entries of the register file at ``path`` (parsed like every input: no DTD, no
    entities, no network)."""
    root = parse_file(path).getroot()
    register = Register()
    for el in root.iter(*_ENTRY_TAGS):
        kind = _ENTRY_TAGS[el.tag]
        name_tag = {"person": ("persName", "name"), "place": ("placeName", "name"),
                    "org": ("orgName", "name")}[kind]
        names = [_text(n) for t in name_tag for n in el.iterchildren(_T + t) if _text(n)]
        ident = el.get(XML_ID)
        if not names and not ident:
            continue
        authorities = [a for a in map(_authority, el.iterchildren(_T + "idno")) if a]
        entry = Entry(kind, ident or f"name:{normal(names[0])}", names[0] if names else ident,
                      names[1:], _dates(el), _text(el.find(_T + "note")), authorities)
        register.add(entry, [i for i in [ident] if i] + [a.url for a in authorities])
    if not root.tag.startswith(_T):
        raise TeikitError("not a TEI register (expected listPerson, listPlace or listOrg in "
                          f"the namespace {TEI_NS})", file=str(path), exit_code=2)
    return register


# ---------------------------------------------------------------- occurrences


def _refs(el: etree._Element) -> list[str]:
    out = []
    for attr in ("ref", "key", "corresp", "sameAs"):
        for v in (el.get(attr) or "").split():
            out.append(v)
            if "#" in v:
                out.append(v.rsplit("#", 1)[1])
    return out


def _where(el: etree._Element, anchors: dict, notes: dict) -> tuple[str, str]:
    """(anchor id, role) of the block an element is in: its footnote, else its turn, else
    its paragraph."""
    sp = para = None
    for a in el.iterancestors():
        if a in notes:
            return notes[a], "note"
        if a.tag == _T + "sp" and sp is None:
            sp = a
        if a.tag in (_T + "p", _T + "ab") and para is None:
            para = a
    block = sp if sp is not None else para
    return anchors.get(block, "") if block is not None else "", "text"


def _note_ids(unit: Unit) -> dict:
    from teikit.render.units import SEQ
    return {n: n.get(XML_ID) or f"note-{n.get(SEQ)}"
            for t in unit.root.iterchildren(_T + "text") for n in t.iter(_T + "note")
            if n.get(SEQ)}


def mentions_of(unit: Unit, anchors: dict) -> list[dict]:
    """Every occurrence of a person, place or organisation in the unit, in document order:
    ``{"kind", "refs", "names", "anchor", "role"}`` (JSON-able: the build caches it)."""
    people = {p.get(XML_ID): p for p in unit.root.iter(_T + "person", _T + "personGrp")
              if p.get(XML_ID)}
    notes = _note_ids(unit)
    found = []
    for text in unit.root.iterchildren(_T + "text"):
        # only the elements that can be occurrences, picked by libxml2
        for el in text.iter(_T + "sp", _T + "name", _T + "rs", *_NAME_TAGS):
            if el.tag == _T + "sp":
                label = _text(el.find(_T + "speaker")).rstrip(" .:,;")
                keys = [w.lstrip("#") for w in (el.get("who") or "").split() if w.lstrip("#")]
                for k in keys or [None]:
                    person = people.get(k) if k else None
                    names = ([_text(person.find(_T + "persName"))] if person is not None
                             else []) + ([label] if label and len(keys) <= 1 else [])
                    refs = ([*_refs(person)] if person is not None else [])
                    if k:
                        refs.append(k)
                    if names or refs:
                        found.append({"kind": "person", "refs": refs, "role": "speaker",
                                      "names": [n for n in names if n],
                                      "anchor": anchors.get(el, "")})
                continue
            kind = _NAME_TAGS.get(el.tag)
            if kind is None and el.tag in (_T + "name", _T + "rs"):
                kind = _TYPED.get((el.get("type") or "").casefold())
            if kind is None or any(a.tag in _NAME_TAGS for a in el.iterancestors()):
                continue
            anchor, role = _where(el, anchors, notes)
            found.append({"kind": kind, "refs": _refs(el), "names": [_text(el)],
                          "anchor": anchor, "role": role})
    return found


def canonical(register: Register | None, kind: str, refs: list[str],
              names: list[str]) -> str | None:
    """The register's name for an occurrence (by id, else by any name), or None."""
    if register is None:
        return None
    for r in refs:
        entry = register.by_id.get(r)
        if entry is not None and entry.kind == kind:
            return entry.name
    for n in names:
        entry = register.by_name.get((kind, normal(n)))
        if entry is not None:
            return entry.name
    return None


def turn_names(register: Register, mentions: list[dict], turns: list[tuple[str, str]]
               ) -> list[tuple[str, str]]:
    """``(turn id, speaker)`` with each speaker under the register's name, as the speaker
    filter lists them: a search result says 'Ronald Reagan' for a turn labelled 'R.
    REAGAN.' (a speaker the register lacks keeps the label's name)."""
    named: dict[str, list[str]] = {}
    joined: set[str] = set()
    for m in mentions:
        if m["role"] == "speaker" and m["anchor"]:
            name = canonical(register, "person", m["refs"], m["names"])
            if name:
                joined.add(m["anchor"])
            named.setdefault(m["anchor"], []).append(name or (m["names"] or [""])[0])
    return [(i, " and ".join(dict.fromkeys(n for n in named[i] if n)) if i in joined
             else who) for i, who in turns]


def gather(pages: list, register: Register | None) -> tuple[list[Entry], list[str]]:
    """Join every page's occurrences to entries (the register's, or one per unmatched
    name); the entries that occur or are in the register, and the names of speakers that
    matched no register entry (only when there is a register)."""
    register = register or Register()
    extra = Register()
    unmatched: dict[str, None] = {}
    for page in pages:
        per_entry: dict[int, tuple[Entry, list]] = {}
        for m in page.mentions:
            entry = next((register.by_id[r] for r in m["refs"] if r in register.by_id
                          and register.by_id[r].kind == m["kind"]), None)
            if entry is None:
                entry = next((register.by_name[(m["kind"], normal(n))] for n in m["names"]
                              if (m["kind"], normal(n)) in register.by_name), None)
            if entry is None:
                names = [n for n in m["names"] if normal(n)]
                if not names:
                    continue
                kind = m["kind"]
                if m["role"] == "speaker" and all(is_role(n) for n in names):
                    kind = "role"  # "Q.", "THE PRESIDENT": no person to report
                elif m["role"] == "speaker" and register.entries:
                    unmatched[names[0]] = None
                entry = next((extra.by_name[(kind, normal(n))] for n in names
                              if (kind, normal(n)) in extra.by_name), None)
                if entry is None:
                    entry = Entry(kind, f"name:{normal(names[0])}", names[0],
                                  in_register=False)
                    extra.add(entry, [])
                for n in names:  # a later label of the same person finds this entry
                    extra.by_name.setdefault((kind, normal(n)), entry)
            slot = per_entry.setdefault(id(entry), (entry, []))
            slot[1].append((m["anchor"], m["role"], " ".join(m["names"][:1])))
        for entry, where in per_entry.values():
            entry.occurrences.append((page, where))
    entries = [e for e in register.entries + extra.entries if e.occurrences or e.in_register]
    entries.sort(key=lambda e: (list(KINDS).index(e.kind), normal(e.name), e.key))
    return entries, sorted(unmatched, key=normal)


def assign_hrefs(entries: list[Entry], taken: set[str]) -> None:
    """``<kind>-<slug>.html`` for each entry, never a document page's name."""
    for entry in entries:
        by_id = entry.in_register and not entry.key.startswith("name:")
        base = f"{entry.kind}-{slug(entry.key if by_id else entry.name)}"
        name, n = f"{base}.html", 1
        while name in taken:
            n += 1
            name = f"{base}-{n}.html"
        taken.add(name)
        entry.href = name


def page_files(pages: list, register: Register | None, taken: set[str]
               ) -> tuple[list[Entry], list[str]]:
    entries, unmatched = gather(pages, register)
    assign_hrefs(entries, taken)
    return entries, unmatched


EXAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition's register (teikit.toml: [edition] register = "register.xml").
     teikit joins speakers and persName/placeName/orgName in the editions to these
     entries by xml:id (ref="#reagan", who="#reagan") or by any of the names below, compared
     without case and punctuation; `teikit build` lists the speakers that match no entry. -->
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Register of persons, places and organisations</title></titleStmt>
      <publicationStmt><p>Kept by the editors of this edition.</p></publicationStmt>
      <sourceDesc><p>Born digital.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="reagan">
        <persName>Ronald Reagan</persName>
        <persName type="alt">R. Reagan</persName>
        <persName type="alt">President Reagan</persName>
        <birth when="1911-02-06">1911</birth>
        <death when="2004-06-05">2004</death>
        <idno type="VIAF">76321299</idno>
        <idno type="GND">118599437</idno>
        <idno type="Wikidata">Q9960</idno>
      </person>
    </listPerson>
    <listPlace>
      <place xml:id="afghanistan">
        <placeName>Afghanistan</placeName>
        <idno type="Wikidata">Q889</idno>
      </place>
    </listPlace>
    <listOrg>
      <org xml:id="un">
        <orgName>United Nations</orgName>
        <orgName type="alt">UN</orgName>
        <idno type="Wikidata">Q1065</idno>
      </org>
    </listOrg>
  </standOff>
</TEI>
"""
