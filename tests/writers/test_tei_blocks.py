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


def test_postscript_after_the_closer_holds_paragraphs():
    # FRUS 1861, doc. 110: signature, then the addressee as a postscript
    doc = m.Document("x", m.Header(title="t"), [m.Division("document", [
        m.Head(["Mr. Seward to Lord Lyons."]), m.Paragraph(["My Lord: Your letter …"]),
        m.Closer([m.Signed(["WILLIAM H. SEWARD."])]),
        m.Postscript([m.Paragraph(["The Right Hon. Lord Lyons, &c., &c., &c."])]),
    ], xml_id="d110")])
    div = tei.to_tree(doc).find(".//t:div", NS)
    assert [etree.QName(c).localname for c in div] == ["head", "p", "closer", "postscript"]
    assert div.findtext("t:postscript/t:p", namespaces=NS) == (
        "The Right Hon. Lord Lyons, &c., &c., &c.")


def _letter_with_postscript() -> bytes:
    doc = m.Document("frus1861-d110", m.Header(title="Mr. Seward to Lord Lyons."), [
        m.Division("document", [
            m.Head(["Mr. Seward to Lord Lyons."]), m.Paragraph(["My Lord: Your letter …"]),
            m.Closer([m.Signed(["WILLIAM H. SEWARD."])]),
            m.Postscript([m.Paragraph(["The Right Hon. Lord Lyons, &c., &c., &c."])]),
            m.PageBreak("190", "[Page 190]"),
        ], xml_id="d110")])
    return tei.to_bytes(tei.to_tree(doc))


def test_postscript_is_valid_closing_matter_in_teikit_schemas_and_tei_all(tei_all):
    from teikit.validate import validate_bytes
    data = _letter_with_postscript()
    assert [d.format() for d in validate_bytes(data, "d110.xml")] == []
    assert tei_all.validate(etree.fromstring(data).getroottree()), tei_all.error_log


def test_text_after_the_postscript_is_invalid():
    from teikit.validate import validate_bytes
    data = _letter_with_postscript().replace(b'<pb n="190"/>', b"<p>More text.</p>")
    assert b"<p>More text.</p>" in data
    assert any(d.severity == "error" for d in validate_bytes(data, "d110.xml"))


def _letter_with_enclosure(*enclosure: m.Block) -> bytes:
    doc = m.Document("frus1917-d10", m.Header(title="The Secretary of State to the President"), [
        m.Division("document", [
            m.Head(["The Secretary of State to President Wilson"]),
            m.Division("main", [m.Paragraph(["My Dear Mr. President: …"]),
                                m.Closer([m.Signed(["Robert Lansing"])])]),
            m.Division("attachment", list(enclosure), n="1", embedded=True),
        ], xml_id="d10")])
    return tei.to_bytes(tei.to_tree(doc))


def test_enclosure_is_a_floating_text_valid_in_both_schemas(tei_all):
    from teikit.validate import validate_bytes
    data = _letter_with_enclosure(
        m.Opener([m.Seg(["[Enclosure]"])]), m.Head(["Draft List of Contraband of War"]),
        m.Paragraph(["(1) All kinds of arms …"]))
    att = etree.fromstring(data).find(".//t:div[@type='attachment']", NS)
    body = att.find("t:floatingText[@type='attachment']/t:body", NS)
    assert [etree.QName(c).localname for c in body] == ["opener", "head", "p"]
    assert [d.format() for d in validate_bytes(data, "d10.xml")] == []
    assert tei_all.validate(etree.fromstring(data).getroottree()), tei_all.error_log


def test_enclosure_printed_as_a_title_only_stays_a_division(tei_all):
    # TEI's body needs some text; an enclosure shown by its title alone has none
    from teikit.validate import validate_bytes
    data = _letter_with_enclosure(m.Opener([m.Seg(["[Enclosure]"])]), m.Head(["Map"]))
    att = etree.fromstring(data).find(".//t:div[@type='attachment']", NS)
    assert att.find("t:floatingText", NS) is None
    assert att.findtext("t:head", namespaces=NS) == "Map"
    assert [d.format() for d in validate_bytes(data, "d10.xml")] == []
    assert tei_all.validate(etree.fromstring(data).getroottree()), tei_all.error_log
