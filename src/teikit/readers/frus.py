"""Reader for FRUS document pages (Foreign Relations of the United States, as shown on
history.state.gov): the page text of one document → :class:`teikit.model.Document`.

The page text is a head ("169. Memorandum From …", or in older volumes a file-number line
and an unnumbered head), blocks separated by blank lines, "[Page N]" page markers, footnote
markers glued to the text and the footnotes as an indented list at the end.  The reader
works in three steps:

1. split off the footnote list and anchor every footnote at its marker in the text
   (:mod:`teikit.rules.footnote_markers`);
2. cut the text into raw blocks (paragraph, list, lone page marker) by lines;
3. give the blocks their roles — source line, head, opener lines, subject and participant
   lists, paragraphs, closing signature (:mod:`teikit.rules.frus_structure`) — and build
   their inline content (notes, page breaks, editorial brackets, dates).

Nothing is invented: datelines, "SUBJECT" headings and section titles that the page text
does not show are not recovered.  Uncertain decisions are reported as ``info`` diagnostics
with rule ids ``uncertain-…``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from teikit import model as m
from teikit.diagnostics import Diagnostic
from teikit.passes import ncname
from teikit.readers import Reading, Sniff
from teikit.rules import frus_doc_date
from teikit.rules import frus_structure as fs
from teikit.rules.footnote_markers import (
    FOOTNOTE_LINE,
    Footnote,
    anchor,
    candidate_strength,
    split_footnote_list,
)
from teikit.rules.frus_brackets import split_brackets
from teikit.rules.frus_citations import (
    parse_source_note,
    split_archival_refs,
    split_document_refs,
    split_published_works,
)
from teikit.rules.frus_dates import split_dates
from teikit.rules.page_markers import PAGE_MARKER, is_page_line, split_page_markers

NAME = "frus"

#: A FRUS volume id as used for folder names: "frus1981-88v03", "frus1942China".
VOLUME_ID = re.compile(r"^frus\d{4}[\w-]*$")

Splitter = Callable[[str, int], list[m.Inline]]
TEXT_RULES: tuple[Splitter, ...] = (split_page_markers, split_brackets, split_dates)
NOTE_RULES: tuple[Splitter, ...] = (split_page_markers, split_archival_refs,
                                    split_published_works, split_document_refs, split_brackets,
                                    split_dates)


# ------------------------------------------------------------------ sniffing


def sniff(text: str) -> Sniff:
    """How well ``text`` fits the FRUS page-text layout."""
    stripped = text.lstrip()
    if stripped.startswith("**"):
        return Sniff(0.0, "Markdown field lines (a Wilson Center record), not a FRUS page")
    lines = [ln for ln in text.split("\n")]
    nonblank = [ln for ln in lines if ln.strip()]
    if not nonblank:
        return Sniff(0.0, "empty text")
    reasons, score = [], 0.0
    # "[Extract.]" may stand above the head (FRUS 1864 III, 143)
    skip = next((k for k, ln in enumerate(nonblank) if not fs.is_text_kind_line(ln)), 0)
    first = nonblank[skip]
    if fs.HEAD_NUMBER.match(first) and first[:1].isdigit() and len(first) < 300:
        score += 0.5
        reasons.append("numbered document head")
    elif fs.is_file_number_line(first) and len(nonblank) > 1:
        score += 0.5
        reasons.append("file-number line above the head")
    elif fs.is_unnumbered_head(first) and len(nonblank) > 1:
        score += 0.5
        reasons.append("unnumbered document head")
    if reasons and _letter_conventions(nonblank):
        score += 0.3
        reasons.append("a letter's head, opener lines and salutation")
    if any(FOOTNOTE_LINE.match(ln) for ln in lines):
        score += 0.3
        reasons.append("footnote list")
    if PAGE_MARKER.search(text):
        score += 0.2
        reasons.append("[Page N] markers")
    if not reasons:
        return Sniff(0.0, "no FRUS document head, footnote list or page marker")
    return Sniff(min(score, 1.0), ", ".join(reasons))


def _letter_conventions(nonblank: list[str]) -> bool:
    """True when the text opens as a FRUS letter or despatch of any era does: a head naming
    sender and addressee among its first lines ("Mr. Jones to Mr. Seward.", 1861, 112), then
    opener lines ("[Extract.]", "No. 20.]", "[Telegram.]") or a first paragraph opening with a
    salutation ("Sir: I have the honor …")."""
    k = next((k for k, line in enumerate(nonblank[:3]) if fs.is_correspondence_head(line)),
             None)
    if k is None:
        return False
    seen_opener = False
    for line in nonblank[k + 1:k + 6]:
        if fs.opens_with_salute(line) or fs.is_salute(line):
            return True
        if fs.is_text_kind_line(line) or fs.is_despatch_number(line):
            seen_opener = True  # "[Telegram.]", "No. 20.]": FRUS's own opener lines
        elif not (fs.is_classification_line(line) or is_page_line(line)):
            return seen_opener
    return seen_opener


# ------------------------------------------------------------------ raw blocks


@dataclass
class _Item:
    start: int
    end: int
    line: int
    more: list[tuple[int, int, int]] = field(default_factory=list)  # further paragraphs


@dataclass
class _Raw:
    kind: str  # "text", "list", "table" or "page"
    start: int
    end: int
    line: int
    items: list[_Item] = field(default_factory=list)
    lines: int = 1


class _Text:
    """The body text (everything before the footnote list) with its line offsets."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.starts: list[int] = []
        pos = 0
        for ln in lines:
            self.starts.append(pos)
            pos += len(ln) + 1
        self.text = "\n".join(lines)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def _raw_blocks(body: _Text) -> list[_Raw]:
    raws: list[_Raw] = []
    prev_blank = True
    for i, ln in enumerate(body.lines):
        start, end = body.starts[i], body.starts[i] + len(ln)
        if not ln.strip():
            prev_blank = True
            continue
        if is_page_line(ln):
            raws.append(_Raw("page", start + len(ln) - len(ln.lstrip()), end, i + 1))
        elif ln.startswith(fs.BULLET):
            item = _Item(start + len(fs.BULLET), end, i + 1)
            last = raws[-1] if raws else None
            if last is not None and last.kind == "list" and not prev_blank:
                last.items.append(item)
                last.end = end
            else:
                raws.append(_Raw("list", start, end, i + 1, [item]))
        elif (ln.startswith(fs.ITEM_CONTINUATION) and raws and raws[-1].kind == "list"):
            lead = len(ln) - len(ln.lstrip())
            raws[-1].items[-1].more.append((start + lead, end, i + 1))
            raws[-1].end = end
            prev_blank = False
            continue
        elif not prev_blank and raws and raws[-1].kind in ("text", "table"):
            raws[-1].end = end
            raws[-1].lines += 1
            if raws[-1].kind == "table" and not fs.is_table_row(ln):
                raws[-1].kind = "text"
        else:
            raws.append(_Raw("table" if fs.is_table_row(ln) else "text", start, end, i + 1))
        prev_blank = False
    for raw in raws:  # a table needs two rows; one line with a bar is prose
        if raw.kind == "table" and raw.lines < 2:
            raw.kind = "text"
    return raws


# ------------------------------------------------------------------ the reader


class _FrusReader:
    def __init__(self, source_name: str, text: str) -> None:
        self.name = source_name
        self.diags: list[Diagnostic] = []
        lines = text.split("\n")
        fn_start, self.footnotes = split_footnote_list(lines)
        self.body = _Text(lines[:fn_start])
        self.markers: dict[int, tuple[int, m.Note]] = {}  # position → (length, note)
        self.notes = [self._note(i, fn) for i, fn in enumerate(self.footnotes)]
        self.unplaced: list[m.Note] = []
        self._anchor_notes()

    # ---------------------------------------------------------- diagnostics

    def info(self, line: int, rule: str, message: str) -> None:
        self.diags.append(Diagnostic(self.name, line, 0, "info", message, rule))

    def warn(self, line: int, rule: str, message: str) -> None:
        self.diags.append(Diagnostic(self.name, line, 0, "warning", message, rule))

    # ---------------------------------------------------------- notes

    def _note(self, index: int, fn: Footnote) -> m.Note:
        lines = [fn.line] + fn.continuation_lines
        blocks = [m.Paragraph(self._rules(p, NOTE_RULES, ln), ln)
                  for p, ln in zip(fn.paragraphs, lines, strict=False)]
        kind = "source" if index == 0 and fn.paragraphs[0].startswith("Source:") else None
        return m.Note(fn.marker, blocks, kind=kind, marker=fn.marker, line=fn.line)

    def _anchor_notes(self) -> None:
        text = self.body.text
        positions = anchor(text, [fn.marker for fn in self.footnotes])
        if positions and positions[0] is None:
            positions[0] = self._marker_on_source_line(text, self.footnotes[0].marker)
        for pos, fn, note in zip(positions, self.footnotes, self.notes, strict=True):
            if pos is None:
                self.unplaced.append(note)
                continue
            self.markers[pos] = (len(fn.marker), note)
            strength = candidate_strength(text, pos, fn.marker)
            if strength < 3:
                line = self.body.line_of(pos)
                context = text[max(0, pos - 20):pos + len(fn.marker) + 5].replace("\n", " ")
                self.info(line, "uncertain-footnote-marker",
                          f"footnote {fn.marker} anchored at “…{context}…”")

    @staticmethod
    def _marker_on_source_line(text: str, marker: str) -> int | None:
        """The first note's marker glued to the digits that end the file line above the head,
        where no other reading finds it: "Department of State Committee Files: Lot 1221"
        (1948 I 2, 24: ``<seg rend="inline">… Lot 122</seg><note n="1">``)."""
        lead = len(text) - len(text.lstrip())
        end = text.find("\n", lead)
        line = text[lead:end if end >= 0 else len(text)].rstrip()
        if (len(line) > len(marker) and line.endswith(marker) and marker.isdigit()
                and line[-len(marker) - 1].isdigit()
                and fs.is_file_number_line(line[:-len(marker)])):
            return lead + len(line) - len(marker)
        return None

    # ---------------------------------------------------------- inline content

    @staticmethod
    def _rules(text: str, rules: tuple[Splitter, ...], line: int) -> list[m.Inline]:
        out: list[m.Inline] = [text]
        for rule in rules:
            nxt: list[m.Inline] = []
            for piece in out:
                nxt.extend(rule(piece, line) if isinstance(piece, str) else [piece])
            out = nxt
        return [x for x in out if not (isinstance(x, str) and not x)]

    def inlines(self, start: int, end: int) -> list[m.Inline]:
        """Inline content of ``body.text[start:end]``: notes at their markers, rules applied."""
        out: list[m.Inline] = []
        pos = start
        for mpos in sorted(p for p in self.markers if start <= p < end):
            length, note = self.markers[mpos]
            if mpos > pos:
                out.extend(self._rules(self.body.text[pos:mpos], TEXT_RULES,
                                       self.body.line_of(pos)))
            out.append(note)
            pos = mpos + length
        if end > pos:
            out.extend(self._rules(self.body.text[pos:end], TEXT_RULES, self.body.line_of(pos)))
        return out

    def plain(self, start: int, end: int) -> str:
        """``body.text[start:end]`` without its footnote markers."""
        out, pos = [], start
        for mpos in sorted(p for p in self.markers if start <= p < end):
            out.append(self.body.text[pos:mpos])
            pos = mpos + self.markers[mpos][0]
        out.append(self.body.text[pos:end])
        return "".join(out)

    # ---------------------------------------------------------- blocks

    def _list(self, raw: _Raw, kind: str | None) -> m.ItemList:
        items = []
        for it in raw.items:
            label, skip = fs.item_label(self.body.text[it.start:it.end])
            item = m.Item(self.inlines(it.start + skip, it.end), label, line=it.line)
            item.blocks = [m.Paragraph(self.inlines(s, e), ln) for s, e, ln in it.more]
            items.append(item)
        return m.ItemList(items, kind, raw.line)

    def _table(self, raw: _Raw) -> m.Table:
        rows = []
        pos = raw.start
        for ln in self.body.text[raw.start:raw.end].split("\n"):
            cells, cpos = [], pos
            for cell in ln.split(fs.TABLE_BAR):
                cells.append(self.inlines(cpos, cpos + len(cell)))
                cpos += len(cell) + len(fs.TABLE_BAR)
            rows.append(cells)
            pos += len(ln) + 1
        return m.Table(rows, raw.line)

    def _opener_line(self, raw: _Raw) -> m.Seg | m.Salute | m.Dateline | None:
        text = self.plain(raw.start, raw.end)
        content = self.inlines(raw.start, raw.end)
        if raw.lines != 1:
            # a classification printed over lines of its own ("top secret us urgent\nniact",
            # 1948 V 1, 197: the Office's TEI has an lb)
            if all(fs.is_classification_line(ln) for ln in text.split("\n")):
                return m.Seg(content, raw.line)
            return None
        if (fs.is_classification_line(text) or fs.is_despatch_number(text)
                or fs.is_text_kind_line(text)):
            return m.Seg(content, raw.line)
        if fs.is_dateline(text):
            return m.Dateline(content, raw.line)
        if fs.is_salute(text):
            return m.Salute(content, raw.line)
        return None

    def blocks(self) -> tuple[list[m.Block], m.Head | None, str | None, list[m.Seg]]:
        raws = _raw_blocks(self.body)
        out: list[m.Block] = []
        i = 0

        def page(raw: _Raw) -> m.PageBreak:
            match = PAGE_MARKER.search(self.body.text[raw.start:raw.end])
            return m.PageBreak(match.group(1), match.group(0), raw.line)

        while i < len(raws) and raws[i].kind == "page":
            out.append(page(raws[i]))
            i += 1
        texts = [r for r in raws[i:] if r.kind == "text"]
        if len(texts) > 1 and raws[i] is texts[0]:
            raw = raws[i]
            if (fs.is_text_kind_line(self.plain(raw.start, raw.end))
                    and _looks_like_head(self.plain(texts[1].start, texts[1].end).strip())):
                # the kind of text printed above the head: "[Extract.]" (FRUS 1864 III, 143)
                out.append(m.Opener([m.Seg(self.inlines(raw.start, raw.end), raw.line)],
                                    raw.line))
                i += 1
            elif self._is_source_line(raw, texts[1]):
                out.append(m.SourceLine(self.inlines(raw.start, raw.end), raw.line))
                i += 1
            while i < len(raws) and raws[i].kind == "page":
                out.append(page(raws[i]))
                i += 1
        head: m.Head | None = None
        number: str | None = None
        if i < len(raws) and raws[i].kind == "text":
            raw = raws[i]
            number, _ = fs.head_number(self.body.text[raw.start:raw.end])
            if number is None:  # "No. 64." above the head, in its block or before it
                number, _ = fs.volume_number(self.plain(raw.start, raw.end))
            if number is None and out and isinstance(out[-1], m.SourceLine):
                number, _ = fs.volume_number(_text_of(out[-1].content))
            head = m.Head(self.inlines(raw.start, raw.end), raw.line)
            out.append(head)
            i += 1

        opener, i = self._opener(raws, i)
        if opener is not None:
            out.append(opener)
        dateline_at = len(out)  # where the dateline, which the page does not show, stands
        text_start = raws[i].start if i < len(raws) else len(self.body.text)

        attachments = self._attachment_starts(raws, i)
        ends = attachments + [len(raws)]
        main = self._body(raws, i, ends[0], page)
        if attachments and any(isinstance(b, m.Closer | m.Postscript) for b in main):
            # TEI allows nothing after a closer in its div: the letter and its enclosures
            # become sibling divisions, the head and opener staying the document's
            out.append(m.Division("main", main, line=main[0].line))
        else:
            out.extend(main)
        for a, (k, stop) in enumerate(zip(attachments, ends[1:], strict=True)):
            out.append(self._attachment(raws, k, stop, page, a + 1))
        self._place_unanchored(out, head, dateline_at if head else None, text_start)
        classification = [b for b in (opener.blocks if opener else [])
                          if isinstance(b, m.Seg)
                          and fs.is_classification_line(_text_of(b.content))]
        return out, head, number, classification

    def _is_source_line(self, raw: _Raw, nxt: _Raw) -> bool:
        """Is ``raw``, the first block, a file-number or archive line printed above the head?

        Either it has the form of one ("851G.01/12–749: Telegram", "No. 35.", "Notter File,
        Box 168: Stettinius Diary"), or it is a short line that is no head itself standing
        above a line that is one (the conference volumes' "Department of State Files" over
        "Memorandum by …")."""
        if raw.kind != "text" or raw.lines != 1:
            return False
        text = self.plain(raw.start, raw.end).strip()
        if fs.is_file_number_line(text):
            return True
        head = self.plain(nxt.start, nxt.end).strip()
        return (len(text) <= 90 and nxt.kind == "text" and nxt.lines == 1
                and not _looks_like_head(text) and not text.endswith((".", ":", ";", ","))
                and _looks_like_head(head))

    def _opener(self, raws: list[_Raw], i: int) -> tuple[m.Opener | None, int]:
        """The opener lines from ``raws[i]`` on: classification, despatch number, the kind of
        text ("[Paraphrase]"), dateline, salutation; and the index after them."""
        lines: list[m.Seg | m.Salute | m.Dateline] = []
        while i < len(raws) and raws[i].kind == "text":
            node = self._opener_line(raws[i])
            if node is None:
                break
            lines.append(node)
            i += 1
        return (m.Opener(lines, lines[0].line) if lines else None), i

    def _body(self, raws: list[_Raw], first: int, stop: int,
              page: Callable[[_Raw], m.PageBreak]) -> list[m.Block]:
        """Paragraphs, lists and page breaks of ``raws[first:stop]``, with a closing
        signature where the last line is one."""
        out: list[m.Block] = []
        closer_at, postscript = self._closing(raws, first, stop)
        signing_for = None
        if closer_at is not None and closer_at - 1 >= first:
            above = raws[closer_at - 1]
            if (above.kind == "text" and above.lines == 1
                    and fs.is_signing_for(self.plain(above.start, above.end))):
                signing_for = closer_at - 1
        seen_subject = False
        before_text = True
        for k in range(first, stop):
            raw = raws[k]
            if raw.kind == "page":
                out.append(page(raw))
                continue
            if raw.kind == "table":
                before_text = False
                out.append(self._table(raw))
                continue
            if raw.kind == "list":
                kind = None
                labelled = all(fs.item_label(self.body.text[it.start:it.end])[0]
                               for it in raw.items)
                if before_text and not labelled:
                    kind = "subject" if len(raw.items) == 1 and not seen_subject \
                        else "participants"
                    seen_subject = seen_subject or kind == "subject"
                    self.info(raw.line, "uncertain-list-type",
                              f"list before the text read as type “{kind}” (its heading is "
                              "not shown on the page)")
                block: m.Block = self._list(raw, kind)
            elif k == signing_for:
                continue
            elif k == closer_at:
                block = m.Closer([m.Signed(self.inlines(raw.start, raw.end), raw.line)],
                                 raw.line)
                if signing_for is not None:
                    above = raws[signing_for]
                    block.blocks.insert(0, m.Seg(self.inlines(above.start, above.end),
                                                 above.line))
                    block.line = above.line
                self.info(raw.line, "uncertain-signature",
                          f"line “{self.plain(raw.start, raw.end)}” read as a signature")
            elif k in postscript:
                parts = self._postscript_parts(raw)
                if out and isinstance(out[-1], m.Postscript):
                    out[-1].blocks.extend(parts)
                    continue
                block = m.Postscript(parts, raw.line)
            else:
                before_text = False
                block = m.Paragraph(self.inlines(raw.start, raw.end), raw.line)
            out.append(block)
        return out

    def _postscript_parts(self, raw: _Raw) -> list[m.Paragraph | m.Closer]:
        """A postscript block as paragraphs; a copy's certification printed on one line
        ("A copy. The secretary of legation. F. PINTO.", FRUS 1882, 67) is its sentences,
        the attester's signature last."""
        text = self.body.text[raw.start:raw.end]
        cuts = fs.certification_cuts(text)
        if not cuts:
            return [m.Paragraph(self.inlines(raw.start, raw.end), raw.line)]
        spans = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
        parts: list[m.Paragraph | m.Closer] = []
        for n, (a, b) in enumerate(spans):
            start, end = raw.start + a, raw.start + b
            while end > start and self.body.text[end - 1].isspace():
                end -= 1  # the space between sentences stays with neither
            content = self.inlines(start, end)
            if n == len(spans) - 1 and fs.looks_like_signature(self.plain(start, end)):
                parts.append(m.Closer([m.Signed(content, raw.line)], raw.line))
            else:
                parts.append(m.Paragraph(content, raw.line))
        return parts

    def _attachment_starts(self, raws: list[_Raw], first: int) -> list[int]:
        """Indexes of the lines that open an attachment ("[Enclosure]", "Tab A").

        Only a line standing alone after some text, and followed by more text, counts.
        """
        starts = []
        for k in range(first + 1, len(raws) - 1):
            raw = raws[k]
            if raw.kind != "text" or raw.lines != 1:
                continue
            text = self.plain(raw.start, raw.end)
            if fs.is_attachment_line(text):
                starts.append(k)
            elif fs.is_correspondence_head(text):
                # an enclosure printed after the covering letter's signature (and addressee)
                # under a head of its own: "Baron Rechberg to Mr. Hülsemann." (1861, 114),
                # perhaps with a line naming its kind above the head ("[Translation.]",
                # 1864 III, 99)
                top = k - 1 if self._is_text_kind(raws[k - 1]) else k
                if self._closing(raws, starts[-1] if starts else first, top)[0] is not None:
                    starts.append(top)
        return starts

    def _is_text_kind(self, raw: _Raw) -> bool:
        return (raw.kind == "text" and raw.lines == 1
                and fs.is_text_kind_line(self.plain(raw.start, raw.end)))

    def _attachment(self, raws: list[_Raw], k: int, stop: int,
                    page: Callable[[_Raw], m.PageBreak], number: int) -> m.Division:
        """An attachment as FRUS encodes it: its first line ("[Enclosure]") in an opener,
        the next single line as its head, then its text."""
        raw = raws[k]
        first = k + 1
        if fs.is_correspondence_head(self.plain(raw.start, raw.end)):
            blocks: list[m.Block] = [m.Head(self.inlines(raw.start, raw.end), raw.line)]
        else:
            blocks = [m.Opener([m.Seg(self.inlines(raw.start, raw.end), raw.line)], raw.line)]
            nxt = raws[first] if first < stop else None
            if nxt is not None and nxt.kind == "text" and nxt.lines == 1 and first + 1 < stop:
                text = self.plain(nxt.start, nxt.end)
                # a line leading into the text ("… to the notables of Lima:") is no head
                if not fs.looks_like_signature(text) and not text.rstrip().endswith(":"):
                    blocks.append(m.Head(self.inlines(nxt.start, nxt.end), nxt.line))
                    first += 1
                    self.info(nxt.line, "uncertain-attachment-head",
                              f"“{text}” read as the head of an attachment")
        opener, first = self._opener(raws, first)
        if opener is not None:
            blocks.append(opener)
        blocks.extend(self._body(raws, first, stop, page))
        return m.Division("attachment", blocks, n=str(number), line=raw.line, embedded=True)

    def _closing(self, raws: list[_Raw], first: int, stop: int) -> tuple[int | None, set[int]]:
        """The signature closing ``raws[first:stop]`` and the postscript blocks after it.

        The signature is a short name standing alone after the text ("Haig", "WILLIAM H.
        SEWARD."); after it a letter may print its addressee ("Hon. William H. Seward,
        Secretary of State, Washington.") or a "P. S." — FRUS's ``postscript``.  Without a
        signature above them such lines stay paragraphs."""
        after: set[int] = set()
        texts = [k for k in range(first + 1, stop) if raws[k].kind != "page"]
        for pos in range(len(texts) - 1, -1, -1):
            k = texts[pos]
            raw = raws[k]
            if raw.kind != "text":
                break
            text = self.plain(raw.start, raw.end)
            before = texts[pos - 1] if pos else None
            after_close = before is not None and raws[before].kind == "text" and \
                fs.is_complimentary_close(self.plain(raws[before].start, raws[before].end))
            # an addressee with a signature above it is the addressee ("Hon. John Hay")
            if fs.looks_like_signature_block(text, after_close) and not (
                    fs.is_addressee(text) and before is not None
                    and self._is_signature(raws[before])):
                return k, after
            if len(after) < 3 and fs.is_postscript(text):
                after.add(k)
                continue
            break
        return None, set()

    def _is_signature(self, raw: _Raw) -> bool:
        return (raw.kind == "text"
                and fs.looks_like_signature_block(self.plain(raw.start, raw.end)))

    def _place_unanchored(self, blocks: list[m.Block], head: m.Head | None,
                          dateline_at: int | None, text_start: int) -> None:
        """Place the footnotes whose marker the text does not show (``@anchored="false"``).

        A source note goes to the end of the head.  A footnote that no earlier footnote's
        marker in the text precedes stood, by the page text's conventions, in the dateline
        the page does not show ("[Received 12:20 p.m.52]", FRUS 1927 I, 69): it goes where
        the dateline stands, after the head and opener.  Any other goes to the end of the
        text."""
        rank = {id(note): k for k, note in enumerate(self.notes)}
        for note in self.unplaced:
            note.anchored = False
            if note.kind == "source" and head is not None:
                head.content.append(note)
                where = "at the end of the head"
            elif dateline_at is not None and all(
                    pos < text_start for pos, (_, other) in self.markers.items()
                    if rank[id(other)] < rank[id(note)]):
                blocks.insert(dateline_at, note)
                dateline_at += 1
                where = "where the dateline stands (not shown), before the text"
            else:
                target = _last_content(blocks)
                if target is None:
                    blocks.append(m.Paragraph([note], note.line))
                else:
                    target.append(note)
                where = "at the end of the text"
            self.warn(note.line, "footnote-unanchored",
                      f"footnote {note.marker}: no marker found in the text; the note is "
                      f"placed {where}")


def _link_other_documents(doc: m.Document, ident: str, div_id: str) -> None:
    """A "Document 168" reference to another document of the volume points at that
    document's edition file (``frus1981-88v03-d168.xml``), named by the same rule as this one:
    inside a one-document edition, ``#d168`` would resolve to nothing."""
    prefix = ident[: -len(div_id)] if ident.endswith(div_id) else "frus-"
    for node in m.walk(doc.body):
        if isinstance(node, m.Span) and node.tag == "ref":
            target = node.attrs.get("target", "")
            if target.startswith("#d") and target[1:] != div_id:
                node.attrs["target"] = f"{prefix}{target[1:]}.xml"


def _last_content(blocks: list[m.Block]) -> list | None:
    for block in reversed(blocks):
        if isinstance(block, m.ItemList) and block.items:
            item = block.items[-1]
            return item.blocks[-1].content if item.blocks else item.content
        if isinstance(block, m.Closer | m.Opener | m.Postscript) and block.blocks:
            return block.blocks[-1].content
        if isinstance(block, m.Paragraph | m.Head):
            return block.content
    return None


def _looks_like_head(line: str) -> bool:
    """A document head of any era: numbered ("169. Memorandum …"), a correspondence head,
    "Editorial Note", or a kind of document with its author ("Memorandum by …")."""
    return bool((fs.HEAD_NUMBER.match(line) and line[:1].isdigit()
                 and not fs.is_file_number_line(line))
                or fs.is_unnumbered_head(line) or fs.is_document_kind_head(line))


def _text_of(content: list[m.Inline]) -> str:
    return "".join(x if isinstance(x, str) else _text_of(getattr(x, "content", []))
                   for x in content)


# ------------------------------------------------------------------ identifiers, header


def edition_id(source_name: str, number: str | None) -> tuple[str, str]:
    """The edition id and the document div's xml:id, derived from the source.

    ``frus1981-88v03/d169.txt`` with head number 169 → ("frus1981-88v03-d169", "d169");
    without a volume folder → ("frus-d169", "d169"); without a number the file stem is used.
    """
    path = Path(source_name)
    volume = path.parent.name if VOLUME_ID.match(path.parent.name) else None
    if number is not None:
        div_id = f"d{number}"
        return (f"{volume}-{div_id}" if volume else f"frus-{div_id}"), div_id
    div_id = ncname(path.stem, "d")
    return (f"{volume}-{div_id}" if volume else ncname(f"frus-{path.stem}")), div_id


def _header(head: m.Head | None, notes: list[m.Note], classification: list[m.Seg]) -> m.Header:
    header = m.Header()
    if head is not None:
        title = _text_of([x for x in head.content if not isinstance(x, m.Note)])
        rest = fs.head_number(title.strip())[1]
        number, after = fs.volume_number(rest)
        header.title = " ".join((after if number and after else rest).split())
    source = notes[0] if notes and notes[0].kind == "source" else None
    if source is not None:
        text = " ".join(_text_of(p.content) for p in source.blocks)
        header.source_note = text
        facts = parse_source_note(text)
        header.archive = facts.archive
        header.classification = facts.classification
    if header.classification is None and classification:
        header.classification = " ".join(_text_of(classification[0].content).split())
    return header


def _date_document(header: m.Header, blocks: list[m.Block], head: m.Head | None,
                   source_name: str, reader: _FrusReader) -> None:
    """Put the document's date into the header where its conventions make it certain
    (:mod:`teikit.rules.frus_doc_date`); list the uncertain evidence."""
    def plain(content: list[m.Inline]) -> str:
        return _text_of([x for x in content if not isinstance(x, m.Note)])

    file_line = next((plain(b.content) for b in blocks if isinstance(b, m.SourceLine)), None)
    datelines = [plain(d.content) for b in blocks if isinstance(b, m.Opener)
                 for d in b.blocks if isinstance(d, m.Dateline)]
    parent = Path(source_name).parent.name
    found = frus_doc_date.evidence(plain(head.content) if head else None, file_line,
                                   datelines[0] if datelines else None, header.source_note,
                                   parent if VOLUME_ID.match(parent) else None)
    line = head.line if head else 1
    chosen = frus_doc_date.document_date(found)
    if chosen is not None:
        header.date_when = chosen.when
        if chosen.convention in ("dateline", "head"):
            header.date_printed = chosen.printed
        return
    if found:
        reader.info(line, "uncertain-document-date",
                    "the document's date conventions disagree: " + "; ".join(
                        f"{e.convention} “{e.printed}” → {e.when}" for e in found))
        return
    partial = frus_doc_date.partial_dates(header.source_note)
    reader.info(line, "uncertain-document-date",
                "no certain date for the document (dateline not shown)"
                + (": the source note has only " + "; ".join(f"“{p}”" for p in partial)
                   if partial else ""))


def read(source, doc_id: str | None = None) -> Reading:
    """Read a FRUS page text (:class:`teikit.sources.SourceText`) into a document."""
    reader = _FrusReader(source.name, source.text)
    blocks, head, number, classification = reader.blocks()
    ident, div_id = edition_id(source.name, number)
    division = m.Division("document", blocks, n=number, xml_id=div_id,
                          line=blocks[0].line if blocks else 0)
    doc = m.Document(doc_id or ident, _header(head, reader.notes, classification), [division],
                     source_name=Path(source.name).name, reader=NAME)
    _date_document(doc.header, blocks, head, source.name, reader)
    if head is None:
        reader.warn(1, "frus-no-head", "no document head found")
    _link_other_documents(doc, ident, div_id)
    return Reading(doc, reader.diags, source.text, 1)
