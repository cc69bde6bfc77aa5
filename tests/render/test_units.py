from pathlib import Path

import pytest
from lxml import etree

from teikit.errors import TeikitError
from teikit.render.units import SEQ, glue_footnotes, load_units, number_notes, safe_id
from teikit.xmlio import TEI_NS, parse_bytes

from .conftest import FIXTURES

T = f"{{{TEI_NS}}}"


def test_a_teikit_edition_is_one_unit():
    [unit] = load_units(FIXTURES / "wilson-117244.xml")
    assert unit.id == "wilson-117244"
    assert unit.div is None


def test_a_volume_gives_one_unit_per_document_with_the_volume_header(frus_volume):
    units = load_units(frus_volume)
    assert [u.id for u in units] == ["frus1981-88v03-d164", "frus1981-88v03-d166"]
    for unit in units:
        assert unit.root.find(T + "teiHeader") is not None
        assert len(unit.root.findall(f".//{T}div[@type='document']")) == 1


def test_footnotes_are_numbered_per_document(frus_volume):
    for unit in load_units(frus_volume):
        seqs = [n.get(SEQ) for n in unit.root.iter(T + "note") if n.get(SEQ)]
        assert seqs == [str(i) for i in range(1, len(seqs) + 1)]
        assert seqs


def test_notes_printed_in_place_are_not_footnotes():
    root = parse_bytes(f"""<TEI xmlns="{TEI_NS}"><text><body><div>
        <note rend="inline" type="source">851G.01/12–749: Telegram</note>
        <p>a<note n="7">x</note> b<note place="inline">y</note></p></div></body></text></TEI>
        """.encode(), "t.xml").getroot()
    assert number_notes(root) == 1
    assert [n.get(SEQ) for n in root.iter(T + "note")] == [None, "1", None]


def test_non_tei_input_is_a_one_line_error(tmp_path: Path):
    f = tmp_path / "x.xml"
    f.write_text("<html/>")
    with pytest.raises(TeikitError, match="not a TEI P5 document"):
        load_units(f)


def test_teicorpus_members_are_units(tmp_path: Path):
    f = tmp_path / "corpus.xml"
    f.write_text(f'<teiCorpus xmlns="{TEI_NS}"><teiHeader/><TEI xml:id="a"><text><body><p>A</p>'
                 '</body></text></TEI><TEI><text><body><p>B</p></body></text></TEI></teiCorpus>')
    assert [u.id for u in load_units(f)] == ["corpus-a", "corpus-2"]


@pytest.mark.parametrize("raw, expected", [
    ("d169", "d169"), ("a b/c", "a-b-c"), ("../../etc", "etc"), ("", "document")])
def test_safe_id(raw, expected):
    assert safe_id(raw) == expected


def _glued(body: str) -> str:
    root = parse_bytes(f'<TEI xmlns="{TEI_NS}"><text><body>{body}</body></text></TEI>'
                       .encode(), "t.xml").getroot()
    number_notes(root)
    glue_footnotes(root)
    return etree.tostring(root.find(f"{T}text/{T}body"), encoding="unicode").split(">", 1)[1]


@pytest.mark.parametrize(("body", "expected"), [
    # the marker is glued to the word; one space kept where the text began with one
    ("<p>Reagan\n   <note>n</note>.</p>", "<p>Reagan<note"),
    ("<p><hi>a</hi>  and\tthe  word \n<note>n</note></p>", "</hi> and the word<note"),
    # whitespace alone before a marker goes (the marker follows the element)
    ("<p><hi>ibid.</hi>\n  <note>n</note></p>", "</hi><note"),
    # a no-break space is text, not layout
    ("<p>word\u00a0<note>n</note></p>", "<p>word\u00a0<note"),
    # a note printed in place is not a footnote: the text before it stays as it is
    ('<p>file  <note place="inline">n</note></p>', "<p>file  <note"),
])
def test_text_before_a_footnote_is_glued_to_its_marker(body, expected):
    assert expected in _glued(body)


def test_gluing_touches_only_the_text_right_before_each_footnote():
    body = "<p>one  two\n<note>a</note>  three  <note>b</note> four  five </p>"
    assert _glued(body).startswith("<p>one two<note")
    assert "</note> three<note" in _glued(body)
    assert "</note> four  five </p>" in _glued(body)
