"""Wilson Center Digital Archive records, as exported to Markdown.

Layout (the archive's record page, e.g. document 117244)::

    **December 9, 1987**
    **Conversation between M. S. Gorbachev and Ronald
    Reagan on Afghanistan (Excerpt)**          ← title, hard-wrapped over lines

    **Citation:**                              ← header fields: a label line, a blank line,
                                                 exactly one paragraph of value
    "Conversation …", December 9, 1987, …

    **Summary:** / **Source:** / **Credits:** / **Original Language:** / **Contents:** …

    R. REAGAN. The regional issues …          ← the body

Any header field may be missing; unknown fields are kept in ``notesStmt``.  The body is a
speaker-labelled transcript (see :mod:`teikit.readers.transcript`) read with the archive's
bracket conventions (:mod:`teikit.rules.brackets`).
"""

from __future__ import annotations

import re
from pathlib import Path

from teikit import model as m
from teikit.diagnostics import Diagnostic
from teikit.languages import code_for, detect
from teikit.passes import ncname
from teikit.readers import Reading, Sniff
from teikit.readers.blocks import split_blocks
from teikit.readers.transcript import Persons, build_body
from teikit.rules import brackets, citation, endnotes, omissions
from teikit.rules.dates import iso_date
from teikit.sources import SourceText

NAME = "wilson"

_BOLD_LINE = re.compile(r"^\*\*([^*]+)\*\*[ \t]*$")
_FIELD = re.compile(r"^\*\*([A-Z][A-Za-z ]*):\*\*[ \t]*$")
_KNOWN_FIELDS = {"Citation", "Summary", "Source", "Credits", "Original Language", "Contents"}


class HeaderLayoutError(ValueError):
    pass


def _blank(line: str) -> bool:
    return line.strip(" \t") == ""


def split_header(lines: list[str]) -> tuple[str, str, list[tuple[str, str, int]], int]:
    """Date line, title, fields ``(label, value, line)`` and the index where the body starts.

    Mirrors the export's rules exactly: the date is the first bold line, the title runs to
    the line ending in ``**``, then each ``**Label:**`` line, blank lines, one paragraph.
    """
    i = 0
    while i < len(lines) and _blank(lines[i]):
        i += 1
    if i >= len(lines) or not _BOLD_LINE.match(lines[i]):
        raise HeaderLayoutError("no **date** line at the top")
    date = _BOLD_LINE.match(lines[i]).group(1).strip()
    i += 1
    if i >= len(lines) or not lines[i].startswith("**"):
        raise HeaderLayoutError("no **title** after the date line")
    j = i
    while j < len(lines):
        s = lines[j].rstrip(" \t")
        if s.endswith("**") and (j > i or len(s) > 2):
            break
        j += 1
    if j >= len(lines):
        raise HeaderLayoutError("title is not closed with **")
    title = " ".join(line.strip(" \t*") for line in lines[i:j + 1])
    title = " ".join(title.split())
    i = j + 1
    fields = []
    while True:
        k = i
        while k < len(lines) and _blank(lines[k]):
            k += 1
        fm = _FIELD.match(lines[k]) if k < len(lines) else None
        if not fm:
            break
        label_line = k
        k += 1
        while k < len(lines) and _blank(lines[k]):
            k += 1
        start = k
        while k < len(lines) and not _blank(lines[k]):
            k += 1
        value = " ".join(" ".join(line.split()) for line in lines[start:k])
        fields.append((fm.group(1), value, label_line + 1))
        i = k
    return date, title, fields, i


def sniff(text: str) -> Sniff:
    try:
        _, _, fields, _ = split_header(text.split("\n"))
    except HeaderLayoutError as e:
        return Sniff(0.0, f"not a Wilson Center record ({e})")
    if fields:
        names = ", ".join(f for f, _, _ in fields)
        return Sniff(0.95, f"bold date and title lines, then header fields ({names})")
    return Sniff(0.8, "bold date and title lines at the top (no header fields)")


# ------------------------------------------------------------------ body inlines


def inlines_for(name: str, diags: list[Diagnostic], lang: str, notes: dict[str, str]):
    """The inline parser for this archive: note markers, omission marks, square brackets."""

    def parse(text: str, line: int) -> list[m.Inline]:
        out: list[m.Inline] = []
        pos = 0
        marks = [(h.start(), h.end(), "marker", h.group(2))
                 for h in endnotes.markers(text, set(notes))]
        marks += [(h.start(), h.end(), "gap", h.group(0)) for h in omissions.find_omissions(text)
                  if not any(s <= h.start() < e for s, e, _, _ in marks)]
        for b in re.finditer(r"\[([^\[\]]*)\]", text):
            if not any(s <= b.start() < e for s, e, _, _ in marks):
                marks.append((b.start(), b.end(), "bracket", b.group(1)))
        for start, end, kind, value in sorted(marks):
            out.append(text[pos:start])
            if kind == "marker":
                out.append(m.Span("ref", [text[start:end]],
                                  {"type": "note", "target": f"#{notes[value]}"}, line=line))
            elif kind == "gap":
                out.append(m.Gap("omitted", value, line=line))
            else:
                col = start - (text.rfind("\n", 0, start) + 1) + 1
                out.extend(_bracket(value, text[:start], text[end:end + 1],
                                    line + text.count("\n", 0, start), col))
            pos = end
        out.append(text[pos:])
        return [x for x in out if x != ""]

    def _bracket(inner: str, before: str, after: str, line: int, col: int) -> list[m.Inline]:
        verdict = brackets.classify(inner, before, after)
        if verdict.uncertain:
            diags.append(Diagnostic(name, line, col, "info",
                                    f"[{inner}]: {verdict.reason}; kept as printed",
                                    "uncertain-bracket"))
        if verdict.kind == "original-term":
            return [m.OriginalTerm(inner, f"{lang}-Latn", line=line)]
        if verdict.kind == "supplied":
            return [m.Supplied([inner], reason="editorial", line=line)]
        return [f"[{inner}]"]

    return parse


# ------------------------------------------------------------------ header facts


def _funders(credits: str) -> list[str]:
    hit = re.search(r"support from\s+(.+?)\.?$", credits)
    if not hit:
        return []
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?[A-Z])", hit.group(1))
    return [re.sub(r"^the\s+", "", p.strip(), flags=re.I) for p in parts if p.strip()]


def _archive(printed: str) -> m.Archive:
    first, _, rest = printed.partition(", ")
    if not re.search(r"\d", rest):  # "Gorbachev Foundation, Moscow": a name and a place
        return m.Archive(repository=printed, printed=printed)
    return m.Archive(repository=first, idno=rest, printed=printed)


def _edition_id(url: str | None, date_when: str | None, title: str, stem: str) -> str:
    if url:
        num = re.search(r"/(?:document|node)/(\d+)\b", url)
        if num:
            return f"wca-{num.group(1)}"
    words = ncname(title, "doc")
    words = words[:60].rsplit("-", 1)[0] if len(words) > 60 else words
    if date_when:
        return f"wca-{date_when.replace('-', '')}-{words}"
    return ncname(stem, "doc")


def header_from_fields(date: str, title: str, fields: list[tuple[str, str, int]]) -> m.Header:
    """The header of a record from its date, title and field lines (Citation, Summary,
    Source, Credits, Original Language, Contents …); the Word reader uses it too."""
    h = m.Header(title=title, date_printed=date, date_when=iso_date(date))
    for label, value, _line in fields:
        if label == "Citation":
            cit = citation.parse(value)
            h.citation = cit.content
            h.url = cit.url
            h.responsibilities = cit.responsibilities
            if cit.archive:
                h.archive = _archive(cit.archive)
        elif label == "Summary":
            h.summary = value
        elif label == "Source":
            h.source_note = value
        elif label == "Credits":
            h.credits = value
            h.funders = _funders(value)
        elif label == "Original Language":
            h.original_language = value
            h.original_language_code = code_for(value)
        elif label == "Contents":
            h.contents = value
        else:
            h.extra_fields.append((ncname(label), value))
    return h


def read(source: SourceText, doc_id: str | None = None) -> Reading:
    lines = source.text.split("\n")
    date, title, fields, body_start = split_header(lines)
    header = header_from_fields(date, title, fields)
    diags: list[Diagnostic] = []
    if header.date_printed and not header.date_when:
        diags.append(Diagnostic(source.name, 1, 0, "info",
                                f"date {date!r} not in a form teikit reads with certainty; "
                                "kept as words", "uncertain-date"))
    doc_id = doc_id or _edition_id(header.url, header.date_when, title, Path(source.name).stem)
    blocks = split_blocks(lines[body_start:], body_start + 1)
    text_lang = detect(" ".join(b.text for b in blocks))
    term_lang = header.original_language_code or "ru"
    persons = Persons({doc_id})
    blocks, notes_div, ids = _endnotes(blocks, doc_id)
    parse = inlines_for(source.name, diags, term_lang, ids)
    body, more = build_body(blocks, source.name, parse, persons, [title])
    divisions = [m.Division("transcript", body)]
    if notes_div is not None:
        for note in notes_div.blocks:
            if isinstance(note, m.Note):
                for para in note.blocks:
                    para.content = parse("".join(para.content), para.line)
        divisions.append(notes_div)
    doc = m.Document(doc_id, header, divisions, persons.people, text_lang=text_lang,
                     source_name=Path(source.name).name)
    return Reading(doc, diags + more, "\n".join(lines[body_start:]), body_start + 1)


def _endnotes(blocks: list, doc_id: str) -> tuple[list, m.Division | None, dict[str, str]]:
    """Split off a closing notes section ("Translator's Notes" and numbered notes, see
    :mod:`teikit.rules.endnotes`); return the remaining blocks, the notes division and the
    note ids by number."""
    for i in range(len(blocks) - 2, -1, -1):
        if endnotes.is_heading(blocks[i].text) and endnotes.entry(blocks[i + 1].text):
            break
    else:
        return blocks, None, {}
    notes: list[m.Note] = []
    ids: dict[str, str] = {}
    for block in blocks[i + 1:]:
        hit = endnotes.entry(block.text)
        if hit and hit[0] not in ids:
            n, label, rest = hit
            ids[n] = f"{doc_id}-n{n}"
            notes.append(m.Note(n, [m.Paragraph([rest.lstrip()], line=block.line)],
                                kind="translator" if "ransl" in blocks[i].text else None,
                                xml_id=ids[n], line=block.line, place="end", label=label))
        else:
            notes[-1].blocks.append(m.Paragraph([block.text], line=block.line))
    div = m.Division("notes", [m.Head([blocks[i].text], line=blocks[i].line), *notes],
                     line=blocks[i].line)
    return blocks[:i], div, ids

