"""validate/rewrite.py: the rewritten grammar accepts exactly the documents the original
does (checked exhaustively on short child sequences), and has the flat shapes libxml2
validates quickly."""

from __future__ import annotations

import itertools

import pytest
from lxml import etree

from teikit.validate.rewrite import RNG, for_libxml2, unnest, unwrap

P, R, L = '<ref name="p"/>', '<ref name="r"/>', '<ref name="l"/>'


def _grammar(content: str, attributes: str = "") -> etree._Element:
    return etree.fromstring(f"""<grammar xmlns="{RNG[1:-1]}">
      <start><ref name="list"/></start>
      <define name="list"><element name="list">{content}{attributes}</element></define>
      <define name="p"><element name="p"><optional><attribute name="n"/></optional>
        <empty/></element></define>
      <define name="r"><element name="r"><empty/></element></define>
      <define name="l"><element name="l"><zeroOrMore><ref name="list"/></zeroOrMore>
        </element></define>
    </grammar>""")


SHAPES = {
    # TEI's listPerson, listPlace, listBibl …
    "list": f"<oneOrMore><oneOrMore>{P}</oneOrMore><zeroOrMore>{R}</zeroOrMore></oneOrMore>",
    "list-in-group": f"<oneOrMore><group><oneOrMore>{P}</oneOrMore>"
                     f"<zeroOrMore><choice>{R}{L}</choice></zeroOrMore></group></oneOrMore>",
    "optional-list": f"<zeroOrMore><oneOrMore>{P}</oneOrMore><zeroOrMore>{R}</zeroOrMore>"
                     "</zeroOrMore>",
    "repeated-run": f"<oneOrMore><oneOrMore>{P}</oneOrMore></oneOrMore>",
    "optional-run": f"<zeroOrMore><oneOrMore>{P}</oneOrMore></zeroOrMore>",
    "run-in-choice": f"<oneOrMore><choice>{R}<oneOrMore>{P}</oneOrMore></choice></oneOrMore>",
    "lone-choice": f"<choice><oneOrMore>{P}</oneOrMore></choice>{R}",
}


def _documents(max_len: int = 5) -> list[etree._Element]:
    docs = []
    for n in range(max_len + 1):
        for seq in itertools.product("prl", repeat=n):
            docs.append(etree.fromstring("<list>" + "".join(f"<{c}/>" for c in seq)
                                         + "</list>"))
    return docs


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_rewritten_grammar_accepts_the_same_documents(shape):
    original = _grammar(SHAPES[shape], '<optional><attribute name="id"/></optional>')
    rewritten = etree.fromstring(etree.tostring(original))
    assert for_libxml2(rewritten) > 0
    before, after = etree.RelaxNG(original), etree.RelaxNG(rewritten)
    docs = _documents()
    verdicts = [(before.validate(d), after.validate(d)) for d in docs]
    assert all(a == b for a, b in verdicts), [
        etree.tostring(d) for d, (a, b) in zip(docs, verdicts, strict=True) if a != b]
    assert any(a for a, _ in verdicts) and not all(a for a, _ in verdicts)


def test_no_repetition_is_left_inside_a_repetition():
    g = _grammar(SHAPES["list"])
    assert unnest(g) == 1
    for rep in g.iter(RNG + "oneOrMore", RNG + "zeroOrMore"):
        assert not list(rep.iter(RNG + "oneOrMore")) or rep.getparent().tag != RNG + "element"
    content = g.find(f".//{RNG}element")
    # A, zeroOrMore(A | B)
    assert [c.tag for c in content[0]] == [RNG + "group", RNG + "zeroOrMore"]


def test_lone_group_around_recursive_content_is_unwrapped():
    # what pruning leaves of TEI's state: libxml2 never finishes compiling it as it stands
    # (so the original cannot be compiled here to compare with)
    g = _grammar(f"<group><zeroOrMore>{L}</zeroOrMore></group>",
                 '<optional><attribute name="id"/></optional>')
    assert unwrap(g) == 1
    assert not list(g.iter(RNG + "group"))
    rng = etree.RelaxNG(g)
    assert rng.validate(etree.fromstring("<list><l><list/></l><l/></list>"))
    assert not rng.validate(etree.fromstring("<list><p/></list>"))


def test_parts_that_are_not_element_sequences_are_left_alone():
    # a text or attribute inside the repeated parts: the identities are about sequences
    # of elements only
    g = _grammar("<oneOrMore><oneOrMore><choice><text/>" + P + "</choice></oneOrMore>"
                 "<zeroOrMore>" + R + "</zeroOrMore></oneOrMore>")
    assert unnest(g) == 0
