"""Packaging: a wheel carries the top-level xslt/ (and schemas/) under teikit/_data/."""

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def load_setup():
    spec = importlib.util.spec_from_file_location("teikit_setup", REPO / "setup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_copy_shipped_copies_top_level_folders(tmp_path):
    (tmp_path / "xslt").mkdir()
    (tmp_path / "xslt" / "a.xsl").write_text("<x/>")
    (tmp_path / "schemas" / "tei").mkdir(parents=True)
    (tmp_path / "schemas" / "tei" / "s.rng").write_text("<g/>")
    package = tmp_path / "build" / "teikit"
    stale = package / "_data" / "xslt" / "old.xsl"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    copied = load_setup().copy_shipped(tmp_path, package)
    assert sorted(p.relative_to(package).as_posix() for p in copied) == [
        "_data/schemas/tei/s.rng", "_data/xslt/a.xsl"]
    assert not stale.exists()


@pytest.mark.skipif(shutil.which("git") is None, reason="git needed to list the sources")
def test_wheel_contains_stylesheets_and_templates(tmp_path):
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True,
                             check=True).stdout.split()
    for name in tracked:
        if name.startswith(("src/", "xslt/", "schemas/")) or "/" not in name:
            (tmp_path / "src-tree" / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, tmp_path / "src-tree" / name)
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                             str(tmp_path / "src-tree"), "-w", str(tmp_path / "dist")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    [wheel] = (tmp_path / "dist").glob("teikit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"teikit/_data/xslt/tei-to-html.xsl", "teikit/_data/xslt/tei-to-text.xsl",
            "teikit/render/templates/document.html",
            "teikit/render/static/teikit.css"} <= names
