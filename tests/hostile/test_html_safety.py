"""Script-injection payloads anywhere in a TEI edition never become executable script in the
published HTML: no script-bearing element, no event-handler attribute, no script URL."""

from __future__ import annotations

import re
from xml.sax.saxutils import quoteattr

import pytest
from lxml import html

from hostile.guard import assert_contained, run_teikit, without_own_scripts

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><script>alert(2)</script>',
    "'><img src=x onerror=alert(3)>",
    "javascript:alert(4)",
    " JaVaScRiPt:alert(5)",
    "java\tscript:alert(6)",
    "\x01javascript:alert(7)".replace("\x01", ""),
    "vbscript:msgbox(8)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==",
    "x\" onmouseover=\"alert(10)",
    "</title><script>alert(11)</script>",
    "{{ 7*7 }}{% raw %}",
    "&#106;avascript:alert(12)",
]
#: Elements that run or load script (teikit's own <meta charset> and stylesheet <link> are
#: fine: their attributes are checked below like any other).
SCRIPT_ELEMENTS = {"script", "iframe", "object", "embed", "applet", "base", "frame",
                   "frameset", "svg", "math", "form", "template", "portal"}
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "background", "data", "srcset",
             "xlink:href", "ping", "cite", "longdesc"}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")


def _edition(p: str) -> str:
    a = quoteattr(p)  # the payload as an attribute value
    t = p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # as text
    lang = quoteattr(p if " " not in p else "en")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="payload" xml:lang={lang}><teiHeader><fileDesc>
<titleStmt><title>{t}</title><respStmt><resp>{t}</resp><persName>{t}</persName></respStmt>
</titleStmt><publicationStmt><p>{t}</p></publicationStmt>
<sourceDesc><bibl>{t} <ref target={a}>{t}</ref> <ptr target={a}/>
<idno type="URI">{t}</idno></bibl></sourceDesc></fileDesc>
<profileDesc><abstract><p>{t}</p></abstract><particDesc><listPerson>
<person xml:id="p1"><persName>{t}</persName></person></listPerson></particDesc></profileDesc>
</teiHeader><text><body><div type="document" n={a} rend={a} xml:lang={lang}>
<head rend={a}>{t}</head>
<sp who="#p1"><speaker>{t}</speaker><p rend={a} style={a}>{t}
<hi rend={a}>{t}</hi> <ref target={a}>{t}</ref> <ptr target={a}/>
<foreign xml:lang={lang}>{t}</foreign> <gap reason="omitted" rend={a}/>
<note n="1" place={a}>{t} <ref target={a}>x</ref></note>
<graphic url={a}/> <pb n={a} facs={a}/> <seg type={a} rend={a}>{t}</seg>
<persName ref={a}>{t}</persName> <date when="1987-12-09">{t}</date></p></sp>
<list><item n={a}>{t}</item></list>
<table><row><cell rend={a}>{t}</cell></row></table>
<unknownThing rend={a}>{t}</unknownThing>
</div></body></text></TEI>
"""


def _dangers(page: html.HtmlElement) -> list[str]:
    found = []
    for el in page.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag.lower() in SCRIPT_ELEMENTS:
            found.append(f"<{el.tag}>")
        if el.tag.lower() == "meta" and el.get("http-equiv"):
            found.append(f"<meta http-equiv={el.get('http-equiv')!r}>")
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{el.tag}@{name}")
            squeezed = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
            if name.lower() in URL_ATTRS and _SCHEME.match(squeezed) \
                    and not squeezed.startswith(("http:", "https:", "mailto:")):
                found.append(f"{el.tag}@{name}={value!r}")
            if name.lower() == "style" and re.search(r"url\(|expression|javascript",
                                                      squeezed):
                found.append(f"{el.tag}@style")
    return found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_never_becomes_script(project, outside, payload):
    (project / "tei").mkdir()
    (project / "tei" / "payload.xml").write_text(_edition(payload), encoding="utf-8")
    run = run_teikit(["render", "tei/payload.xml", "-o", "site"], cwd=project)
    assert_contained(run, outside, inputs=[project], output=project / "site")
    assert run.code == 0, run.stderr
    pages = list((project / "site").glob("*.html"))
    names = {p.name for p in pages}
    assert {"payload.html", "index.html", "persons.html", "register.html"} <= names
    for page in pages:
        tree = html.fromstring(without_own_scripts(page.read_text(encoding="utf-8")))
        assert _dangers(tree) == [], page.name
        body = html.tostring(tree, encoding="unicode")
        assert "<script" not in body.lower()


def test_the_checker_finds_what_it_looks_for():
    page = html.fromstring('<div><script>x</script><a href=" jAvA\tscript:x" onclick="y">'
                           '</a><img src="data:x"/></div>')
    assert _dangers(page) == ["<script>", "a@href=' jAvA\\tscript:x'", "a@onclick",
                              "img@src='data:x'"]
