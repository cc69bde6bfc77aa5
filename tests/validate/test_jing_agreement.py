"""teikit's RelaxNG verdict *and the line of its first error* are jing's, on every file of
the agreement set (the fixtures and their invalid variants), the GerDraCor sample and the
Parla-CLARIN corpus.

jing runs once for all files (one JVM), without the Debian wrapper's XInclude expansion
(teikit validates files as they stand; docs/validation.md).  teikit runs its RelaxNG part
only — jing does not run the embedded Schematron — with one specialised grammar compiled
for the names of all files, as a ``-j`` worker's cache ends up.  The GerDraCor plays are a
deterministic subset (every play jing rejects, and every fourth of the others) to keep the
suite fast on two cores; ``benchmarks/validate_bench.py --agree`` compares all of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.validate import document, jing, runner, schemas
from tests.validate.conftest import SHARED
from tests.validate.variants import VALID, load

CORPORA = SHARED / "corpora"
PLAYS = sorted((CORPORA / "gerdracor-sample" / "tei").glob("*.xml"))
PARLA = sorted((CORPORA / "parlaclarin-siparl").rglob("*.xml"))

pytestmark = pytest.mark.skipif(not jing.available(), reason="jing not installed")


def teikit_first_errors(grammar: list, files: list[Path]) -> dict[Path, int | None]:
    """The line of teikit's first grammar error per file (None: valid), an incomplete
    element's counted at its end tag, where jing reports it (docs/validation.md)."""
    rng = grammar[0]
    names, atts = document.names_in_files(files)
    rng.grammars.for_names(names, atts)  # one compile serves every file
    out = {}
    for f in files:
        errors = [d for d in runner.check_file(f, grammar).diagnostics
                  if d.severity == "error"]
        text = f.read_text(encoding="utf-8")
        lines = [jing.end_tag_line(text, d.line, d.col) if jing.INCOMPLETE in d.message else d.line
                 for d in errors]
        out[f.resolve()] = min(lines) if lines else None
    return out




def _agreement_set(tmp_path: Path) -> list[Path]:
    variants = load("tei_all.tsv") + load("teikit.tsv") + load("teikit_sch.tsv")
    return [v.write(tmp_path) for v in variants] + VALID


def test_first_errors_are_jings(tei_all, tmp_path):
    if not PLAYS or not PARLA:
        pytest.skip("shared corpora not available")
    everything = _agreement_set(tmp_path) + PLAYS + PARLA
    expected = jing.first_error_lines(tei_all, everything)  # one JVM for all
    plays = [p for i, p in enumerate(PLAYS) if expected[p.resolve()] or i % 4 == 0]
    files = [f for f in everything if f not in PLAYS] + plays
    expected = {f.resolve(): expected[f.resolve()] for f in files}
    grammar = list(schemas.load(tei_all)[:1])
    got = teikit_first_errors(grammar, files)
    differ = {f.name: (expected[f], got[f]) for f in expected if expected[f] != got[f]}
    assert differ == {}, "file: (jing's first error line, teikit's)"
    # the set is not vacuous: it has valid and invalid files of every source
    assert sum(line is None for line in expected.values()) > 50
    assert sum(line is not None for line in expected.values()) > 40
