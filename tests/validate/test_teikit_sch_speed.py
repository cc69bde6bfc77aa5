"""The pointer rules look up identified elements once per document (a regression guard on
the *shape* of the rule, not on time: no timed assertions in the suite)."""

from support import ROOT


def test_pointer_rules_use_the_document_wide_set_of_identified_elements():
    sch = (ROOT / "schemas" / "teikit.sch").read_text(encoding="utf-8")
    assert '<sch:let name="identified" value="//*[@xml:id]"/>' in sch
    assert "count(//@xml:id" not in sch
