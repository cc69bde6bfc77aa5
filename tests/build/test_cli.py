"""``teikit init / build / serve`` from the command line, and the repository's own build."""

import shutil
import threading
import urllib.request

import pytest

from support import ROOT, SHARED
from teikit.build.serve import make_server
from teikit.cli import main

from .conftest import EDITIONS


def test_init_then_build_an_empty_project(tmp_path, capsys):
    assert main(["init", str(tmp_path / "ed")]) == 0
    assert main(["build", str(tmp_path / "ed"), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "no file matches sources/*.txt" in err
    assert "0 document(s)" in err and (tmp_path / "ed" / "output" / "index.html").is_file()


def test_quiet_prints_nothing(editions_project, capsys):
    assert main(["build", str(editions_project), "-q"]) == 0
    assert capsys.readouterr() == ("", "")


def test_plain_lines_and_summary_when_not_a_terminal(editions_project, capsys):
    assert main(["build", str(editions_project), "-j", "1"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("[1/2] ") and err[0].endswith(": validated, rendered")
    assert "2 document(s): 0 converted, 2 validated, 2 rendered, 0 up to date, 0 failed" \
        in err[2]
    assert "CPU time per stage" in err[3] and "validate" in err[3] and "render" in err[3]


def test_failure_listed_with_position_and_exit_code_1(editions_project, capsys):
    (editions_project / "tei" / "bad.xml").write_text("<TEI>\n  <oops>\n</TEI>\n")
    assert main(["build", str(editions_project), "-q", "-j", "2"]) == 1
    err = capsys.readouterr().err
    assert f"FAILED {editions_project / 'tei' / 'bad.xml'}" in err
    assert f"{editions_project / 'tei' / 'bad.xml'}:3:" in err
    assert (editions_project / "output" / "frus-d169.html").is_file()


def test_bad_configuration_exit_code_2(tmp_path, capsys):
    (tmp_path / "teikit.toml").write_text("[build]\nwidht = 60\n")
    assert main(["build", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"teikit: {tmp_path / 'teikit.toml'}:2: error: build.widht: " \
        "unknown key (known: formats, output, schemas, tei, templates, width, xslt_html, " \
        "xslt_text)"


def _repository_copy(tmp_path):
    """The repository's project files (teikit.toml, tei/) in a folder of their own."""
    repo = tmp_path / "teikit"
    repo.mkdir()
    shutil.copy(ROOT / "teikit.toml", repo / "teikit.toml")
    shutil.copytree(ROOT / "tei", repo / "tei")
    return repo


def test_repository_build_without_shared_renders_the_committed_editions(tmp_path, capsys):
    repo = _repository_copy(tmp_path)
    assert main(["build", str(repo), "-j", "1"]) == 0
    assert "editions already in tei/" in capsys.readouterr().err
    assert {p.name for p in (repo / "output").glob("*.html")} == \
        {"index.html", "persons.html", "register.html", "person-r-reagan.html",
         "person-m-s-gorbachev.html"} | {f"{e.stem}.html" for e in EDITIONS}


def test_repository_build_converts_the_seeds_to_the_committed_bytes(tmp_path):
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds not available")
    repo = _repository_copy(tmp_path)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "seeds").symlink_to(SHARED / "seeds")
    assert main(["build", str(repo), "-q"]) == 0
    for e in EDITIONS:
        assert (repo / "tei" / e.name).read_bytes() == e.read_bytes()
    assert (repo / "output" / "text" / "wca-117244.txt").is_file()


def test_serve_answers_on_localhost(editions_project):
    assert main(["build", str(editions_project), "-q"]) == 0
    server = make_server(editions_project / "output", 0, log=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=10) as r:
            assert r.status == 200 and b"<h1>Documents</h1>" in r.read()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_serve_refuses_an_unbuilt_project(editions_project, capsys):
    assert main(["serve", str(editions_project)]) == 2
    assert "run `teikit build` first" in capsys.readouterr().err


def test_a_missing_configured_schema_is_one_line(editions_project, capsys):
    (editions_project / "teikit.toml").write_text('[build]\nschemas = ["mine.rng"]\n')
    assert main(["build", str(editions_project), "-j", "2"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"teikit: {editions_project / 'teikit.toml'}: error: build.schemas: no such file or "
        "folder: mine.rng")


def _build_with_a_stylesheet_that_does_not_compile(project, capsys) -> None:
    (project / "bad.xsl").write_text("<xsl:stylesheet version='1.0' "
                                     "xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
                                     "<xsl:bogus/></xsl:stylesheet>")
    (project / "teikit.toml").write_text('[build]\nxslt_html = "bad.xsl"\n')
    assert main(["build", str(project), "-j", "2"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"teikit: {project / 'bad.xsl'}: error: not a usable XSLT")
    assert "\n" not in err


def test_a_stylesheet_that_does_not_compile_is_one_line_also_with_workers(editions_project,
                                                                          capsys):
    _build_with_a_stylesheet_that_does_not_compile(editions_project, capsys)


def test_a_pool_broken_before_a_task_is_submitted_is_explained_too(editions_project, capsys,
                                                                   monkeypatch):
    # the workers may die of a bad stylesheet before the build has handed them all of its
    # first tasks: then submit(), not a result, is where the breakage shows
    from concurrent.futures.process import BrokenProcessPool

    from teikit.build import runner

    class BrokenAtSubmit:
        def __init__(self, *args, **kwargs):
            pass

        def submit(self, *args, **kwargs):
            raise BrokenProcessPool("a child process terminated abruptly")

        def shutdown(self, *args, **kwargs):
            pass

    monkeypatch.setattr(runner, "ProcessPoolExecutor", BrokenAtSubmit)
    _build_with_a_stylesheet_that_does_not_compile(editions_project, capsys)
