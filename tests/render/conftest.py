"""Shared helpers for the render tests: fixture paths and TEI built from the shared samples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from teikit.xmlio import TEI_NS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
FRUS = SHARED / "samples" / "frus"
GERDRACOR = SHARED / "corpora" / "gerdracor-sample" / "tei"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not available (the shared folder is absent)")
    return path


def build_volume(target: Path, *golds: Path) -> Path:
    """A FRUS-style volume: the first gold file's header and every gold file's document
    division, under one body — the shape of the real volumes in HistoryAtState/frus."""
    trees = [etree.parse(str(g)) for g in golds]
    root = trees[0].getroot()
    body = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    for tree in trees[1:]:
        for div in tree.getroot().iter(f"{{{TEI_NS}}}div"):
            if div.get("type") == "document":
                body.append(div)
    target.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return target


@pytest.fixture
def frus_volume(tmp_path: Path) -> Path:
    golds = [need_shared(FRUS / "frus1981-88v03" / "d164.gold.xml"),
             need_shared(FRUS / "frus1981-88v03" / "d166.gold.xml")]
    return build_volume(tmp_path / "frus1981-88v03.xml", *golds)


def squash(text: str) -> str:
    """``text`` without any whitespace: the round-trip comparison ignores layout."""
    return re.sub(r"\s+", "", text)
