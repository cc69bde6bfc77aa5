"""The Word reader: small .docx packages built here (tests/docx_builder.py), one per
feature and per kind of bad input."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from docx_builder import NS as NS_DECL
from docx_builder import STYLES, core, li, make_docx, note_part, p, r
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


# ------------------------------------------------------------------ notes

FN = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>'
EN = '<w:r><w:endnoteReference w:id="{}"/></w:r>'


def test_footnotes_anchored_at_their_reference_numbered_in_order():
    notes = note_part("footnote", {2: "First note.", 3: "Second note."})
    _, tree = convert(p("Reagan", FN.format(2), " met Gorbachev.", FN.format(3)),
                      footnotes=notes)
    assert body_xml(tree) == (
        '<body><div type="main"><p>Reagan<note n="1" xml:id="memofn1"> First note.</note>'
        ' met Gorbachev.<note n="2" xml:id="memofn2"> Second note.</note></p></div></body>')


def test_note_with_several_paragraphs_keeps_them():
    notes = note_part("footnote", {1: "One."}).replace(
        "</w:p></w:footnote></w:footnotes>", "</w:p>" + p("Two.") + "</w:footnote></w:footnotes>")
    _, tree = convert(p("Text", FN.format(1)), footnotes=notes)
    note = tree.find(".//t:note", NS)
    assert [x.text for x in note.findall("t:p", NS)] == [" One.", "Two."]


def test_endnotes_numbered_in_their_own_series_lower_roman():
    _, tree = convert(p("A", FN.format(1), " b", EN.format(1), " c", EN.format(2)),
                      footnotes=note_part("footnote", {1: "Foot."}),
                      endnotes=note_part("endnote", {1: "End one.", 2: "End two."}))
    notes = tree.findall(".//t:note", NS)
    assert [(n.get("n"), n.get("type")) for n in notes] == [
        ("1", None), ("i", "endnote"), ("ii", "endnote")]


def test_custom_mark_kept_as_n_and_not_repeated_in_the_text():
    ref = '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/></w:r>' + r("*")
    notes = (f'<w:footnotes {NS_DECL}><w:footnote w:id="1"><w:p>{r("* A starred note.")}</w:p>'
             "</w:footnote></w:footnotes>")
    _, tree = convert(p("Text", ref, " and more", FN.format(2)),
                      footnotes=notes[:-len("</w:footnotes>")]
                      + note_part("footnote", {2: "Numbered."}).split("</w:footnote>", 1)[1])
    notes = tree.findall(".//t:note", NS)
    assert [n.get("n") for n in notes] == ["*", "1"]
    assert tree.find(".//t:p", NS).text == "Text"


# ------------------------------------------------------------------ formatting

def test_character_formatting_becomes_nested_hi():
    body = p(r("it", "<w:i/>"), r("bold", "<w:b/>"), r("u", '<w:u w:val="single"/>'),
             r("sc", "<w:smallCaps/>"), r("sup", '<w:vertAlign w:val="superscript"/>'),
             r("sub", '<w:vertAlign w:val="subscript"/>'), r("st", "<w:strike/>"),
             r("both", "<w:i/><w:b/>"), r("off", '<w:i w:val="0"/>'),
             r("noline", '<w:u w:val="none"/>'),
             r("styled", '<w:rStyle w:val="Emphasis"/>'))
    _, tree = convert(body)
    assert body_xml(tree) == (
        '<body><div type="main"><p><hi rend="italic">it</hi><hi rend="bold">bold</hi>'
        '<hi rend="underline">u</hi><hi rend="smallcaps">sc</hi>'
        '<hi rend="superscript">sup</hi><hi rend="subscript">sub</hi>'
        '<hi rend="strikethrough">st</hi><hi rend="italic"><hi rend="bold">both</hi></hi>'
        'offnoline<hi rend="italic">styled</hi></p></div></body>')


def test_runs_split_by_word_merge_into_one_element():
    _, tree = convert(p(r("Hel", "<w:i/>"), r("lo", "<w:i/>"), " world"))
    assert body_xml(tree) == ('<body><div type="main"><p><hi rend="italic">Hello</hi> world'
                              "</p></div></body>")


def test_language_of_runs_becomes_foreign_when_it_differs_from_the_document():
    body = p("He said ", r("c'est la vie", '<w:lang w:val="fr-FR"/>'), " and ",
             r("color", '<w:lang w:val="en-GB"/>'), ".")
    _, tree = convert(body)
    assert body_xml(tree) == (
        '<body><div type="main"><p>He said <foreign xml:lang="fr-FR">c\'est la vie</foreign>'
        " and color.</p></div></body>")


def test_document_language_from_the_style_defaults():
    styles = STYLES.replace('w:val="en-US"', 'w:val="de-DE"')
    conv, tree = convert(p("Guten Tag."), styles=styles)
    assert tree.find("t:text", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "de-DE"


def test_hyperlinks_become_ref_with_their_address_internal_links_stay_text():
    rels = ('<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/hyperlink" Target="https://example.org/a b" '
            'TargetMode="External"/>')
    body = p("See ", '<w:hyperlink r:id="rIdL">' + r("the site", "<w:u/>") + "</w:hyperlink>",
             " or ", '<w:hyperlink w:anchor="sec2">' + r("section 2") + "</w:hyperlink>", ".")
    conv, tree = convert(body, document_rels=rels)
    assert body_xml(tree) == (
        '<body><div type="main"><p>See <ref target="https://example.org/a%20b">'
        '<hi rend="underline">the site</hi></ref> or section 2.</p></div></body>')
    assert not [d for d in conv.diagnostics if d.rule == "docx-external"]


COMMENTS = (f'<w:comments {{ns}}><w:comment w:id="0" w:author="Jane Doe" '
            f'w:date="2024-05-01T10:00:00Z" w:initials="JD">{p("Check this date.")}'
            "</w:comment></w:comments>")


def test_comments_become_notes_with_author_and_date_at_their_start():
    body = p("Signed on ", '<w:commentRangeStart w:id="0"/>', "May 1",
             '<w:commentRangeEnd w:id="0"/>',
             '<w:r><w:commentReference w:id="0"/></w:r>', ".")
    conv, tree = convert(body, comments=COMMENTS.format(ns=NS_DECL))
    assert body_xml(tree) == (
        '<body><div type="main"><p>Signed on <note xml:id="memo-comment-c-0" type="comment" '
        'resp="#author-jane-doe"><date when="2024-05-01T10:00:00Z"/>Check this date.</note>'
        "May 1.</p></div></body>")
    resp = tree.find(".//t:titleStmt/t:respStmt", NS)
    assert resp.get("{http://www.w3.org/XML/1998/namespace}id") == "author-jane-doe"
    assert resp.findtext("t:persName", namespaces=NS) == "Jane Doe"


def test_comments_dropped_on_request():
    body = p("Signed", '<w:commentRangeStart w:id="0"/>', " today",
             '<w:r><w:commentReference w:id="0"/></w:r>')
    _, tree = convert(body, DocxOptions(drop_comments=True),
                      comments=COMMENTS.format(ns=NS_DECL))
    assert tree.find(".//t:note", NS) is None
    assert tree.find(".//t:respStmt", NS) is None


# ------------------------------------------------------------------ tracked changes

INS = '<w:ins w:id="1" w:author="Ann" w:date="2024-05-02T09:00:00Z">{}</w:ins>'
DEL = ('<w:del w:id="2" w:author="Ann" w:date="2024-05-02T09:00:00Z"><w:r><w:delText>{}'
       "</w:delText></w:r></w:del>")


def test_tracked_changes_become_add_and_del_with_resp_and_change():
    body = p("The ", DEL.format("old"), INS.format(r("new")), " text.")
    _, tree = convert(body)
    assert body_xml(tree) == (
        '<body><div type="main"><p>The <del resp="#author-ann" change="#memo-rev1">old</del>'
        '<add resp="#author-ann" change="#memo-rev1">new</add> text.</p></div></body>')
    change = tree.find(".//t:revisionDesc/t:change[@when]", NS)
    assert change.get("when") == "2024-05-02T09:00:00Z" and change.get("who") == "#author-ann"
    assert change.get("{http://www.w3.org/XML/1998/namespace}id") == "memo-rev1"


def test_accept_changes_keeps_insertions_drops_deletions():
    body = p("The ", DEL.format("old"), INS.format(r("new")), " text.")
    _, tree = convert(body, DocxOptions(accept_changes=True))
    assert body_xml(tree) == '<body><div type="main"><p>The new text.</p></div></body>'
    assert tree.find(".//t:revisionDesc/t:change[@when]", NS) is None


def test_moved_text_is_kept_once_where_it_was_moved_to():
    move_from = ('<w:moveFrom w:id="3" w:author="Ann" w:date="2024-05-02T09:00:00Z">'
                 + r("moved ") + "</w:moveFrom>")
    move_to = ('<w:moveTo w:id="4" w:author="Ann" w:date="2024-05-02T09:00:00Z">'
               + r("moved ") + "</w:moveTo>")
    _, tree = convert(p(move_from, "Text stays. ") + p("Here ", move_to, "it is."))
    assert body_xml(tree) == (
        '<body><div type="main"><p>Text stays. </p><p>Here <add resp="#author-ann" '
        'change="#memo-rev1" type="moved">moved </add>it is.</p></div></body>')
    _, accepted = convert(p(move_from, "Text stays. ") + p("Here ", move_to, "it is."),
                          DocxOptions(accept_changes=True))
    assert body_xml(accepted).count("moved") == 1


# ------------------------------------------------------------------ speakers

def test_speaker_labels_by_the_transcript_rules_one_person_per_speaker():
    body = (p("Memorandum of conversation", style="Heading1")
            + p("Present: the two leaders.")
            + p(r("R. REAGAN.", "<w:b/>"), " The regional issues.")
            + p("M. S. GORBACHEV. Our order of ", r("priorities", "<w:i/>"), " coincides.")
            + p("And more from him.") + p("GORBACHEV. Agreed."))
    conv, tree = convert(body)
    turns = tree.findall(".//t:sp", NS)
    assert [t.get("who") for t in turns] == ["#reagan", "#gorbachev", "#gorbachev"]
    assert ["".join(t.find("t:speaker", NS).itertext()) for t in turns] == [
        "R. REAGAN.", "M. S. GORBACHEV.", "GORBACHEV."]
    assert etree.tostring(turns[0].find("t:speaker", NS), encoding="unicode",
                          with_tail=False).endswith('><hi rend="bold">R. REAGAN.</hi></speaker>')
    speech = etree.tostring(turns[1].find("t:p", NS), encoding="unicode", with_tail=False)
    assert speech.endswith('>Our order of <hi rend="italic">priorities</hi> coincides.</p>')
    assert len(turns[1].findall("t:p", NS)) == 2
    assert [p.key for p in conv.document.persons] == ["reagan", "gorbachev"]


def test_labels_inside_a_paragraph_after_line_breaks():
    body = p("Q. Where were you?", "<w:r><w:br/></w:r>", "A. At home.", "<w:r><w:br/></w:r>",
             "Q. And then?", "<w:r><w:br/></w:r>", "A. I left.")
    conv, tree = convert(body)
    assert len(tree.findall(".//t:sp", NS)) == 4


def test_speaker_style_paragraphs_are_labels():
    body = (p("ALGERNON", style="Speaker") + p("Did you hear what I was playing?")
            + p("LANE", style="Speaker") + p("I didn't think it polite to listen, sir.")
            + p("ALGERNON", style="Speaker") + p("I'm sorry for that."))
    conv, tree = convert(body)
    turns = tree.findall(".//t:sp", NS)
    assert [t.get("who") for t in turns] == ["#algernon", "#lane", "#algernon"]
    assert len(conv.document.persons) == 2


def test_prose_with_one_colon_label_is_no_transcript():
    conv, tree = convert(p("Note: this memo is short.") + p("It has no speakers."))
    assert tree.find(".//t:sp", NS) is None and conv.document.persons == []


def test_a_heading_ends_a_turn():
    body = (p("REAGAN: One.") + p("GORBACHEV: Two.") + p("Next day", style="Heading1")
            + p("A paragraph after the heading."))
    _, tree = convert(body)
    section = tree.find(".//t:div[@type='section']", NS)
    assert section.find("t:sp", NS) is None and section.find("t:p", NS) is not None


# ------------------------------------------------------------------ header

def test_header_from_core_properties_and_deterministic_output():
    props = core("Talks in Geneva", "Ann Smith", "2024-05-01T10:00:00Z", "2024-05-03T08:00:00Z")
    data = make_docx(p("Text."), core_xml=props)
    first = convert_bytes(data, "memo.docx")
    assert convert_bytes(data, "memo.docx").data == first.data
    tree = etree.fromstring(first.data)
    assert tree.findtext(".//t:titleStmt/t:title", namespaces=NS) == "Talks in Geneva"
    assert tree.findtext(".//t:titleStmt/t:respStmt/t:persName", namespaces=NS) == "Ann Smith"
    assert tree.find(".//t:creation/t:date", NS).get("when") == "2024-05-01"
    assert "2024-05-03T08:00:00Z" in tree.findtext(".//t:notesStmt/t:note", namespaces=NS)


def test_title_falls_back_to_first_heading_then_file_name():
    assert convert(p("Part", style="Heading1") + p("x."))[0].document.header.title == "Part"
    assert convert(p("x."))[0].document.header.title == "memo"


# ------------------------------------------------------------------ conservation

def test_every_character_is_in_the_edition_text_boxes_included():
    box = ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
           + p("Boxed text.") + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback>"
           "<w:pict><w:txbxContent>" + p("Boxed text.") + "</w:txbxContent></w:pict>"
           "</mc:Fallback></mc:AlternateContent></w:r>")
    _, tree = convert(p("Before.", box, " After."))
    assert "".join(tree.find(".//t:body", NS).itertext()).count("Boxed text.") == 1


def test_conservation_reports_text_the_reader_lost(monkeypatch):
    from teikit.readers.docx import parse
    real = parse.Parser._run

    def lossy(self, run, ctx, atoms):  # a reader bug: runs in italics vanish
        if run.find(f"{{{parse.W}}}rPr") is None:
            real(self, run, ctx, atoms)
    monkeypatch.setattr(parse.Parser, "_run", lossy)
    conv = convert_bytes(make_docx(p("Kept ", r("lost", "<w:i/>"), " kept.")), "memo.docx")
    lost = [d for d in conv.diagnostics if d.rule == "text-conservation"]
    assert len(lost) == 1 and "lost" in lost[0].message


def test_document_text_prints_notes_lists_and_cells_as_the_check_reads_them():
    pkg = docx.package.open_package(make_docx(
        p("A", FN.format(1)) + li("item") + "<w:tbl><w:tr><w:tc>" + p("x") + "</w:tc><w:tc>"
        + p("y") + "</w:tc></w:tr></w:tbl>",
        footnotes=note_part("footnote", {1: "Note."})), "m.docx")
    text = docx.text.document_text(pkg, DocxOptions())
    assert "".join(text.split()) == "A1•itemx|y1.Note."


# ------------------------------------------------------------------ whole editions

def test_full_document_is_valid_against_tei_all(tei_all):
    body = (p("Title", style="Title") + p("Section", style="Heading1")
            + p("Text", FN.format(1), " with ", r("style", "<w:i/>"), " and ",
                r("mot", '<w:lang w:val="fr-FR"/>'), ".", '<w:commentRangeStart w:id="0"/>')
            + p("The ", DEL.format("old"), INS.format(r("new")), " text.")
            + li("a") + li("b", level=1)
            + "<w:tbl><w:tr><w:tc>" + p("x") + "</w:tc></w:tr></w:tbl>"
            + p("Quoted.", style="Quote") + p("REAGAN: One.") + p("GORBACHEV: Two."))
    _, tree = convert(body, footnotes=note_part("footnote", {1: "Note."}),
                      comments=COMMENTS.format(ns=NS_DECL),
                      core_xml=core("T", "Ann", "2024-05-01T10:00:00Z"))
    assert tei_all.validate(tree), tei_all.error_log.last_error


def test_cli_options_and_build_read_docx(tmp_path, capsys):
    src = tmp_path / "memo.docx"
    src.write_bytes(make_docx(p("The ", DEL.format("old"), INS.format(r("new")), " text.")))
    out = tmp_path / "tei"
    assert main(["convert", str(src), "-o", str(out), "--accept-changes"]) == 0
    edition = (out / "memo.xml").read_bytes()
    assert b"<p>The new text.</p>" in edition and b"<del" not in edition


def test_teikit_build_converts_docx_sources(tmp_path):
    project = tmp_path / "proj"
    assert main(["init", str(project)]) == 0
    config = project / "teikit.toml"
    config.write_text(config.read_text().replace('"sources/*.txt"', '"sources/*.docx"')
                      .replace('reader = "auto"', 'reader = "docx"'))
    assert 'reader = "docx"' in config.read_text()
    (project / "sources" / "memo.docx").write_bytes(
        make_docx(p("REAGAN: One.") + p("GORBACHEV: Two.")))
    assert main(["build", str(project), "-j", "1", "--quiet"]) == 0
    edition = (project / "tei" / "memo.xml").read_bytes()
    assert b'<sp who="#reagan">' in edition
    assert (project / "output" / "memo.html").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_document_saved_by_libreoffice(tmp_path):
    text = tmp_path / "talk.txt"
    text.write_text("REAGAN: Welcome to Geneva.\n\nGORBACHEV: Thank you.\n", encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", str(tmp_path),
                    str(text)], check=True, capture_output=True, timeout=120)
    conv = convert_bytes((tmp_path / "talk.docx").read_bytes(), "talk.docx")
    assert [p.key for p in conv.document.persons] == ["reagan", "gorbachev"]
    assert not [d for d in conv.diagnostics if d.rule == "text-conservation"]


def test_markup_as_word_writes_it_adds_nothing_but_the_text():
    # rsids, fonts and sizes on every run, proofing marks, bookmarks, rendered page breaks,
    # an explicit "not bold", Word's footnote separators and footnote styles, a template
    # attached by an external relationship of settings.xml
    run_props = ('<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="24"/>'
                 '<w:szCs w:val="24"/><w:lang w:val="en-US"/></w:rPr>')
    body = ('<w:p w:rsidR="00A1" w:rsidRDefault="00A1"><w:pPr><w:rPr><w:lang w:val="en-US"/>'
            '</w:rPr></w:pPr><w:bookmarkStart w:id="0" w:name="_GoBack"/>'
            f'<w:r w:rsidRPr="00B2">{run_props}<w:t>The</w:t></w:r>'
            '<w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve"> Presidnet</w:t>'
            '</w:r><w:proofErr w:type="spellEnd"/><w:r><w:rPr><w:b w:val="false"/></w:rPr>'
            '<w:lastRenderedPageBreak/><w:t xml:space="preserve"> spoke.</w:t></w:r>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r><w:bookmarkEnd w:id="0"/></w:p>'
            '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr>')
    footnotes = (f'<w:footnotes {NS_DECL}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
                 '<w:separator/></w:r></w:p></w:footnote><w:footnote '
                 'w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                 '</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:pPr><w:pStyle '
                 'w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>'
                 '</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Sic.</w:t></w:r>'
                 "</w:p></w:footnote></w:footnotes>")
    settings_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                     'relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats'
                     '.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///'
                     'C:/Templates/Memo.dotm" TargetMode="External"/></Relationships>')
    conv, tree = convert(body, footnotes=footnotes, settings=f"<w:settings {NS_DECL}/>",
                         extra={"word/_rels/settings.xml.rels": settings_rels.encode()})
    assert body_xml(tree) == ('<body><div type="main"><p>The Presidnet spoke.<note n="1" '
                              'xml:id="memofn1"> Sic.</note></p></div></body>')
    assert [d.rule for d in conv.diagnostics] == ["docx-external"]
    assert "attachedTemplate" in conv.diagnostics[0].message


def test_page_break_between_label_and_speech_stays_inside_the_turn():
    body = (p("ALGERNON", style="Speaker") + p('<w:r><w:br w:type="page"/></w:r>')
            + p("Did you hear?") + p("LANE", style="Speaker") + p("No, sir."))
    _, tree = convert(body)  # convert() checks validity: sp may not begin with pb
    first = tree.find(".//t:sp/t:p", NS)
    assert first[0].tag == f"{{{TEI_NS}}}pb" and first[0].tail == "Did you hear?"


def test_stage_direction_opening_a_turn_and_label_diagnostics_at_paragraph_numbers():
    body = (p("Hearing", style="Heading1") + p("Mr. SMITH. (Laughter.) We begin.")
            + p("Mr. JONES. We do.") + p("Mr. SMITH. Good."))
    conv, tree = convert(body)
    assert tree.findtext(".//t:sp/t:stage", namespaces=NS) == "(Laughter.)"
    for d in conv.diagnostics:
        assert d.line in (2, 3, 4), d.format()


def test_table_inside_a_cell_is_flattened_a_line_per_cell():
    inner = ("<w:tbl><w:tr><w:tc>" + p("in1") + "</w:tc><w:tc>" + p("in2")
             + "</w:tc></w:tr></w:tbl>")
    _, tree = convert("<w:tbl><w:tr><w:tc>" + p("outer") + inner + "</w:tc><w:tc>"
                      + p("right") + "</w:tc></w:tr></w:tbl>")
    assert body_xml(tree) == ('<body><div type="main"><table><row><cell>outer<lb/>in1<lb/>in2'
                              "</cell><cell>right</cell></row></table></div></body>")


def test_text_box_with_a_list_and_a_table_equation_and_ruby_text_kept():
    box = ("<w:r><w:drawing><wps:txbx xmlns:wps=\"urn:wps\"><w:txbxContent>" + li("boxed item")
           + "<w:tbl><w:tr><w:tc>" + p("c1") + "</w:tc><w:tc>" + p("c2") + "</w:tc></w:tr>"
           "</w:tbl></w:txbxContent></wps:txbx><a:t xmlns:a=\"http://schemas.openxmlformats."
           "org/drawingml/2006/main\">chart label</a:t></w:drawing></w:r>")
    math = ('<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
            "<m:r><m:t>x=1</m:t></m:r></m:oMath>")
    ruby = ("<w:r><w:ruby><w:rubyPr/><w:rt>" + r("とう") + "</w:rt><w:rubyBase>" + r("東")
            + "</w:rubyBase></w:ruby></w:r>")
    _, tree = convert(p("Start", box, " then ", math, " and ", ruby, "."))
    assert body_xml(tree) == ('<body><div type="main"><p>Start<lb/>boxed item<lb/>c1<lb/>c2'
                              " then x=1 and とう東.</p></div></body>")


def test_dates_that_are_no_dates_are_not_recorded():
    body = p('<w:ins w:id="1" w:author="Ann" w:date="yesterday">' + r("new") + "</w:ins>")
    conv, tree = convert(body, core_xml=core("T", created="2024-02-30T00:00:00Z"))
    assert tree.find(".//t:revisionDesc/t:change[@when]", NS) is None
    assert tree.find(".//t:creation", NS) is None
    assert docx.parse.w3c_datetime("2024-05-01T10:00:00.25+02:00") == "2024-05-01T10:00:00.25+02:00"


# ------------------------------------------------------------------ found by the property test

def test_note_in_the_blank_after_a_label_is_kept():
    body = p("REAGAN: One.") + p("REAGAN:", " ", FN.format(1), "Reagan")
    _, tree = convert(body, footnotes=note_part("footnote", {1: "Note 1."}))
    assert len(tree.findall(".//t:sp//t:note", NS)) == 1


def test_formatted_blank_is_no_hi_and_a_blank_no_foreign():
    _, tree = convert(p("a", r(" ", "<w:i/>"), "b", r(" ", '<w:lang w:val="fr-FR"/>'), "c"))
    assert body_xml(tree) == '<body><div type="main"><p>a b c</p></div></body>'


def test_label_without_speech_lists_no_person():
    # convert() validates: a person who never speaks is a Schematron warning
    conv, _ = convert(p("ALGERNON", style="Speaker") + p("Hi.") + p("LANE", style="Speaker")
                      + p("Act two", style="Heading1"))
    assert [x.key for x in conv.document.persons] == ["algernon"]


def test_paragraph_of_only_a_note_reference_inside_a_transcript_is_kept():
    body = p("REAGAN: One.") + p(FN.format(1)) + p("GORBACHEV: Two.")
    _, tree = convert(body, footnotes=note_part("footnote", {1: "Note 1."}))
    assert tree.find(".//t:sp/t:p/t:note", NS) is not None


def test_note_before_a_stage_direction_and_a_formatted_blank_after_a_label():
    body = (p("REAGAN: One.") + p("REAGAN:", " ", FN.format(1), "(Laughter.)")
            + p("REAGAN:", r("  Two", "<w:i/>"), " more"))
    _, tree = convert(body, footnotes=note_part("footnote", {1: "Note 1."}))
    stage = tree.find(".//t:sp/t:stage", NS)
    assert stage.find("t:note", NS) is not None and stage.find("t:note", NS).tail == \
        "(Laughter.)"
    last = tree.findall(".//t:sp", NS)[-1]
    assert etree.tostring(last.find("t:p", NS), encoding="unicode", with_tail=False).endswith(
        '><hi rend="italic">Two</hi> more</p>')


def test_trailing_note_after_the_last_word_of_a_turn_is_kept():
    body = p("REAGAN: One.") + p("REAGAN: Two", FN.format(1), " ")
    _, tree = convert(body, footnotes=note_part("footnote", {1: "Note 1."}))
    assert tree.find(".//t:sp/t:p/t:note", NS) is not None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_structure_saved_by_libreoffice(tmp_path):
    # headings, lists, a table and character formatting as LibreOffice Writer writes them
    page = tmp_path / "memo.html"
    page.write_text(
        "<html><body><h1>Memorandum</h1><p>The <b>first</b> point, in <i>brief</i>.</p>"
        "<h2>Annex</h2><ul><li>one</li><li>two</li></ul>"
        "<table><tr><td>Name</td><td>Post</td></tr><tr><td>Smith</td><td>Envoy</td></tr>"
        "</table></body></html>", encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                    "--outdir", str(tmp_path), str(page)],
                   check=True, capture_output=True, timeout=120)
    conv = convert_bytes((tmp_path / "memo.docx").read_bytes(), "memo.docx")
    assert not [d for d in conv.diagnostics if d.rule == "text-conservation"]
    assert [d.format() for d in validate_bytes(conv.data, "memo.xml")] == []
    tree = etree.fromstring(conv.data)
    body = tree.find("t:text/t:body", NS)
    heads = ["".join(h.itertext()) for h in body.iter(f"{{{TEI_NS}}}head")]
    assert heads[:2] == ["Memorandum", "Annex"]
    rends = {h.get("rend"): "".join(h.itertext()) for h in body.iter(f"{{{TEI_NS}}}hi")}
    assert rends.get("bold") == "first" and rends.get("italic") == "brief"
    assert ["".join(i.itertext()) for i in body.iter(f"{{{TEI_NS}}}item")] == ["one", "two"]
    cells = ["".join(c.itertext()) for c in body.iter(f"{{{TEI_NS}}}cell")]
    assert cells == ["Name", "Post", "Smith", "Envoy"]


def test_citation_block_fills_the_header_and_stays_in_the_text():
    # a Wilson Center record transcribed in Word with its citation block on top
    body = (p("Conversation between M. S. Gorbachev and Ronald Reagan", style="Title")
            + p("Citation:")
            + p("\u201cConversation between M. S. Gorbachev and Ronald Reagan,\u201d December 9, "
                "1987, Wilson Center Digital Archive, Gorbachev Foundation, Moscow. "
                "Translated by Gary Goldberg. "
                "https://digitalarchive.wilsoncenter.org/document/117244")
            + p("Summary: Gorbachev and Reagan discuss Afghanistan.")
            + p("Original Language: Russian")
            + p("REAGAN: The regional issues relate to other issues.")
            + p("GORBACHEV: Our order of priorities coincides with yours."))
    conv, tree = convert(body)
    header = conv.document.header
    assert header.url == "https://digitalarchive.wilsoncenter.org/document/117244"
    assert header.summary == "Gorbachev and Reagan discuss Afghanistan."
    assert header.original_language == "Russian"
    assert tree.find(".//t:sourceDesc//t:bibl", NS) is not None
    assert [s.text for s in tree.iter(f"{{{TEI_NS}}}speaker")] == ["REAGAN:", "GORBACHEV:"]


def test_a_summary_line_without_a_citation_is_only_text():
    conv, _ = convert(p("Summary: the talks went well.") + p("More text."))
    assert conv.document.header.summary is None
