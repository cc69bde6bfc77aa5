"""The FRUS reader on real documents of other eras (tests/fixtures/frus: 1864–1981, fifteen
volumes none of which is among the development samples'): valid, lossless and deterministic,
with the gold's footnotes, page breaks and paragraphs."""

from pathlib import Path

import pytest
from lxml import etree

from teikit.convert import convert_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "frus"
SOURCES = sorted(FIXTURES.glob("*/*.txt"))
T = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def conversions():
    return {p: convert_file(p) for p in SOURCES}


def _doc(root: etree._Element) -> etree._Element:
    return next(d for d in root.iter(T + "div") if d.get("type") == "document")


def _footnotes(doc: etree._Element) -> list[str]:
    return [n.get("n") for n in doc.iter(T + "note") if n.get("rend") != "inline"]


def _paragraphs(doc: etree._Element) -> int:
    return sum(1 for p in doc.iter(T + "p")
               if not (p.get("rend") or "").startswith("sectiontitle")
               and not any(a.tag == T + "note" for a in p.iterancestors()))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_converts_like_the_gold(source, conversions, tei_all):
    conv = conversions[source]
    root = etree.fromstring(conv.data)
    assert tei_all.validate(root.getroottree()), tei_all.error_log.filter_from_errors()[:3]
    assert [d.format() for d in conv.diagnostics if d.rule == "text-conservation"] == []
    assert convert_file(source).data == conv.data
    gold = _doc(etree.parse(str(source.with_name(source.stem + ".gold.xml"))).getroot())
    doc = _doc(root)
    assert _footnotes(doc) == _footnotes(gold)
    assert [p.get("n") for p in doc.iter(T + "pb")] == [p.get("n") for p in gold.iter(T + "pb")]
    assert _paragraphs(doc) == _paragraphs(gold)


def test_enclosure_becomes_an_attachment_with_its_head(conversions):
    doc = _doc(etree.fromstring(conversions[FIXTURES / "frus1914-20v02" / "d10.txt"].data))
    # a text of its own (floatingText), so that its head counts as text, as the gold's
    # frus:attachment head does, and not as a subdivision's heading
    att = doc.find(f"{T}div[@type='attachment']/{T}floatingText[@type='attachment']/{T}body")
    assert att is not None
    assert att.findtext(f"{T}opener/{T}seg") == "[Enclosure]"
    assert "".join(att.find(T + "head").itertext()) == "Draft List of Contraband of War"
    assert doc.find(f"{T}div[@type='main']/{T}closer/{T}signed").text == "Robert Lansing"
    assert [lb.text for lb in att.iter(T + "label")] == ["(1)", "(2)", "(3)"]


def test_nineteenth_century_number_line_and_signature(conversions):
    doc = _doc(etree.fromstring(conversions[FIXTURES / "frus1870" / "d35.txt"].data))
    assert doc.find(T + "note[@rend='inline']").text == "No. 35."
    assert doc.get("n") == "35"  # the volume's number above the head, as the gold has it
    assert doc.findtext(T + "head") == "Mr. Fish to Mr. E. B. Washburne."
    assert doc.findtext(f"{T}opener/{T}seg") == "No. 175.]"
    assert doc.findtext(f"{T}closer/{T}signed") == "HAMILTON FISH."


def test_header_date_only_where_certain(conversions):
    def created(path: Path) -> str | None:
        root = etree.fromstring(conversions[path].data)
        date = root.find(f"{T}teiHeader/{T}profileDesc/{T}creation/{T}date")
        return None if date is None else date.get("when")

    assert created(FIXTURES / "frus1955-57v02" / "d27.txt") == "1955-01-21"  # head + file
    assert created(FIXTURES / "frus1958-60v08" / "d106.txt") == "1958-12-14"  # source note
    assert created(FIXTURES / "frus1969-76v12" / "d42.txt") is None  # only "on May 6"
    uncertain = [d for d in conversions[FIXTURES / "frus1969-76v12" / "d42.txt"].diagnostics
                 if d.rule == "uncertain-document-date"]
    assert uncertain and "Drafted by Thompson on May 6" in uncertain[0].message
