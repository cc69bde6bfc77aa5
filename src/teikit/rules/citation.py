"""The Wilson Center citation block: verbatim text with its bibliographic parts tagged.

Convention (digitalarchive.wilsoncenter.org, "Citation:" field)::

    "Conversation between M. S. Gorbachev and Ronald Reagan on Afghanistan (Excerpt)",
    December 9, 1987, Wilson Center Digital Archive, Gorbachev Foundation, Moscow.
    Provided by Anatoly Chernyaev and translated by Gary Goldberg for CWIHP
    <https://…/document/117244>

i.e. the quoted title (the comma inside or outside the closing quote, straight or curly
quotes), the date, the publishing archive ("… Digital Archive"), the holding archive and
file, responsibility phrases ("Provided by", "obtained and provided by", "translated by",
"translation from Spanish by", "compiled by") and the URL in angle brackets.  Only parts
recognised with certainty are tagged; the rest stays as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teikit import model as m
from teikit.rules.dates import iso_date

_VERB = (r"(?:[Oo]btained|[Pp]rovided|[Tt]ranslated|[Tt]ranslation|[Cc]ompiled|[Ee]dited|"
         r"[Tt]ranscribed|[Cc]ontributed|[Dd]onated|[Aa]nnotated)")
_NAME = r"(?:[A-Z]\.\s?)*[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.\s?)*[A-Z][\w'’\-]+)*"
_RESP = re.compile(
    rf"(?P<resp>{_VERB}(?: and [a-z]+)?(?: from [A-Z][a-z]+)?"
    r"(?: for (?:the )?[A-Z][\w\-]*(?: [A-Z][\w\-]*)*)? by)\s+(?P<the>the\s+)?"
    rf"(?P<names>{_NAME}(?:(?:,\s*|,?\s+and\s+){_NAME})*)"
)
_ORG_WORDS = re.compile(r"\b(?:Archive|Archives|Institute|Center|Centre|Foundation|University|"
                        r"Library|Ministry|Embassy|Project|Program|Programme|Museum)\b")
_URL = re.compile(r"<?(https?://[^\s<>]+)>?")
_PUBLISHER = re.compile(r"[A-Z][\w ]*?Digital Archive")


@dataclass
class Citation:
    content: list[m.Inline]
    title: str | None = None
    date_when: str | None = None
    url: str | None = None
    archive: str | None = None
    responsibilities: list[m.Respons] = field(default_factory=list)


def _split_names(names: str) -> list[str]:
    return [n for n in re.split(r",\s*(?:and\s+)?|,?\s+and\s+", names) if n]


def _names(names: str) -> list[m.Inline]:
    """"Gary Goldberg and Sergey Radchenko" → persName, " and ", persName (organisations,
    "National Security Archive", as orgName)."""
    out: list[m.Inline] = []
    pos = 0
    for name in _split_names(names):
        start = names.index(name, pos)
        out.append(names[pos:start])
        out.append(m.Span("orgName" if _ORG_WORDS.search(name) else "persName", [name]))
        pos = start + len(name)
    return [x for x in out if x]


def parse(text: str) -> Citation:
    """Tag the parts of a citation (``text`` joined from its lines)."""
    text = " ".join(text.split())
    url_match = _URL.search(text)
    url = url_match.group(1) if url_match else None
    main = text[: url_match.start()].rstrip() if url_match else text
    out: list[m.Inline] = []
    cit = Citation(out, url=url)
    pos = 0
    t = re.match(r"([\"“])(.+?)(,?)([\"”])(,?)\s*", main)
    if t:
        cit.title = t.group(2)
        closing = t.group(3) + t.group(4) + t.group(5) + " "
        out += [t.group(1), m.Span("title", [t.group(2)]), closing]
        pos = t.end()
        d = re.match(r"([^,]+,\s*\d{4}|\d{4})(,?\s*)", main[pos:])
        if d and iso_date(d.group(1)):
            cit.date_when = iso_date(d.group(1))
            out += [m.DateRef([d.group(1)], cit.date_when), d.group(2)]
            pos += d.end()
    pub = _PUBLISHER.match(main, pos)
    if pub:
        out.append(m.Span("publisher", [pub.group(0)]))
        pos = pub.end()
    rest = main[pos:]
    resp_hits = list(_RESP.finditer(rest))
    archive_end = resp_hits[0].start() if resp_hits else len(rest)
    pub_in = re.search(r"\bPublished in\b", rest)
    if pub_in and pub_in.start() < archive_end:
        archive_end = pub_in.start()
    lead = re.match(r"[,.;\s]*", rest).group(0)
    archive = rest[len(lead):archive_end]
    archive_core = archive.rstrip(" ,.;")
    if archive_core and not _RESP.search(archive_core):
        out.append(lead)
        out.append(m.Span("orgName", [archive_core], {"role": "archive"}))
        out.append(archive[len(archive_core):])
        cit.archive = archive_core
        pos2 = archive_end
    else:
        pos2 = 0
    for hit in resp_hits:
        if hit.start() < pos2:
            continue
        out.append(rest[pos2:hit.start()])
        resp = hit.group("resp")
        resp_printed = resp + (" " + hit.group("the").strip() if hit.group("the") else "")
        names = _split_names(hit.group("names"))
        out.append(m.Span("respStmt", [m.Span("resp", [resp_printed]), " ",
                                       *_names(hit.group("names"))]))
        cit.responsibilities.append(m.Respons(
            resp, [n for n in names if not _ORG_WORDS.search(n)],
            [n for n in names if _ORG_WORDS.search(n)]))
        pos2 = hit.end()
    out.append(rest[pos2:])
    if url:
        out += [" ", m.Span("ref", [url], {"target": url})]
    cit.content = [x for x in out if x != ""]
    return cit
