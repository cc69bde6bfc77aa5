"""Editorial square brackets in FRUS texts.

FRUS editors print their own interventions in square brackets; which kind a bracket is
depends on its words:

* a word they supplied where the original lacks it — "it will be important for us [to]
  contain these risks" → :class:`Supplied` ("[to]" as printed, the brackets implied);
* text still withheld — "[1 line not declassified]", "[less than 1 line not declassified]",
  "[name not declassified]" → :class:`Gap` with reason "not-declassified", the extent and the
  printed words;
* words the editors could not read — "[illegible]", "[garble]" → :class:`Gap`.

Other brackets stay literal text: editorial remarks ("[Here follows a list of names]"),
expansions inside a word ("S[tanley] K. H[ornbeck]"), "[sic]".
"""

from __future__ import annotations

import re

from teikit.model import Gap, Inline, Supplied
from teikit.rules.splitting import split_matches

#: "[1 line not declassified]", "[2½ lines not declassified]", "[name not declassified]".
NOT_DECLASSIFIED = re.compile(r"\[((?:less than )?[^\[\]]{1,60}?) not declassified\]")
#: "[illegible]", "[garble]", "[garbled]", "[less than 1 line illegible]".
UNREADABLE = re.compile(r"\[(illegible|garble|garbled)\]")
#: One to three lower-case words standing free between spaces or punctuation: "[to]".
SUPPLIED = re.compile(r"(?<![\w\]])\[([a-z][a-z’']*(?: [a-z][a-z’']*){0,2})\](?![\w\[])")

#: Bracketed lower-case words that are remarks, not supplied text.
_NOT_SUPPLIED = frozenset({"sic", "illegible", "garble", "garbled", "omission", "blank",
                           "signature", "signed", "initialed", "unsigned", "unreadable"})


def _not_declassified(match: re.Match, line: int) -> Inline:
    return Gap("not-declassified", match.group(0), extent=match.group(1),
               desc=match.group(0)[1:-1], line=line)


def _unreadable(match: re.Match, line: int) -> Inline | None:
    reason = "illegible" if match.group(1) == "illegible" else "garbled"
    return Gap(reason, match.group(0), line=line)


def _supplied(match: re.Match, line: int) -> Inline | None:
    if match.group(1) in _NOT_SUPPLIED:
        return None
    return Supplied([match.group(1)], line=line)


_RULES = ((NOT_DECLASSIFIED, _not_declassified), (UNREADABLE, _unreadable),
          (SUPPLIED, _supplied))


def split_brackets(text: str, line: int = 0) -> list[Inline]:
    """``text`` with the editorial brackets it recognises turned into model nodes."""
    out: list[Inline] = [text]
    for pattern, build in _RULES:
        nxt: list[Inline] = []
        for piece in out:
            if not isinstance(piece, str):
                nxt.append(piece)
                continue
            nxt.extend(split_matches(pattern, piece, lambda match, b=build: b(match, line)))
        out = nxt
    return out
