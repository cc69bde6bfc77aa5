"""Page markers: "[Page 546]" where a printed page of the volume begins.

Convention (history.state.gov document pages, FRUS): the volume's page breaks are shown as
"[Page N]", either inside a sentence — "While we would not directly [Page 546] link the
Afghanistan “experts’ talks” to START" — or as a block of its own between paragraphs
("[Page 537]").  Roman page numbers ("[Page xii]") occur in front matter.
"""

from __future__ import annotations

import re

from teikit.model import Inline, PageBreak

PAGE_MARKER = re.compile(r"\[Page ([0-9]+[a-z]?|[ivxlcdm]+)\]")


def is_page_line(line: str) -> bool:
    """True when ``line`` holds nothing but one page marker."""
    return PAGE_MARKER.fullmatch(line.strip()) is not None


def split_page_markers(text: str, line: int = 0) -> list[Inline]:
    """``text`` with every page marker turned into a :class:`PageBreak`.

    The space after an inline marker belongs to the marker ("threat [Page 540] of" reads
    "threat <pb/>of"), so that the words around it keep exactly one space between them.
    """
    out: list[Inline] = []
    pos = 0
    for match in PAGE_MARKER.finditer(text):
        if match.start() > pos:
            out.append(text[pos:match.start()])
        out.append(PageBreak(match.group(1), match.group(0), line))
        pos = match.end()
        if pos < len(text) and text[pos] == " " and match.start() > 0:
            pos += 1
    if pos < len(text):
        out.append(text[pos:])
    return out
