"""``teikit convert`` on the bad-input corpus and on hostile command lines."""

from __future__ import annotations

import os

import pytest
from lxml import etree

from hostile.corpus import SOURCES, TRANSCRIPT, Case
from hostile.guard import TOKEN, assert_contained, assert_one_line_error, run_teikit
from teikit.xmlio import parse_bytes

QUICK = [c for c in SOURCES if not c.large]


def _convert(project, outside, case: Case, name: str = "source.txt"):
    src = project / "sources" / name
    src.write_bytes(case.data(outside))
    run = run_teikit(["convert", f"sources/{name}", "-o", "tei"], cwd=project)
    assert_contained(run, outside, inputs=[src], output=project / "tei")
    return run, f"sources/{name}"


def check_case(run, shown: str, project, case: Case, tei_all=None):
    if case.error:
        assert_one_line_error(run, shown, 1, case.error, case.where)
        assert not (project / "tei").exists()
        return
    assert run.code == 0, run.stderr
    assert "text-conservation" not in run.stderr
    if case.warning:
        assert f"[{case.warning}]" in run.stderr
    [edition] = (project / "tei").iterdir()
    data = edition.read_bytes()
    tree = parse_bytes(data, str(edition))  # well-formed, no DOCTYPE, no entities
    if tei_all is not None:
        assert tei_all.validate(tree), tei_all.error_log.last_error
    return tree


@pytest.mark.parametrize("case", QUICK, ids=[c.name for c in QUICK])
def test_source(case, project, outside, tei_all):
    run, shown = _convert(project, outside, case)
    check_case(run, shown, project, case, tei_all)


def test_entities_in_a_source_are_text_never_expanded(project, outside):
    case = next(c for c in SOURCES if c.name == "xxe-file-as-text")
    _convert(project, outside, case)
    [edition] = (project / "tei").iterdir()
    data = edition.read_bytes()
    assert b"&amp;xxe;" in data and b"root:" not in data and TOKEN.encode() not in data


def _plain(project, name="plain.txt"):
    src = project / "sources" / name
    src.write_text(TRANSCRIPT, encoding="utf-8")
    return src


@pytest.mark.parametrize("doc_id", ["../../x", "../escape", "a/b", "/tmp/abs", "1abc", "",
                                    "x" * 300, "-rf", "a b", "a\nb"])
def test_id_that_would_become_a_path_is_refused(project, outside, doc_id):
    _plain(project)
    run = run_teikit(["convert", "sources/plain.txt", f"--id={doc_id}", "-o", "tei"],
                     cwd=project)
    assert_contained(run, outside, inputs=[project / "sources"], output=project / "tei")
    assert_one_line_error(run, "--id", 2, "edition id")
    assert run.writes() == []


@pytest.mark.parametrize("what", ["directory", "fifo", "device", "missing", "too-large"])
def test_source_that_is_not_a_text_file(project, outside, what):
    path = project / "sources" / "x.txt"
    if what == "directory":
        path.mkdir()
    elif what == "fifo":
        os.mkfifo(path)
    elif what == "device":
        path = project.parent / "dev-zero"
        path.symlink_to("/dev/zero")
    elif what == "too-large":
        with path.open("wb") as fh:  # sparse: costs no disk
            fh.truncate(65 * 1024 * 1024)
    shown = os.path.relpath(path, project)
    run = run_teikit(["convert", shown, "-o", "tei"], cwd=project, timeout=30)
    assert_contained(run, outside, inputs=[path, "/dev/zero"], output=project / "tei")
    assert_one_line_error(run, shown, 1 if what == "too-large" else 2)
    assert not (project / "tei").exists()


def test_output_that_is_a_file(project, outside):
    _plain(project)
    (project / "tei").write_bytes(b"not a folder")
    run = run_teikit(["convert", "sources/plain.txt", "-o", "tei"], cwd=project)
    assert_contained(run, outside, inputs=[project / "sources"], output=None)
    assert_one_line_error(run, "tei", 2, "not a folder")
    assert (project / "tei").read_bytes() == b"not a folder"


def test_two_sources_with_one_id(project, outside):
    a, b = _plain(project, "a.txt"), project / "sources" / "b" / "a.txt"
    b.parent.mkdir()
    b.write_text(TRANSCRIPT, encoding="utf-8")
    run = run_teikit(["convert", "sources/a.txt", "sources/b/a.txt", "-o", "tei"], cwd=project)
    assert_contained(run, outside, inputs=[a, b], output=project / "tei")
    assert run.code == 1 and "sources/b/a.txt: error: edition id 'a' also produced by" \
        in run.stderr
    assert [p.name for p in (project / "tei").iterdir()] == ["a.xml"]


def test_edition_replaced_by_a_link_to_a_secret(project, outside):
    _plain(project)
    (project / "tei").mkdir()
    (project / "tei" / "plain.xml").symlink_to(outside.secret)
    run = run_teikit(["convert", "sources/plain.txt", "-o", "tei"], cwd=project)
    assert_contained(run, outside, inputs=[project / "sources"], output=project / "tei")
    assert_one_line_error(run, "tei/plain.xml", 1, "symbolic link")
    run = run_teikit(["convert", "sources/plain.txt", "-o", "tei", "--force"], cwd=project)
    assert_contained(run, outside, inputs=[project / "sources"], output=project / "tei")
    assert run.code == 0 and not (project / "tei" / "plain.xml").is_symlink()
    assert outside.secret.read_text() == f"{TOKEN}\n"


@pytest.mark.parametrize("damage", [b"", b"<TEI/>", None])
def test_damaged_or_edited_edition_is_not_overwritten_without_force(project, outside, damage):
    _plain(project)
    assert run_teikit(["convert", "sources/plain.txt", "-o", "tei"], cwd=project).code == 0
    edition = project / "tei" / "plain.xml"
    good = edition.read_bytes()
    edited = good.replace(b"regional", b"REGIONAL") if damage is None else damage
    edition.write_bytes(edited)
    run = run_teikit(["convert", "sources/plain.txt", "-o", "tei"], cwd=project)
    assert_contained(run, outside, inputs=[project / "sources"], output=project / "tei")
    assert run.code == 1 and "--force" in run.stderr and edition.read_bytes() == edited
    assert run_teikit(["convert", "sources/plain.txt", "-o", "tei", "--force"],
                      cwd=project).code == 0
    assert edition.read_bytes() == good


def test_file_name_cannot_forge_lines(project, outside):
    name = "evil\nteikit: all fine\x1b[2J.txt"
    src = project / "sources" / name
    src.write_bytes(b"")
    run = run_teikit(["convert", f"sources/{name}", "-o", "tei"], cwd=project)
    assert_contained(run, outside, inputs=[src], output=project / "tei")
    assert_one_line_error(run, "sources/evil\\nteikit: all fine\\x1b[2J.txt", 1, "empty")


def test_edition_is_readable_by_others(project, outside):
    _plain(project)
    run_teikit(["convert", "sources/plain.txt", "-o", "tei"], cwd=project)
    mode = (project / "tei" / "plain.xml").stat().st_mode
    assert mode & 0o044 == 0o044 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_output_is_never_a_doctype_or_entity_document(project, outside):
    case = next(c for c in SOURCES if c.name == "billion-laughs-as-text")
    _convert(project, outside, case)
    [edition] = (project / "tei").iterdir()
    tree = etree.parse(str(edition), etree.XMLParser(resolve_entities=False))
    assert tree.docinfo.internalDTD is None and len(edition.read_bytes()) < 20_000
