"""Omission marks: where editors or the archive left text out.

Convention (Wilson Center translations, FRUS excerpts): an ellipsis *enclosed* in brackets
or parentheses — "(...)", "(…)", "[...]", "[…]" — or a spaced row of dots standing alone —
". . ." or ". . . ." — marks an omission ("Therefore I will begin with Afghanistan (...).";
a Politburo record's ". . . ." block); Chinese texts also write "（……）" and "【…】".
A bare "..." or "…" ending a sentence is part of the speech ("by the end of 1988...")
and is *not* an omission; nor is a longer row of dots (a dot leader in a members list,
"Albania . . . . . . . . Mr. Hoxha"), nor a row after "!", "?" or a comma that the sentence
goes on from in lower case — the speaker's pause ("Oh! . . . by the way, Lane").
Philippine court records quoted in decisions mark a left-out stretch of the transcript with
three spaced letters x standing alone ("x    x     x", an opening quote mark may precede).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

OMISSION = re.compile(
    r"\((?:\.\s?){2,}\.\)|\(…+\)|\[(?:\.\s?){2,}\.\]|\[…+\]"
    r"|（(?:…+|\.{3,}|。{3,})）|【…+】"
    r"|(?<!\S)(?<![!?,;] )(?<! \. )\.(?: \.){2,3}(?! \.)(?!\S)"
    r"|(?<=[!?,;] )\.(?: \.){2,3}(?! \.)(?! [a-z])(?!\S)"
    r"|(?<![^\s\"“‘'(])x(?:[ \t]+x){2}(?![ \t]+x)(?![^\s\"”’')])"
)


def find_omissions(text: str) -> Iterator[re.Match[str]]:
    """The omission marks in ``text``, left to right."""
    return OMISSION.finditer(text)


def is_omission(text: str) -> bool:
    """Whether ``text`` is exactly one omission mark."""
    return OMISSION.fullmatch(text.strip()) is not None
