"""``teikit validate`` on the edition corpus and on schemas that are not schemas."""

from __future__ import annotations

import pytest

from hostile.corpus import EDITIONS, Case, tei
from hostile.guard import assert_contained, run_teikit

QUICK = [c for c in EDITIONS if not c.large]


def _validate(project, outside, case: Case, extra=()):
    (project / "tei").mkdir(exist_ok=True)
    (project / "tei" / "case.xml").write_bytes(case.data(outside))
    run = run_teikit(["validate", "-q", *extra, "tei/case.xml"], cwd=project)
    assert_contained(run, outside, inputs=[project], output=None)
    assert run.writes() == []
    return run


@pytest.mark.parametrize("case", QUICK, ids=[c.name for c in QUICK])
def test_edition(case, project, outside):
    run = _validate(project, outside, case)
    if case.error:
        assert run.code != 0
        lines = run.stdout.decode().splitlines() + run.lines
        assert len(lines) == 1, lines  # one line for a file that cannot be read as XML
        assert lines[0].removeprefix("teikit: ").startswith(f"tei/case.xml{case.where}"), lines
    else:
        assert run.code in (0, 1), run.stderr  # valid or invalid, never a crash


def test_duplicate_ids_are_reported_with_their_line(project, outside):
    case = next(c for c in EDITIONS if c.name == "duplicate-ids")
    run = _validate(project, outside, case)
    out = run.stdout.decode()
    assert run.code == 1 and 'duplicate xml:id "a"' in out and "tei/case.xml:2:" in out


SCHEMAS = [
    ("not-xml.rng", lambda o: b"this is not a schema\n"),
    ("empty.rng", lambda o: b""),
    ("tei.rng", lambda o: tei("<p>x</p>").encode()),
    ("tei.xsd", lambda o: tei("<p>x</p>").encode()),
    ("tei.sch", lambda o: tei("<p>x</p>").encode()),
    ("binary.xsd", lambda o: bytes(range(256))),
    ("unknown.txt", lambda o: b"<grammar/>"),
    ("xxe.rng", lambda o: (f'<!DOCTYPE grammar [<!ENTITY s SYSTEM "{o.secret_url}">]>\n'
                           '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
                           "<element name='TEI'><text/></element></start></grammar>")
     .encode()),
    ("include-outside.rng", lambda o: (
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
        f'<include href="{o.secret_url}"/><start><element name="TEI"><text/></element>'
        "</start></grammar>").encode()),
    ("external-ref-http.rng", lambda o: (
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
        f'<externalRef href="{o.url}"/></start></grammar>').encode()),
    ("import-outside.xsd", lambda o: (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="urn:x" schemaLocation="{o.secret_url}"/>'
        f'<xs:include schemaLocation="{o.url}"/>'
        '<xs:element name="TEI"/></xs:schema>').encode()),
    ("xslt-document-call.sch", lambda o: (
        '<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">'
        '<sch:pattern><sch:rule context="/*"><sch:assert test="document('
        f"'{o.secret_url}')\">x</sch:assert></sch:rule></sch:pattern></sch:schema>")
     .encode()),
]


@pytest.mark.parametrize("name, data", SCHEMAS, ids=[n for n, _ in SCHEMAS])
def test_schema_that_is_not_a_usable_schema(project, outside, name, data):
    schema = project / name
    schema.write_bytes(data(outside))
    case = Case("ok", lambda _o: tei("<p>x</p>").encode())
    run = _validate(project, outside, case, extra=["--schema", name])
    # an XSLT function (document()) is no XPath: a usage error naming the rule, not a skip
    assert run.code == 2, run.stderr
    assert len(run.lines) == 1 and name in run.lines[0] and "error:" in run.lines[0], run.stderr
