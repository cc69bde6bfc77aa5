"""Speaker labels as a property of the document: find every candidate, then decide together.

A transcript uses few label shapes ("THE PRESIDENT." and "Q." in a news conference,
"Name:" in an interview, "Mr. Skinner" alone on its line in Hansard) and the same names
recur.  So the candidates of :func:`candidates` — at the start of a block, at the start of a
line inside a block (hard-wrapped plays, records without blank lines) and inside a line
(flattened PDF text: "… grew up MW: Mm-hm BF: That …") — are judged by what the whole
document shows (:func:`decide`):

* a strong label at the start of a block counts on its own;
* a weak label (one plain word and a colon, "Q.", a role alone on its line) counts when
  another label of the document has its shape, when it recurs, or when the document's title
  names the person ("Brezhnev:" in "Meeting of Brezhnev and Honecker");
* a label that needs a repeat ("Algernon.", "N. S. KHRUSHCHEV The …" with no separator)
  counts when the same printed label opens another block or line, or the person speaks under
  another label;
* a label at the start of a line inside a block counts when its shape or the label itself
  recurs at line starts — one "Life." at a line start of hard-wrapped prose is not a label;
* a label inside a line counts only when the same label recurs in the document (or is the
  full name of a person who does: "Benjamin Filene:" beside "BF:") and it is closed by a
  colon, or it is a recurring "Name." label right after the end of a sentence;
* a label with nothing after it on its line counts only when speech follows (a sentence,
  not a name or a country: "President:" above "Mr. Koonjul" in a UN members list is a field).

What precedes a label at its line start — an item number "[1.]", an omission mark ". . ." —
stays text before the turn (:attr:`Candidate.prefix`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from teikit.rules.speaker_labels import Label, match_label, name_tokens, same_person

#: Printed before a label at its line start and kept as text: item numbers, omission marks.
_PREFIX = re.compile(r"(?:\[\d{1,3}\.?\]|\.(?:\s?\.){2,3}|…)[ \t]+")
_COLON = re.compile(r":(?=\s|$)")
_WORD_START = re.compile(r"(?<!\S)\S|(?<=\d)(?=[^\W\d_])")
_SENTENCE_END = re.compile(r"[.?!…][\"”’)\]]?[ \t]+$")
_SPEECH_END = re.compile(r"[.?!…—–\-\"”’)\]:;,]$")


@dataclass(frozen=True)
class Candidate:
    """A label found in block ``block`` at character ``start`` of its text; ``where`` is
    "block", "line" or "inline"; ``prefix`` the printed item number or omission before it."""

    block: int
    start: int
    where: str
    label: Label
    span: int          # characters the label takes (a stage direction inside it included)
    prefix: str = ""

    @property
    def end(self) -> int:
        return self.start + self.span


@dataclass(frozen=True)
class Piece:
    """A stretch of a block: text before any label (``label`` None), a prefix kept as text
    (``prefix`` True) or a label and the speech after it up to the next label."""

    text: str
    line: int
    label: Label | None = None
    prefix: bool = False
    where: str = "block"


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


#: A label is short: it is looked for in this many characters of its line, never in the
#: rest of a long block (matching on the whole remainder would make a flattened text of
#: thousands of colons quadratic).
_WINDOW = 600


def _label_at(text: str, start: int) -> tuple[Label | None, int]:
    """The label at ``start`` of ``text`` and the characters it takes."""
    stop = text.find("\n", start, start + _WINDOW)
    window = text[start:stop if stop >= 0 else start + _WINDOW]
    label = match_label(window)
    return label, (len(window) - len(label.rest) if label is not None else 0)


def _at(text: str, start: int, letters: frozenset[str] = frozenset()
        ) -> tuple[Label | None, int, int, str]:
    label, span = _label_at(text, start)
    if letters and (label is None or label.rule == "bare"):
        # with no separator, "H. Krollb At …" is "H. Kroll" and the note letter b
        lettered, lettered_span = _lettered(text, start, letters)
        if lettered is not None:
            return lettered, start, lettered_span, ""
    if label is not None:
        return label, start, span, ""
    pm = _PREFIX.match(text, start)
    if pm:
        label, span = _label_at(text, pm.end())
        if label is not None:
            return label, pm.end(), span, text[start:pm.end()]
    return None, start, 0, ""


#: A lettered footnote printed as a paragraph of its own ("b Underlining by typewriter is
#: used from this point forward.", Russian archival publications in the Wilson Center's
#: translations); its letter is glued to the word it annotates, a label too ("H. Krollb At
#: the instruction …").
_NOTE_PARAGRAPH = re.compile(r"([a-z]) [A-Z]")
_GLUED_LETTER = re.compile(r"(\S.{0,80}?[^\W\d_]{2})([a-z])(?=[ \t]+[A-Z\"“])")


def _lettered(text: str, start: int, letters: frozenset[str]) -> tuple[Label | None, int]:
    """A label with a note letter glued to its end: the label without the letter (which
    stays in the speech, as printed)."""
    hit = _GLUED_LETTER.match(text, start, min(len(text), start + 90))
    if not hit or hit.group(2) not in letters:
        return None, 0
    label = match_label(hit.group(1) + text[hit.end():hit.end() + _WINDOW])
    if label is None or len(label.printed) != len(hit.group(1)):
        return None, 0
    return label, len(hit.group(1))


def candidates(blocks: list) -> list[Candidate]:
    """Every label candidate of the blocks, in document order."""
    found: list[Candidate] = []
    letters = frozenset(m.group(1) for b in blocks if (m := _NOTE_PARAGRAPH.match(b.text)))
    for bi, block in enumerate(blocks):
        text = block.text
        taken: list[tuple[int, int]] = []
        for s in _line_starts(text):
            label, start, span, prefix = _at(text, s, letters)
            if label is not None:
                found.append(Candidate(bi, start, "block" if s == 0 else "line", label, span,
                                       prefix))
                taken.append((s, start + span))
        found.extend(_inline(bi, text, taken))
    found.sort(key=lambda c: (c.block, c.start))
    return _answer_letters(blocks, found)


_QA_LETTER = re.compile(r"([QA])\.(?=[ \t])")


def _answer_letters(blocks: list, found: list[Candidate]) -> list[Candidate]:
    """In a question-and-answer record (both "Q." and "A." open lines, three times or more),
    "A. Buss." is the answer letter and a one-word answer and "Q. Okay. But …" the question
    letter, not an initial and a name."""
    letters = Counter(c.label.printed for c in found
                      if c.where != "inline" and c.label.rule == "letter")
    if min(letters["Q."], letters["A."]) < 1 or letters["Q."] + letters["A."] < 3:
        return found
    out = []
    for c in found:
        text = blocks[c.block].text
        hit = _QA_LETTER.match(text, c.start)
        if hit and c.where != "inline" and not c.prefix and c.label.rule != "letter":
            rest = text[hit.end():]
            c = Candidate(c.block, c.start, c.where,
                          Label(hit.group(0), hit.group(1), rest, "letter", weak=True),
                          len(hit.group(0)))
        out.append(c)
    known = {(c.block, c.start) for c in out}
    for bi, block in enumerate(blocks):  # letters no rule took ("A. No." read as a name)
        for s in _line_starts(block.text):
            hit = _QA_LETTER.match(block.text, s)
            if hit and (bi, s) not in known:
                out.append(Candidate(bi, s, "block" if s == 0 else "line",
                                     Label(hit.group(0), hit.group(1), block.text[hit.end():],
                                           "letter", weak=True), len(hit.group(0))))
    out.sort(key=lambda c: (c.block, c.start))
    return out


def _inline(bi: int, text: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Colon labels inside a line: the longest name that ends at each colon."""
    out: list[Candidate] = []
    newlines = [m.start() for m in re.finditer("\n", text)]
    for colon in _COLON.finditer(text):
        k = bisect.bisect_left(newlines, colon.start())
        line_start = newlines[k - 1] + 1 if k else 0
        k = bisect.bisect_right(taken, (colon.start(), len(text) + 1)) - 1
        if k >= 0 and taken[k][0] <= colon.start() < taken[k][1]:
            continue  # the colon of a label found at its line start (taken is in order)
        if not text[colon.start() - 1:colon.start()].isalpha() and \
                text[colon.start() - 1:colon.start()] not in ")] ":
            continue  # "20:22", "1.:" — a label ends with a name or a qualifier
        starts = [m.start() for m in _WORD_START.finditer(
            text, max(line_start, colon.start() - 160), colon.start())]
        fits = []
        for s in starts[-8:]:
            if s == line_start or not (text[s].isupper() or text[s] in "(["):
                continue
            label, span = _label_at(text, s)
            if label is not None and s + span == colon.end():
                fits.append(Candidate(bi, s, "inline", label, span))
        # the longest plain name ("Benjamin Filene:"), not a phrase before it ("Watson,
        # W-a-t-s-o-n. MW:"); a qualified label only where nothing plainer ends there
        plain = [c for c in fits if _plain_colon(c.label)]
        if plain or fits:
            out.append((plain or fits)[0])
    return out


def _dot_inline(blocks: list, printed: set[str],
                taken: set[tuple[int, int]]) -> list[Candidate]:
    """A recurring "Name." label right after a sentence inside a line ("… Lane? Lane. I
    didn't …" in a hard-wrapped play)."""
    out = []
    for bi, block in enumerate(blocks):
        for p in printed:
            for m in re.finditer(re.escape(p), block.text):
                s = m.start()
                if (bi, s) in taken or not _SENTENCE_END.search(block.text[max(0, s - 4):s]):
                    continue
                label, _ = _label_at(block.text, s)
                if label is not None and label.printed == p:
                    out.append(Candidate(bi, s, "inline", label, len(p)))
    return out


def _plain_colon(label: Label) -> bool:
    """A name and a colon, nothing more ("BF:", "Margine Watson:")."""
    return label.printed.endswith(":") and not re.search(r"[,()\[\]]", label.printed) \
        and label.rule not in ("alone", "bare")


def _field_value(rest: str) -> bool:
    """Whether the rest of a label's line is a field's value — a few capitalised words or
    numbers without a sentence's punctuation ("Mary Jones", "August 14, 2014") — rather
    than speech."""
    line = rest.split("\n", 1)[0]
    words = line.split()
    if len(words) >= 3 and re.search(r"\S:(?=\s)", line) and not re.search(r"[.?!…;,]", line) \
            and all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return True  # a row of "Key: Value" pairs ("Madison: NewWI250 Manitowoc: NewWI035")
    # a brace or bracket may close the answer ("OK.}": overlapping speech in DARE transcripts)
    return 0 < len(words) <= 5 and not re.search(r"[.?!…][}\])\"”’]*$", words[-1]) and all(
        w[:1].isupper() or w[:1].isdigit() for w in words)


def _after_heading(text: str, start: int) -> bool:
    """Whether only a heading stands before ``start`` in the first line of its block: a few
    words, capitalised, without a sentence's or a field's punctuation (an agenda item the
    copy ran into the first label: "The situation in the Middle East The President: …")."""
    head = text[:start]
    words = head.split()
    return "\n" not in head and 2 <= len(words) <= 12 and words[0][:1].isupper() \
        and words[-1][:1].isupper() and not re.search(r"[.:;,?!()\[\]\"“”]", head)


def _ends_line(label: Label) -> bool:
    return not label.rest.split("\n", 1)[0].strip()


def _acronym(short: str, long_: str) -> bool:
    """"BF" stands for "Benjamin Filene": a capital abbreviation spelling the initials."""
    s, t = name_tokens(short), name_tokens(long_)
    return len(s) == 1 and 2 <= len(s[0]) == len(t) and all(
        a == b[0] for a, b in zip(s[0], t, strict=True))


def same_speaker(a: str, b: str) -> bool:
    """Two label names for one person (see ``same_person``), initials-only forms included."""
    return same_person(a, b) or _acronym(a, b) or _acronym(b, a)


def _named(label: Label, known: list[str]) -> bool:
    """Whether the document's title names the label's person."""
    tokens = [t for t in name_tokens(label.name) if len(t) > 1]
    return bool(tokens) and any(all(t in name_tokens(k) for t in tokens) for k in known)


def decide(blocks: list, found: list[Candidate], known: list[str]) -> list[Candidate]:
    """The candidates the document as a whole supports (see the module docstring)."""
    starts = [c for c in found if c.where != "inline"]
    start_printed = Counter(c.label.printed for c in starts)
    strong_shapes = Counter(c.label.shape for c in starts if not c.label.weak)
    all_shapes = Counter(c.label.shape for c in starts)
    dots = {p for p, n in start_printed.items() if n >= 2 and p.endswith(".")}
    taken = {(c.block, c.start) for c in found}
    found = sorted([*found, *_dot_inline(blocks, dots, taken)], key=lambda c: (c.block, c.start))
    all_printed = Counter(c.label.printed for c in found)
    # labels that fill the end of their line ("Vizepräsidentin Petra Pau:" above the speech)
    line_enders = sum(1 for c in starts if not c.label.weak and _ends_line(c.label))
    recurring = {c.label.name for c in found if all_printed[c.label.printed] >= 2}

    # flattened dialogue shows at least two speakers labelled inside lines; one recurring
    # "NSC:" in an archive citation ("Reagan Library, … NSC: Meeting File") is no dialogue
    inline_names = {c.label.name for c in found if c.where == "inline"
                    and all_printed[c.label.printed] >= 2 and _plain_colon(c.label)}
    dialogue = len(inline_names) >= 2

    def person_recurs(label: Label) -> bool:
        return any(n != label.name and same_speaker(n, label.name) for n in recurring)

    def supported(c: Candidate) -> bool:
        lb = c.label
        if c.where == "inline":
            if lb.shape.endswith(".") and lb.printed in dots:
                return True
            colon = lb.shape.endswith(":") and lb.rule not in ("alone", "bare")
            if colon and not lb.weak and _ends_line(lb) and line_enders >= 2:
                return True  # glued to the heading before it: "… April 2009Vizepräsident …:"
            if colon and not lb.weak and "," not in lb.printed \
                    and _after_heading(blocks[c.block].text, c.start):
                return True  # "The situation in the Middle East The President: In …"
            return dialogue and _plain_colon(lb) and (all_printed[lb.printed] >= 2 or (
                len(name_tokens(lb.name)) > 1 and person_recurs(lb)))
        if lb.rule == "bare" and lb.printed == "A" and start_printed["Q"] < 2:
            return False  # "A day later …": the answer letter only answers bare "Q"s
        if lb.repeat_needed:
            return start_printed[lb.printed] >= 2 or person_recurs(lb) or _named(lb, known)
        if c.where == "line" and not (start_printed[lb.printed] >= 2 or all_shapes[lb.shape] >= 2
                                      or _named(lb, known)):
            return False
        if not lb.weak:
            return True
        if _field_value(lb.rest):
            return False  # "Interviewer: Mary Jones", "Witness: John Smith" — a field line
        return (start_printed[lb.printed] >= 2 or strong_shapes[lb.shape] >= 1
                or all_shapes[lb.shape] >= 2 or _named(lb, known))

    accepted: list[Candidate] = []
    for c in found:
        if accepted and accepted[-1].block == c.block and c.start < accepted[-1].end:
            continue  # inside a label already taken ("Ron Johnson:" in "Senator Ron Johnson:")
        if supported(c):
            accepted.append(c)
    return accepted


def pieces(blocks: list, accepted: list[Candidate]) -> list[Piece]:
    """The blocks cut at the accepted labels."""
    by_block: dict[int, list[Candidate]] = {}
    for c in accepted:
        by_block.setdefault(c.block, []).append(c)
    out: list[Piece] = []
    for bi, block in enumerate(blocks):
        text = block.text
        cuts = by_block.get(bi, [])
        pos = 0
        newlines = [m.start() for m in re.finditer("\n", text)] if cuts else []

        def line_at(p: int, block=block, text=text, newlines=newlines) -> int:
            return _line(block.line, text, p, newlines)

        for k, c in enumerate(cuts):
            head = c.start - len(c.prefix)
            if text[pos:head].strip():
                out.append(Piece(text[pos:head].strip(), line_at(pos)))
            if c.prefix:
                out.append(Piece(c.prefix.strip(), line_at(head), prefix=True))
            stop = cuts[k + 1].start - len(cuts[k + 1].prefix) if k + 1 < len(cuts) else len(text)
            rest = text[c.end:stop]
            label = Label(c.label.printed, c.label.name, rest, c.label.rule, c.label.stage,
                          c.label.weak, c.label.repeat_needed)
            out.append(Piece(c.label.printed + rest, line_at(c.start), label,
                             where=c.where))
            pos = stop
        if text[pos:].strip():
            out.append(Piece(text[pos:].strip(), line_at(pos)))
    return out


def _line(first: int, text: str, pos: int, newlines: list[int]) -> int:
    """The source line where the piece at ``pos`` begins (after its blank space), the
    block starting at line ``first`` with its line breaks at ``newlines``."""
    head = text[pos:pos + 200]
    return first + bisect.bisect_left(newlines, pos + len(head) - len(head.lstrip()))


def reads_as_speech(text: str) -> bool:
    """Whether ``text`` (what follows a label alone on its line) is speech rather than a
    field value, a name or a heading: a sentence, or a run of words."""
    words = text.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 2 and (bool(_SPEECH_END.search(text.rstrip()))
                                or (len(words) >= 8 and lower * 2 >= len(words)))
