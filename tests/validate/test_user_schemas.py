"""User-supplied schemas: XML Schema 1.1 assertions, Schematron in both query bindings."""

from __future__ import annotations

from teikit.validate import runner, schemas
from teikit.validate.document import from_bytes

DOC = b'<list xmlns="urn:x">\n  <item n="2"/>\n  <item n="1"/>\n</list>\n'


def _check(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    validators = list(schemas.load(path.resolve()))
    return runner.check(from_bytes(DOC, "doc.xml"), validators), validators


def test_xsd_11_assertion(tmp_path):
    diags, [xsd] = _check(tmp_path, "s11.xsd", """<xs:schema
      xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x"
      xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning" vc:minVersion="1.1"
      elementFormDefault="qualified">
      <xs:element name="list"><xs:complexType>
        <xs:sequence><xs:element name="item" maxOccurs="unbounded"><xs:complexType>
          <xs:attribute name="n" type="xs:integer"/></xs:complexType></xs:element></xs:sequence>
        <xs:assert test="every $i in 2 to count(*) satisfies *[$i]/@n &gt; *[$i - 1]/@n"/>
      </xs:complexType></xs:element></xs:schema>""")
    assert xsd.version == "1.1"
    assert [(d.line, d.severity) for d in diags] == [(1, "error")]


def test_schematron_xslt1_points_at_the_element(tmp_path):
    diags, _ = _check(tmp_path, "r.sch", """<schema xmlns="http://purl.oclc.org/dsdl/schematron">
      <ns prefix="x" uri="urn:x"/>
      <pattern id="order"><rule context="x:item[preceding-sibling::x:item]">
        <assert test="@n &gt; preceding-sibling::x:item[1]/@n" role="warning">item <value-of
          select="@n"/> after <value-of select="preceding-sibling::x:item[1]/@n"/></assert>
      </rule></pattern></schema>""")
    assert [d.format() for d in diags] == ["doc.xml:3:3: warning: item 1 after 2 [order]"]


def test_schematron_xslt2_runs_every_pattern_xpath2_ones_too(tmp_path):
    diags, [sch] = _check(tmp_path, "r2.sch", """<sch:schema
      xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
      <sch:ns prefix="x" uri="urn:x"/>
      <sch:pattern id="count"><sch:rule context="x:list">
        <sch:assert test="count(x:item) le 1">too many items</sch:assert></sch:rule></sch:pattern>
      <sch:pattern id="xp2"><sch:rule context="x:item">
        <sch:assert test="if (@n) then true() else false()">n</sch:assert></sch:rule></sch:pattern>
      </sch:schema>""")
    assert [(d.line, d.rule) for d in diags] == [(1, "count")]
    assert sch.skipped == [] and sch.total == 2
