"""teikit against tei_all: each invalid variant is rejected at the right line, verdicts agree
with jing's, teikit.rng is a subset of tei_all, and the embedded Schematron runs."""

from __future__ import annotations

import pytest

from teikit.validate import jing, runner, schemas
from tests.validate.conftest import SCHEMAS
from tests.validate.variants import VALID, load

VARIANTS = load("tei_all.tsv")
ALL_TABLES = VARIANTS + load("teikit.tsv") + load("teikit_sch.tsv")


@pytest.fixture(scope="module")
def grammar(tei_all):
    return list(schemas.load(tei_all)[:1])  # the RelaxNG part only: what jing checks


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("variants")
    return {v.id: v.write(folder) for v in ALL_TABLES}


def test_at_least_thirty_variants():
    assert len(VARIANTS) >= 30
    assert len({v.id for v in VARIANTS}) == len(VARIANTS)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixture_valid_against_tei_all(grammar, path):
    assert runner.check_file(path, grammar).diagnostics == []


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.id)
def test_variant_rejected_at_its_line(grammar, files, variant):
    result = runner.check_file(files[variant.id], grammar)
    assert not result.valid
    lines = {d.line for d in result.diagnostics if d.severity == "error"}
    assert variant.expect in lines, [d.format() for d in result.diagnostics]
    assert all(d.col > 0 for d in result.diagnostics), "column recovered"


def test_teikit_rng_is_stricter_than_tei_all(grammar, files):
    """Whatever teikit.rng accepts, tei_all accepts."""
    teikit = list(schemas.load((SCHEMAS / "teikit.rng").resolve()))
    paths = list(files.values()) + VALID
    accepted = [p for p in paths if runner.check_file(p, teikit).valid]
    assert len(accepted) >= len(VALID)
    for p in accepted:
        assert runner.check_file(p, grammar).valid, p.name


@pytest.mark.skipif(not jing.available(), reason="jing not installed")
def test_verdicts_agree_with_jing(tei_all, grammar, files):
    paths = [files[v.id] for v in VARIANTS] + VALID
    _, found = jing.run(tei_all, paths)
    jing_invalid = {str(f) for f, *_ in found}
    for p in paths:
        assert (str(p) in jing_invalid) == (not runner.check_file(p, grammar).valid), p.name


def test_embedded_schematron_runs(tei_all, tmp_path):
    text = VALID[0].read_text(encoding="utf-8").replace(
        "<p>With Afghanistan Day", '<p><ptr target="#d169" cRef="x"/>With Afghanistan Day', 1)
    assert "cRef" in text
    path = tmp_path / "ptr.xml"
    path.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "cRef" in t)
    rules = schemas.load(tei_all)
    assert len(rules) == 2 and rules[1].total == 90
    result = runner.check_file(path, list(rules))
    hits = [d for d in result.diagnostics if "ptrAtts" in d.rule]
    assert [(d.line, d.severity) for d in hits] == [(line, "error")]
    assert runner.check_file(path, list(rules[:1])).valid  # the grammar alone accepts it


def test_third_party_tei_validates_without_crashing(tei_all, grammar):
    """A few GerDraCor plays and the Parla-CLARIN exemplar: grammar verdict as jing's, and
    the embedded Schematron runs on real-world files."""
    from tests.validate.conftest import SHARED

    plays = sorted((SHARED / "corpora" / "gerdracor-sample" / "tei").glob("*.xml"))[:4]
    exemplar = SHARED / "corpora" / "parlaclarin-siparl" / "Parla-CLARIN-Exemplar.xml"
    paths = plays + ([exemplar] if exemplar.is_file() else [])
    if not paths:
        pytest.skip("shared corpora not available")
    everything = list(schemas.load(tei_all))
    for p in paths:
        runner.check_file(p, everything)
    if jing.available():
        _, found = jing.run(tei_all, paths)
        jing_invalid = {str(f) for f, *_ in found}
        for p in paths:
            assert (str(p) in jing_invalid) == (not runner.check_file(p, grammar).valid), p
