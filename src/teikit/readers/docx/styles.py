"""Styles, numbering and run formatting of a Word package (styles.xml, numbering.xml).

A paragraph's meaning in Word often lives in its style: "Heading 2" (or a style based on
it, or one with an outline level) is a level-2 heading, "Quote" a block quotation, a style
with numbering a list.  Character formatting comes from the run's own properties over its
character style (``w:rStyle``); a paragraph style's run formatting is the look of the whole
style (a Quote style's italics), not emphasis, and is not encoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teikit.readers.docx.package import W

_W = f"{{{W}}}"
VAL = _W + "val"

#: hi/@rend values, in the order nested ``hi`` elements are written (outermost first).
RENDS = ("italic", "bold", "underline", "smallcaps", "superscript", "subscript",
         "strikethrough")

#: Paragraph style names (lower case) whose paragraphs are speaker labels.
SPEAKER_STYLES = frozenset({"speaker", "speaker name", "speaker label", "character",
                            "sprecher", "orateur", "intervenant"})


def on(el: etree._Element | None) -> bool | None:
    """A WordprocessingML toggle (``<w:b/>``, ``<w:i w:val="0"/>``): None when unset."""
    if el is None:
        return None
    return el.get(VAL, "true").lower() not in ("0", "false", "off", "none")


def run_props(rpr: etree._Element | None) -> dict[str, object]:
    """The formatting set in one ``w:rPr``: rend names → bool, and "lang" → a tag."""
    out: dict[str, object] = {}
    if rpr is None:
        return out
    for tag, rend in (("i", "italic"), ("b", "bold"), ("smallCaps", "smallcaps"),
                      ("strike", "strikethrough"), ("dstrike", "strikethrough")):
        value = on(rpr.find(_W + tag))
        if value is not None:
            out[rend] = value or out.get(rend, False)
    u = rpr.find(_W + "u")
    if u is not None:
        out["underline"] = u.get(VAL, "single") != "none"
    va = rpr.find(_W + "vertAlign")
    if va is not None:
        out["superscript"] = va.get(VAL) == "superscript"
        out["subscript"] = va.get(VAL) == "subscript"
    lang = rpr.find(_W + "lang")
    if lang is not None and lang.get(VAL):
        out["lang"] = lang.get(VAL)
    return out


@dataclass
class Style:
    id: str
    name: str
    type: str
    based_on: str | None = None
    outline: int | None = None          # 0-based outline level (0 = Heading 1)
    num: tuple[str, int] | None = None  # numId, level
    rpr: dict[str, object] = field(default_factory=dict)


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        self.default_lang: str | None = None
        if root is None:
            return
        lang = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
        if lang is not None and lang.get(VAL):
            self.default_lang = lang.get(VAL)
        for el in root.iter(_W + "style"):
            sid = el.get(_W + "styleId", "")
            name = el.find(_W + "name")
            based = el.find(_W + "basedOn")
            style = Style(sid, (name.get(VAL, "") if name is not None else sid),
                          el.get(_W + "type", "paragraph"),
                          based.get(VAL) if based is not None else None)
            ppr = el.find(_W + "pPr")
            if ppr is not None:
                style.outline = outline_level(ppr)
                style.num = num_pr(ppr)
            style.rpr = run_props(el.find(_W + "rPr"))
            self.styles[sid] = style
            if style.type == "paragraph" and el.get(_W + "default") in ("1", "true", "on"):
                self.default_paragraph = sid

    def chain(self, sid: str | None) -> list[Style]:
        """The style and those it is based on, itself first (a cycle ends the chain)."""
        out: list[Style] = []
        while sid and sid in self.styles and all(s.id != sid for s in out):
            out.append(self.styles[sid])
            sid = out[-1].based_on
        return out

    def name(self, sid: str | None) -> str:
        chain = self.chain(sid)
        return chain[0].name if chain else (sid or "")

    def heading_level(self, sid: str | None) -> int | None:
        """1 for "Heading 1" (or a style based on it, or outline level 0) …"""
        for style in self.chain(sid):
            found = re.fullmatch(r"(?i)heading\s*(\d)", style.name) or \
                re.fullmatch(r"(?i)heading(\d)", style.id)
            if found:
                return int(found.group(1))
            if style.outline is not None:
                return style.outline + 1
        return None

    def has_name(self, sid: str | None, test) -> bool:
        return any(test(s.name.lower()) for s in self.chain(sid))

    def numbering(self, sid: str | None) -> tuple[str, int] | None:
        for style in self.chain(sid):
            if style.num is not None:
                return style.num
        return None

    def character(self, sid: str | None) -> dict[str, object]:
        """The formatting of a character style, its bases applied first."""
        out: dict[str, object] = {}
        for style in reversed(self.chain(sid)):
            out.update(style.rpr)
        return out


def outline_level(ppr: etree._Element) -> int | None:
    el = ppr.find(_W + "outlineLvl")
    if el is None or not (el.get(VAL) or "").isdigit():
        return None
    level = int(el.get(VAL))
    return level if level < 9 else None  # 9 is "body text"


def num_pr(ppr: etree._Element) -> tuple[str, int] | None:
    el = ppr.find(_W + "numPr")
    if el is None:
        return None
    num = el.find(_W + "numId")
    lvl = el.find(_W + "ilvl")
    num_id = num.get(VAL, "0") if num is not None else "0"
    level = lvl.get(VAL, "0") if lvl is not None else "0"
    return num_id, int(level) if level.isdigit() else 0


class Numbering:
    """Which numbering definitions count (ordered) and which are bullets."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, str]] = {}
        self.nums: dict[str, str] = {}
        if root is None:
            return
        for ab in root.iter(_W + "abstractNum"):
            levels: dict[int, str] = {}
            for lvl in ab.iter(_W + "lvl"):
                fmt = lvl.find(_W + "numFmt")
                ilvl = lvl.get(_W + "ilvl", "0")
                levels[int(ilvl) if ilvl.isdigit() else 0] = (
                    fmt.get(VAL, "decimal") if fmt is not None else "decimal")
            self.abstract[ab.get(_W + "abstractNumId", "")] = levels
        for num in root.iter(_W + "num"):
            ab = num.find(_W + "abstractNumId")
            if ab is not None:
                self.nums[num.get(_W + "numId", "")] = ab.get(VAL, "")

    def exists(self, num_id: str) -> bool:
        return num_id != "0" and (not self.nums or num_id in self.nums)

    def ordered(self, num_id: str, level: int) -> bool:
        fmt = self.abstract.get(self.nums.get(num_id, ""), {}).get(level, "bullet")
        return fmt not in ("bullet", "none")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz, aaa …
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def note_number(n: int, fmt: str) -> str:
    """The ``n``-th note mark in Word's number format ``fmt``."""
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "chicago":  # *, †, ‡, §, then doubled
        return "*†‡§"[(n - 1) % 4] * ((n - 1) // 4 + 1)
    return str(n)
