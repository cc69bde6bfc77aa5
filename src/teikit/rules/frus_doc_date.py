"""The date of a FRUS document, where the page text makes it certain.

The page text does not show the dateline (``<dateline><date when="…">``), but three of the
series' own conventions state the date elsewhere:

* **a dateline printed in the text** — "Washington, December 7, 1949—4 p.m." on a line of
  its own (:data:`teikit.rules.frus_structure.DATELINE`);
* **the head of 1950s volumes**, which ends with place, date and time — "27. Memorandum of a
  Conversation, Department of State, Washington, January 21, 1955, 10:30 a.m." (FRUS
  1955–57, vol. II, doc. 27): the complete date after the last comma-separated place;
* **the Department of State decimal file number** of 1945–1963, whose part after the slash
  is the document's date as month–day-and-two-digit-year: "851G.01/12–749: Telegram" →
  12–7–49 → 1949-12-07 (FRUS 1949, vol. VII, doc. 84), printed as the file-number line
  above the head (1940s) or in the source note after "Central Files" — "Source: Department
  of State, Central Files, 793.00/1–2155." → 1955-01-21 (FRUS 1955–57, vol. II, doc. 27).
  Before 1945 the part after the slash is a serial number ("811.917/234"), so only years
  '45–'63 are read, and where the volume's years are known (folder "frus1955-57v02") the year
  must fall inside them.

Where the conventions disagree, or only a partial date is given ("Drafted by Thompson on
May 6" — in FRUS 1969–76, vol. XII, doc. 42 the conversation is of May 5, so a drafting
date is not the document's date), nothing is asserted: :func:`document_date` returns the
evidence so that the reader can list it as uncertain.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from teikit.rules.frus_dates import MONTHS, iso_date

_M = "|".join(MONTHS)
#: "/12–749", "/1–2155", "/11-2949" (en dash or hyphen), not followed by a digit.
DECIMAL_FILE_DATE = re.compile(r"/(\d{1,2})[–-](\d{1,2})(\d{2})(?![\d½])")
#: A head ending with a complete date: "…, Washington, January 21, 1955, 10:30 a.m."
HEAD_DATE = re.compile(rf",\s*({_M}) (\d{{1,2}}), (\d{{4}})(?:,?\s*(?:\d{{1,2}}(?::\d\d)?\s*"
                       r"(?:a\. ?m\.|p\. ?m\.)|noon|midnight))?\.?\s*$")
#: The complete date of a printed dateline line.
DATELINE_DATE = re.compile(rf"\b({_M}) (\d{{1,2}}), (\d{{4}})")
#: The decimal file named as the source in a source note.
SOURCE_FILE = re.compile(r"Central (?:Decimal )?Files?,?\s+([\w.]+/[\d–-]+)")
#: "Drafted by Thompson on May 6": a partial date that is evidence, not certainty.
DRAFTED = re.compile(rf"Drafted (?:by [^.;]{{1,80}}? )?on ({_M}) (\d{{1,2}})(?:, (\d{{4}}))?")


@dataclass
class DateEvidence:
    when: str
    convention: str  # "dateline", "head", "file-number", "source-note"
    printed: str


def _file_date(text: str, years: tuple[int, int] | None) -> tuple[str, str] | None:
    match = DECIMAL_FILE_DATE.search(text)
    if not match:
        return None
    month, day, yy = int(match[1]), int(match[2]), int(match[3])
    if not 45 <= yy <= 63:
        return None
    year = 1900 + yy
    if years is not None and not years[0] <= year <= years[1]:
        return None
    try:
        return datetime.date(year, month, day).isoformat(), match.group(0)
    except ValueError:
        return None


def volume_years(volume: str | None) -> tuple[int, int] | None:
    """The years a FRUS volume id covers: "frus1955-57v02" → (1955, 1957)."""
    match = re.match(r"frus(\d{4})(?:-(\d{2,4}))?", volume or "")
    if not match:
        return None
    first = int(match[1])
    if not match[2]:
        return first, first
    last = int(match[2]) if len(match[2]) == 4 else first // 100 * 100 + int(match[2])
    return first, max(first, last)


def evidence(head: str | None, file_line: str | None, dateline: str | None,
             source_note: str | None, volume: str | None = None) -> list[DateEvidence]:
    """Every complete date the document's own conventions state, most direct first."""
    years = volume_years(volume)
    found: list[DateEvidence] = []
    if dateline:
        match = DATELINE_DATE.search(dateline)
        when = match and iso_date(match[3], match[1], match[2])
        if when:
            found.append(DateEvidence(when, "dateline", match.group(0)))
    if head:
        match = HEAD_DATE.search(head)
        when = match and iso_date(match[3], match[1], match[2])
        if when:
            found.append(DateEvidence(when, "head", match.group(0).strip(", ")))
    if file_line:
        got = _file_date(file_line, years)
        if got:
            found.append(DateEvidence(got[0], "file-number", got[1]))
    if source_note:
        match = SOURCE_FILE.search(source_note)
        got = match and _file_date(match.group(1), years)
        if got:
            found.append(DateEvidence(got[0], "source-note", match.group(1)))
    return found


def document_date(found: list[DateEvidence]) -> DateEvidence | None:
    """The document's date when all the evidence agrees on it, else None."""
    if not found or len({e.when for e in found}) > 1:
        return None
    return found[0]


def partial_dates(source_note: str | None) -> list[str]:
    """Drafting dates and the like in the source note, listed for the editor to review."""
    if not source_note:
        return []
    return [m.group(0) for m in DRAFTED.finditer(source_note)]
