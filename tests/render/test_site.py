"""End to end: editions → pages, with the features the guide's Publishing section names."""

from pathlib import Path

import pytest
from lxml import html

from teikit.render import Options, render
from teikit.xmlio import TEI_NS

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    render([FIXTURES], Options(output=out))
    return out


def page(site: Path, name: str):
    return html.parse(str(site / name)).getroot()


def test_folder_layout_is_self_contained(site):
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {"index.html", "persons.html", "assets/teikit.css", "wilson-117244.html",
            "frus-d169.html", "text/wilson-117244.txt", "tei/wilson-117244.xml"} <= names
    for name in ("index.html", "wilson-117244.html", "persons.html"):
        for link in page(site, name).iter("a", "link"):
            href = link.get("href").split("#")[0]
            assert "://" in href or not href or (site / href).is_file(), (name, href)


def test_document_page_header_and_metadata(site):
    doc = page(site, "wilson-117244.html")
    assert doc.findtext(".//h1").startswith("Conversation between M. S. Gorbachev")
    assert doc.find(".//p[@class='doc-date']").text == "December 9, 1987"
    meta = {dt.text_content(): dt.getnext().text_content()
            for dt in doc.findall(".//section[@class='metadata']//dt")}
    assert meta["Translated by"] == "Gary Goldberg"
    assert meta["Original language"] == "Russian"
    assert meta["Funder"] == "Leon Levy Foundation"
    assert meta["Archive"] == "Gorbachev Foundation, Moscow"
    assert meta["Source URL"].endswith("/document/117244")
    assert "Wilson Center Digital Archive" in meta["Source"]
    assert "wilson-117244" in doc.find(".//section[@class='cite']").text_content()


def test_links_to_tei_and_text_versions(site):
    doc = page(site, "wilson-117244.html")
    hrefs = {a.get("href"): a.text_content() for a in doc.iter("a")}
    assert "TEI" in hrefs["tei/wilson-117244.xml"]
    assert "text" in hrefs["text/wilson-117244.txt"].lower()


def test_speaker_turns_have_visible_labels(site):
    doc = page(site, "wilson-117244.html")
    labels = [s.text_content() for s in doc.find_class("speaker")]
    assert labels == ["R. REAGAN.", "M. S. GORBACHEV.", "R. REAGAN."]
    assert doc.find_class("speaker")[0].get("title") == "Ronald Reagan"


def test_editorial_marks_as_printed_with_their_meaning(site):
    doc = page(site, "wilson-117244.html")
    [gap] = doc.find_class("gap")
    assert gap.text_content() == "(...)" and gap.get("title")
    terms = doc.find_class("original-term")
    assert [t.text_content() for t in terms] == ["[akkuratno]", "[narodivshiysya]"]
    assert all(t.get("title") for t in terms)
    assert terms[0].find(".//i").get("lang") == "ru-Latn"
    frus = page(site, "frus-d169.html")
    [supplied] = frus.find_class("supplied")
    assert supplied.text_content() == "[to]" and supplied.get("title")


def test_footnotes_link_both_ways_with_stable_ids(site):
    doc = page(site, "frus-d169.html")
    refs = doc.find_class("noteref")
    assert [r.text_content() for r in refs] == ["1", "2", "3"]
    for ref in refs:
        note = doc.get_element_by_id(ref.get("href")[1:])
        assert note.tag == "li"
        back = note.find_class("backref")[0]
        assert back.get("href") == "#" + ref.get("id")
    assert refs[1].get("href") == "#d169fn2"
    # the marker is glued to the word it follows, as printed
    assert "Afghanistan Day2" in doc.find(".//section[@class='text']").text_content()


def test_page_breaks_are_linkable_markers(site):
    doc = page(site, "frus-d169.html")
    marker = doc.get_element_by_id("page-546")
    assert marker.get("href") == "#page-546" and marker.text_content() == "[Page 546]"


def test_headings_descend_in_order(site):
    for name in ("frus-d169.html", "wilson-117244.html", "index.html", "persons.html"):
        levels = [int(h.tag[1]) for h in page(site, name).iter("h1", "h2", "h3", "h4", "h5")]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (name, levels)


def test_index_sorted_by_date_and_persons_page(site):
    index = page(site, "index.html")
    items = index.findall(".//ol[@class='documents']/li")
    assert [li.find(".//a").get("href") for li in items] == ["frus-d169.html",
                                                             "wilson-117244.html"]
    assert "Gorbachev and Reagan discuss" in items[1].text_content()
    persons = page(site, "persons.html")
    reagan = persons.get_element_by_id("person-ronald-reagan")
    assert [a.get("href") for a in reagan.iter("a")] == ["wilson-117244.html"]
    doc = page(site, "wilson-117244.html")
    assert "persons.html#person-ronald-reagan" in {a.get("href") for a in doc.iter("a")}


def test_output_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    render([FIXTURES], Options(output=a))
    render([FIXTURES], Options(output=b))
    # except Pagefind's index, whose file names vary between runs (tests/render/test_search.py)
    files = sorted(p.relative_to(a) for p in a.rglob("*")
                   if p.is_file() and p.relative_to(a).parts[0] != "pagefind")
    assert files and all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


def test_volume_gives_one_page_per_document(frus_volume, tmp_path):
    report = render([frus_volume], Options(output=tmp_path))
    assert [p.id for p in report.pages] == ["frus1981-88v03-d164", "frus1981-88v03-d166"]
    index = page(tmp_path, "index.html")
    assert {a.get("href") for a in index.iter("a")} >= {"frus1981-88v03-d164.html",
                                                        "frus1981-88v03-d166.html"}
    d166 = page(tmp_path, "frus1981-88v03-d166.html")
    assert [r.text_content() for r in d166.find_class("noteref")] == ["1", "2"]
    assert d166.get_element_by_id("page-540") is not None


HOSTILE = f"""<TEI xmlns="{TEI_NS}" xml:lang="en"><teiHeader><fileDesc><titleStmt>
<title>&lt;script&gt;alert(1)&lt;/script&gt;</title></titleStmt></fileDesc></teiHeader>
<text><body><p>x &lt;img src=x onerror=alert(1)&gt;
<ref target="javascript:alert(2)">click</ref> <ref target=" https://ok.example/">ok</ref>
<hi rend="x&quot; onmouseover=&quot;alert(3)">h</hi>
<foo><bar>unknown</bar></foo></p></body></text></TEI>"""


def test_hostile_text_and_attributes_never_become_markup(tmp_path):
    src = tmp_path / "in" / "hostile.xml"
    src.parent.mkdir()
    src.write_text(HOSTILE)
    report = render([src.parent], Options(output=tmp_path / "out"))
    out = (tmp_path / "out" / "hostile.html").read_text()
    doc = html.fromstring(out)
    # the one script is teikit's own search box, from assets/
    assert not doc.xpath("//script[not(@src='assets/teikit-search.js')] | //img"
                         " | //@*[starts-with(name(), 'on')]")
    assert not doc.xpath("//@href[contains(., 'javascript')]")
    assert "&lt;script&gt;" in out
    assert doc.find_class("tei-foo") and doc.find_class("tei-bar")
    assert report.no_rule == {"foo": 1, "bar": 1}
    [diag] = report.diagnostics
    assert diag.rule == "render-no-rule" and "bar ×1, foo ×1" in diag.message


def test_editor_overrides_templates_and_stylesheets(tmp_path):
    templates = tmp_path / "templates"
    (templates / "static").mkdir(parents=True)
    (templates / "index.html").write_text("<!DOCTYPE html><title>Mine</title>"
                                          "{% for p in pages %}{{ p.id }};{% endfor %}")
    (templates / "static" / "teikit.css").write_text("body { color: green }")
    xsl = tmp_path / "text.xsl"
    xsl.write_text('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/'
                   'Transform"><xsl:output method="text"/><xsl:param name="title"/>'
                   '<xsl:template match="/">MY <xsl:value-of select="$title"/></xsl:template>'
                   "</xsl:stylesheet>")
    out = tmp_path / "out"
    render([FIXTURES / "wilson-117244.xml"],
           Options(output=out, templates=templates, xslt_text=xsl))
    assert (out / "index.html").read_text().endswith("wilson-117244;")
    assert (out / "assets" / "teikit.css").read_text() == "body { color: green }"
    assert (out / "text" / "wilson-117244.txt").read_text().startswith("MY Conversation")
    assert "About this document" in (out / "wilson-117244.html").read_text()


def test_page_language_is_the_documents_and_labels_are_english(tmp_path):
    src = tmp_path / "stueck.xml"
    src.write_text(f'<TEI xmlns="{TEI_NS}" xml:lang="de"><teiHeader><fileDesc><titleStmt>'
                   "<title>Ein Stück</title></titleStmt></fileDesc></teiHeader><text><body>"
                   '<sp who="#a"><speaker>A.</speaker><p>Guten Tag.</p></sp></body></text></TEI>')
    render([src], Options(output=tmp_path / "out", formats=("html",)))
    doc = page(tmp_path / "out", "stueck.html")
    assert doc.get("lang") == "de"
    assert doc.find(".//section[@class='metadata']").get("lang") == "en"
    assert doc.find(".//nav").get("lang") is None and doc.find(".//header").get("lang") == "en"


def test_persons_index_lists_each_page_once_per_name():
    from pathlib import Path

    from teikit.render.metadata import Metadata, Speaker
    from teikit.render.site import Page, persons_index

    def page(pid, *names):
        meta = Metadata(pid, speakers=[Speaker(f"k{i}", n) for i, n in enumerate(names)])
        return Page(pid, meta, Path(f"{pid}.xml"), f"tei/{pid}.xml")

    # two speakers named alike in one document (two people called Kim, say)
    pages = [page("a", "Kim", "Mao", "Kim"), page("b", "Kim"), page("c", "Mao")]
    people = {p.name: [q.id for q in p.pages] for p in persons_index(pages)}
    assert people == {"Kim": ["a", "b"], "Mao": ["a", "c"]}
