"""Search as a reader uses it: the Pagefind index of the site, queried in headless Chromium.

The browser half needs the system's Chromium, Playwright's Python package and Pagefind
(``pagefind[bin]``); each skips cleanly when missing.  The site is served over http from a
local thread: browsers refuse to fetch an index from ``file://``.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from lxml import html as lxml_html

from teikit.render import Options, render, search

from .conftest import FIXTURES
from .test_browser import CHROMIUM_FLAGS, chromium_path

needs_pagefind = pytest.mark.skipif(not search.available(),
                                    reason="pagefind[bin] is not installed")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    render([FIXTURES], Options(output=out))
    return out


def _text_blocks(page: Path):
    doc = lxml_html.parse(str(page)).getroot()
    text = doc.xpath("//section[contains(concat(' ', @class, ' '), ' text ')]")[0]
    turns = text.xpath(".//div[contains(concat(' ', @class, ' '), ' sp ')]")
    paras = text.xpath(".//p[not(@class)] | .//div[@class='p']")
    return doc, turns, paras


def test_every_turn_and_paragraph_has_an_id(site):
    _, turns, paras = _text_blocks(site / "wilson-117244.html")
    assert len(turns) == 3 and len(paras) >= 4
    assert [t.get("id") for t in turns] == ["sp-1", "sp-2", "sp-3"]
    ids = [p.get("id") for p in paras]
    assert ids == [f"p-{i}" for i in range(1, len(paras) + 1)]
    _, _, frus_paras = _text_blocks(site / "frus-d169.html")
    assert frus_paras and all(p.get("id") for p in frus_paras)


def test_ids_are_the_same_on_every_render(site, tmp_path):
    render([FIXTURES], Options(output=tmp_path, search=False))
    for name in ("wilson-117244.html", "frus-d169.html"):
        ids = [i for i in re.findall(r' id="([^"]+)"', (site / name).read_text(
            encoding="utf-8")) if not i.startswith("site-search")]
        again = re.findall(r' id="([^"]+)"', (tmp_path / name).read_text(encoding="utf-8"))
        assert ids == again and len(ids) == len(set(ids))


def test_tei_xml_id_becomes_the_turn_id(tmp_path):
    source = (FIXTURES / "wilson-117244.xml").read_text(encoding="utf-8")
    edited = source.replace('<sp who="#reagan">', '<sp who="#reagan" xml:id="opening">', 1)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "w.xml").write_text(edited, encoding="utf-8")
    render([tmp_path / "in"], Options(output=tmp_path / "out", search=False))
    _, turns, _ = _text_blocks(tmp_path / "out" / "w.html")
    assert [t.get("id") for t in turns] == ["opening", "sp-2", "sp-3"]


def test_pages_tell_pagefind_title_date_and_filters(site):
    doc, _, _ = _text_blocks(site / "wilson-117244.html")
    article = doc.xpath("//article")[0]
    assert article.get("data-pagefind-body") == ""
    assert doc.xpath("//h1")[0].get("data-pagefind-meta") == "title"
    meta = {s.get("data-pagefind-meta"): s.text for s in doc.xpath("//*[@data-pagefind-meta]")
            if s.tag == "span"}
    assert meta["date"] == "December 9, 1987"
    filters = [(s.get("data-pagefind-filter"), s.text)
               for s in doc.xpath("//*[@data-pagefind-filter]")]
    assert ("year", "1987") in filters and ("language", "en") in filters
    assert ("speaker", "Ronald Reagan") in filters and ("speaker", "Mikhail Gorbachev") in filters
    assert ("type", "Conversation") in filters
    # the facet values are kept out of the indexed text
    assert doc.xpath("//div[@class='search-facets']")[0].get("data-pagefind-ignore") == ""
    # index pages are not documents: nothing on them is indexed
    for name in ("index.html", "persons.html"):
        assert "data-pagefind-body" not in (site / name).read_text(encoding="utf-8")


def test_a_stylesheet_cannot_decide_what_is_indexed(tmp_path):
    xslt = tmp_path / "mine.xsl"
    xslt.write_text("""<xsl:stylesheet version="1.0"
        xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:tei="http://www.tei-c.org/ns/1.0">
      <xsl:template match="/">
        <article><h1 data-pagefind-meta="title:Forged">T</h1>
          <p data-pagefind-filter="speaker:Nobody">x</p>
          <div data-pagefind-ignore="all"><xsl:value-of select="//tei:body"/></div>
        </article>
      </xsl:template></xsl:stylesheet>""", encoding="utf-8")
    render([FIXTURES / "wilson-117244.xml"], Options(output=tmp_path / "o", xslt_html=xslt,
                                                     search=False))
    page = (tmp_path / "o" / "wilson-117244.html").read_text(encoding="utf-8")
    assert "Forged" not in page and "Nobody" not in page
    assert 'data-pagefind-ignore="all"' not in page


@needs_pagefind
def test_render_builds_the_index_from_the_document_pages(site):
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert '"page_count":2' in (bundle / "pagefind-entry.json").read_text()
    assert not (site / ".pagefind-new").exists() and not (site / ".pagefind-old").exists()


def test_without_search_there_is_no_search_box(tmp_path):
    render([FIXTURES], Options(output=tmp_path, search=False))
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "site-search" not in page and "teikit-search.js" not in page
    assert not (tmp_path / "pagefind").exists()


# ---------------------------------------------------------------- in the browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def served(site):
    if not search.available():
        pytest.skip("pagefind[bin] is not installed")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = chromium_path()
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright (Python package) is not installed")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    errors: list[str] = []
    # the browser asks every host for /favicon.ico; the site has none, which is no error
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and "404" not in m.text else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    yield page
    page.close()


def _results(page) -> list[dict]:
    page.wait_for_selector("#site-search-results li a.search-title")
    return page.eval_on_selector_all(
        "#site-search-results li:not(.search-more)",
        """lis => lis.map(li => ({href: li.querySelector('a').href,
              title: li.querySelector('a').textContent,
              meta: (li.querySelector('.search-meta') || {}).textContent || '',
              excerpt: (li.querySelector('.search-excerpt') || {}).innerHTML || ''}))""")


def test_search_a_word_and_follow_the_result_to_its_paragraph(page, served):
    page.goto(served + "index.html")
    page.fill("#site-search-input", "conscientiously")
    results = _results(page)
    assert len(results) == 1
    hit = results[0]
    assert hit["title"].startswith("Conversation between M. S. Gorbachev and Ronald Reagan")
    assert "December 9, 1987" in hit["meta"] and "Mikhail Gorbachev" in hit["meta"]
    assert "<mark>conscientiously</mark>" in hit["excerpt"]
    assert re.search(r"/wilson-117244\.html#p-\d+$", hit["href"])
    page.click("#site-search-results a.search-title")
    page.wait_for_url(hit["href"])
    target = page.evaluate("document.querySelector(':target').textContent")
    assert "conscientiously" in target
    assert page.errors == []


@pytest.mark.parametrize(("word", "name", "anchor", "where"), [
    ("commemorate", "frus-d169.html", "d169fn2", "li"),        # only in a footnote
    ("Goldberg", "wilson-117244.html", "about-heading", "h2"),  # only in the header panel
])
def test_notes_and_the_header_are_searched_and_linked(page, served, word, name, anchor,
                                                      where):
    page.goto(served + "index.html")
    page.fill("#site-search-input", word)
    results = _results(page)
    assert [r["href"].rsplit("/", 1)[1] for r in results] == [f"{name}#{anchor}"]
    assert f"<mark>{word}" in results[0]["excerpt"]
    assert "speaker: " not in results[0]["meta"]  # a note is no one's turn
    page.click("#site-search-results a.search-title")
    page.wait_for_url(results[0]["href"])
    target = page.evaluate("document.querySelector(':target').tagName.toLowerCase()")
    assert target == where
    if where == "li":
        assert word in page.evaluate("document.querySelector(':target').textContent")
    assert page.errors == []


def test_filter_by_speaker_without_a_word(page, served):
    page.goto(served + "frus-d169.html")
    page.focus("#site-search-input")
    page.wait_for_selector("select[name=speaker]")
    options = page.eval_on_selector_all("select[name=speaker] option", "os => os.map(o => o.value)")
    assert options == ["", "Mikhail Gorbachev", "Ronald Reagan"]
    page.select_option("select[name=speaker]", "Mikhail Gorbachev")
    results = _results(page)
    assert [r["href"].rsplit("/", 1)[1].split("#")[0] for r in results] == ["wilson-117244.html"]
    # a word found in both documents, narrowed to one speaker's documents
    page.fill("#site-search-input", "Afghanistan")
    page.wait_for_function("document.getElementById('site-search-status').textContent"
                           " === '1 document found'")
    page.select_option("select[name=speaker]", "")
    page.wait_for_function("document.getElementById('site-search-status').textContent"
                           " === '2 documents found'")
    assert page.errors == []


def test_filter_by_a_range_of_years(page, served):
    page.goto(served + "index.html")
    page.focus("#site-search-input")
    page.wait_for_selector("select[name=year-from]")
    assert page.eval_on_selector_all("select[name=year-to] option",
                                     "os => os.map(o => o.value)") == ["", "1982", "1987"]

    def found() -> list[str]:
        return sorted(r["href"].rsplit("/", 1)[1].split("#")[0] for r in _results(page))

    page.select_option("select[name=year-from]", "1987")
    assert found() == ["wilson-117244.html"]
    page.select_option("select[name=year-from]", "1982")
    page.wait_for_function("document.getElementById('site-search-status').textContent"
                           " === '2 documents found'")
    page.select_option("select[name=year-to]", "1982")
    page.wait_for_function("document.getElementById('site-search-status').textContent"
                           " === '1 document found'")
    assert found() == ["frus-d169.html"]
    page.fill("#site-search-input", "Afghanistan")  # a word in both, within the range
    page.wait_for_function("document.getElementById('site-search-status').textContent"
                           " === '1 document found'")
    assert found() == ["frus-d169.html"]
    assert page.errors == []


def test_search_box_by_keyboard_only(page, served):
    page.goto(served + "persons.html")
    for _ in range(12):  # skip link, site title, navigation, … then the search box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-input":
            break
    assert page.evaluate("document.activeElement.id") == "site-search-input"
    page.keyboard.type("indigenous")
    page.keyboard.press("Enter")
    page.wait_for_selector("#site-search-results a.search-title")
    for _ in range(12):  # past the filter menus to the first result
        if page.evaluate("document.activeElement.className") == "search-title":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "search-title"
    href = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(href)
    assert "indigenous" in page.evaluate("document.querySelector(':target').textContent")
    assert page.errors == []


def test_search_box_stays_hidden_from_file_urls(page, site):
    page.goto((site / "index.html").as_uri())
    assert page.evaluate("document.querySelector('form.site-search').hidden") is True
    assert page.errors == []


def test_a_junk_language_never_reaches_pagefind():
    # an edition's xml:lang is input: Pagefind's binary panicked on "data:text/html;…"
    assert search.main_language(["data:text/html;base64,PHN", "</title><script>"]) == "en"
    assert search.main_language(["de", "de-AT", "en", "x"]) == "de"
