"""The Word reader: small .docx packages built here (tests/docx_builder.py), one per
feature and per kind of bad input."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from docx_builder import li, make_docx, p, r
from teikit.cli import main
from teikit.convert import DocxOptions, convert_bytes
from teikit.errors import TeikitError
from teikit.readers import docx
from teikit.validate import validate_bytes
from teikit.xmlio import TEI_NS

NS = {"t": TEI_NS}


def convert(body: str, options: DocxOptions | None = None, **parts):
    conv = convert_bytes(make_docx(body, **parts), "memo.docx", options=options)
    lost = [d for d in conv.diagnostics if d.rule == "text-conservation"]
    assert lost == [], lost[0].format()
    assert [d.format() for d in validate_bytes(conv.data, "memo.xml")] == []
    return conv, etree.fromstring(conv.data)


def body_xml(tree) -> str:
    """The edition's body, its indentation removed, for comparing with expected markup."""
    body = tree.find("t:text/t:body", NS)
    text = etree.tostring(body, encoding="unicode").replace(f' xmlns="{TEI_NS}"', "")
    return "".join(line.strip() for line in text.split("\n"))


# ------------------------------------------------------------------ bad input


def _fails(tmp_path, capsys, data: bytes, name: str = "bad.docx") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "tei"
    assert main(["convert", str(path), "-o", str(out)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and str(path) in err
    assert not out.exists() or list(out.iterdir()) == []
    return err


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_not_a_zip(tmp_path, capsys):
    assert "not a ZIP package" in _fails(tmp_path, capsys, b"just some text\n")


def test_corrupt_zip(tmp_path, capsys):
    data = make_docx(p("Hello."))
    assert "corrupt ZIP package" in _fails(tmp_path, capsys, data[:len(data) // 2])


def test_corrupt_member(tmp_path, capsys):
    data = bytearray(make_docx(p("Hello world, " * 50)))
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 10:start + 60] = b"\x00" * 50  # inside the compressed stream
    err = _fails(tmp_path, capsys, bytes(data))
    assert "corrupt ZIP package" in err or "not well-formed" in err


def test_zip_bomb_by_ratio_is_refused_before_inflating(tmp_path, capsys):
    bomb = _zip({"word/document.xml": b" " * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    assert "zip bomb" in _fails(tmp_path, capsys, bomb)


def test_zip_bomb_by_total_size(monkeypatch, tmp_path, capsys):
    from teikit.readers.docx import package
    monkeypatch.setattr(package, "MAX_TOTAL_UNCOMPRESSED", 10_000)
    data = make_docx(p("x" * 20_000))
    assert "zip bomb" in _fails(tmp_path, capsys, data)


def test_member_larger_than_its_directory_entry_is_read_only_as_far_as_declared(monkeypatch):
    # the directory says 10 bytes: reading stops there and the CRC check fails
    from teikit.readers.docx import package
    data = make_docx(p("Hello."))
    real = zipfile.ZipFile.infolist

    def lying(self):
        infos = real(self)
        for info in infos:
            if info.filename == "word/document.xml":
                info.file_size = 10
        return infos
    monkeypatch.setattr(zipfile.ZipFile, "infolist", lying)
    with pytest.raises(TeikitError) as e:
        package.open_package(data, "liar.docx")
    assert "corrupt ZIP package" in str(e.value)


def test_encrypted_document_ole_signature(tmp_path, capsys):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    err = _fails(tmp_path, capsys, ole)
    assert "password-protected" in err and "OLE" in err


def test_encrypted_zip_member_flag():
    data = bytearray(make_docx(p("Hello.")))
    # set the "encrypted" bit of every member's general-purpose flags (local + central)
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        while at >= 0:
            data[at + offset] |= 1
            at = data.find(sig, at + 4)
    with pytest.raises(TeikitError) as e:
        docx.read_bytes(bytes(data), "locked.docx")
    assert "password" in str(e.value)


def test_macro_enabled_docm(tmp_path, capsys):
    data = make_docx(p("Hello."), extra={"word/vbaProject.bin": b"\x00macro"})
    assert "macro" in _fails(tmp_path, capsys, data, "m.docm")
    typed = make_docx(p("Hello."), content_type="application/vnd.ms-word.document."
                      "macroEnabled.main+xml")
    assert "macro-enabled" in _fails(tmp_path, capsys, typed, "t.docx")


def test_missing_document_part(tmp_path, capsys):
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<x/>"})
    assert "no word/document.xml" in _fails(tmp_path, capsys, data)


def test_part_with_entities_is_refused(tmp_path, capsys):
    doc = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>")
    err = _fails(tmp_path, capsys, make_docx("", document=doc))
    assert "word/document.xml" in err and "entities" in err


def test_malformed_part_names_part_and_line(tmp_path, capsys):
    err = _fails(tmp_path, capsys, make_docx("", document="<w:document>\n<oops"))
    assert "part word/document.xml (line" in err and "not well-formed" in err


def test_document_without_text(tmp_path, capsys):
    assert "no text" in _fails(tmp_path, capsys, make_docx(p("")))


def test_external_relationships_are_not_fetched_but_noted():
    rels = ('<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/image" Target="http://example.org/x.png" '
            'TargetMode="External"/>')
    conv, _ = convert(p("Hello."), document_rels=rels)
    notes = [d for d in conv.diagnostics if d.rule == "docx-external"]
    assert len(notes) == 1 and "not fetched" in notes[0].message


def test_forced_text_reader_on_docx_and_docx_reader_on_text(tmp_path, capsys):
    path = tmp_path / "t.md"
    path.write_text("REAGAN: a.\n\nGORBACHEV: b.\n", encoding="utf-8")
    assert main(["convert", str(path), "--reader", "docx", "-o", str(tmp_path / "o")]) == 1
    assert "not a ZIP package" in capsys.readouterr().err


# ------------------------------------------------------------------ structure


def test_headings_nest_divisions_by_level_and_title_opens_the_document():
    body = (p("The Memo", style="Title") + p("Intro.") + p("Part", style="Heading1")
            + p("One.") + p("Sub", style="Heading2") + p("Two.")
            + p("Chapter", style="MyChapter") + p("Three.")
            + p("Outline", ppr='<w:outlineLvl w:val="1"/>') + p("Four."))
    conv, tree = convert(body)
    assert body_xml(tree) == (
        '<body><div type="main"><head>The Memo</head><p>Intro.</p>'
        '<div type="section"><head>Part</head><p>One.</p>'
        '<div type="section"><head>Sub</head><p>Two.</p></div></div>'
        '<div type="section"><head>Chapter</head><p>Three.</p>'
        '<div type="section"><head>Outline</head><p>Four.</p></div></div></div></body>')
    assert conv.document.header.title == "The Memo"


def test_lists_nested_bulleted_and_ordered():
    body = li("a") + li("a1", level=1) + li("a2", level=1) + li("b") + p("Between.") + \
        li("first", num=2) + li("second", num=2)
    _, tree = convert(body)
    assert body_xml(tree) == (
        '<body><div type="main"><list type="bulleted"><item><p>a</p>'
        '<list type="bulleted"><item>a1</item><item>a2</item></list></item>'
        '<item>b</item></list><p>Between.</p>'
        '<list type="ordered"><item>first</item><item>second</item></list></div></body>')


def test_table_rows_and_cells_with_paragraphs_joined_by_line_breaks():
    body = ("<w:tbl><w:tblPr/><w:tr><w:tc>" + p("Name") + "</w:tc><w:tc>" + p("Role")
            + "</w:tc></w:tr><w:tr><w:tc>" + p("Ann") + p("Smith") + "</w:tc><w:tc>"
            + "</w:tc></w:tr></w:tbl>")
    _, tree = convert(body)
    assert body_xml(tree) == (
        '<body><div type="main"><table><row><cell>Name</cell><cell>Role</cell></row>'
        '<row><cell>Ann<lb/>Smith</cell><cell/></row></table></div></body>')


def test_page_and_line_breaks_and_block_quote():
    body = (p("One", '<w:r><w:br w:type="page"/></w:r>', "two", "<w:r><w:br/></w:r>", "three")
            + p('<w:r><w:br w:type="page"/></w:r>') + p("Quoted.", style="Quote")
            + p("Quoted again.", style="Quote") + p("After.", ppr="<w:pageBreakBefore/>"))
    _, tree = convert(body)
    assert body_xml(tree) == (
        '<body><div type="main"><p>One<pb/>two<lb/>three</p><pb/>'
        "<quote><p>Quoted.</p><p>Quoted again.</p></quote><pb/><p>After.</p></div></body>")


def test_content_controls_fields_and_smart_tags_are_looked_through():
    body = p("<w:sdt><w:sdtPr/><w:sdtContent>" + r("Inside a control") + "</w:sdtContent>"
             "</w:sdt>", '<w:fldSimple w:instr="DATE">' + r(" 1 May") + "</w:fldSimple>",
             '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             + r(" page 3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    _, tree = convert(body)
    assert body_xml(tree) == ('<body><div type="main"><p>Inside a control 1 May page 3</p>'
                              "</div></body>")
