"""Word documents (.docx) → teikit's document model.

Three steps, as Pandoc's Docx reader takes them: :mod:`.package` opens the ZIP package
safely and parses its parts; :mod:`.parse` turns WordprocessingML into paragraphs (with
their kind), tables and page breaks whose inline content is already the model's; this
module maps those onto divisions (one per heading, nested by level), lists, block quotes,
tables and speaker turns, and fills the header from ``docProps/core.xml``.

Speaker turns follow the transcript reader's label rules (:func:`transcript.build_body`
over the paragraphs' text, decided for the whole document), or, when the document uses
them, paragraph styles named for speakers ("Speaker"): such a paragraph is the label, the
paragraphs after it the speech.  Mapping is documented in docs/docx.md.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from pathlib import Path

from lxml import etree

from teikit import model as m
from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError
from teikit.passes import ncname
from teikit.readers import Reading, Sniff
from teikit.readers.blocks import TextBlock
from teikit.readers.docx.package import open_package
from teikit.readers.docx.parse import (
    Options,
    Para,
    TableBlock,
    Unit,
    read_document,
    w3c_datetime,
)
from teikit.readers.docx.text import document_text
from teikit.readers.transcript import Persons, build_body
from teikit.readers.wilson import header_from_fields
from teikit.rules.speaker_labels import Label
from teikit.sources import SourceText

NAME = "docx"
SUFFIXES = (".docx", ".docm", ".dotx")

__all__ = ["NAME", "Options", "SUFFIXES", "read", "read_bytes", "sniff"]


def sniff(text: str) -> Sniff:
    """A decoded text is never a Word package (which is ZIP, read by :func:`read_bytes`)."""
    return Sniff(0.0, "a Word document is a ZIP package, not text")


def read(source: SourceText, doc_id: str | None = None) -> Reading:
    raise TeikitError("a Word document is read from its bytes, not as text",
                      file=source.name)


# ------------------------------------------------------------------ inline text


def plain(content: list[m.Inline]) -> str:
    """The text of inline content as the label rules see it (a line break is "\\n")."""
    out: list[str] = []
    for x in content:
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, m.LineBreak):
            out.append("\n")
        elif isinstance(x, m.Span):
            out.append(plain(x.content))
    return "".join(out)


def cut(content: list[m.Inline], start: int, end: int,
        total: int | None = None) -> list[m.Inline]:
    """The part of ``content`` between plain-text offsets ``start`` and ``end``, elements
    kept around the text they wrap; a note or page break goes with the text after it (with
    the text before it at the very end)."""
    if total is None:
        total = len(plain(content))
    out: list[m.Inline] = []
    pos = 0
    for x in content:
        if isinstance(x, str) or isinstance(x, m.LineBreak):
            width = len(x) if isinstance(x, str) else 1
            lo, hi = max(start, pos), min(end, pos + width)
            if lo < hi:
                out.append(x[lo - pos:hi - pos] if isinstance(x, str) else x)
            pos += width
        elif isinstance(x, m.Span):
            width = len(plain(x.content))
            if max(start, pos) < min(end, pos + width) or (
                    width == 0 and (start <= pos < end or pos == end == total)):
                inner = cut(x.content, start - pos, end - pos, width)
                if x.tag in ("hi", "foreign") and all(isinstance(y, str) and not y.strip()
                                                      for y in inner):
                    out.extend(inner)  # only the blank of a formatted stretch
                else:
                    out.append(m.Span(x.tag, inner, dict(x.attrs), x.line))
            pos += width
        elif start <= pos < end or pos == end == total:
            out.append(x)
    return out


def _strip(content: list[m.Inline]) -> list[m.Inline]:
    """``content`` without the blanks it opens and ends with (text only: a note stays)."""
    out = list(content)
    while out and isinstance(out[0], str) and not out[0].strip():
        out.pop(0)
    while out and isinstance(out[-1], str) and not out[-1].strip():
        out.pop()
    if out and isinstance(out[0], str):
        out[0] = out[0].lstrip()
    if out and isinstance(out[-1], str):
        out[-1] = out[-1].rstrip()
    return out


def _back_over_blanks(text: str, at: int, floor: int) -> int:
    """``at`` moved back over the blanks before it (not before ``floor``): a stretch the
    label rules cut out takes the blank before it, and what stands in the blank (a note)."""
    while at > floor and text[at - 1].isspace():
        at -= 1
    return at


# ------------------------------------------------------------------ blocks


def _lists(units: list[Unit]) -> list:
    """Consecutive list paragraphs → nested :class:`m.ItemList`; consecutive quote
    paragraphs → one :class:`m.Quote`; tables → :class:`m.Table`."""
    out: list = []
    for u in units:
        if isinstance(u, Para) and u.kind == "list":
            if out and isinstance(out[-1], list):
                out[-1].append(u)
            else:
                out.append([u])
        elif isinstance(u, Para) and u.kind == "quote":
            para = m.Paragraph(u.content, line=u.line)
            if out and isinstance(out[-1], m.Quote):
                out[-1].blocks.append(para)
            else:
                out.append(m.Quote([para], line=u.line))
        elif isinstance(u, TableBlock):
            out.append(m.Table(u.rows, line=u.line))
        else:
            out.append(u)
    return [_item_list(x) if isinstance(x, list) else x for x in out]


def _item_list(paras: list[Para]) -> m.ItemList:
    def new(p: Para) -> m.ItemList:
        return m.ItemList(type="ordered" if p.ordered else "bulleted", line=p.line)

    root = new(paras[0])
    stack = [(paras[0].level, root)]
    for p in paras:
        while len(stack) > 1 and p.level < stack[-1][0]:
            stack.pop()
        level, lst = stack[-1]
        if p.level > level and lst.items:
            deeper = new(p)
            lst.items[-1].blocks.append(deeper)
            stack.append((p.level, deeper))
            lst = deeper
        lst.items.append(m.Item(p.content, line=p.line))
    return root


def _style_turns(units: list, persons: Persons) -> list:
    """Turns from speaker-styled paragraphs: the label paragraph, then its speech."""
    out: list = []
    turn: m.Speech | None = None
    for u in units:
        if isinstance(u, Para) and u.kind == "speaker":
            printed = plain(u.content).strip()
            name = re.sub(r"[\s.:,;—–-]+$", "", printed) or printed
            turn = m.Speech(persons.key_for(Label(printed, name, "", "style")), u.content,
                            line=u.line)
            out.append(turn)
        elif isinstance(u, Para) and u.kind == "p" and turn is not None:
            turn.blocks.append(m.Paragraph(u.content, line=u.line))
        elif turn is not None and isinstance(u, m.ItemList | m.PageBreak):
            turn.blocks.append(u)
        else:
            turn = None
            out.append(u)
    return _settle(out)


def _settle(items: list) -> list:
    """Turns as TEI's ``sp`` can hold them: a page break before the first words goes into
    the first paragraph or item, and a label with no speech after it is a paragraph."""
    out: list = []
    for x in items:
        if not isinstance(x, m.Speech) or x.stage:
            out.append(x)
            continue
        lead = []
        while x.blocks and isinstance(x.blocks[0], m.PageBreak):
            lead.append(x.blocks.pop(0))
        if not x.blocks:
            out.append(m.Paragraph(x.label, line=x.line))
            out.extend(lead)
            continue
        first = x.blocks[0]
        if lead and isinstance(first, m.Paragraph):
            first.content[:0] = lead
        elif lead and isinstance(first, m.ItemList) and first.items:
            first.items[0].content[:0] = lead
        out.append(x)
    return out


def _label_turns(units: list, name: str, persons: Persons,
                 title: str) -> tuple[list | None, list[Diagnostic]]:
    """Turns by the transcript reader's label rules, decided over all plain paragraphs of
    the document at once (None when they find fewer than two turns), and the rules'
    diagnostics, at the paragraph's number."""
    # a paragraph without words (a lone note reference) gives the rules nothing to cut
    paras = [u for u in units if isinstance(u, Para) and u.kind == "p"
             and plain(u.content).strip()]
    if not paras:
        return None, []
    texts = [plain(p.content) for p in paras]
    starts: list[int] = []  # each paragraph's first "line" (a line break adds a line)
    line = 1
    for text in texts:
        starts.append(line)
        line += text.count("\n") + 1
    cursor = [0] * len(paras)

    def index(line_no: int) -> int:
        return bisect.bisect_right(starts, line_no) - 1

    # each paragraph's stretches, [start, end, content to fill]: the rules see text only,
    # so the content (formatting, notes) is cut out once every stretch is known
    stretches: list[list[list]] = [[] for _ in paras]

    def inlines(text: str, line_no: int) -> list[m.Inline]:
        k = index(line_no)
        at = texts[k].find(text, cursor[k])
        if at < 0:
            at = texts[k].find(text)
        if at < 0:  # not a stretch of the paragraph: keep the text as the rules gave it
            return [text]
        holder: list[m.Inline] = []
        stretches[k].append([at, at + len(text), holder])
        cursor[k] = at + len(text)
        return holder

    blocks = [TextBlock(t.strip(), s) for t, s in zip(texts, starts, strict=True)]
    body, diags = build_body(blocks, name, inlines, persons, [title] if title else [],
                             directions=True)
    if sum(isinstance(b, m.Speech) for b in body) < 2:
        return None, []
    diags = [replace(d, line=paras[index(d.line)].line, col=0) for d in diags]
    # events in paragraph order: (paragraph index, turn opened here | paragraph, its turn)
    events: list[tuple[int, m.Speech | None, m.Block | None]] = []
    for b in body:
        if isinstance(b, m.Speech):
            events.append((index(b.line), b, None))
            events.extend((index(p.line), b, p) for p in b.blocks)
        else:
            events.append((index(b.line), None, b))
    position = {id(p): k for k, p in enumerate(paras)}
    labels = _label_stretches(body, texts, stretches, index)
    for k, found in enumerate(stretches):
        _fill(paras[k].content, texts[k], found)

    def label_of(k: int, speech: m.Speech) -> list[m.Inline]:
        return labels.get(id(speech), speech.label)

    out: list = []
    turn: m.Speech | None = None
    source_turn: m.Speech | None = None
    e = 0
    for u in units:
        if isinstance(u, Para) and id(u) not in position and u.kind == "p":
            (turn.blocks if turn is not None else out).append(m.Paragraph(u.content,
                                                                          line=u.line))
        elif isinstance(u, Para) and u.kind == "p":
            k = position[id(u)]
            while e < len(events) and events[e][0] <= k:
                _, speech, block = events[e]
                e += 1
                if block is None:  # a turn opens; its label keeps its formatting
                    turn = m.Speech(speech.who, label_of(k, speech), [], speech.stage,
                                    speech.line)
                    source_turn = speech
                    out.append(turn)
                elif speech is not None and speech is source_turn and turn is not None:
                    turn.blocks.append(block)
                else:  # outside any turn, or a turn a heading or table ended
                    turn = source_turn = None
                    out.append(block)
        elif turn is not None and isinstance(u, m.ItemList | m.PageBreak):
            turn.blocks.append(u)
        else:
            turn = source_turn = None
            out.append(u)
    return _settle(out), diags


def _label_stretches(body: list, texts: list[str], stretches: list[list[list]],
                     index) -> dict[int, list[m.Inline]]:
    """Where each turn's label (and the direction opening it) stands, before its speech,
    added to ``stretches``; the content to fill for each label, by the turn's id (a
    direction is filled in the turn itself)."""
    starts = {id(h): (k, at) for k, found in enumerate(stretches) for at, _, h in found}
    after = [0] * len(texts)
    labels: dict[int, list[m.Inline]] = {}
    for b in body:
        if not isinstance(b, m.Speech):
            continue
        k, printed = index(b.line), plain(b.label)
        first = b.blocks[0].content if b.blocks and isinstance(b.blocks[0], m.Paragraph) \
            else None
        limit = len(texts[k])
        if first is not None and starts.get(id(first), (-1, 0))[0] == k:
            limit = starts[id(first)][1]
        at = texts[k].rfind(printed, after[k], limit) if printed else -1
        if at < 0:
            continue
        holder: list[m.Inline] = []
        stretches[k].append([at, at + len(printed), holder])
        labels[id(b)] = holder
        after[k] = at + len(printed)
        stage = plain(b.stage) if b.stage else ""
        at = texts[k].find(stage, after[k], limit) if stage else -1
        if at >= 0:  # a direction opening the turn is a stretch of its own
            b.stage = []
            stretches[k].append([at, at + len(stage), b.stage])
            after[k] = at + len(stage)
    return labels


def _fill(content: list[m.Inline], text: str, found: list[list]) -> None:
    """Cut each stretch of one paragraph out of its content.  The blanks between stretches
    (which the rules strip) go to the stretch before them, those before the first to the
    first: a note standing in a blank is kept, and kept once."""
    found.sort(key=lambda s: s[0])
    for i, (at, end, holder) in enumerate(found):
        start = _back_over_blanks(text, at, 0) if i == 0 else at
        limit = found[i + 1][0] if i + 1 < len(found) else len(text)
        while end < limit and text[end].isspace():
            end += 1
        holder[:] = _strip(cut(content, start, end))


def _sections(items: list) -> m.Division:
    """Headings open divisions nested by level; a title opens the document."""
    root = m.Division("main", [])
    stack: list[tuple[int, m.Division]] = [(0, root)]
    for x in items:
        if isinstance(x, Para) and x.kind == "title" and len(stack) == 1 and all(
                isinstance(b, m.Head | m.PageBreak) for b in root.blocks):
            root.blocks.append(m.Head(x.content, line=x.line))
        elif isinstance(x, Para) and x.kind == "heading":
            while stack[-1][0] >= x.level:
                stack.pop()
            div = m.Division("section", [m.Head(x.content, line=x.line)], line=x.line)
            stack[-1][1].blocks.append(div)
            stack.append((x.level, div))
        elif isinstance(x, Para):
            stack[-1][1].blocks.append(m.Paragraph(x.content, line=x.line))
        else:
            stack[-1][1].blocks.append(x)
    return root


# ------------------------------------------------------------------ header

DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"


def _core(root: etree._Element | None) -> dict[str, str]:
    out: dict[str, str] = {}
    if root is None:
        return out
    for key, tag in (("title", f"{{{DC}}}title"), ("creator", f"{{{DC}}}creator"),
                     ("created", f"{{{DCTERMS}}}created"),
                     ("modified", f"{{{DCTERMS}}}modified")):
        el = root.find(tag)
        if el is not None and (el.text or "").strip():
            out[key] = " ".join(el.text.split())
    return out


#: The field lines of a Wilson Center record's citation block, as an editor keeps them at
#: the top of a Word transcript: "Citation: …" (the value on its line or in the next
#: paragraph), "Summary:", "Source:", "Credits:", "Original Language:", "Contents:".
_CITATION_FIELD = re.compile(
    r"(Citation|Summary|Source|Credits|Original Language|Contents)\s*:\s*(.*)", re.S)


def _citation_fields(units: list[Unit]) -> list[tuple[str, str, int]]:
    """The citation block's fields ``(label, value, paragraph)`` among the first paragraphs,
    only where a Citation field is there (a lone "Summary:" in a memo is the memo's text).
    The paragraphs stay in the text too: nothing of the document is dropped."""
    fields: list[tuple[str, str, int]] = []
    pending: str | None = None
    for u in units[:40]:
        if not isinstance(u, Para):
            continue
        text = " ".join(plain(u.content).split())
        if pending:
            fields.append((pending, text, u.line))
            pending = None
            continue
        hit = _CITATION_FIELD.fullmatch(text)
        if hit and hit.group(2):
            fields.append((hit.group(1), hit.group(2), u.line))
        elif hit:
            pending = hit.group(1)
    return fields if any(label == "Citation" for label, _, _ in fields) else []


def _first_text(units: list[Unit], kinds: tuple[str, ...]) -> str:
    for u in units:
        if isinstance(u, Para) and u.kind in kinds:
            return " ".join(plain(u.content).split())
    return ""


# ------------------------------------------------------------------ reading


def read_bytes(data: bytes, name: str, doc_id: str | None = None,
               options: Options | None = None) -> Reading:
    """The Word package ``data`` (the bytes of the file called ``name``) as a document."""
    options = options or Options()
    pkg = open_package(data, name)
    stem = Path(name).stem
    doc_id = doc_id or ncname(stem, "doc")
    parsed = read_document(pkg, doc_id, options)
    units = parsed.units
    if not any(isinstance(u, Para | TableBlock) for u in units):
        raise TeikitError("the Word document has no text to convert", file=name)
    core = _core(pkg.core)
    title = core.get("title") or _first_text(units, ("title",)) or _first_text(
        units, ("heading",)) or stem
    reserved = {doc_id} | {r.xml_id for r in parsed.authors if r.xml_id} | {
        r.xml_id for r in parsed.revisions}
    persons = Persons(reserved)
    items = _lists(units)
    label_diags: list[Diagnostic] = []
    if any(isinstance(u, Para) and u.kind == "speaker" for u in items):
        items = _style_turns(items, persons)
    else:
        turns, label_diags = _label_turns(items, name, persons, title)
        if turns is None:
            persons = Persons(reserved)
        else:
            items = turns
    header = header_from_fields("", title, _citation_fields(units))
    if core.get("creator"):
        header.responsibilities.append(m.Respons("author of the Word document",
                                                 [core["creator"]]))
    header.responsibilities.extend(parsed.authors)
    created = w3c_datetime(core.get("created"))
    if created and not header.date_when:
        header.date_when = created[:10]
    if core.get("modified"):
        header.extra_fields.append(("modified",
                                    f"Word document last modified {core['modified']}"))
    header.revisions = parsed.revisions
    main = _sections(items)
    # a label that ended up as a paragraph (no speech after it) names no speaker
    speaking = {x.who for x in m.walk([main]) if isinstance(x, m.Speech)}
    people = [x for x in persons.people if x.key in speaking]
    doc = m.Document(doc_id, header, [main], people, source_name=Path(name).name)
    lang = parsed.default_lang
    if lang and lang.split("-")[0].lower() != doc.lang:
        doc.text_lang = lang
    return Reading(doc, pkg.diagnostics + label_diags, document_text(pkg, options), 1)
