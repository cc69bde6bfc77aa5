from lxml import etree

from teikit import model as m
from teikit.writers import tei

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_opener_holds_classification_seg_and_salute():
    doc = m.Document("x", m.Header(title="t"), [
        m.Division("document", [
            m.Head(["Letter"]),
            m.Opener([m.Seg(["secret"]), m.Salute(["Dear Mr. President:"])]),
            m.Paragraph(["Text."]),
        ], xml_id="d1"),
    ])
    root = tei.to_tree(doc)
    opener = root.find(".//t:opener", NS)
    assert [etree.QName(c).localname for c in opener] == ["seg", "salute"]
    assert opener[0].text == "secret"


def test_page_break_between_blocks():
    doc = m.Document("x", m.Header(title="t"), [m.Division("document", [
        m.PageBreak("565"), m.Head(["175. Telegram"]), m.Paragraph(["a"]),
        m.PageBreak("568"), m.Paragraph(["b"])], xml_id="d175")])
    div = tei.to_tree(doc).find(".//t:div", NS)
    assert [etree.QName(c).localname for c in div] == ["pb", "head", "p", "pb", "p"]
    assert div[3].get("n") == "568"
