"""Large sources and editions under a 1 GiB address-space limit; peak memory is reported
(``pytest -s`` shows it) — the limit is the assertion, not the figure."""

from __future__ import annotations

import pytest

from hostile.corpus import EDITIONS, SOURCES
from hostile.guard import assert_contained, run_teikit
from hostile.test_convert_input import check_case
from hostile.test_render_input import check_rendered

LARGE = [c for c in SOURCES if c.large]
LIMIT = 1 << 30


@pytest.mark.parametrize("case", LARGE, ids=[c.name for c in LARGE])
def test_large_source_converts_within_the_memory_limit(case, project, outside):
    src = project / "sources" / "big.txt"
    src.write_bytes(case.data(outside))
    # --no-validate: teikit.sch is quadratic in turns/notes/pages (20,000 paragraphs: 146 s;
    # reported to the validate owner); the conversion itself is what this case measures
    run = run_teikit(["convert", "sources/big.txt", "-o", "tei", "--no-validate"],
                     cwd=project, memory=LIMIT, timeout=300)
    assert_contained(run, outside, inputs=[src], output=project / "tei")
    check_case(run, "sources/big.txt", project, case)
    print(f"convert {case.name}: peak {run.peak_kb // 1024} MB")


LARGE_EDITIONS = [c for c in EDITIONS if c.large]


@pytest.mark.parametrize("case", LARGE_EDITIONS, ids=[c.name for c in LARGE_EDITIONS])
def test_large_edition_renders_within_the_memory_limit(case, project, outside):
    (project / "tei").mkdir()
    (project / "tei" / "case.xml").write_bytes(case.data(outside))
    run = run_teikit(["render", "tei/case.xml", "-o", "site"], cwd=project, memory=LIMIT,
                     timeout=300)
    assert_contained(run, outside, inputs=[project], output=project / "site")
    check_rendered(run, project, case)
    print(f"render {case.name}: peak {run.peak_kb // 1024} MB")
