"""The documents index as a reader browses it: timeline by year, sort and filter in the
browser (assets/teikit-browse.js), with no server — the list is complete without script."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from teikit.render import Options, render

from .conftest import FIXTURES
from .test_browser import browser_page  # noqa: F401 - the shared Chromium fixture

CORPUS = Path(__file__).resolve().parent / "fixtures_registers" / "corpus"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    render([FIXTURES, CORPUS], Options(output=out, search=False))
    return out


def test_timeline_links_to_the_first_document_of_each_year(site):
    doc = lxml_html.parse(str(site / "index.html")).getroot()
    years = [(a.text, a.get("href"), a.getparent().findtext("span"))
             for a in doc.xpath("//nav[@class='timeline']//a")]
    assert years == [("1982", "#year-1982", "1"), ("1985", "#year-1985", "1"),
                     ("1987", "#year-1987", "2")]
    items = doc.xpath("//ol[@class='documents']/li")
    assert [li.get("id") for li in items] == ["year-1982", "year-1985", "year-1987", None]
    assert [li.get("data-type") for li in items] == ["Memorandum", "Transcript",
                                                      "Conversation", "Transcript"]
    assert items[2].get("data-persons") == "Ronald Reagan|Mikhail Gorbachev"


def _visible(page) -> list[str]:
    return page.eval_on_selector_all(
        "ol.documents > li:not([hidden]) h2 a", "as => as.map(a => a.getAttribute('href'))")


def test_sort_and_filter_without_a_server(browser_page, site):  # noqa: F811
    page, errors = browser_page
    page.goto((site / "index.html").as_uri())
    assert _visible(page) == ["frus-d169.html", "a.html", "wilson-117244.html", "b.html"]
    page.select_option("select[name=sort]", "-date")
    assert _visible(page) == ["b.html", "wilson-117244.html", "a.html", "frus-d169.html"]
    page.select_option("select[name=type]", "Transcript")
    assert _visible(page) == ["b.html", "a.html"]
    page.select_option("select[name=type]", "")
    page.select_option("select[name=persons]", "Mikhail Gorbachev")
    assert _visible(page) == ["wilson-117244.html"]
    assert page.inner_text(".browse-status") == "1 of 4 documents"
    # the choice is in the address: a bookmark opens the same view
    url = page.url
    assert "persons=Mikhail%20Gorbachev" in url
    page.goto("about:blank")
    page.goto(url)
    assert _visible(page) == ["wilson-117244.html"]
    page.select_option("select[name=year]", "1982")
    assert _visible(page) == []
    assert errors == []


def test_browse_form_by_keyboard(browser_page, site):  # noqa: F811
    page, errors = browser_page
    page.goto((site / "index.html").as_uri())
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "year":
            break
    assert page.evaluate("document.activeElement.name") == "year"
    page.keyboard.press("ArrowDown")  # a closed <select> changes with the arrow keys
    page.wait_for_function("document.querySelector('.browse-status').textContent !== ''")
    assert _visible(page) == ["frus-d169.html"]
    assert errors == []


def test_timeline_anchor_resolves(browser_page, site):  # noqa: F811
    page, errors = browser_page
    page.goto((site / "index.html").as_uri())
    page.click("nav.timeline a[href='#year-1987']")
    assert page.evaluate("document.querySelector(':target').dataset.year") == "1987"
    assert errors == []
