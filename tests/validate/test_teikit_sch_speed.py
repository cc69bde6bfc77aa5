"""Regression guards on the *shape* of what keeps teikit.sch linear in the size of a
document (no timed assertions in the suite; benchmarks/long_document_bench.py measures)."""

from lxml import etree

from support import ROOT
from teikit.validate.schematron import Query

SCH = (ROOT / "schemas" / "teikit.sch").read_text(encoding="utf-8")


def test_pointer_rules_use_the_document_wide_set_of_identified_elements():
    assert '<sch:let name="identified" value="//*[@xml:id]"/>' in SCH
    assert "count(//@xml:id" not in SCH


def test_order_rules_look_at_the_nearest_note_or_page_first():
    # a bare preceding::x[1] stops at the first node; any predicate with it collects them all
    assert '<sch:let name="nearest" value="preceding::tei:note[1]"/>' in SCH
    assert '<sch:let name="nearest" value="preceding::tei:pb[1]"/>' in SCH
    assert SCH.count("[number(@n) = number(@n)][1]") == 2  # only on the slow paths
    assert "self::tei:note[not($near)]/preceding::" in SCH
    assert "self::tei:pb[not($near)]/preceding::" in SCH


def test_a_query_is_given_only_the_variables_it_names():
    query = Query("$a + count($current)", {})
    assert query.names == {"a", "current"}
    big = [etree.Element("x") for _ in range(3)]
    assert query(etree.Element("r"), {"a": 1, "current": big[0], "identified": big}) == 2.0
    calls = []
    query.xpath = lambda node, **variables: calls.append(sorted(variables))
    query(etree.Element("r"), {"a": 1, "current": big[0], "identified": big})
    assert calls == [["a", "current"]]
