"""Nothing lost: the printed text of an edition, compared with its source.

The *printed form* of a TEI ``text`` reads it as the source printed it: element text in
document order, with the documented marker forms put back —

* an empty element with ``@rend`` (``<gap rend="(...)"/>``) prints its ``@rend``;
* ``supplied`` and ``seg type="original-term"`` print their content in square brackets;
* ``pb`` prints "[Page N]" (a ``pb`` without ``@n`` — a Word page break — prints nothing);
* a footnote (``note`` with ``@n``, not ``@rend="inline"``) prints its number where it is
  anchored (none if ``@anchored="false"``: no marker was printed), and its text at the end,
  as "N. text", in the order the notes occur; an endnote
  (``@place="end"``) stands where it was printed and prints as it is;
* table cells print the "|" that joins them in the page text ("a | b");
* list items print the "•" bullet of the page text; a labelled item prints it before its
  label ("• 1. item").

Comparison ignores whitespace (line wrapping and indentation are not text).
"""

from __future__ import annotations

import re

from lxml import etree

from teikit.diagnostics import Diagnostic

_BRACKETED = {"supplied"}


def _local(el: etree._Element) -> str | None:
    return etree.QName(el).localname if isinstance(el.tag, str) else None


def _after_label(item: etree._Element) -> bool:
    prev = item.getprevious()
    return prev is not None and _local(prev) == "label"


class _Printer:
    def __init__(self) -> None:
        self.main: list[str] = []
        # (number, printed note, anchored at a marker)
        self.notes: list[tuple[str, str, bool]] = []

    def element(self, el: etree._Element, out: list[str]) -> None:
        name = _local(el)
        if name is None:
            return
        rend = el.get("rend")
        has_content = len(el) > 0 or bool((el.text or "").strip())
        if name == "note" and el.get("n") is not None and rend != "inline" \
                and el.get("place") != "end":
            anchored = el.get("anchored") != "false"  # else the source printed no marker
            if anchored:
                out.append(el.get("n"))
            note: list[str] = [f"{el.get('n')}. "]
            self.content(el, note)
            self.notes.append((el.get("n"), "".join(note), anchored))
            return
        if name == "pb":
            if el.get("n") is not None:
                out.append(f"[Page {el.get('n')}]")
            return
        if (name == "gap" and rend is not None) or (not has_content and rend is not None):
            out.append(rend)
            return
        if name == "cell" and el.getprevious() is not None:
            out.append("|")
        in_list = el.getparent() is not None and _local(el.getparent()) == "list"
        if in_list and (name == "label" or (name == "item" and not _after_label(el))):
            out.append("•")
        bracket = name in _BRACKETED or (name == "seg" and el.get("type") == "original-term")
        if bracket:
            out.append("[")
        self.content(el, out)
        if bracket:
            out.append("]")

    def content(self, el: etree._Element, out: list[str]) -> None:
        if el.text:
            out.append(el.text)
        for child in el:
            self.element(child, out)
            if child.tail:
                out.append(child.tail)


def printed_text(text_el: etree._Element) -> str:
    """The printed form of a TEI ``text`` (or any element), notes at the end."""
    p = _Printer()
    p.content(text_el, p.main)
    notes = p.notes
    # the numbers of the notes anchored at their markers, in document order (an unanchored
    # note stands at the end, out of place, and says nothing about the numbering)
    anchored = [int(n) for n, _, at_marker in notes if at_marker and n.isdigit()]
    if all(n.isdigit() for n, _, _ in notes) and not _goes_back(anchored):
        # the source prints its footnote list in number order, whatever the place an
        # unanchored note was given
        notes = sorted(notes, key=lambda note: int(note[0]))
    # numbers that start again ("1. 2. 1.": older volumes number footnotes per printed page)
    # or are printed again out of order ("29. 30. 31. 29.") are listed in document order,
    # the order the source prints them and the reader anchored them in
    return "".join(p.main) + "\n" + "\n".join(text for _, text, _ in notes)


def _goes_back(numbers: list[int]) -> bool:
    """True when a number is lower than the one before it (the numbering starts again, or
    repeats an earlier number)."""
    return any(n < prev for prev, n in zip(numbers, numbers[1:], strict=False))


def _squeeze(s: str) -> str:
    """``s`` without whitespace."""
    return "".join(s.split())


def _offset_of(s: str, i: int) -> int:
    """The offset in ``s`` of its ``i``-th non-whitespace character (``len(s)`` if none).

    Computed only when a difference is found: a list of offsets for every character would
    cost some 40 bytes per character (over 600 MB for a 10 MB source)."""
    for run in re.finditer(r"\S+", s):
        if i < len(run.group()):
            return run.start() + i
        i -= len(run.group())
    return len(s)


def check(source_body: str, first_line: int, root: etree._Element,
          name: str) -> Diagnostic | None:
    """A warning at the first source position where the edition's printed text differs."""
    text_el = root.find("{http://www.tei-c.org/ns/1.0}text")
    got = _squeeze(printed_text(text_el if text_el is not None else root))
    want = _squeeze(source_body)
    if got == want:
        return None
    i = 0
    while i < min(len(got), len(want)) and got[i] == want[i]:
        i += 1
    offset = _offset_of(source_body, i)
    line = first_line + source_body.count("\n", 0, offset)
    col = offset - (source_body.rfind("\n", 0, offset) + 1) + 1
    expected, found = want[i:i + 30], got[i:i + 30]
    return Diagnostic(name, line, col, "warning",
                      f"the edition does not reproduce the source text here: source has "
                      f"{expected!r}, edition has {found!r}", "text-conservation")
