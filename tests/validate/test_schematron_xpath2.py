"""tei_all's embedded Schematron run whole, XPath 2/3 rules on elementpath: the patterns the
regular-expression translation skipped, each broken (diagnostic at the right line) and
kept (no diagnostic), and the choice of engine per expression."""

from __future__ import annotations

import pytest
from lxml import etree

from support import ROOT
from teikit.errors import TeikitError
from teikit.validate import schematron, xpath, xpath_ep
from teikit.validate.document import from_bytes

TEI_ALL = ROOT / ".." / "shared" / "schemas" / "tei" / "tei_all.rng"
TEI = "http://www.tei-c.org/ns/1.0"


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def tei_all() -> schematron.SchematronSchema:
    if not TEI_ALL.is_file():
        pytest.skip("no ../shared/schemas/tei/tei_all.rng")
    return schematron.embedded(etree.parse(str(TEI_ALL)).getroot(), "tei_all.rng")


def _diagnostics(schema, body: str, pattern: str) -> list[tuple[int, str]]:
    """(line, severity) of the problems ``pattern`` finds in a TEI document whose text is
    ``body`` (line 3 onwards)."""
    data = (f'<TEI xmlns="{TEI}">\n<teiHeader/>\n{body}\n</TEI>\n').encode()
    return [(d.line, d.severity) for d in schema.validate(from_bytes(data, "t.xml"))
            if pattern in d.rule]


def test_every_pattern_of_tei_all_is_run(tei_all):
    assert tei_all.skipped == [] and len(tei_all.patterns) == tei_all.total == 90


CASES = [  # (pattern id part, breaking body, first problem's line, keeping body)
    ("spanTo-points-to-following",
     '<text><body><p><anchor xml:id="a"/>x</p>\n<p><addSpan spanTo="#a"/></p></body></text>',
     4, '<text><body><p><addSpan spanTo="#a"/>x</p>\n<p><anchor xml:id="a"/></p></body></text>'),
    ("pathmustnotbeclosed",
     '<facsimile><surface>\n<path points="0,0 1,1 0,0"/></surface></facsimile>', 4,
     '<facsimile><surface>\n<path points="0,0 1,1 2,0"/></surface></facsimile>'),
    ("MINandMAXoccurs", '<text><body><p/></body></text>\n'
     '<elementRef key="p" minOccurs="2" maxOccurs="1"/>', 4,
     '<text><body><p/></body></text>\n<elementRef key="p" minOccurs="1" maxOccurs="unbounded"/>'),
    ("MINandMAXoccurs", '<text><body><p/></body></text>\n<elementRef key="p" minOccurs="2"/>',
     4, '<text><body><p/></body></text>\n<elementRef key="p" minOccurs="1"/>'),
    ("deprecation-two-month",
     '<text><body><p/></body></text>\n<elementSpec ident="x" validUntil="2001-01-01"/>', 4,
     '<text><body><p/></body></text>\n<elementSpec ident="x" validUntil="2999-01-01"/>'),
    ("source-only_1_ODD", '<text><body><p/></body></text>\n<moduleRef key="core" source="a b"/>',
     4, '<text><body><p/></body></text>\n<moduleRef key="core" source="a"/>'),
    ("one-constraintDecl-per-scheme",
     '<constraintDecl scheme="schematron" queryBinding="xslt2"/>\n'
     '<constraintDecl scheme="schematron" queryBinding="xslt3"/>', 1,
     '<constraintDecl scheme="schematron" queryBinding="xslt2"/>'),
    ("defaultIsInClosedList-twoOrMore",  # XPath 2's = on a tokenized list: any of them
     '<attDef ident="a"><datatype maxOccurs="2"/><defaultVal>z w</defaultVal>\n'
     '<valList type="closed"><valItem ident="x"/></valList></attDef>', 3,
     '<attDef ident="a"><datatype maxOccurs="2"/><defaultVal>z x</defaultVal>\n'
     '<valList type="closed"><valItem ident="x"/></valList></attDef>'),
    ("rt-target",  # an attribute context: skipped, not reported, before
     '<text><body><p>\n<rt target="#a" from="#b"/></p></body></text>', 4,
     '<text><body><p>\n<rt target="#a"/></p></body></text>'),
]


@pytest.mark.parametrize("pattern, broken, line, kept", CASES, ids=[c[0] for c in CASES])
def test_a_formerly_skipped_pattern_finds_what_breaks_it(tei_all, pattern, broken, line, kept):
    found = _diagnostics(tei_all, broken, pattern)
    assert found and found[0][0] == line, found
    assert _diagnostics(tei_all, kept, pattern) == []


def test_a_dynamic_error_is_reported_not_passed(tei_all):
    # "two" cast as xs:integer: SchXslt on Saxon stops; teikit reports the element
    found = _diagnostics(tei_all, '<text><body><p/></body></text>\n<elementRef key="p" '
                         'minOccurs="two"/>', "MINandMAXoccurs")
    assert found == [(4, "error")]


# ---------------------------------------------------------------------------- engine choice

NS = {"tei": TEI}


@pytest.mark.parametrize("expr, lxml_text", [
    ("count(tei:lem) lt 2", "count(tei:lem) < 2"),
    ("@mode eq 'delete'", "@mode = 'delete'"),
    ("@a = 'x eq y'", "@a = 'x eq y'"),
    ("@key = current()/@module", "@key = $current/@module"),
    ("normalize-space(.) ne ''", "normalize-space(.) != ''"),
    ("ancestor::tei:l[not(.//tei:note//tei:l[. = current()])]",
     "ancestor::tei:l[not(.//tei:note//tei:l[. = $current])]"),
])
def test_xpath1_with_the_same_meaning_runs_on_lxml(expr, lxml_text):
    info = xpath_ep.analyse(expr, 2, NS)
    assert info["lxml"] == lxml_text


@pytest.mark.parametrize("expr", [
    "@from < @to",            # XPath 1 compares numbers, XPath 2 strings
    "@n + 1 = 2",             # XPath 2: a type error on a non-number, XPath 1: NaN
    "tei:a eq 'x'",           # several a: XPath 2 error, XPath 1 any
    "@a = true()",            # boolean comparison rules differ
    "@a = 'it''s'",           # XPath 2 escape of a quote
    "*:p", "if (@a) then 1 else 2", "@minOccurs cast as xs:integer", "id(@spanTo) >> .",
    "distinct-values($s)", "tokenize(@points, ' ')[2]", "matches(@a, '^x$')", "empty(@a)",
])
def test_xpath2_meaning_goes_to_elementpath(expr):
    assert xpath_ep.analyse(expr, 2, NS)["lxml"] is None


def test_an_expression_no_engine_reads_is_a_usage_error_naming_the_rule():
    schema = etree.fromstring(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<pattern id="p"><rule context="x"><assert test="@a eq">x</assert></rule></pattern>'
        '</schema>')
    with pytest.raises(TeikitError) as e:
        schematron.SchematronSchema(schema, "u.sch")
    assert e.value.exit_code == 2 and "pattern p, rule 'x'" in str(e.value)


def test_an_xslt_function_in_an_xpath1_schema_is_a_usage_error():
    schema = etree.fromstring(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron">'
        '<pattern id="p"><rule context="x"><assert test="key(\'k\', @a)">x</assert></rule>'
        '</pattern></schema>')
    with pytest.raises(TeikitError, match="key"):
        schematron.SchematronSchema(schema, "u.sch")


def test_rule_context_branches_and_what_they_need():
    branches = xpath.union_branches("(tei:a|tei:b)/tei:c | tei:d[@x = 'a|b']", 2, NS)
    assert branches == ["(tei:a|tei:b)/tei:c", "tei:d[@x = 'a|b']"]
    def needs(branch):
        return xpath.compile_expr(branch, NS, 2, "t").needs
    assert needs("//tei:d[@n and @m]") == (frozenset({"d"}), "n", ())
    assert needs("//tei:*[starts-with(@spanTo, '#')]") == (None, "spanTo", ())
    assert needs("//tei:rt/@target") == (frozenset({"rt"}), "target", (frozenset({"rt"}),))
    # every step of the path must occur: a corpus full of <ref> but without <listRef> skips it
    assert needs("//(tei:a | tei:b)/tei:listRef/tei:ref") == (
        frozenset({"ref"}), None, (frozenset({"a", "b"}), frozenset({"listRef"})))


def test_an_xpath1_schema_never_imports_elementpath_to_load(tmp_path):
    import subprocess
    import sys
    code = ("import sys; from teikit.validate import schemas; schemas.load_all(None); "
            "print('elementpath' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
