"""``teikit build`` on the source corpus, on hostile editions in tei/ and on a hostile
teikit.toml: failures name their file, nothing is written outside the project's output."""

from __future__ import annotations

import pytest

from hostile.corpus import EDITIONS, SOURCES
from hostile.guard import run_teikit

CONFIG = """[edition]
title = "hostile"

[[sources]]
glob = "sources/*.txt"
reader = "auto"

[build]
tei = "tei"
output = "output"
"""
SOURCE_CASES = [c for c in SOURCES if not c.large and c.name in {
    "empty", "binary", "truncated-utf8", "cp1252", "utf16-le-bom", "nul-late", "noncharacter",
    "bidi-override", "xxe-file-as-text", "markup-in-text", "label-without-speech",
    "frus-notes-without-markers"}]
EDITION_CASES = [c for c in EDITIONS if not c.large and c.name in {
    "malformed", "xxe-file", "xxe-http", "external-dtd-http", "billion-laughs",
    "xinclude-outside", "not-tei-root", "duplicate-ids"}]


def _project(project, config=CONFIG):
    (project / "teikit.toml").write_text(config, encoding="utf-8")
    (project / "tei").mkdir(exist_ok=True)
    return project


def _build(project, outside):
    run = run_teikit(["build", "."], cwd=project, timeout=300)
    # a build writes the editions (tei/), the site (output/) and its own state file
    writes_ok = [project / "tei", project / "output", project / ".teikit"]
    bad = [w for w in run.writes() if not any(w == r or r in w.parents for r in writes_ok)
           and w.parent != project]
    assert bad == [], bad
    assert outside.touched() == [] and run.refused() == []
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    return run


@pytest.mark.parametrize("case", SOURCE_CASES, ids=[c.name for c in SOURCE_CASES])
def test_source_in_a_build(case, project, outside):
    _project(project)
    (project / "sources" / "s.txt").write_bytes(case.data(outside))
    run = _build(project, outside)
    if case.error:
        assert run.code != 0
        assert [x for x in run.lines if "sources/s.txt" in x and "error:" in x], run.stderr
    else:
        assert run.code in (0, 1), run.stderr
        assert list((project / "tei").glob("*.xml")), run.stderr


@pytest.mark.parametrize("case", EDITION_CASES, ids=[c.name for c in EDITION_CASES])
def test_hostile_edition_in_a_build(case, project, outside):
    _project(project)
    (project / "tei" / "hand.xml").write_bytes(case.data(outside))
    run = _build(project, outside)
    if case.error:
        assert run.code != 0
        assert [x for x in run.lines if "tei/hand.xml" in x and "error" in x], run.stderr


@pytest.mark.parametrize("key, value", [("output", "../escape"), ("output", "/tmp/x"),
                                        ("tei", "../../x"), ("output", ".")])
def test_config_cannot_point_writes_outside_the_project(project, outside, key, value):
    _project(project, CONFIG.replace(f'{key} = "{key}"', f'{key} = "{value}"'))
    run = _build(project, outside)
    assert run.code == 2 and len(run.lines) == 1, run.stderr
    assert "teikit.toml" in run.lines[0] and f"build.{key}" in run.lines[0]
    assert not (project.parent / "escape").exists()


def test_config_that_is_not_toml(project, outside):
    _project(project, "[edition\ntitle = 'x'\n")
    run = _build(project, outside)
    assert run.code == 2 and len(run.lines) == 1 and "teikit.toml:1" in run.lines[0]
