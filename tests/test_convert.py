"""Every seed, development sample and FRUS fixture converts, is valid against tei_all and
teikit's own schemas, keeps every character of its source and converts to the same bytes
twice."""

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from support import ROOT, SHARED
from teikit.convert import convert_file
from teikit.editions import stamp
from teikit.validate import validate_bytes
from teikit.xmlio import XML_ID

FIXTURES = ROOT / "tests" / "fixtures" / "frus"


def _sources() -> list[Path]:
    if not SHARED.is_dir():
        return []
    return sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("samples/wilson/*.md"),
                   *SHARED.glob("samples/frus/*/*.txt"), *FIXTURES.glob("*/*.txt")])


SOURCES = [p for p in _sources() if p.name != "README.md"]


@pytest.fixture(scope="module")
def conversions():
    return {p: convert_file(p) for p in SOURCES}


@pytest.mark.skipif(not SOURCES, reason="../shared with seeds and samples not available")
@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_edition_is_valid_lossless_and_deterministic(source, conversions, tei_all):
    conv = conversions[source]
    root = etree.fromstring(conv.data)
    assert tei_all.validate(root.getroottree()), tei_all.error_log.filter_from_errors()[:3]
    ids = Counter(el.get(XML_ID) for el in root.iter() if el.get(XML_ID))
    assert not [i for i, n in ids.items() if n > 1]
    assert [d.format() for d in conv.diagnostics if d.rule == "text-conservation"] == []
    assert [d.format() for d in validate_bytes(conv.data, source.name)
            if d.severity == "error"] == []
    assert convert_file(source).data == conv.data


@pytest.mark.skipif(not SOURCES, reason="../shared with seeds and samples not available")
def test_edition_ids_are_unique_across_the_samples(conversions):
    ids = Counter(c.document.id for c in conversions.values())
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.skipif(not SOURCES, reason="../shared with seeds and samples not available")
def test_committed_seed_editions_are_what_convert_writes_today(conversions):
    for seed in sorted(SHARED.glob("seeds/*.txt")):
        conv = conversions[seed]
        committed = ROOT / "tei" / f"{conv.document.id}.xml"
        assert committed.read_bytes() == stamp(conv.data), f"regenerate {committed}"
