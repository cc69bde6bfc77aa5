"""Property test of the Word reader: documents assembled at random from the features it
maps convert without error, are valid against teikit's schemas, and keep every character
(the conservation check, which reads the package's text independently, finds nothing)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docx_builder import NS, li, make_docx, note_part, p, r
from teikit.convert import DocxOptions, convert_bytes
from teikit.validate import validate_bytes

WORDS = st.sampled_from(["Reagan", "talks", "Geneva,", "the", "1982", "«oui»", "Да", "x",
                         "(Laughter.)", "[sic]", "REAGAN:", "Q.", "—", "a  b", " "])
TEXT = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)
RPR = st.sampled_from(["", "<w:i/>", "<w:b/>", "<w:i/><w:b/>", '<w:u w:val="single"/>',
                       '<w:vertAlign w:val="superscript"/>', '<w:lang w:val="fr-FR"/>',
                       "<w:smallCaps/>", '<w:rStyle w:val="Emphasis"/>'])
LINK = ('<Relationship Id="rL" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>')


@st.composite
def inline(draw, notes: list[int], comments: list[int]) -> str:
    kind = draw(st.sampled_from(["run", "run", "run", "note", "endnote", "comment", "ins",
                                 "del", "move", "br", "page", "tab", "link", "custom"]))
    text = draw(TEXT)
    if kind == "run":
        return r(text, draw(RPR))
    if kind in ("note", "endnote"):
        notes.append(len(notes) + 1)
        tag = "footnote" if kind == "note" else "endnote"
        return f'<w:r><w:{tag}Reference w:id="{notes[-1]}"/></w:r>'
    if kind == "custom":
        notes.append(len(notes) + 1)
        return (f'<w:r><w:footnoteReference w:customMarkFollows="1" w:id="{notes[-1]}"/></w:r>'
                + r("†"))
    if kind == "comment":
        comments.append(len(comments))
        return (f'<w:commentRangeStart w:id="{comments[-1]}"/>{r(text)}'
                f'<w:r><w:commentReference w:id="{comments[-1]}"/></w:r>')
    if kind == "ins":
        return f'<w:ins w:author="Ann" w:date="2024-05-01T10:00:00Z">{r(text)}</w:ins>'
    if kind == "del":
        return (f'<w:del w:author="Bo" w:date="2024-05-02T10:00:00Z"><w:r><w:delText>{text}'
                "</w:delText></w:r></w:del>")
    if kind == "move":
        return (f'<w:moveFrom w:author="Ann">{r(text)}</w:moveFrom>'
                f'<w:moveTo w:author="Ann">{r(text)}</w:moveTo>')
    if kind == "link":
        return f'<w:hyperlink r:id="rL">{r(text, draw(RPR))}</w:hyperlink>'
    return {"br": "<w:r><w:br/></w:r>", "page": '<w:r><w:br w:type="page"/></w:r>',
            "tab": "<w:r><w:tab/></w:r>"}[kind]


@st.composite
def document(draw) -> tuple[str, dict[str, str], DocxOptions]:
    notes: list[int] = []
    comments: list[int] = []
    blocks = []
    for _ in range(draw(st.integers(1, 8))):
        runs = draw(st.lists(inline(notes, comments), min_size=1, max_size=5))
        kind = draw(st.sampled_from(["p", "p", "p", "label", "h1", "h2", "title", "quote",
                                     "li", "li2", "table", "speaker", "empty"]))
        if kind == "label":
            blocks.append(p(draw(st.sampled_from(["REAGAN:", "GORBACHEV.", "Mr. SMITH."])),
                            " ", *runs))
        elif kind in ("h1", "h2"):
            blocks.append(p(*runs, style="Heading" + kind[1]))
        elif kind in ("title", "quote", "speaker"):
            blocks.append(p(*runs, style=kind.capitalize()))
        elif kind in ("li", "li2"):
            blocks.append(li(draw(TEXT), num=draw(st.sampled_from([1, 2])),
                             level=0 if kind == "li" else 1))
        elif kind == "table":
            blocks.append("<w:tbl><w:tr><w:tc>" + p(*runs) + "</w:tc><w:tc>" + p(draw(TEXT))
                          + "</w:tc></w:tr></w:tbl>")
        elif kind == "empty":
            blocks.append(p())
        else:
            blocks.append(p(*runs))
    footnotes = note_part("footnote", {n: f"Note {n}." for n in notes})
    endnotes = note_part("endnote", {n: f"End {n}." for n in notes})
    comment_part = (f"<w:comments {NS}>" + "".join(
        f'<w:comment w:id="{c}" w:author="Cy" w:date="2024-05-03T10:00:00Z">{p(f"C{c}.")}'
        "</w:comment>" for c in comments) + "</w:comments>")
    parts = {"footnotes": footnotes, "endnotes": endnotes, "comments": comment_part}
    options = DocxOptions(draw(st.booleans()), draw(st.booleans()))
    return p("Opening words.") + "".join(blocks), parts, options


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_random_documents_convert_valid_and_lossless(case):
    body, parts, options = case  # the markup, so that a failure shows it
    conv = convert_bytes(make_docx(body, document_rels=LINK, **parts), "random.docx",
                         options=options)
    # the label rules may warn (a label with no speech after it); nothing may be lost
    assert [d.format() for d in conv.diagnostics
            if d.rule == "text-conservation" or d.severity == "error"] == []
    assert [d.format() for d in validate_bytes(conv.data, "random.xml")] == []
