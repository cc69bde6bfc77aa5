"""``teikit render`` on the bad-input corpus, hostile stylesheets and hostile templates."""

from __future__ import annotations

import pytest
from lxml import html

from hostile.corpus import EDITIONS, STYLESHEETS, TRANSCRIPT, XSL_HEAD, Case, tei
from hostile.guard import (
    LISTING,
    assert_contained,
    assert_one_line_error,
    run_teikit,
    without_own_scripts,
)

QUICK = [c for c in EDITIONS if not c.large]


def _render(project, outside, case: Case, name: str = "case.xml", extra=()):
    (project / "tei").mkdir(exist_ok=True)
    src = project / "tei" / name
    src.write_bytes(case.data(outside))
    run = run_teikit(["render", f"tei/{name}", "-o", "site", *extra], cwd=project)
    assert_contained(run, outside, inputs=[project], output=project / "site")
    return run


def check_rendered(run, project, case: Case, shown: str = "tei/case.xml"):
    if case.error:
        assert_one_line_error(run, shown, None, case.error, case.where)
        return
    assert run.code == 0, run.stderr
    pages = list((project / "site").glob("*.html"))
    assert pages
    for page in pages:
        html.fromstring(page.read_bytes())  # parses; safety itself: test_html_safety.py


@pytest.mark.parametrize("case", QUICK, ids=[c.name for c in QUICK])
def test_edition(case, project, outside):
    check_rendered(_render(project, outside, case), project, case)


@pytest.mark.parametrize("doc_id", ["../../evil", "a/b", "..", "x\ny", "/etc/x"])
def test_document_id_that_would_become_a_path(project, outside, doc_id):
    data = tei("<p>x</p>", root_attrs=f'xml:id="{doc_id}" xml:lang="en"')
    case = Case("id", lambda _o: data.encode())
    run = _render(project, outside, case)  # the guard checks every write stays in site/
    assert run.code == 0, run.stderr
    assert not any(".." in p.name or "\n" in p.name for p in (project / "site").rglob("*"))


@pytest.mark.parametrize("style", STYLESHEETS, ids=[c.name for c in STYLESHEETS])
def test_user_stylesheet(style, project, outside):
    xsl = project / "mine.xsl"
    xsl.write_bytes(style.data(outside))
    case = Case("ok", lambda _o: tei("<p>x</p>").encode())
    run = _render(project, outside, case, extra=["--xslt-html", "mine.xsl"])
    assert not (outside.folder / "written.html").exists()
    if style.error:
        assert_one_line_error(run, "", None, style.error)
    else:
        assert run.code == 0, run.stderr
        [page] = [p for p in (project / "site").glob("*.html") if not LISTING.match(p.name)]
        text = without_own_scripts(page.read_text(encoding="utf-8"))
        assert "<script" not in text and "javascript:" not in text and "onerror" not in text


@pytest.mark.parametrize("payload, words", [
    ("{{ cycler.__init__.__globals__.os.popen('touch OUTSIDE/pwned').read() }}", "unsafe"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe"),
    ('{% include "../outside/secret.txt" %}', "no such template"),
    ("{% for x in %}", "template"),
])
def test_hostile_template_is_refused(project, outside, payload, words):
    (project / "templates").mkdir()
    (project / "templates" / "index.html").write_text(
        payload.replace("OUTSIDE", str(outside.folder)), encoding="utf-8")
    case = Case("ok", lambda _o: tei("<p>x</p>").encode())
    run = _render(project, outside, case, extra=["--templates", "templates"])
    assert run.code == 2 and len(run.lines) == 1 and words in run.lines[0], run.stderr
    assert not (outside.folder / "pwned").exists()


def test_source_text_given_to_render_is_one_line(project, outside):
    case = Case("text", lambda _o: TRANSCRIPT.encode(), error="not well-formed")
    check_rendered(_render(project, outside, case), project, case)


def test_stylesheet_may_include_its_own_modules(project, outside):
    (project / "xsl").mkdir()
    (project / "xsl" / "main.xsl").write_bytes(
        XSL_HEAD.encode() + b'<xsl:include href="part.xsl"/></xsl:stylesheet>\n')
    (project / "xsl" / "part.xsl").write_bytes(
        XSL_HEAD.encode() + b'<xsl:template match="/"><article><p>mine</p></article>'
        b"</xsl:template></xsl:stylesheet>\n")
    case = Case("ok", lambda _o: tei("<p>x</p>").encode())
    run = _render(project, outside, case, extra=["--xslt-html", "xsl/main.xsl"])
    assert run.code == 0, run.stderr
