"""Whole builds of small projects: what is written, what is redone, what fails."""

import json
import shutil

from teikit.build import runner, state
from teikit.render import Options, render

from .conftest import EDITIONS, run, tree, write_config


def test_build_of_editions_writes_the_site_as_render_does(editions_project, tmp_path):
    summary = run(editions_project)
    out = editions_project / "output"
    assert (summary.documents, summary.rendered, summary.failed) == (2, 2, 0)
    for e in EDITIONS:
        assert (out / f"{e.stem}.html").is_file() and (out / "text" / f"{e.stem}.txt").is_file()
    assert (out / "index.html").is_file() and (out / "persons.html").is_file()
    render([editions_project / "tei"], Options(output=tmp_path / "rendered",
                                               title="Test edition"))
    assert '<p class="site-title"><a href="index.html">Test edition</a></p>' in \
        (out / "index.html").read_text(encoding="utf-8")
    assert tree(out) == tree(tmp_path / "rendered")


def test_seeds_are_converted_validated_and_rendered(seeds_project):
    summary = run(seeds_project)
    assert (summary.converted, summary.validated, summary.rendered, summary.failed) == \
        (2, 2, 2, 0)
    assert sorted(p.name for p in (seeds_project / "tei").glob("*.xml")) == \
        sorted(e.name for e in EDITIONS)
    page = (seeds_project / "output" / "wca-117244.html").read_text(encoding="utf-8")
    assert "Afghanistan" in page and ('rel="next"' in page or 'rel="prev"' in page)


def test_noop_rebuild_does_nothing(seeds_project):
    run(seeds_project)
    before = state.path(seeds_project / "output").read_bytes()
    again = run(seeds_project)
    assert (again.converted, again.validated, again.rendered, again.pages_written,
            again.up_to_date) == (0, 0, 0, 0, 2)
    assert state.path(seeds_project / "output").read_bytes() == before


def test_touching_a_source_without_changing_it_redoes_nothing(seeds_project):
    run(seeds_project)
    source = next((seeds_project / "sources").glob("000_*.txt"))
    source.write_bytes(source.read_bytes())  # new mtime, same content
    again = run(seeds_project)
    assert (again.converted, again.rendered, again.up_to_date) == (0, 0, 2)


def test_changing_one_source_rebuilds_only_it_and_the_corpus_pages(seeds_project):
    run(seeds_project)
    out = seeds_project / "output"
    other = (out / "text" / "frus-d169.txt").stat().st_mtime_ns
    source = next((seeds_project / "sources").glob("000_*.txt"))
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Gorbachev and Reagan discuss", "Gorbachev and Reagan debate"), encoding="utf-8")
    again = run(seeds_project)
    assert (again.converted, again.validated, again.rendered, again.up_to_date) == (1, 1, 1, 1)
    assert "Gorbachev and Reagan debate" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "text" / "frus-d169.txt").stat().st_mtime_ns == other
    assert "index.html" in json.loads(state.path(out).read_text())["pages"]


def test_hand_edited_edition_is_rendered_not_reconverted(seeds_project):
    run(seeds_project)
    edition = seeds_project / "tei" / "wca-117244.xml"
    edition.write_text(edition.read_text(encoding="utf-8").replace(
        "The regional issues", "The REGIONAL issues"), encoding="utf-8")
    messages: list[str] = []
    again = run(seeds_project, messages=messages)
    assert (again.converted, again.rendered, again.failed) == (0, 1, 0)
    text = (seeds_project / "output" / "text" / "wca-117244.txt").read_text(encoding="utf-8")
    assert "The REGIONAL issues" in text
    warned = [m for m in messages if "hand-edited" in m]
    assert len(warned) == 1 and "wca-117244.xml" in warned[0] and "--force" in warned[0]
    # the source changes too: still not reconverted over the edit, warned once more
    source = next((seeds_project / "sources").glob("000_*.txt"))
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    messages.clear()
    third = run(seeds_project, messages=messages)
    assert third.converted == 1 and "The REGIONAL issues" in edition.read_text(encoding="utf-8")
    assert len([m for m in messages if "hand-edited" in m]) == 1
    assert run(seeds_project, messages=messages).converted == 0
    forced = run(seeds_project, force=True)
    assert forced.converted == 2 and "The REGIONAL" not in edition.read_text(encoding="utf-8")


def test_a_failing_document_does_not_stop_the_others(editions_project):
    bad = editions_project / "tei" / "broken.xml"
    bad.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n<teiHeader>\n</TEI>\n")
    summary = run(editions_project)
    assert (summary.documents, summary.rendered, summary.failed) == (3, 2, 1)
    [(name, diags)] = summary.failures
    assert name.endswith("broken.xml")
    [error] = [d for d in diags if d.severity == "error"]
    assert error.line == 3 and error.rule == "xml-syntax"
    assert (editions_project / "output" / "wca-117244.html").is_file()
    assert "broken" not in (editions_project / "output" / "index.html").read_text()
    # still failing next time (failures are never recorded as done)
    assert run(editions_project).failed == 1


def test_jobs_do_not_change_the_output(editions_project, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "SPREAD_MIN", 1)  # document pages written by the workers too
    other = tmp_path / "other"
    shutil.copytree(editions_project, other)
    run(editions_project, jobs=1)
    run(other, jobs=2)
    assert tree(editions_project / "output") == tree(other / "output")
    one, two = (json.loads(state.path(p / "output").read_text())
                for p in (editions_project, other))
    del one["files"], two["files"]  # modification times of two different copies
    assert one == two


def test_missing_source_folder_renders_the_editions_with_a_warning(editions_project):
    write_config(editions_project, '[[sources]]\nglob = "../nowhere/*.txt"\n')
    messages: list[str] = []
    summary = run(editions_project, messages=messages)
    assert (summary.rendered, summary.failed) == (2, 0)
    assert any("does not exist" in m and "editions already in tei/" in m for m in messages)


def test_removed_edition_takes_its_pages_along(editions_project):
    run(editions_project)
    (editions_project / "tei" / "frus-d169.xml").unlink()
    summary = run(editions_project)
    out = editions_project / "output"
    assert summary.documents == 1
    assert not (out / "frus-d169.html").exists() and not (out / "text" / "frus-d169.txt").exists()
    assert "frus-d169" not in (out / "index.html").read_text()


def test_deleted_output_is_written_again(editions_project):
    run(editions_project)
    (editions_project / "output" / "text" / "wca-117244.txt").unlink()
    (editions_project / "output" / "persons.html").unlink()
    summary = run(editions_project)
    assert summary.rendered == 1 and summary.pages_written >= 1
    assert (editions_project / "output" / "persons.html").is_file()
    assert (editions_project / "output" / "text" / "wca-117244.txt").is_file()


def test_text_only_build_removes_the_pages_of_an_earlier_html_build(editions_project):
    run(editions_project)
    write_config(editions_project, extra='formats = ["text"]\n')
    summary = run(editions_project)
    out = editions_project / "output"
    assert summary.rendered == 2
    assert not (out / "index.html").exists() and not (out / "wca-117244.html").exists()
    assert (out / "text" / "wca-117244.txt").is_file()


def test_forced_rebuild_leaves_identical_outputs_untouched(editions_project):
    run(editions_project)
    out = editions_project / "output"
    files = sorted(p for p in out.rglob("*") if p.is_file() and p.name != "state.json")
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in files}
    forced = run(editions_project, force=True)
    assert forced.rendered == len(EDITIONS)
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in files} == before


def test_epub_build_is_the_book_render_makes(editions_project, tmp_path):
    write_config(editions_project, extra='formats = ["html", "epub"]\n')
    run(editions_project)
    out = editions_project / "output"
    render([editions_project / "tei"], Options(output=tmp_path / "r", formats=("html", "epub"),
                                               title="Test edition",
                                               publisher="teikit edition"))
    assert (out / "edition.epub").read_bytes() == (tmp_path / "r" / "edition.epub").read_bytes()
    assert 'href="edition.epub"' in (out / "index.html").read_text(encoding="utf-8")
    assert run(editions_project).pages_written == 0
    write_config(editions_project, extra='formats = ["html"]\n')
    run(editions_project)
    assert not (out / "edition.epub").exists()


def test_pdf_build_is_the_pdfs_render_makes(editions_project, tmp_path):
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        import pytest
        pytest.skip("WeasyPrint is not usable here")
    write_config(editions_project, extra='formats = ["html", "pdf"]\n')
    run(editions_project)
    out = editions_project / "output"
    render([editions_project / "tei"], Options(output=tmp_path / "r", formats=("pdf",),
                                               title="Test edition",
                                               publisher="teikit edition"))
    for name in ("edition.pdf", "pdf/wca-117244.pdf", "pdf/frus-d169.pdf"):
        assert (out / name).read_bytes() == (tmp_path / "r" / name).read_bytes(), name
    assert 'href="pdf/wca-117244.pdf"' in (out / "wca-117244.html").read_text(encoding="utf-8")


def test_epub_only_build_writes_the_book_alone(editions_project):
    write_config(editions_project, extra='formats = ["epub"]\n')
    run(editions_project)
    out = editions_project / "output"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()
                  and ".teikit-build" not in p.parts) == ["edition.epub"]
