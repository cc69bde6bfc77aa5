"""validate/relaxng.py: libxml2's error paths with prefixed steps resolve to their node."""

from __future__ import annotations

from teikit.validate import document
from teikit.validate.relaxng import RelaxNGSchema

GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:t">
  <start><element name="doc"><zeroOrMore><element name="p"><text/></element></zeroOrMore>
  </element></start></grammar>"""


def test_prefixed_element_error_points_at_its_start_tag(tmp_path):
    schema = tmp_path / "t.rng"
    schema.write_text(GRAMMAR, encoding="utf-8")
    src = (b'<doc xmlns="urn:t" xmlns:xi="http://www.w3.org/2001/XInclude">\n'
           b'  <p>a</p>\n  <xi:include href="x.xml"/>\n</doc>\n')
    doc = document.from_bytes(src, "d.xml")
    diags = RelaxNGSchema(schema).validate(doc)
    assert diags and all((d.line, d.col) == (3, 3) for d in diags), diags
    assert "http://www.w3.org/2001/XInclude" in diags[0].message
