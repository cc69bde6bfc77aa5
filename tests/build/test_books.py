"""`teikit build` with the print formats: a document's PDF is written again only when that
document changed; the edition PDF and the EPUB whenever any document did, and never on a
build with nothing to do."""

import hashlib
import json
from pathlib import Path

import pytest

from .conftest import run, write_config

BOOKS = 'formats = ["html", "pdf", "epub"]\n'
FRUS, WCA = "pdf/frus-d169.pdf", "pdf/wca-117244.pdf"


@pytest.fixture
def print_project(editions_project: Path) -> Path:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        pytest.skip("WeasyPrint is not usable here")
    write_config(editions_project, extra=BOOKS)
    run(editions_project)
    return editions_project


def _books(root: Path) -> dict[str, tuple[int, int, str]]:
    out = root / "output"
    names = ["edition.pdf", "edition.epub", *(p.relative_to(out).as_posix()
                                              for p in sorted((out / "pdf").glob("*.pdf")))]
    found = {}
    for name in names:
        if (out / name).is_file():
            st = (out / name).stat()
            found[name] = (st.st_ino, st.st_mtime_ns,
                           hashlib.sha256((out / name).read_bytes()).hexdigest())
    return found


def _rewritten(before: dict, after: dict) -> set[str]:
    return {n for n in after if before.get(n, ())[:2] != after[n][:2]}


def test_a_build_with_nothing_to_do_rewrites_no_book(print_project):
    before = _books(print_project)
    assert set(before) == {"edition.pdf", "edition.epub", FRUS, WCA}
    summary = run(print_project)
    assert summary.pages_written == 0 and _books(print_project) == before


def test_one_changed_document_rewrites_its_pdf_and_the_edition_books_only(print_project):
    before = _books(print_project)
    edition = print_project / "tei" / "frus-d169.xml"
    text = edition.read_text(encoding="utf-8")
    assert "must now decide" in text
    edition.write_text(text.replace("must now decide", "must decide now"), encoding="utf-8")
    run(print_project)
    after = _books(print_project)
    assert _rewritten(before, after) == {FRUS, "edition.pdf", "edition.epub"}
    assert after[FRUS][2] != before[FRUS][2] and after[WCA] == before[WCA]


def test_offprint_is_the_same_bytes_whatever_else_the_edition_holds(print_project, tmp_path):
    # the document's PDF depends on that document alone: built with it alone, same bytes
    alone = tmp_path / "alone"
    (alone / "tei").mkdir(parents=True)
    (alone / "tei" / "wca-117244.xml").write_bytes(
        (print_project / "tei" / "wca-117244.xml").read_bytes())
    write_config(alone, extra=BOOKS)
    run(alone)
    assert (alone / "output" / WCA).read_bytes() == (print_project / "output" / WCA).read_bytes()


def test_a_removed_document_takes_its_pdf_along(print_project):
    before = _books(print_project)
    (print_project / "tei" / "frus-d169.xml").unlink()
    run(print_project)
    after = _books(print_project)
    assert set(after) == {"edition.pdf", "edition.epub", WCA}
    assert after[WCA] == before[WCA]
    assert _rewritten(before, after) == {"edition.pdf", "edition.epub"}


def test_a_deleted_pdf_is_written_again_alone(print_project):
    before = _books(print_project)
    (print_project / "output" / WCA).unlink()
    run(print_project)
    after = _books(print_project)
    assert _rewritten(before, after) == {WCA} and after[WCA][2] == before[WCA][2]


def test_dropping_the_print_formats_removes_the_books(print_project):
    write_config(print_project, extra='formats = ["html"]\n')
    run(print_project)
    assert _books(print_project) == {}
    assert not (print_project / "output" / "pdf").exists() or \
        not any((print_project / "output" / "pdf").iterdir())


def test_books_laid_out_in_the_workers_are_the_same_bytes(print_project, tmp_path):
    # -j 2: the documents' PDFs are laid out in the worker processes, the edition here
    other = tmp_path / "other"
    (other / "tei").mkdir(parents=True)
    for edition in (print_project / "tei").glob("*.xml"):
        (other / "tei" / edition.name).write_bytes(edition.read_bytes())
    write_config(other, extra=BOOKS)
    run(other, jobs=2)
    ours, theirs = _books(print_project), _books(other)
    assert {n: h for n, (_, _, h) in ours.items()} == {n: h for n, (_, _, h) in theirs.items()}
    def books(root: Path) -> dict:
        return json.loads((root / "output" / ".teikit-build" / "state.json").read_text(
            encoding="utf-8"))["books"]

    assert books(other) == books(print_project)
