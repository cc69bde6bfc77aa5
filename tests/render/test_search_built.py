"""The published edition as a new user makes it and a reader uses it: ``teikit init``, the
two seeds and three development samples (a Chinese Wilson record, a Russian Duma
transcript, a court examination with Q./A. labels) in ``sources/``, ``teikit build``; then
the site in headless Chromium over http.

Skips cleanly without ../shared, Chromium, Playwright or Pagefind.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from teikit.build.scaffold import init
from teikit.render import search

from . import test_search
from .conftest import SHARED, need_shared

SAMPLES = SHARED / "samples"
_results = test_search._results
browser, page = test_search.browser, test_search.page  # the Chromium fixtures


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    sources = [*sorted(need_shared(SHARED / "seeds").glob("*.txt")),
               need_shared(SAMPLES / "transcripts" / "duma_20030307_water_transport_ru.txt"),
               need_shared(SAMPLES / "transcripts" / "koehlerlaw_20150622_direct_examination.txt")]
    wilson = need_shared(SAMPLES / "wilson" / "wca_19690907_zhou_maurer_summary_zh.md")
    root = tmp_path_factory.mktemp("project") / "edition"
    init(root)
    for s in sources:
        shutil.copy(s, root / "sources" / s.name)
    (root / "sources" / "wilson").mkdir()
    shutil.copy(wilson, root / "sources" / "wilson" / wilson.name)
    with (root / "teikit.toml").open("a", encoding="utf-8") as f:
        f.write('\n[[sources]]\nglob = "sources/wilson/*.md"\nreader = "wilson"\n')
    done = subprocess.run([sys.executable, "-m", "teikit", "build", str(root), "-j", "1"],
                          capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return root / "output", done.stderr


@pytest.fixture(scope="module")
def served(built):
    if not search.available():
        pytest.skip("pagefind is not installed")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(test_search._Quiet, directory=str(built[0])))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()


def _doc(href: str) -> str:
    return href.rsplit("/", 1)[1].split("#")[0]


def test_build_lists_unknown_speakers_but_not_roles(built):
    _, log = built
    line = next(x for x in log.splitlines() if "[register-unmatched]" in x)
    assert "M. S. Gorbachev" in line and "Рубежанский П. Н." in line
    # Q./A./THE COURT/PROSECUTOR/ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ are parts, not persons
    assert not re.search(r"[:;] (Q|A|The Court|Prosecutor|Председательствующий)\b", line)


@pytest.mark.parametrize(("words", "doc"), [
    ("conscientiously", "wca-117244.html"),       # a word of the Wilson seed
    ("台湾问题", "wca-19690907"),                  # inside a run of unspaced Chinese
    ("Рубежанский", "duma-20030307"),             # Russian
])
def test_a_word_is_found_and_followed_to_its_passage(page, served, words, doc):
    page.goto(served + "index.html")
    page.fill("#site-search-input", words)
    results = _results(page)
    hit = next(r for r in results if _doc(r["href"]).startswith(doc))
    assert "<mark>" in hit["excerpt"] and "#" in hit["href"]
    page.goto(hit["href"])
    target = page.evaluate("document.querySelector(':target').textContent")
    assert words[:2] in target
    assert page.errors == []


def test_filter_by_a_registered_speaker(page, served):
    page.goto(served + "index.html")
    page.focus("#site-search-input")
    page.wait_for_selector("select[name=speaker]")
    page.select_option("select[name=speaker]", "Ronald Reagan")  # "R. REAGAN." joined
    results = _results(page)
    assert [_doc(r["href"]) for r in results] == ["wca-117244.html"]
    page.fill("#site-search-input", "conscientiously")  # said in Gorbachev's turn
    page.wait_for_function("document.querySelector('#site-search-results .search-excerpt')"
                           " && document.querySelector('#site-search-results .search-excerpt')"
                           ".innerHTML.includes('<mark>conscientiously')")
    results = _results(page)
    assert results[0]["meta"].endswith("speaker: M. S. Gorbachev")
    assert page.errors == []


def test_every_register_page_reaches_its_documents_and_passages(page, served):
    page.goto(served + "register.html")
    entities = page.eval_on_selector_all("ul.register a", "as => as.map(a => a.href)")
    assert any("/role-q.html" in e for e in entities)
    for entity in entities:
        page.goto(entity)
        for target in page.eval_on_selector_all("ol.occurrences a",
                                                "as => as.map(a => a.href)"):
            assert page.request.get(target.split("#")[0]).ok, target
            page.goto(target)
            if "#" in target:
                assert page.evaluate("document.querySelector(':target') !== null"), target
    assert page.errors == []


def test_every_page_is_valid_html5_and_runs_only_teikits_scripts(built):
    from lxml import html as lxml_html

    from .test_html_validity import vnu_command
    out, _ = built
    pages = sorted(out.glob("*.html"))
    for p in pages:
        doc = lxml_html.parse(str(p)).getroot()
        assert {s.get("src") for s in doc.xpath("//script")} <= {
            "assets/teikit-search.js", "assets/teikit-browse.js"}, p.name
        assert not doc.xpath("//@*[starts-with(name(), 'on')]"), p.name
    result = subprocess.run(vnu_command() + [str(p) for p in pages], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[:3000]
