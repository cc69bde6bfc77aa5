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
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from teikit import model as m
from teikit.diagnostics import Diagnostic
from teikit.languages import detect
from teikit.passes import ncname
from teikit.readers import Reading, Sniff
from teikit.readers.blocks import TextBlock, split_blocks
from teikit.rules import label_profile, omissions
from teikit.rules.label_profile import same_speaker
from teikit.rules.speaker_labels import Label, name_tokens
from teikit.sources import SourceText

NAME = "transcript"

InlineParser = Callable[[str, int], list[m.Inline]]


#: An audience's or a chamber's reaction printed in brackets inside a turn — "(Laughter.)",
#: "[Applause]", "(Beifall bei der LINKEN)", "(Rires.)", "(Шум в зале.)" — an ``incident``
#: (TEI: a noise or event in the room, not speech); the printed brackets stay its text.
_REACTION = re.compile(
    r"[(\[](?:laughter|applause|cheers|crosstalk|inaudible|interruption|booing|"
    r"beifall|heiterkeit|zurufe?|unruhe|rires|applaudissements|exclamations|"
    r"смех|аплодисменты|шум|выкрики|оживление|не слышно)\b[^()\[\]]{0,80}[)\]]",
    re.IGNORECASE)


def plain_inlines(text: str, line: int) -> list[m.Inline]:
    """Inline content with the omission and reaction conventions applied (other brackets
    kept literal)."""
    marks = [(h.start(), h.end(), m.Gap("omitted", h.group(0), line=line))
             for h in omissions.find_omissions(text)]
    marks += [(h.start(), h.end(), m.Span("incident", [m.Span("desc", [h.group(0)])],
                                          line=line))
              for h in _REACTION.finditer(text)
              if not any(a <= h.start() < b for a, b, _ in marks)]
    out: list[m.Inline] = []
    pos = 0
    for start, end, node in sorted(marks, key=lambda x: x[0]):
        out.append(text[pos:start])
        out.append(node)
        pos = end
    out.append(text[pos:])
    return [x for x in out if x != ""]


class Persons:
    """The speakers of one document, merged by name (see ``same_person``)."""

    def __init__(self, reserved: set[str]) -> None:
        self.people: list[m.Person] = []
        self.reserved = set(reserved)
        #: roles first printed with the person's name in brackets ("THE MARSHAL (Colonel
        #: Charles W. Mays):"): the role alone later ("THE MARSHAL:") is that person
        self.roles: dict[str, str] = {}

    def key_for(self, label: Label) -> str:
        role = _role_key(label.printed)
        if role in self.roles:
            return self._add_label(self.roles[role], label)
        key = self._key_for(label)
        bracketed = re.match(r"\s*([^()\[\]]+?)\s*[(\[]", label.printed)
        if bracketed and not set(name_tokens(bracketed.group(1))) & set(name_tokens(label.name)):
            self.roles.setdefault(_role_key(bracketed.group(1)), key)
        return key

    def _add_label(self, key: str, label: Label) -> str:
        person = next(p for p in self.people if p.key == key)
        if label.printed not in person.labels:
            person.labels.append(label.printed)
        return key

    def _key_for(self, label: Label) -> str:
        name = label.name
        # the same name is the same person: "Q" (one-letter names share no full word, so
        # same_speaker never joins them), and no comparison with every earlier speaker
        matches = [p for p in self.people if p.name == name] or [
            p for p in self.people if same_speaker(p.name, name)]
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


def _role_key(printed: str) -> str:
    return " ".join(name_tokens(printed.rstrip(" .:-–—")))


def turn_pieces(blocks: list[TextBlock], name: str, known: list[str]) -> tuple[
        list[label_profile.Piece], list[Diagnostic]]:
    """The blocks cut at the labels the document supports (:mod:`teikit.rules.label_profile`),
    after the last check: a label with nothing after it on its line needs speech to follow."""
    found = label_profile.candidates(blocks)
    accepted = label_profile.decide(blocks, found, known)
    diags: list[Diagnostic] = []
    kept = {(c.block, c.start) for c in accepted}
    for c in found:
        if c.label.weak and c.where != "inline" and (c.block, c.start) not in kept:
            diags.append(Diagnostic(name, blocks[c.block].line, 1, "info",
                                    f"{c.label.printed!r} looks like a speaker label but the "
                                    "document has no other label of its shape; kept as text",
                                    "uncertain-label"))
    cut = label_profile.pieces(blocks, accepted)
    for i, piece in enumerate(cut):
        lb = piece.label
        if lb is None or lb.rest.split("\n", 1)[0].strip():
            continue
        nxt = cut[i + 1] if i + 1 < len(cut) else None
        speech = lb.rest.strip() or (nxt.text if nxt is not None and nxt.label is None
                                     and not nxt.prefix else "")
        if not label_profile.reads_as_speech(speech):
            diags.append(Diagnostic(name, piece.line, 1, "warning",
                                    f"speaker label {lb.printed!r} has no speech after it; "
                                    "kept as a paragraph", "label-without-speech"))
            cut[i] = label_profile.Piece(piece.text, piece.line)
    return cut, diags


#: A stage direction right after a label: a bracketed phrase that opens the speech.
_DIRECTION = re.compile(r"\([^()\d][^()]{0,200}\)|\[[^\[\]\d][^\[\]]{0,300}\]")


def build_body(blocks: list[TextBlock], name: str, inlines: InlineParser,
               persons: Persons, known: list[str] | None = None,
               directions: bool = False,
               cut_at_labels: tuple[list[label_profile.Piece], list[Diagnostic]] | None = None
               ) -> tuple[list[m.Block], list[Diagnostic]]:
    """The body's blocks and turns; with ``directions``, a bracketed phrase opening a turn is
    its stage direction (a reader whose brackets mean editorial insertions passes False).
    ``cut_at_labels`` is :func:`turn_pieces`' result for these blocks where the caller has it."""
    cut, diags = cut_at_labels or turn_pieces(blocks, name, known or [])
    diags = list(diags)
    body: list[m.Block] = []
    turn: m.Speech | None = None
    for piece in cut:
        label = piece.label
        if label is None:
            para = m.Paragraph(inlines(piece.text, piece.line), line=piece.line)
            if piece.prefix:  # an item number or omission before the next turn
                body.append(para)
                turn = None
            else:
                (turn.blocks if turn else body).append(para)
            continue
        if label.weak or piece.where != "block":
            diags.append(Diagnostic(name, piece.line, 1, "info",
                                    f"{label.printed!r} read as a speaker label "
                                    f"(rule {label.rule}, {piece.where}); check it",
                                    "uncertain-label"))
        rest = label.rest.strip()
        stage = label.stage
        direction = None if stage or not directions else _DIRECTION.match(rest)
        if direction:  # "ИЗ ЗАЛА. (Не слышно.)", "Algernon. [Inspects them …]"
            stage, rest = direction.group(0), rest[direction.end():].lstrip()
        turn = m.Speech(persons.key_for(label), [label.printed], line=piece.line,
                        stage=[stage] if stage else None)
        if rest:
            turn.blocks.append(m.Paragraph(inlines(rest, piece.line), line=piece.line))
        body.append(turn)
    return body, diags


@lru_cache(maxsize=2)
def _layout(text: str) -> tuple[str, int, list[TextBlock], list[label_profile.Piece],
                                tuple[Diagnostic, ...]]:
    """Title, lines it takes, blocks and the blocks cut at the labels (diagnostics without a
    file name): the sniff and then the reading of one text decide its labels once."""
    lines = text.split("\n")
    title, used = _title(lines)
    blocks = split_blocks(lines[used:], used + 1)
    cut, diags = turn_pieces(blocks, "", [title])
    return title, used, blocks, cut, tuple(diags)


def has_labels(text: str) -> int:
    """How many turns the labels of ``text`` open, judged as the reader judges them (a
    letter's salutation "Sir:" or a signature "J. GLANCY JONES." opens none)."""
    return sum(1 for piece in _layout(text)[3] if piece.label is not None)


def sniff(text: str) -> Sniff:
    n = has_labels(text)
    if n >= 2:
        return Sniff(0.6, f"{n} speaker turns")
    if n == 1:
        return Sniff(0.3, "one speaker turn")
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


def _expand_abbreviations(people: list[m.Person], text: str) -> None:
    """A play abbreviates its speakers ("Hel." for Helen, "Lud." for Ludwig): a label of two
    to four letters, always printed with its stop, is the one longer name the text prints
    inside sentences at least twice that begins with those letters ("Lanes are …" opening
    sentences does not make "Lane." an abbreviation)."""
    # names inside sentences (after a lower-case word or a comma), not a sentence's first word
    inside = Counter(re.findall(r"(?<=[a-z,)] )[A-Z][a-z]+(?![\w'’])", text))
    for person in people:
        short = person.name
        if not re.fullmatch(r"[A-Z][a-z]{1,3}", short) or not all(
                lb.startswith(short + ".") for lb in person.labels) or re.search(
                rf"(?<![\w'’]){short}(?![\w'’.])", text):
            continue  # an abbreviation is always printed with its stop
        longer = [w for w, n in inside.items() if w.startswith(short) and w != short and n >= 2]
        if len(longer) == 1:
            person.name = longer[0]


def read(source: SourceText, doc_id: str | None = None) -> Reading:
    title, used, blocks, cut, found = _layout(source.text)
    stem = Path(source.name).stem
    doc_id = doc_id or ncname(stem, "doc")
    persons = Persons({doc_id})
    named = [replace(d, file=source.name) for d in found]
    body, diags = build_body(blocks, source.name, plain_inlines, persons, [title],
                             directions=True, cut_at_labels=(list(cut), named))
    _expand_abbreviations(persons.people, source.text)
    header = m.Header(title=title or stem)
    if title:  # the heading is part of the text too: nothing of the source is dropped
        body.insert(0, m.Head([title], line=used))
    div = m.Division("transcript", body)
    doc = m.Document(doc_id, header, [div], persons.people, source_name=Path(source.name).name,
                     text_lang=detect(source.text))
    return Reading(doc, diags, source.text, 1)
