"""Footnote markers glued to the text, and the footnote list at the end of a page text.

Convention (history.state.gov document pages, FRUS): a footnote's number is printed glued to
the word or punctuation it follows, and the footnotes follow the text as an indented list::

    169. Memorandum From Secretary of State Haig to President Reagan1
    With Afghanistan Day2 well behind us, …
    …
      1. Source: Reagan Library, Pipes Files, CHRON 05/27/1982–05/31/1982. Secret; Sensitive.
      2. Reference is to the President’s proclamation that March 21, 1982, …

Markers are not only "Reagan1" and "Day2": "Afghanistan.3", "(Bonnet)1", "October 28,50",
"3241.2" (telegram 3241 + note 2) and "19822" (the year 1982 + note 2) occur too; numbers may
start above 1 and carry letters ("62a").  Real digits ("March 21, 1982", "T39", "1964–66") are
told apart by where they stand, and by the footnote list, which says which markers to expect
and in which order: :func:`anchor` picks, for the whole list at once, the increasing sequence
of glued occurrences that fits best.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

#: A footnote list entry: two spaces, the marker, a full stop ("  1. Source: …", "  62a. …",
#: and the lettered notes of the volumes of about 1900–1920, which restart at "a" on every
#: printed page: "  a. Not printed.").
FOOTNOTE_LINE = re.compile(r"^  (\d{1,4}[a-z]?|[a-z]|[*†‡§¶]{1,3})\. (.*)$")

_YEAR = re.compile(r"1[6-9]\d\d|20\d\d")
#: A telegram, despatch or airgram reference before a number, as FRUS prose cites them: the
#: marker is glued to the cited number ("Deptels 471 and 4721", "Legtels 648 and 6512":
#: telegrams 472 and 651 + notes 1 and 2, FRUS 1948 V 1, 203).  Weak evidence (the digits
#: may all be the number), so such a candidate is used only where nothing better fits.
_TELEGRAM_BEFORE = re.compile(
    r"\b(?:[A-Z][a-z]*tels?|[Tt]el(?:egram)?s?|[Dd]espatch(?:es)?|[Aa]irgrams?|Nos?\.)"
    r"\s+(?:\d[\d,]*\s+(?:and|or)\s+|\d[\d,]*,\s+)*$")
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or)\s+\d|,\s*\d")
#: A month name or its abbreviation followed by a space, as telegraphic FRUS prose writes a
#: date before its marker: "Dept A–76, Oct 121" (October 12 + note 1, FRUS 1948 V 1, 197).
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)"
                           r"[a-z]*\.? $")
_STRONG_BEFORE = set(".,;:!?)]’”\"'")
_OPENING = set("([{‘“")


@dataclass
class Footnote:
    """One entry of the footnote list: its marker, its paragraphs and its source line."""

    marker: str
    paragraphs: list[str]
    line: int
    continuation_lines: list[int] = field(default_factory=list)


def split_footnote_list(lines: list[str]) -> tuple[int, list[Footnote]]:
    """Find the footnote list at the end of ``lines``.

    Returns the index of the first line of the list (``len(lines)`` when there is none) and
    the footnotes.  A line after a list entry that is not itself an entry continues that
    footnote as a further paragraph.
    """
    start = next((i for i, ln in enumerate(lines) if FOOTNOTE_LINE.match(ln)), len(lines))
    notes: list[Footnote] = []
    for i in range(start, len(lines)):
        ln = lines[i]
        match = FOOTNOTE_LINE.match(ln)
        if match:
            notes.append(Footnote(match.group(1), [match.group(2).strip()], i + 1))
        elif ln.strip():
            notes[-1].paragraphs.append(ln.strip())
            notes[-1].continuation_lines.append(i + 1)
    return start, notes


def candidate_strength(text: str, pos: int, marker: str) -> float:
    """How likely the occurrence of ``marker`` at ``pos`` in ``text`` is a footnote marker.

    0 means impossible.  3: glued to a lower-case word or to closing punctuation
    ("Reagan1", "Afghanistan.3", "(Bonnet)1").  2: after an upper-case word ("START3"), a
    dash, a decimal point ("3241.2"), a year ("19822") or a day after a month ("Oct 121").
    1: after a short code that usually carries digits ("T39", "RB66"), a range dash or
    slash ("1964–66", "12/7"), or glued to a cited telegram number ("Deptels 471 and 4721").
    """
    end = pos + len(marker)
    if pos == 0 or text[pos - 1].isspace():
        return 0
    if end < len(text) and text[end].isalnum():
        return 0
    before = text[pos - 1]
    if before.isdecimal():  # not isdigit(): "²" is a digit but no decimal one, nor \d
        if not marker[0].isdigit():
            return 0
        run = re.search(r"\d+$", text[:pos]).group()
        start = pos - len(run)
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "/–-."):
            return 0
        if _YEAR.fullmatch(run):
            return 2
        # a day of the month glued to its marker: the digits together are no day ("121")
        if (_MONTH_BEFORE.search(text[max(0, start - 14):start]) and 1 <= int(run) <= 31
                and int(run + marker.rstrip("abcdefghijklmnopqrstuvwxyz")) > 31):
            return 2
        # the marker follows the whole reference: not "471" of "471 and 4721"
        if (_TELEGRAM_BEFORE.search(text[max(0, start - 60):start])
                and not _LIST_GOES_ON.match(text, end)):
            return 1
        return 0
    if before.isalpha():
        if marker.isalpha():
            return _letter_after_word(text, pos, marker)
        word = re.search(r"[^\W\d_]+$", text[:pos]).group()
        if any(c.islower() for c in word):
            return 3
        return 1 if len(word) <= 3 else 2
    if before in ",." and pos >= 2 and text[pos - 2].isdigit():
        # "1,500" is a number, "October 28,50" and "3241.2" carry markers.
        if before == "," and marker[0].isdigit() and len(marker) == 3:
            return 1
        return 2
    if before in _STRONG_BEFORE:
        return 3
    if before in "—":
        return 2
    if before in _OPENING:
        # a marker annotates what precedes it; after an opening bracket or quote a number is
        # an enumerator or quoted: "but (3) it is idle" (FRUS 1961–63 V, 81)
        return 0
    return 1


#: Lower-case words ending in a, b or c that FRUS prose uses: with a glued letter marker they
#: would read as "word + note" ("notea" = note + a, "idea" is no "ide" + a).
_WORDS_ENDING_ABC = frozenset({
    "idea", "area", "era", "via", "extra", "data", "agenda", "formula", "quota", "junta",
    "propaganda", "militia", "guerrilla", "guerilla", "visa", "criteria", "phenomena", "dilemma",
    "drama", "comma", "opera", "camera", "arena", "plaza", "replica", "stamina", "insignia",
    "errata", "addenda", "memoranda", "corrigenda", "strata", "media", "mafia", "alfalfa",
    "tuna", "cola", "soda", "sofa", "saga", "gala", "villa", "vista", "trivia", "ultra",
    "bomb", "job", "club", "verb", "curb", "climb", "lamb", "tomb", "limb", "rob", "mob",
    "sub", "web", "herb", "bulb", "absorb", "disturb", "superb", "suburb", "womb", "thumb",
    "zinc", "arc", "disc", "talc", "havoc", "tic", "sac", "lac", "bloc", "hoc",
})


@functools.lru_cache(maxsize=4)
def _words_of(text: str) -> frozenset[str]:
    """The text's words (runs of letters), lower-cased: asked for at every lower-case word
    ending in a note's letter, so read once per text, not searched for each."""
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]+", text))


def _letter_after_word(text: str, pos: int, marker: str) -> float:
    """A lettered marker glued to a word ("my notea of the 31st", FRUS 1901, 161).

    Letters restart on every printed page, so a, b and c are by far the most frequent; few
    lower-case English words end in a or b, and those ending in c mostly end in -ic.  From d
    on ("-ed", "-e") a glued letter cannot be told from the word itself, so such a reading
    needs the bare word elsewhere in the text.  A capitalised word is taken for a name
    ("Philadelphia", "Assyria"): a marker glued to a name is lost rather than misplaced.
    """
    word = re.search(r"[^\W\d_]+$", text[:pos]).group() + marker
    stem = word[:-len(marker)]
    if not word.islower() or len(stem) < 2:
        return 0
    if stem.lower() in _words_of(text):
        return 2
    if marker not in "abc" or word in _WORDS_ENDING_ABC:
        return 0
    if marker == "c" and word.endswith(("ic", "ac")):
        return 0
    return 1


def candidates(text: str, marker: str, start: int = 0, end: int | None = None
               ) -> list[tuple[int, float]]:
    """Every glued occurrence of ``marker`` in ``text[start:end]`` with its strength."""
    end = len(text) if end is None else end
    out = []
    pos = text.find(marker, start, end)
    while pos >= 0:
        strength = candidate_strength(text, pos, marker)
        if strength:
            out.append((pos, strength))
        pos = text.find(marker, pos + 1, end)
    return out


def anchor(text: str, markers: list[str], start: int = 0, end: int | None = None
           ) -> list[int | None]:
    """Positions of ``markers`` (in list order) in ``text``, or None where none fits.

    Chooses the strictly increasing sequence of candidates with the greatest total strength;
    among equals the earliest occurrences win, because a footnote list is printed in the
    order of its markers.
    """
    cands = [candidates(text, mk, start, end) for mk in markers]
    # best[i] maps "position after the last used marker" to (score, choices); a small
    # penalty per character keeps the earliest among equally strong readings.
    states: dict[int, tuple[float, tuple[int | None, ...]]] = {-1: (0.0, ())}
    for i, mk in enumerate(markers):
        nxt: dict[int, tuple[float, tuple[int | None, ...]]] = {}

        def offer(key: int, score: float, choice: tuple[int | None, ...],
                  into: dict = nxt) -> None:
            if key not in into or score > into[key][0]:
                into[key] = (score, choice)

        for last, (score, choice) in states.items():
            offer(last, score, choice + (None,))
            for pos, strength in cands[i]:
                if pos > last:
                    offer(pos + len(mk) - 1, score + strength - pos * 1e-9, choice + (pos,))
        # keep the search small: for each end position only the best reading survives
        states = dict(sorted(nxt.items(), key=lambda kv: -kv[1][0])[:400])
    best = max(states.values(), key=lambda v: v[0])
    return _spaced_fallback(text, markers, list(best[1]), start,
                            len(text) if end is None else end)


#: A name followed by a marker the page text prints apart from it: "that of Nehru 3 may be
#: decisive" (FRUS 1961–63 V, 81, where the Office's TEI has a space before the note).
_SPACED_AFTER_NAME = re.compile(r"\b([A-Z][a-z][\w’'-]*) $")
#: Capitalised words that count what follows ("Article 3 of", "Tab 2 is").
_COUNTING = frozenset({"No", "Nos", "Article", "Articles", "Paragraph", "Para", "Section",
                       "Page", "Item", "Point", "Chapter", "Annex", "Tab", "Part", "Title",
                       "Room", "Telegram", "Deptel", "Embtel", "Circular", "Table", "Figure",
                       "Vol", "Volume", "Phase", "Stage", "Group", "Plan", "Resolution",
                       "Document", "Enclosure", "Attachment", "Box", "Lot", "File", "Folder",
                       "Number", "Option", "Question", "Step", "Case", "Series", "Class"})


def _spaced_fallback(text: str, markers: list[str], positions: list[int | None], start: int,
                     end: int) -> list[int | None]:
    """For a marker with no glued occurrence: the one occurrence, between its neighbours'
    markers, that stands apart after a name and before a lower-case word ("Nehru 3 may")."""
    out = list(positions)
    for i, mk in enumerate(markers):
        if out[i] is not None:
            continue
        lo = next((out[j] + len(markers[j]) for j in range(i - 1, -1, -1)
                   if out[j] is not None), start)
        hi = next((out[j] for j in range(i + 1, len(out)) if out[j] is not None), end)
        found = []
        for match in re.finditer(rf"(?<= ){re.escape(mk)}(?= [a-z])", text[lo:hi]):
            pos = lo + match.start()
            name = _SPACED_AFTER_NAME.search(text[max(lo, pos - 40):pos])
            if name and name.group(1) not in _COUNTING:
                found.append(pos)
        if len(found) == 1:
            out[i] = found[0]
    return out
