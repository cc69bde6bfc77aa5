"""teikit's own schemas: teikit.rng and teikit.xsd agree, both catch what tei_all lets
through, and teikit.sch's editorial rules fire where they should (also in lxml's standard
XSLT 1 Schematron engine)."""

from __future__ import annotations

import pytest
from lxml import etree, isoschematron

from teikit.validate import runner, schemas
from tests.validate.conftest import SCHEMAS
from tests.validate.variants import VALID, load

STRICT = load("teikit.tsv")
EDITORIAL = load("teikit_sch.tsv")
EVERYTHING = load("tei_all.tsv") + STRICT + EDITORIAL


def _schema(name: str) -> list:
    return list(schemas.load((SCHEMAS / name).resolve()))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("variants")
    return {v.id: v.write(folder) for v in EVERYTHING}


@pytest.mark.parametrize("name", ["teikit.rng", "teikit.xsd", "teikit.sch"])
@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixtures_pass(name, path):
    assert runner.check_file(path, _schema(name)).diagnostics == []


@pytest.mark.parametrize("variant", STRICT, ids=lambda v: v.id)
@pytest.mark.parametrize("name", ["teikit.rng", "teikit.xsd"])
def test_strict_rule_reported_at_its_line(name, variant, files):
    result = runner.check_file(files[variant.id], _schema(name))
    assert variant.expect in {d.line for d in result.diagnostics if d.severity == "error"}, \
        [d.format() for d in result.diagnostics]


def test_rng_and_xsd_agree_on_every_fixture(files):
    rng, xsd = _schema("teikit.rng"), _schema("teikit.xsd")
    verdicts = {}
    for path in list(files.values()) + VALID:
        a, b = runner.check_file(path, rng).valid, runner.check_file(path, xsd).valid
        assert a == b, path.name
        verdicts[a] = verdicts.get(a, 0) + 1
    assert verdicts[True] >= 5 and verdicts[False] >= 40


@pytest.mark.parametrize("variant", EDITORIAL, ids=lambda v: v.id)
def test_editorial_rule_fires(variant, files):
    result = runner.check_file(files[variant.id], _schema("teikit.sch"))
    found = {(d.line, d.rule) for d in result.diagnostics}
    assert (variant.expect, variant.rule) in found, [d.format() for d in result.diagnostics]


@pytest.mark.parametrize("line,find,replace", [
    (59, 'Afghanistan.<note n="3" xml:id="frus1981-88v03-d169-fn3">',
     'Afghanistan.<note n="2a" xml:id="frus1981-88v03-d169-fn2a">A lettered note.</note> And'
     '<note n="3" xml:id="frus1981-88v03-d169-fn3">'),
    (57, 'contacts.<pb n="546"/>', 'contacts.<pb n="546"/>more<pb n="xii"/>text<pb n="547"/>'),
], ids=["lettered-note", "roman-page"])
def test_unnumbered_marks_between_numbered_ones_are_looked_past(line, find, replace, tmp_path):
    # the order rules compare with the nearest *numbered* note or page before: past the
    # nearest one when it is lettered or roman (the rule's slower path)
    from tests.validate.variants import Variant
    path = Variant("ok", "frus1981-88v03-d169.xml", line, find, replace, 0).write(tmp_path)
    assert runner.check_file(path, _schema("teikit.sch")).diagnostics == []


def test_note_numbers_may_start_again_at_one(tmp_path):
    # older FRUS volumes number footnotes per printed page: "Not printed.1 … organizing,2 …
    # Lindley1" (FRUS 1918 Russia III, doc. 80, whose own TEI has n="1" for its third note)
    from tests.validate.variants import Variant
    path = Variant("ok", "frus1981-88v03-d169.xml", 59,
                   'Afghanistan.<note n="3" xml:id="frus1981-88v03-d169-fn3">',
                   'Afghanistan.<note n="1" xml:id="frus1981-88v03-d169-fn3">', 0).write(tmp_path)
    assert runner.check_file(path, _schema("teikit.sch")).diagnostics == []


def test_teikit_sch_runs_in_a_standard_engine(files):
    """teikit.sch is plain ISO Schematron/XSLT 1: lxml's skeleton agrees on every verdict."""
    standard = isoschematron.Schematron(etree.parse(str(SCHEMAS / "teikit.sch")))
    ours = _schema("teikit.sch")
    for path in [files[v.id] for v in EDITORIAL] + VALID:
        theirs = standard.validate(etree.parse(str(path)))
        mine = not any(d.severity == "error" for d in runner.check_file(path, ours).diagnostics)
        assert theirs == mine, path.name


def test_every_teikit_sch_pattern_runs(files):
    [sch] = _schema("teikit.sch")
    for path in [files[v.id] for v in EDITORIAL] + VALID:
        runner.check_file(path, [sch])
    assert sch.skipped == [] and len(sch.patterns) == sch.total


def test_a_note_number_printed_again_further_on_is_no_skip():
    # FRUS 1936 III, 137 prints its "29. Not printed." again after notes 30 and 31
    from teikit.validate import validate_bytes
    path = next(p for p in VALID if p.name == "frus1981-88v03-d169.xml")
    data = path.read_bytes()
    start = data.index(b'<note n="3" xml:id="frus1981-88v03-d169-fn3">')
    end = data.index(b"</note>", start) + len(b"</note>")
    again = (data[:end] + b' again<note n="2" xml:id="frus1981-88v03-d169-fn4">Repeated.</note>'
             + data[end:])
    assert [d.format() for d in validate_bytes(again, "again.xml")] == []
    skipped = again.replace(b'<note n="2" xml:id="frus1981-88v03-d169-fn4">',
                            b'<note n="5" xml:id="frus1981-88v03-d169-fn4">')
    assert [d.rule for d in validate_bytes(skipped, "skipped.xml")] == ["teikit-note-consecutive"]
