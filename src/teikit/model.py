"""The document model between readers and writers.

Readers build a :class:`Document`; passes (``teikit.passes``) complete it (note ids, persons);
the TEI writer serialises it.  Every node carries ``line``, the 1-based line of the source
where it starts (0 when it has no single source line), so that later diagnostics can point
into the source file.

Inline content is a list of ``str`` and inline nodes; block content a list of block nodes.
The model records what the source *prints* and what it *means*; printed forms that become
empty TEI elements (a page marker, an omission mark) keep their printed text in the node.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ------------------------------------------------------------------ inline nodes


@dataclass
class Note:
    """A footnote or endnote, anchored where its marker stood.

    ``n`` is the marker as printed without its brackets ("2", "62a", "*");
    ``kind`` is the TEI ``@type`` ("source" for a FRUS source note) or None.
    ``blocks`` holds the note's paragraphs; ``marker`` the marker exactly as printed in the
    text ("2", "(2)", "[2]"), kept so that a text edition can reproduce it.
    """

    n: str
    blocks: list[Paragraph] = field(default_factory=list)
    kind: str | None = None
    marker: str = ""
    xml_id: str | None = None
    line: int = 0
    place: str | None = None  # "end" for an endnote printed where it stands
    label: str | None = None  # its number as printed there ("1", "(3)")
    anchored: bool = True  # False: no marker in the text; placed by convention (TEI @anchored)
    resp: str | None = None  # a pointer to who wrote it ("#author-jane": a Word comment)


@dataclass
class PageBreak:
    """A page beginning; ``printed`` is the marker as it stood ("[Page 546]")."""

    n: str
    printed: str = ""
    line: int = 0


@dataclass
class LineBreak:
    """A line break inside a block (a Word line break, shift+enter)."""

    line: int = 0


@dataclass
class Gap:
    """Text left out; ``rend`` keeps the printed mark ("(...)", "[1 line not declassified]")."""

    reason: str
    rend: str
    extent: str | None = None
    desc: str | None = None
    line: int = 0


@dataclass
class Supplied:
    """Words supplied by the editors; printed in square brackets that the element implies."""

    content: list[Inline]
    reason: str = "omitted-in-original"
    line: int = 0


@dataclass
class OriginalTerm:
    """An original-language term the translator added in brackets ("[akkuratno]")."""

    text: str
    lang: str
    line: int = 0


@dataclass
class DateRef:
    """A date in the text; ``when`` only where the date is certain."""

    content: list[Inline]
    when: str | None = None
    line: int = 0


@dataclass
class Span:
    """A TEI phrase-level element kept as such: ``tag`` is the TEI element name
    (``title``, ``persName``, ``orgName``, ``idno``, ``bibl``, ``biblScope``, ``ref``, ``hi``,
    ``seg``, ``foreign`` …) and ``attrs`` its attributes, in a fixed order."""

    tag: str
    content: list[Inline] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    line: int = 0


Inline = str | Note | PageBreak | LineBreak | Gap | Supplied | OriginalTerm | DateRef | Span

# ------------------------------------------------------------------ block nodes


@dataclass
class Paragraph:
    content: list[Inline] = field(default_factory=list)
    line: int = 0


@dataclass
class Head:
    content: list[Inline] = field(default_factory=list)
    line: int = 0


@dataclass
class SourceLine:
    """A FRUS file-number line printed above the head ("851G.01/12–749: Telegram")."""

    content: list[Inline] = field(default_factory=list)
    line: int = 0


@dataclass
class Item:
    content: list[Inline] = field(default_factory=list)
    label: str | None = None
    blocks: list[Block] = field(default_factory=list)  # further paragraphs of the item
    line: int = 0


@dataclass
class ItemList:
    items: list[Item] = field(default_factory=list)
    type: str | None = None
    line: int = 0


@dataclass
class Table:
    """Rows of cells, each cell inline content (FRUS prints a row as "a | b | c")."""

    rows: list[list[list[Inline]]] = field(default_factory=list)
    line: int = 0


@dataclass
class Quote:
    """A block quotation (a Word paragraph in a Quote style): its paragraphs."""

    blocks: list[Paragraph] = field(default_factory=list)
    line: int = 0


@dataclass
class Dateline:
    content: list[Inline] = field(default_factory=list)
    line: int = 0


@dataclass
class Salute:
    content: list[Inline] = field(default_factory=list)
    line: int = 0


@dataclass
class Signed:
    content: list[Inline] = field(default_factory=list)
    line: int = 0


@dataclass
class Seg:
    """A line of its own that is neither dateline nor salutation, kept as a phrase: a
    classification line ("secret") or a despatch number ("No. 185") in an opener."""

    content: list[Inline] = field(default_factory=list)
    line: int = 0


@dataclass
class Opener:
    """Lines between the head and the text proper: classification, dateline, salutation."""

    blocks: list[Seg | Salute | Dateline] = field(default_factory=list)
    line: int = 0


@dataclass
class Closer:
    blocks: list[Signed | Salute | Dateline | Paragraph | Seg] = field(default_factory=list)
    line: int = 0


@dataclass
class Postscript:
    """What a letter prints after its signature, as FRUS encodes it: the addressee ("Hon.
    William H. Seward, Secretary of State, Washington.", FRUS 1861), a "P. S."."""

    blocks: list[Paragraph | Closer] = field(default_factory=list)
    line: int = 0


@dataclass
class Speech:
    """A speaker's turn: the label as printed and the paragraphs that follow it.

    ``who`` is the key of a :class:`Person` in ``Document.persons``.
    """

    who: str
    label: list[Inline]
    blocks: list[Block] = field(default_factory=list)
    stage: list[Inline] | None = None
    line: int = 0


@dataclass
class Division:
    type: str
    blocks: list[Block] = field(default_factory=list)
    n: str | None = None
    xml_id: str | None = None
    line: int = 0
    #: a text of its own inside the document (an enclosure): TEI's floatingText
    embedded: bool = False


#: A PageBreak may also stand between blocks ("[Page 537]" on a line of its own).
Block = (Note | Paragraph | Head | SourceLine | ItemList | Table | Dateline | Salute | Closer
         | Postscript | Speech | Division | Opener | Seg | PageBreak | Quote)

# ------------------------------------------------------------------ header


@dataclass
class Person:
    """One speaker; ``key`` becomes the ``xml:id``; ``labels`` are the printed labels."""

    key: str
    name: str
    labels: list[str] = field(default_factory=list)


@dataclass
class Respons:
    """A responsibility statement: ``resp`` ("translated by"), the people and organisations."""

    resp: str
    names: list[str]
    organisations: list[str] = field(default_factory=list)
    xml_id: str | None = None  # when something points at it (@resp of a Word revision)


@dataclass
class Revision:
    """A revision of the source recorded in its file (a Word author's tracked changes at one
    time): ``xml_id`` for the ``@change`` of the edits, ``who`` a pointer to a Respons."""

    xml_id: str
    text: str
    when: str | None = None
    who: str | None = None


@dataclass
class Archive:
    """Where the original is kept, as far as the source states it."""

    repository: str | None = None
    collection: str | None = None
    idno: str | None = None
    printed: str | None = None


@dataclass
class Header:
    title: str = ""
    date_when: str | None = None
    date_printed: str | None = None
    citation: list[Inline] | None = None  # verbatim, with bibliographic parts as Spans
    url: str | None = None
    summary: str | None = None
    source_note: str | None = None
    credits: str | None = None
    funders: list[str] = field(default_factory=list)
    responsibilities: list[Respons] = field(default_factory=list)
    original_language: str | None = None  # the name as printed ("Russian")
    original_language_code: str | None = None
    contents: str | None = None
    archive: Archive | None = None
    classification: str | None = None
    extra_fields: list[tuple[str, str]] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)


@dataclass
class Document:
    """One source document: header facts, body blocks, and the people who speak in it."""

    id: str
    header: Header
    body: list[Block]
    persons: list[Person] = field(default_factory=list)
    lang: str = "en"              # the edition's language: header and teikit's own words
    text_lang: str | None = None  # the text's, where it differs ("zh" for a Chinese record)
    source_name: str = ""
    reader: str = ""


_CHILD_FIELDS = ("content", "blocks", "items", "label", "stage")
_fields_of: dict[type, tuple[str, ...]] = {}


def children(node: object) -> list:
    """The model nodes directly inside ``node`` (any block or inline)."""
    names = _fields_of.get(type(node))
    if names is None:  # which of the fields a class has, once per class
        names = _fields_of[type(node)] = tuple(n for n in _CHILD_FIELDS
                                               if hasattr(node, n))
    out: list = []
    for name in names:
        value = getattr(node, name)
        if type(value) is list:
            out.extend(x for x in value if type(x) is not str)
    return out


def walk(nodes: list) -> list:
    """Every model node in ``nodes`` and below, in document order."""
    out: list = []
    stack = [n for n in reversed(nodes) if not isinstance(n, str)]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(children(node)))
    return out
