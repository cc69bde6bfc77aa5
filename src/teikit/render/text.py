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
# runs of two spaces or more, once line ends and tabs are spaces: a pattern that starts
# with a literal string is searched for at C speed, where one that starts with a class of
# characters ("[ \t\r\n]+") is tried at every character: half the text edition's layout
_RUN = re.compile("  +")


def collapse(text: str) -> str:
    """Every run of ASCII layout whitespace (space, tab, CR, LF) as one space."""
    text = text.replace("\n", " ")
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\r" in text:
        text = text.replace("\r", " ")
    return _RUN.sub(" ", text)


def _block(raw: str, width: int) -> str:
    prefix, mark, content = raw.partition(PREFIX_END)
    if not mark:
        prefix, content = "", raw
    else:
        indent = len(prefix) - len(prefix.lstrip(" "))
        words = prefix.split()
        prefix = " " * indent + " ".join(words) + (" " if words else "")
    content = collapse(content).strip(" ")  # str.strip() would take a no-break space
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


def _laid_out(piece: str, width: int) -> str:
    """One piece of the stylesheet's output as a block ("" when it holds only layout)."""
    if PREFIX_END in piece:
        block = _block(piece, width)
        return block if block.strip(_LAYOUT) else ""
    content = collapse(piece).strip(" ")
    return content if width <= 0 or len(content) <= width else _wrap(content, width, "")


def _body(body: str, width: int) -> list[str]:
    """The blocks after the header rule: whitespace collapsed by one pass over all of them
    (a pass per block was the slowest step of the text edition: ~10⁶ calls for a corpus),
    blocks with a prefix laid out one by one."""
    # no run of layout whitespace spans a U+FDD0, so the pieces keep their places
    blocks = [c.strip(" ") for c in collapse(body).split(BLOCK_END)]
    if width > 0:
        blocks = [b if len(b) <= width else _wrap(b, width, "") for b in blocks]
    if PREFIX_END in body:
        for i, piece in enumerate(body.split(BLOCK_END)):
            if PREFIX_END in piece:
                blocks[i] = _laid_out(piece, width)
    return blocks


def _rule_end(raw: str) -> int:
    """Where the body starts: after the piece that is the header's rule (0 if none)."""
    start = 0
    while (end := raw.find(BLOCK_END, start)) >= 0:
        if raw[start:end].strip(_LAYOUT) == RULE:
            return end + 1
        start = end + 1
    return start if raw[start:].strip(_LAYOUT) == RULE else 0


def layout(raw: str, width: int = 72) -> str:
    """The text edition from the stylesheet's output; ``width`` 0 leaves lines unwrapped."""
    if BLOCK_END not in raw:
        blocks = [_laid_out(p, width) for p in _BLOCK_BREAK.split(raw)]
    else:
        start = _rule_end(raw)
        head = raw[:start].split(BLOCK_END)[:-1] if start else []
        blocks = [_laid_out(b, width) for p in head for b in _BLOCK_BREAK.split(p)]
        blocks += _body(raw[start:], width)
    # half the pieces are the XML's indentation between two blocks: nothing to lay out
    return "\n\n".join(b for b in blocks if b) + "\n"


def body_of(text: str) -> str:
    """The part of a text edition after its header block (body and notes)."""
    head, rule, body = text.partition("\n" + RULE + "\n")
    return body if rule else text
