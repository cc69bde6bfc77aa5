"""Search across languages as a reader does it, in headless Chromium: a Chinese word inside
a run of unspaced Chinese text, a Russian word in another inflection, and a query full of
stop words ("the", "of") each find their passage, whichever page the search box is on.

Needs Chromium, Playwright and Pagefind's extended binary (``pagefind-bin-extended``, the
one that segments Chinese); each skips cleanly when missing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teikit.render import Options, render, search

from . import test_search
from .conftest import FIXTURES

_results = test_search._results
# the browser fixtures of test_search, over this module's site
browser, page, served = test_search.browser, test_search.page, test_search.served

HEADER = """<teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>
<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc>
</fileDesc><profileDesc><creation><date when="{when}">{when}</date></creation></profileDesc>
</teiHeader>"""


def _tei(title: str, when: str, lang: str, *paragraphs: str) -> str:
    # catalogued in English, the text in its own language: the shape of the Wilson records
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">'
            f'{HEADER.format(title=title, when=when)}'
            f'<text xml:lang="{lang}"><body>{body}</body></text></TEI>')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    if not search.executable() or "extended" not in Path(search.executable()).name:
        pytest.skip("pagefind-bin-extended is not installed (Chinese is not segmented)")
    src = tmp_path_factory.mktemp("src")
    shutil.copy(FIXTURES / "wilson-117244.xml", src)
    (src / "zh.xml").write_text(_tei(
        "Summary of a talk in Beijing", "1969-09-07", "zh",
        "在会见时,总理表示,我们讨论了台湾问题和联合国问题,交换意见是有益的。"),
        encoding="utf-8")
    (src / "ru.xml").write_text(_tei(
        "Стенограмма заседания", "2003-03-07", "ru",
        "Законопроект рассматривается в третьем чтении.", "Депутат, пожалуйста."),
        encoding="utf-8")
    (src / "turns.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">'
        + HEADER.format(title="Talks", when="1985-11-19")
        + '<text><body><div type="transcript">'
        '<sp who="#rr"><speaker>R. REAGAN.</speaker><p>We met in Geneva.'
        '<note n="1">The building of the Palais des Nations.</note></p></sp>'
        '<sp who="#ms"><speaker>M. S. GORBACHEV.</speaker><p>Assuredly we did.</p></sp>'
        '</div></body></text></TEI>', encoding="utf-8")
    out = tmp_path_factory.mktemp("site")
    render([src], Options(output=out))
    return out


def test_each_page_is_in_its_texts_language(site):
    assert '<html lang="zh">' in (site / "zh.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in (site / "ru.html").read_text(encoding="utf-8")
    entry = (site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert all(f'"{lang}":' in entry for lang in ("en", "ru", "zh"))


@pytest.mark.parametrize("start", ["index.html", "zh.html", "ru.html"])
@pytest.mark.parametrize(("words", "found", "marked"), [
    ("台湾问题", "zh.html", "台湾"),          # inside unspaced text: needs segmentation
    ("联合国", "zh.html", "联合"),
    ("чтения", "ru.html", "чтении"),          # another case ending: the Russian stemmer
    ("in the direction of national reconciliation", "wilson-117244.html",
     "reconciliation"),  # stop words are indexed like any word
])
def test_words_in_every_language_are_found(page, served, start, words, found, marked):
    page.goto(served + start)
    page.fill("#site-search-input", words)
    results = _results(page)
    hrefs = [r["href"].rsplit("/", 1)[1].split("#")[0] for r in results]
    assert found in hrefs
    hit = results[hrefs.index(found)]
    assert f"<mark>{marked}" in hit["excerpt"]
    assert "#p-" in hit["href"]  # to the paragraph, not just the page
    assert page.errors == []


def test_language_is_a_filter(page, served):
    page.goto(served + "index.html")
    page.focus("#site-search-input")
    page.wait_for_selector("select[name=language]")
    options = page.eval_on_selector_all("select[name=language] option",
                                        "os => os.map(o => o.value)")
    assert options == ["", "en", "ru", "zh"]
    page.select_option("select[name=language]", "zh")
    results = _results(page)
    assert [r["href"].rsplit("/", 1)[1].split("#")[0] for r in results] == ["zh.html"]


def test_a_note_in_a_turn_is_no_ones_speech(page, served):
    page.goto(served + "index.html")
    page.fill("#site-search-input", "Palais")  # only in the note, printed after the turns
    results = _results(page)
    assert [r["href"].rsplit("/", 1)[1].split("#")[0] for r in results] == ["turns.html"]
    assert "#" in results[0]["href"]
    assert "speaker: " not in results[0]["meta"]
    page.fill("#site-search-input", "Assuredly")  # in Gorbachev’s turn
    page.wait_for_function("document.querySelector('#site-search-results .search-meta')"
                           " && document.querySelector('#site-search-results .search-meta')"
                           ".textContent.includes('speaker: ')")
    assert _results(page)[0]["meta"].endswith("speaker: M. S. GORBACHEV")


@pytest.mark.parametrize(("words", "chinese_page"), [
    ("Assuredly", False),   # Pagefind's Chinese index matches its "a": dropped
    ("international", False),  # … and its "in"
    ("Beijing", True),      # an English word of the Chinese page's title
    ("talks", True),        # "talk" less an ending
])
def test_a_chinese_page_is_found_by_its_english_words_only(page, served, words,
                                                         chinese_page):
    page.goto(served + "index.html")
    page.fill("#site-search-input", words)
    # the count is shown before the results' excerpts are loaded and listed
    page.wait_for_function("(s => s.endsWith('found') && (s.startsWith('0 ') || document"
                           ".querySelector('#site-search-results li a.search-title')))"
                           "(document.getElementById('site-search-status').textContent)")
    hrefs = page.eval_on_selector_all("#site-search-results li a.search-title",
                                      "as => as.map(a => a.href)")
    pages = {h.rsplit("/", 1)[1].split("#")[0] for h in hrefs}
    assert ("zh.html" in pages) is chinese_page
    assert page.errors == []
