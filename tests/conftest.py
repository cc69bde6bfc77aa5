"""Shared fixtures: the project's ../shared folder (skipped cleanly when absent) and the
tei_all schema, compiled once per test process."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is not beside the project)")
    return path


@pytest.fixture(scope="session")
def tei_all():
    from lxml import etree
    return etree.RelaxNG(etree.parse(str(shared_path("schemas", "tei", "tei_all.rng"))))
