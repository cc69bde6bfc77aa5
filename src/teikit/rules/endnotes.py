"""Endnotes in translated records: markers in the text, numbered notes in a closing section.

Convention (Wilson Center translations, e.g. the CPSU Presidium working notes of 9 July
1956): the text carries markers "(1)", "[2]" glued to a word or a closing bracket
("Budapest(2)", "Ponomarev)(3)") or after a sentence ("Ponomarev. (5)"); a heading
("Translator's Notes", "Notes", "Endnotes") opens the notes, each a paragraph that starts with
its number — "1 Protocol No. 28 was …", "2. …", "(3) …", "[4] …"; a paragraph without a
number continues the note before it.

Look-alikes that are *not* markers: enumerations inside a sentence ("the following questions:
(1) a Soviet-Chinese treaty, (2) a loan agreement") — a marker preceded by a space must follow
a full stop and precede the end of the line or a capital; and any "(n)" at all in a text
without a notes section, or whose number has no note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING = re.compile(
    r"(?:(?:Translator|Translators|Editor|Editors)['’]s?\s+|End\s*|Explanatory\s+)?"
    r"(?:Notes|NOTES|Endnotes|ENDNOTES|Footnotes|FOOTNOTES):?", re.I)
ENTRY = re.compile(r"(\((\d{1,3})\)|\[(\d{1,3})\]|(\d{1,3})\.?)(?=\s+\S)")
MARKER = re.compile(
    r"(?:(?<=[^\s(\[])|(?<=[.;!?]\s)|(?<=[.;!?][\"”’)]\s))"
    r"([(\[])(\d{1,3})([)\]])(?=[\s.,;:!?\"”’)]|$)")


@dataclass
class Endnote:
    n: str          # "1"
    label: str      # the number as printed: "1", "2.", "(3)", "[4]"
    text: str       # the note's first paragraph after its label
    line: int
    more: list[tuple[str, int]]  # further paragraphs (text, line)


def is_heading(text: str) -> bool:
    return HEADING.fullmatch(text.strip()) is not None


def entry(text: str) -> tuple[str, str, str] | None:
    """``(n, label as printed, rest)`` when ``text`` starts with a note number."""
    m = ENTRY.match(text)
    if not m:
        return None
    n = m.group(2) or m.group(3) or m.group(4)
    return n, m.group(1), text[m.end():]


def markers(text: str, numbers: set[str]) -> list[re.Match[str]]:
    """The markers in ``text`` whose number is one of the notes' ``numbers``."""
    if not numbers:
        return []  # no notes (most records): no marker to look for
    out = []
    for hit in MARKER.finditer(text):
        if hit.group(2) not in numbers:
            continue
        if (hit.group(1) == "(") != (hit.group(3) == ")"):
            continue  # "(1]" is no marker
        spaced = hit.start() > 0 and text[hit.start() - 1].isspace()
        after = text[hit.end():hit.end() + 2].lstrip()
        if spaced and after and not after[0].isupper():
            continue  # "(1) a Soviet-Chinese treaty": an enumeration
        out.append(hit)
    return out
