"""Large sources and editions under a 1 GiB address-space limit; peak memory is reported
(``pytest -s`` shows it) — the limit is the assertion, not the figure."""

from __future__ import annotations

import pytest

from hostile.corpus import SOURCES
from hostile.guard import assert_contained, run_teikit
from hostile.test_convert_input import check_case

LARGE = [c for c in SOURCES if c.large]
LIMIT = 1 << 30


@pytest.mark.parametrize("case", LARGE, ids=[c.name for c in LARGE])
def test_large_source_converts_within_the_memory_limit(case, project, outside):
    src = project / "sources" / "big.txt"
    src.write_bytes(case.data(outside))
    run = run_teikit(["convert", "sources/big.txt", "-o", "tei"], cwd=project, memory=LIMIT,
                     timeout=300)
    assert_contained(run, outside, inputs=[src], output=project / "tei")
    check_case(run, "sources/big.txt", project, case)
    print(f"convert {case.name}: peak {run.peak_kb // 1024} MB")
