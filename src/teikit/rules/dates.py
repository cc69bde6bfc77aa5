"""Dates as the archives print them → ISO 8601, only when certain.

"December 9, 1987" → 1987-12-09; "March 05, 1949" (zero-padded) → 1949-03-05;
"9 July 1956" → 1956-07-09; "July 1956" → 1956-07; "1971" → 1971.  Anything else (ranges,
"Dec.20, 1949", seasons) gives None: the words are kept, no date is invented.
"""

from __future__ import annotations

import calendar
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_M = "|".join(MONTHS)


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def iso_date(text: str) -> str | None:
    """The ISO form of a date printed as ``text`` (the whole string), or None."""
    t = text.strip().rstrip(".").strip()
    m = re.fullmatch(rf"({_M})\s+(\d{{1,2}}),\s*(\d{{4}})", t, re.I)
    if m:
        mo, d, y = MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
        return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None
    m = re.fullmatch(rf"(\d{{1,2}})\s+({_M}),?\s+(\d{{4}})", t, re.I)
    if m:
        d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None
    m = re.fullmatch(rf"({_M}),?\s+(\d{{4}})", t, re.I)
    if m:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}"
    m = re.fullmatch(r"(\d{4})", t)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return t
    return None
