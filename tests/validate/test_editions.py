"""The editions in the repository's tei/ folder are valid against teikit's schemas."""

from __future__ import annotations

import pytest

from teikit.validate import runner, schemas
from tests.validate.conftest import REPO

EDITIONS = sorted((REPO / "tei").glob("*.xml"))


@pytest.mark.skipif(not EDITIONS, reason="no editions in tei/")
@pytest.mark.parametrize("path", EDITIONS, ids=lambda p: p.name)
def test_edition_is_valid(path):
    result = runner.check_file(path, schemas.load_all(None))
    assert [d.format() for d in result.diagnostics if d.severity == "error"] == []
