"""Shared by the inline rules: text split around the matches of a pattern."""

from __future__ import annotations

import re
from collections.abc import Callable

from teikit.model import Inline


def split_matches(pattern: re.Pattern[str], text: str,
                  make: Callable[[re.Match[str]], Inline | None]) -> list[Inline]:
    """``text`` with each match of ``pattern`` replaced by ``make(match)`` (a match for which
    ``make`` returns None stays text)."""
    out: list[Inline] = []
    pos = 0
    for match in pattern.finditer(text):
        node = make(match)
        if node is None:
            continue
        if match.start() > pos:
            out.append(text[pos:match.start()])
        out.append(node)
        pos = match.end()
    if pos < len(text):
        out.append(text[pos:])
    return out
