"""Laying out the text edition: the text stylesheet's blocks, collapsed and wrapped.

The stylesheet (``xslt/tei-to-text.xsl``) separates blocks by blank lines and may start a
block with a literal prefix closed by U+E000 (``"  1. "`` for a note, ``"  • "`` for a list
item); wrapped lines of such a block hang under its text.  Whitespace inside a block is XML
layout and collapses to single spaces.  Only ASCII whitespace collapses: a no-break space
in the source is text.

teikit's own stylesheet ends its blocks with U+FDD0 (a noncharacter, for internal use)
instead of a blank line, so that it can copy the source's text as it is: a line end there
is layout, not the end of a block.  Its header keeps the blank-line rule (the citation's
text was always copied as it is).
"""

from __future__ import annotations

import functools
import re

PREFIX_END = "\ue000"
BLOCK_END = "\ufdd0"
RULE = "=" * 72
_BLOCK_BREAK = re.compile(r"\n(?:[ \t\r]*\n)+")
_LAYOUT = " \t\r\n"
# every run of layout whitespace except a lone space, which is already what it becomes
# (matching each lone space made the collapse the slowest step of the text edition)
_SPACES = re.compile(r"[\t\r\n][ \t\r\n]*| [ \t\r\n]+")


def _block(raw: str, width: int) -> str:
    prefix, mark, content = raw.partition(PREFIX_END)
    if not mark:
        prefix, content = "", raw
    else:
        indent = len(prefix) - len(prefix.lstrip(" "))
        words = prefix.split()
        prefix = " " * indent + " ".join(words) + (" " if words else "")
    content = _SPACES.sub(" ", content).strip(" ")  # str.strip() would take a no-break space
    if not content:
        return prefix.rstrip()
    if width <= 0 or len(prefix) + len(content) <= width:
        return prefix + content
    return _wrap(content, width, prefix)


def _wrap(content: str, width: int, prefix: str) -> str:
    """Greedy wrapping at spaces only: a word longer than the room on a line (a URL) stands
    alone on its line, unbroken; hyphens and no-break spaces never break.  One regular
    expression finds the lines: the most text that fits the room and ends before a space
    (or the end), else one whole word.  (A loop over the words in Python takes 2.6 times
    as long on a 400-word paragraph; ``textwrap`` longer still.)"""
    lines = _line_pattern(max(width - len(prefix), 1)).findall(content)
    return prefix + ("\n" + " " * len(prefix)).join(lines)


@functools.lru_cache(maxsize=32)
def _line_pattern(room: int) -> re.Pattern[str]:
    return re.compile(f"(.{{1,{room}}}|[^ ]+)(?: |$)")


def _pieces(raw: str) -> list[str]:
    """The blocks of the stylesheet's output, before layout."""
    if BLOCK_END not in raw:
        return _BLOCK_BREAK.split(raw)
    pieces = raw.split(BLOCK_END)
    rule = next((i for i, p in enumerate(pieces) if p.strip(_LAYOUT) == RULE), -1)
    head = [b for p in pieces[:rule + 1] for b in _BLOCK_BREAK.split(p)]
    return head + pieces[rule + 1:]


def layout(raw: str, width: int = 72) -> str:
    """The text edition from the stylesheet's output; ``width`` 0 leaves lines unwrapped."""
    blocks: list[str] = []
    for piece in _pieces(raw):
        # half the pieces are the XML's indentation between two blocks: nothing to lay out
        if not piece.strip(_LAYOUT):
            continue
        if PREFIX_END in piece:
            block = _block(piece, width)
            if block.strip(_LAYOUT):
                blocks.append(block)
            continue
        # the common block, without a prefix (as _block, inline: it is called ~10⁶ times
        # for a corpus); not empty, as the piece holds a character that is not layout
        content = _SPACES.sub(" ", piece).strip(" ")
        blocks.append(content if width <= 0 or len(content) <= width
                      else _wrap(content, width, ""))
    return "\n\n".join(blocks) + "\n"


def body_of(text: str) -> str:
    """The part of a text edition after its header block (body and notes)."""
    head, rule, body = text.partition("\n" + RULE + "\n")
    return body if rule else text
