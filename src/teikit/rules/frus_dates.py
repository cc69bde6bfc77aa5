"""Complete calendar dates in FRUS prose and notes.

Convention: American style "March 21, 1982" (also "March 21,1982"), now and then the
military style "21 March 1982".  Only complete dates are tagged (``DateRef`` with an ISO
``when``); "May 7" or "April 1982" stay words, because the year or day would be a guess.
"""

from __future__ import annotations

import datetime
import re

from teikit.model import DateRef, Inline

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_M = "|".join(MONTHS)
US_DATE = re.compile(rf"\b({_M}) (\d{{1,2}}), ?(\d{{4}})(?!\d)")
DAY_FIRST = re.compile(rf"\b(\d{{1,2}}) ({_M}) (\d{{4}})(?!\d)")


def iso_date(year: str, month: str, day: str) -> str | None:
    """ISO date for the printed parts, or None if there is no such day."""
    try:
        return datetime.date(int(year), MONTHS.index(month) + 1, int(day)).isoformat()
    except ValueError:
        return None


def split_dates(text: str, line: int = 0) -> list[Inline]:
    """``text`` with every complete date wrapped in a :class:`DateRef`."""
    found = []
    for match in US_DATE.finditer(text):
        found.append((match.start(), match.end(), iso_date(match[3], match[1], match[2])))
    for match in DAY_FIRST.finditer(text):
        found.append((match.start(), match.end(), iso_date(match[3], match[2], match[1])))
    out: list[Inline] = []
    pos = 0
    for start, end, when in sorted(found):
        if when is None or start < pos:
            continue
        if start > pos:
            out.append(text[pos:start])
        out.append(DateRef([text[start:end]], when=when, line=line))
        pos = end
    if pos < len(text):
        out.append(text[pos:])
    return out
