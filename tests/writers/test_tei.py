from lxml import etree

from teikit import model as m
from teikit.writers.tei import serialize, to_tree

TEI = "{http://www.tei-c.org/ns/1.0}"


def _doc(body):
    return m.Document("wca-1", m.Header(title="A title", date_when="1987-12-09",
                                        date_printed="December 9, 1987"),
                      body, [m.Person("reagan", "R. Reagan", ["R. REAGAN."])],
                      source_name="a.md", reader="wilson")


def test_speech_turn_markup():
    body = [m.Division("transcript", [m.Speech("reagan", ["R. REAGAN."], [
        m.Paragraph(["We will try ", m.Gap("omitted", "(...)"), "."])])])]
    root = to_tree(_doc(body))
    sp = root.find(f".//{TEI}sp")
    assert sp.get("who") == "#reagan"
    assert sp.find(f"{TEI}speaker").text == "R. REAGAN."
    gap = sp.find(f".//{TEI}gap")
    assert (gap.get("reason"), gap.get("rend")) == ("omitted", "(...)")
    assert root.find(f".//{TEI}person").get("{http://www.w3.org/XML/1998/namespace}id") == \
        "reagan"


def test_indentation_leaves_mixed_content_alone():
    body = [m.Paragraph(["Day", m.Note("2", [m.Paragraph(["See ", m.Span("title", ["X"]),
                                                          "."])]), " well"])]
    data = serialize(_doc(body))
    assert b"<p>Day<note n=\"2\">See <title>X</title>.</note> well</p>" in data


def test_output_is_deterministic_and_has_no_clock():
    body = [m.Paragraph(["text"])]
    a, b = serialize(_doc(body)), serialize(_doc(body))
    assert a == b
    assert b"when=\"1987-12-09\"" in a
    root = etree.fromstring(a)
    assert root.find(f".//{TEI}change").get("when") is None
