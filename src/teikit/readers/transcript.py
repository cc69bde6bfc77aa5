"""Generic speaker-labelled transcripts (plain text or Markdown with "NAME." / "Name:" labels).

The body builder here is shared with the Wilson Center reader: a paragraph that opens with a
speaker label starts a turn (``sp``); paragraphs without a label continue the current turn;
paragraphs before the first label stay outside any turn.  One person per speaker, however
the label prints the name ("M. S. GORBACHEV." and "GORBACHEV." are one person).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from teikit import model as m
from teikit.diagnostics import Diagnostic
from teikit.passes import ncname
from teikit.readers import Reading, Sniff
from teikit.readers.blocks import TextBlock, split_blocks
from teikit.rules import omissions
from teikit.rules.speaker_labels import Label, match_label, name_tokens, same_person
from teikit.sources import SourceText

NAME = "transcript"

InlineParser = Callable[[str, int], list[m.Inline]]


def plain_inlines(text: str, line: int) -> list[m.Inline]:
    """Inline content with only the omission convention applied (brackets kept literal)."""
    out: list[m.Inline] = []
    pos = 0
    for hit in omissions.find_omissions(text):
        out.append(text[pos:hit.start()])
        out.append(m.Gap("omitted", hit.group(0), line=line))
        pos = hit.end()
    out.append(text[pos:])
    return [x for x in out if x != ""]


class Persons:
    """The speakers of one document, merged by name (see ``same_person``)."""

    def __init__(self, reserved: set[str]) -> None:
        self.people: list[m.Person] = []
        self.reserved = set(reserved)

    def key_for(self, label: Label) -> str:
        name = label.name
        matches = [p for p in self.people if same_person(p.name, name)]
        if len(matches) == 1:
            person = matches[0]
            if len(name_tokens(name)) > len(name_tokens(person.name)):
                person.name = name
            if label.printed not in person.labels:
                person.labels.append(label.printed)
            return person.key
        person = m.Person(self._new_key(name), name, [label.printed])
        self.people.append(person)
        return person.key

    def _new_key(self, name: str) -> str:
        tokens = name.split()
        surname = tokens[-1] if tokens and all(re.fullmatch(r"[A-Z]\.", t) for t in tokens[:-1]) \
            else name
        for candidate in (ncname(surname, "person"), ncname(name, "person")):
            if candidate not in self.reserved:
                self.reserved.add(candidate)
                return candidate
        k = 2
        while f"{ncname(name, 'person')}-{k}" in self.reserved:
            k += 1
        key = f"{ncname(name, 'person')}-{k}"
        self.reserved.add(key)
        return key


def accepted_labels(blocks: list[TextBlock], name: str) -> tuple[list[Label | None],
                                                                 list[Diagnostic]]:
    """The label of each block, after the document-level checks: a *weak* label (one plain
    word and a colon, "Gorbachev:") counts only when the text has another label; a name
    closed by a full stop ("Gorbachev.") only when the same label opens another paragraph;
    a label with no speech after it does not count."""
    labels = [match_label(b.text) for b in blocks]
    diags: list[Diagnostic] = []
    # counted once, not per label: a long transcript has tens of thousands of paragraphs
    uses = Counter(lb.printed for lb in labels if lb is not None)
    free = sum(1 for lb in labels if lb is not None and not lb.repeat_needed)
    for i, lb in enumerate(labels):
        if lb is None or not lb.weak:
            continue
        repeats = uses[lb.printed] - 1
        others = free - (0 if lb.repeat_needed else 1)
        if not (repeats if lb.repeat_needed else repeats or others):
            diags.append(Diagnostic(name, blocks[i].line, 1, "info",
                                    f"{lb.printed!r} looks like a speaker label but occurs once "
                                    "in a text without other labels; kept as text",
                                    "uncertain-label"))
            labels[i] = None
    for i, lb in enumerate(labels):
        if lb is None or lb.rest.strip():
            continue
        nxt = labels[i + 1] if i + 1 < len(labels) else "end"
        if nxt is not None:
            diags.append(Diagnostic(name, blocks[i].line, 1, "warning",
                                    f"speaker label {lb.printed!r} has no speech after it; "
                                    "kept as a paragraph", "label-without-speech"))
            labels[i] = None
    return labels, diags


def build_body(blocks: list[TextBlock], name: str, inlines: InlineParser,
               persons: Persons) -> tuple[list[m.Block], list[Diagnostic]]:
    labels, diags = accepted_labels(blocks, name)
    body: list[m.Block] = []
    turn: m.Speech | None = None
    for block, label in zip(blocks, labels, strict=True):
        if label is None:
            para = m.Paragraph(inlines(block.text, block.line), line=block.line)
            (turn.blocks if turn else body).append(para)
            continue
        if label.weak:
            diags.append(Diagnostic(name, block.line, 1, "info",
                                    f"{label.printed!r} read as a speaker label "
                                    f"(rule {label.rule}); check it", "uncertain-label"))
        turn = m.Speech(persons.key_for(label), [label.printed], line=block.line,
                        stage=[label.stage] if label.stage else None)
        rest = label.rest.lstrip()
        if rest:
            turn.blocks.append(m.Paragraph(inlines(rest, block.line), line=block.line))
        body.append(turn)
    return body, diags


def has_labels(text: str) -> int:
    """How many paragraphs of ``text`` open with a speaker label."""
    return sum(1 for b in split_blocks(text.split("\n")) if match_label(b.text))


def sniff(text: str) -> Sniff:
    n = has_labels(text)
    if n >= 2:
        return Sniff(0.6, f"{n} paragraphs open with a speaker label")
    if n == 1:
        return Sniff(0.3, "one paragraph opens with a speaker label")
    return Sniff(0.05, "no speaker labels")


def _title(lines: list[str]) -> tuple[str, int]:
    """A Markdown heading or bold first line is the title; returns it and lines used."""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        head = re.fullmatch(r"\s*(?:#{1,6}\s+(.+?)\s*#*|\*\*(.+?)\*\*)\s*", line)
        if head:
            return (head.group(1) or head.group(2)).strip(), i + 1
        return "", 0
    return "", 0


def read(source: SourceText, doc_id: str | None = None) -> Reading:
    lines = source.text.split("\n")
    title, used = _title(lines)
    stem = Path(source.name).stem
    doc_id = doc_id or ncname(stem, "doc")
    persons = Persons({doc_id})
    blocks = split_blocks(lines[used:], used + 1)
    body, diags = build_body(blocks, source.name, plain_inlines, persons)
    header = m.Header(title=title or stem)
    if title:  # the heading is part of the text too: nothing of the source is dropped
        body.insert(0, m.Head([title], line=used))
    div = m.Division("transcript", body)
    doc = m.Document(doc_id, header, [div], persons.people, source_name=Path(source.name).name)
    return Reading(doc, diags, source.text, 1)
