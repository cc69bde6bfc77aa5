from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
TEI_ALL = SHARED / "schemas" / "tei" / "tei_all.rng"
SCHEMAS = REPO / "schemas"


@pytest.fixture(scope="session")
def tei_all() -> Path:
    if not TEI_ALL.is_file():
        pytest.skip("shared tei_all.rng not available")
    return TEI_ALL.resolve()
