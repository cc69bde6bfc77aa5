import pytest
from lxml import etree

from teikit.render.sanitize import safe_url, sanitize


def clean(fragment: str) -> str:
    root = etree.fromstring(fragment)
    sanitize(root)
    return etree.tostring(root, method="html", encoding="unicode")


@pytest.mark.parametrize("url", ["https://x.org/a", "http://x", "mailto:a@b", "#page-5",
                                 "text/d1.txt", "index.html?x=1"])
def test_safe_urls(url):
    assert safe_url(url)


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JaVaScRiPt:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,x",
                                 "vbscript:x", "file:///etc/passwd"])
def test_unsafe_urls(url):
    assert not safe_url(url)


def test_script_carrying_attributes_never_reach_the_page():
    out = clean('<div><a href="javascript:alert(1)" onclick="x()">a</a>'
                '<span style="background:url(http://evil/x.png)">b</span>'
                '<span style="color: red">c</span></div>')
    assert "javascript" not in out and "onclick" not in out and "url(" not in out
    assert 'style="color: red"' in out


def test_script_elements_are_removed_keeping_following_text():
    out = clean("<div>a<script>alert(1)</script>b<iframe src='x'></iframe>c</div>")
    assert out == "<div>abc</div>"


def test_block_inside_paragraph_becomes_span():
    out = clean("<div><p>x<ul><li>y</li></ul></p></div>")
    assert out == ('<div><p>x<span class="as-ul"><span class="as-li">y</span></span></p>'
                   "</div>")


def test_duplicate_ids_keep_the_first():
    out = clean('<div><a id="page-1">1</a><a id="page-1">1</a></div>')
    assert out.count('id="page-1"') == 1


def test_fallback_classes_are_counted():
    root = etree.fromstring('<div><span class="tei-foo">a</span>'
                                    '<div class="tei-bar"><span class="tei-foo">b</span></div>'
                                    '<span class="speaker">c</span></div>')
    assert sanitize(root) == {"foo": 2, "bar": 1}


def test_many_dropped_siblings_keep_every_following_text_in_order():
    # 5,000 comments and scripts among text: each one's tail joins the text before it
    parts = "".join(f"<!--c{i}--><script>x()</script>t{i} " for i in range(5000))
    out = clean(f"<div><p>start {parts}<b>b</b><!--z-->end</p></div>")
    assert out == ("<div><p>start " + "".join(f"t{i} " for i in range(5000))
                   + "<b>b</b>end</p></div>")


def test_elements_inside_a_dropped_element_count_for_nothing():
    root = etree.fromstring('<div><script><span id="a" class="tei-x">s</span></script>'
                            '<span id="a" class="tei-y">kept</span></div>')
    assert sanitize(root) == {"y": 1}
    assert etree.tostring(root, method="html", encoding="unicode") == \
        '<div><span id="a" class="tei-y">kept</span></div>'


def test_a_dropped_root_is_emptied():
    root = etree.fromstring("<script>alert(1)<!--c--><b>x</b></script>")
    sanitize(root)
    assert len(root) == 0 and not root.text
