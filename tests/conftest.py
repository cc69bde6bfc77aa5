"""Shared fixtures; the tei_all schema is compiled once per test process."""

from __future__ import annotations

import pytest

from support import shared_path


@pytest.fixture(scope="session")
def tei_all():
    from lxml import etree
    return etree.RelaxNG(etree.parse(str(shared_path("schemas", "tei", "tei_all.rng"))))
