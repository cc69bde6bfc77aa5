"""Grammar specialisation: pruning elements a document lacks changes neither the verdict nor
the messages, name classes and namespaces are respected, and a corpus shares few grammars."""

from __future__ import annotations

from lxml import etree

from teikit.validate import runner
from teikit.validate.relaxng import RelaxNGSchema
from teikit.validate.specialise import (
    RNG,
    Expectations,
    SpecialisedGrammars,
    document_names,
    pattern_names,
    specialise,
)
from tests.validate.variants import VALID, load

TEI = "http://www.tei-c.org/ns/1.0"
EX = "http://www.tei-c.org/ns/Examples"

# A small grammar with TEI's shapes: a required title, optional model-class members,
# an egXML in the Examples namespace whose content is anyName, and attributes.
GRAMMAR = f"""<grammar xmlns="{RNG[1:-1]}" xmlns:teix="{EX}" ns="{TEI}">
  <start><ref name="doc"/></start>
  <define name="doc"><element name="doc">
    <attribute name="id"/>
    <ref name="title"/>
    <zeroOrMore><choice><ref name="p"/><ref name="list"/><ref name="egXML"/></choice></zeroOrMore>
  </element></define>
  <define name="title"><element name="title"><text/></element></define>
  <define name="p"><element name="p"><optional><attribute name="n"/></optional>
    <zeroOrMore><choice><text/><ref name="hi"/></choice></zeroOrMore></element></define>
  <define name="hi"><element name="hi"><text/></element></define>
  <define name="list"><element name="list"><oneOrMore><ref name="item"/></oneOrMore>
    </element></define>
  <define name="item"><element name="item"><text/></element></define>
  <define name="egXML"><element name="teix:egXML"><zeroOrMore><ref name="any"/></zeroOrMore>
    </element></define>
  <define name="any"><element><anyName/><zeroOrMore><attribute><anyName/></attribute>
    </zeroOrMore><zeroOrMore><choice><text/><ref name="any"/></choice></zeroOrMore>
    </element></define>
</grammar>"""


def _grammar() -> etree._Element:
    return etree.fromstring(GRAMMAR.encode())


def _names(*locals_: str) -> frozenset:
    return frozenset((TEI, n) for n in locals_)


def test_names_are_namespace_qualified_and_name_classes_are_open():
    g = _grammar()
    by_define = {d.get("name"): d.find(RNG + "element") for d in g.iter(RNG + "define")}
    assert pattern_names(by_define["egXML"]) == {(EX, "egXML")}
    assert pattern_names(by_define["title"]) == {(TEI, "title")}
    assert pattern_names(by_define["any"]) is None


def test_absent_optional_elements_are_removed_required_ones_keep_their_name():
    g = _grammar()
    keep = _names("doc", "title", "p")
    out = specialise(g, keep, Expectations(g).of(keep))
    elements = {pattern_names(e) and next(iter(pattern_names(e)))[1]
                for e in out.iter(RNG + "element")}
    # list, item, hi, egXML occur nowhere and are optional: gone; the open pattern stays
    # only if reachable (egXML, its only user, is gone)
    assert elements == {"doc", "title", "p"}
    assert not list(out.iter(RNG + "notAllowed"))


def test_required_absent_element_is_still_named_in_the_message():
    g = _grammar()
    doc = etree.fromstring(f'<doc xmlns="{TEI}" id="a"><p>x</p></doc>'.encode())
    keep = document_names(doc)
    assert (TEI, "title") not in keep and (TEI, "title") in Expectations(g).of(keep)
    full, special = etree.RelaxNG(g), etree.RelaxNG(specialise(g, keep, Expectations(g).of(keep)))
    assert not full.validate(doc) and not special.validate(doc)
    assert [e.message for e in special.error_log] == [e.message for e in full.error_log]
    g2 = specialise(g, keep, Expectations(g).of(keep))
    [title] = [e for e in g2.iter(RNG + "element") if e.get("name") == "title"]
    assert [c.tag for c in title] == [RNG + "empty"]  # kept by name, content pruned


def test_an_optional_that_matched_only_absent_elements_leaves_no_empty_between_siblings():
    # libxml2 rejected valid documents with group(a, b, empty, empty) (the Parla-CLARIN
    # exemplar's fileDesc once notesStmt and seriesStmt were pruned)
    g = etree.fromstring(f"""<grammar xmlns="{RNG[1:-1]}" ns="{TEI}"><start>
      <element name="fileDesc"><group><ref name="t"/><optional><ref name="e"/></optional>
        <ref name="p"/><optional><ref name="s"/></optional><optional><ref name="n"/></optional>
      </group><oneOrMore><ref name="src"/></oneOrMore></element></start>
      <define name="t"><element name="titleStmt"><empty/></element></define>
      <define name="e"><element name="extent"><empty/></element></define>
      <define name="p"><element name="publicationStmt"><empty/></element></define>
      <define name="s"><element name="seriesStmt"><empty/></element></define>
      <define name="n"><element name="notesStmt"><empty/></element></define>
      <define name="src"><element name="sourceDesc"><empty/></element></define>
      </grammar>""".encode())
    doc = etree.fromstring(f'<fileDesc xmlns="{TEI}"><titleStmt/><extent/><publicationStmt/>'
                           f'<sourceDesc/></fileDesc>'.encode())
    keep = document_names(doc)
    out = specialise(g, keep, Expectations(g).of(keep))
    [group] = out.iter(RNG + "group")
    assert [etree.QName(c).localname for c in group] == ["ref", "optional", "ref"]
    assert etree.RelaxNG(out).validate(doc) and etree.RelaxNG(g).validate(doc)


def test_examples_namespace_and_foreign_content_stay_valid():
    g = _grammar()
    doc = etree.fromstring(
        f'<doc xmlns="{TEI}" id="a"><title>t</title><eg:egXML xmlns:eg="{EX}">'
        f'<x:svg xmlns:x="urn:svg" w="1"><x:g/></x:svg></eg:egXML></doc>'.encode())
    keep = document_names(doc)
    special = etree.RelaxNG(specialise(g, keep, Expectations(g).of(keep)))
    assert special.validate(doc), special.error_log
    # an egXML in the TEI namespace is a different name: rejected, as by the full grammar
    wrong = etree.fromstring(f'<doc xmlns="{TEI}" id="a"><title>t</title><egXML/></doc>'.encode())
    keep = document_names(wrong)
    assert not etree.RelaxNG(specialise(g, keep, Expectations(g).of(keep))).validate(wrong)
    assert not etree.RelaxNG(g).validate(wrong)


def test_attributes_of_present_elements_are_still_checked():
    g = _grammar()
    doc = etree.fromstring(f'<doc xmlns="{TEI}"><title>t</title><p n="1" m="2"/></doc>'.encode())
    keep = document_names(doc)
    special = etree.RelaxNG(specialise(g, keep, Expectations(g).of(keep)))
    assert not special.validate(doc)
    full = etree.RelaxNG(g)
    full.validate(doc)
    assert [e.message for e in special.error_log] == [e.message for e in full.error_log]


def test_a_grammar_serves_every_document_whose_names_it_covers():
    g = _grammar()
    compiled = []
    grammars = SpecialisedGrammars(g, lambda x: compiled.append(x) or etree.RelaxNG(x))
    a = grammars.for_names(_names("doc", "title", "p"))
    assert grammars.for_names(_names("doc", "title")) is a
    # a miss widens: the new grammar also keeps what the previous one kept
    b = grammars.for_names(_names("doc", "title", "list", "item"))
    assert b is not a and grammars.for_names(_names("doc", "p", "list")) is b
    # names the grammar does not declare do not cause a compile
    assert grammars.for_names(_names("doc", "typo")) is a
    assert grammars.compiled == len(compiled) == 2


def test_tei_all_messages_equal_the_full_grammars_on_every_variant(tei_all, tmp_path):
    """The whole point: on every agreement variant, the specialised tei_all reports exactly
    what the full tei_all does (compiling the full grammar once costs ~5-9 s)."""
    special = RelaxNGSchema(tei_all)
    full = RelaxNGSchema(tei_all)
    whole = etree.RelaxNG(full.grammars.grammar)
    full.grammars.for_names = lambda names, attributes=None: whole
    paths = [v.write(tmp_path) for v in load("tei_all.tsv") + load("teikit.tsv")] + VALID
    for p in paths:
        a = [d.format() for d in runner.check_file(p, [full]).diagnostics]
        b = [d.format() for d in runner.check_file(p, [special]).diagnostics]
        assert a == b, p.name
    assert special.grammars.compiled < len(paths) / 4


def test_an_optional_group_of_two_absent_elements_is_pruned_once():
    # Both absent elements reach the same optional through their group; the optional is
    # replaced when the first is handled and must not be handled again (it crashed on
    # every edition that lacked both, e.g. a teiHeader without any optional part).
    g = etree.fromstring(f"""<grammar xmlns="{RNG[1:-1]}" ns="{TEI}"><start>
      <element name="doc"><element name="title"><text/></element>
        <optional><group><element name="a"><text/></element>
          <element name="b"><text/></element></group></optional></element>
    </start></grammar>""".encode())
    pruned = specialise(g, _names("doc", "title"))
    kept = {n for e in pruned.iter(RNG + "element") for _, n in pattern_names(e)}
    assert kept == {"doc", "title"}
    rng = etree.RelaxNG(pruned)
    assert rng.validate(etree.fromstring(f'<doc xmlns="{TEI}"><title>t</title></doc>'.encode()))


def _attribute_names(g: etree._Element) -> set[str]:
    return {a.get("name") for a in g.iter(RNG + "attribute") if a.get("name")}


def test_absent_optional_attributes_are_pruned_required_ones_kept():
    g = _grammar()
    keep = _names("doc", "title", "p")
    pruned = specialise(g, keep, Expectations(g).of(keep), attributes=frozenset())
    assert _attribute_names(pruned) == {"id"}  # p's optional n went, doc's required id stays
    rng = etree.RelaxNG(pruned)
    ok = f'<doc xmlns="{TEI}" id="a"><title>t</title><p>x</p></doc>'
    assert rng.validate(etree.fromstring(ok.encode()))
    missing = f'<doc xmlns="{TEI}"><title>t</title></doc>'
    assert not rng.validate(etree.fromstring(missing.encode()))
    assert "id" in str(rng.error_log)
    kept = specialise(g, keep, Expectations(g).of(keep), attributes=frozenset({("", "n")}))
    assert _attribute_names(kept) == {"id", "n"}


def test_a_document_with_more_attributes_gets_a_wider_grammar():
    grammars = SpecialisedGrammars(_grammar(), etree.RelaxNG)
    names = _names("doc", "title", "p")
    a = grammars.for_names(names, frozenset({("", "id")}))
    with_n = etree.fromstring(f'<doc xmlns="{TEI}" id="a"><title>t</title><p n="1">x</p></doc>'
                              .encode())
    assert not a.validate(with_n)  # n pruned: this grammar is not for this document
    b = grammars.for_names(names, frozenset({("", "id"), ("", "n")}))
    assert b is not a and b.validate(with_n)
    assert grammars.for_names(names, frozenset({("", "n")})) is b
    assert grammars.for_names(names) is not b  # no attribute names given: nothing pruned


def test_a_choice_left_with_one_absent_attribute_group_becomes_optional():
    g = etree.fromstring(f"""<grammar xmlns="{RNG[1:-1]}" ns="{TEI}">
      <start><element name="doc"><choice><ref name="att.a"/>
        <attribute name="b"/></choice><text/></element></start>
      <define name="att.a"><optional><attribute name="a"/></optional></define>
    </grammar>""".encode())
    pruned = specialise(g, _names("doc"), attributes=frozenset({("", "b")}))
    rng = etree.RelaxNG(pruned)
    assert _attribute_names(pruned) == {"b"}
    for doc, valid in (('<doc xmlns="%s">x</doc>', True), ('<doc xmlns="%s" b="1">x</doc>', True)):
        assert rng.validate(etree.fromstring((doc % TEI).encode())) is valid
