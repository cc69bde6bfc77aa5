"""The generated site in a real browser: headless Chromium driven by Playwright.

Uses the system's Chromium (Debian package ``chromium``), never a browser downloaded by
Playwright.  Skipped cleanly when either is missing; the CI installs both
(docs/rendering.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teikit.render import Options, render

from .conftest import FIXTURES

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    executable = chromium_path()
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright (Python package) is not installed")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
        yield page, errors
        context.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    render([FIXTURES], Options(output=out))
    return out


def in_viewport(page, selector: str) -> bool:
    return page.evaluate("""(sel) => { const r = document.querySelector(sel)
        .getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; }""",
                         selector)


def test_index_links_reach_every_document_without_errors(browser_page, site):
    page, errors = browser_page
    page.goto((site / "index.html").as_uri())
    hrefs = page.eval_on_selector_all("ol.documents a", "as => as.map(a => a.href)")
    assert len(hrefs) == 2
    for i, href in enumerate(hrefs):
        page.goto((site / "index.html").as_uri())
        page.locator("ol.documents a").nth(i).click()
        page.wait_for_load_state()
        assert page.url == href
        assert page.locator("h1").inner_text()
        assert page.evaluate("getComputedStyle(document.body).fontFamily")  # CSS loaded
    assert errors == []


def test_footnote_reference_and_back_link(browser_page, site):
    page, errors = browser_page
    page.set_viewport_size({"width": 800, "height": 400})
    page.goto((site / "frus-d169.html").as_uri())
    ref = page.locator("a.noteref").nth(1)
    ref_id = ref.get_attribute("id")
    ref.click()
    assert page.evaluate("location.hash") == "#d169fn2"
    assert page.evaluate("document.querySelector(':target').id") == "d169fn2"
    assert in_viewport(page, "#d169fn2")
    page.locator("#d169fn2 a.backref").click()
    assert page.evaluate("location.hash") == f"#{ref_id}"
    assert in_viewport(page, f"#{ref_id}")
    assert errors == []


def test_page_marker_anchor_resolves(browser_page, site):
    page, errors = browser_page
    page.set_viewport_size({"width": 800, "height": 400})
    page.goto((site / "frus-d169.html").as_uri() + "#page-546")
    assert page.evaluate("document.querySelector(':target') &&"
                         " document.querySelector(':target').textContent") == "[Page 546]"
    assert in_viewport(page, "#page-546")
    assert errors == []
