"""Registers of persons, places and organisations, as an editor keeps them and a reader
uses them: entries joined across labels, authority links, every occurrence reachable."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from teikit.build.scaffold import init
from teikit.errors import TeikitError
from teikit.render import Options, registers, render

from .test_browser import browser_page  # noqa: F401 - the shared Chromium fixture

HERE = Path(__file__).resolve().parent / "fixtures_registers"
CORPUS = HERE / "corpus"
REGISTER = HERE / "register.xml"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, list]:
    out = tmp_path_factory.mktemp("site")
    report = render([CORPUS], Options(output=out, register=REGISTER, search=False))
    return out, report.diagnostics


def _main(path: Path):
    return lxml_html.parse(str(path)).getroot().xpath("//main")[0]


def test_one_entry_for_a_person_under_several_labels(site):
    out, _ = site
    main = _main(out / "person-reagan.html")
    assert main.findtext("h1") == "Ronald Reagan"
    occurrences = [(li.xpath("a[@class='occ-doc']/@href")[0],
                    [a.get("href") for a in li.xpath("ul/li/a")])
                   for li in main.xpath("ol[@class='occurrences']/li")]
    # a.xml: speaks (who="#rr", "R. Reagan") and is named in Gorbachev's turn;
    # b.xml: "THE PRESIDENT:" and "RONALD REAGAN:" are the register's alternative names
    assert occurrences == [("a.html", ["a.html#sp-1", "a.html#sp-2"]),
                           ("b.html", ["b.html#sp-1", "b.html#sp-3"])]
    assert "speaks" in main.xpath("string(ol/li[1]/ul/li[1])")
    assert "in the text" in main.xpath("string(ol/li[1]/ul/li[2])")
    assert not (out / "person-r-reagan.html").exists()


def test_authority_ids_and_dates_are_shown_as_links(site):
    out, _ = site
    main = _main(out / "person-reagan.html")
    links = {a.text: a.get("href") for a in main.xpath("dl//a")}
    assert links == {"76321299": "https://viaf.org/viaf/76321299",
                     "Q9960": "https://www.wikidata.org/wiki/Q9960"}
    assert "born 1911; died 2004" in main.xpath("string(dl)")
    geneva = _main(out / "place-geneva.html")
    assert geneva.xpath("dl//a/@href") == ["https://d-nb.info/gnd/4020137-8"]


def test_names_in_notes_and_text_without_an_entry_get_their_own_page(site):
    out, _ = site
    un = _main(out / "org-united-nations.html")
    assert un.xpath("ol/li/ul/li/a/@href") == ["a.html#note-1"]
    assert "in a note" in un.xpath("string(ol/li/ul/li)")
    kabul = _main(out / "place-kabul.html")
    assert kabul.xpath("ol/li/ul/li/a/@href") == ["b.html#sp-2"]
    register = _main(out / "register.html")
    assert "(not in the register)" in register.xpath(
        "string(.//li[a/@href='place-kabul.html'])")


def test_unmatched_speakers_are_reported(site):
    _, diagnostics = site
    unmatched = [d for d in diagnostics if d.rule == "register-unmatched"]
    assert len(unmatched) == 1
    # "Q" is a role, not a person the register lacks
    assert unmatched[0].message.endswith("match no register entry: M. S. Gorbachev")


def test_role_labels_are_listed_as_roles_not_persons(site):
    out, _ = site
    assert not (out / "person-q.html").exists()
    role = _main(out / "role-q.html")
    assert role.xpath("string(dl/dd[1])") == "Role"
    assert role.xpath("ol/li/a[@class='occ-doc']/@href") == ["b.html"]
    assert role.xpath("ol/li/ul/li/a/@href")[0].startswith("b.html#")
    register = _main(out / "register.html")
    roles = register.xpath(".//section[h2/@id='register-role']")[0]
    assert roles.xpath("ul/li/a/@href") == ["role-q.html"]
    assert "not in the register" not in roles.xpath("string(ul)")
    # a role the register lists among a person's names joins that person ("The President")
    assert "person-reagan.html" in register.xpath(".//section[h2/@id='register-person']"
                                                  "/ul/li/a/@href")


@pytest.mark.parametrize(("label", "role"), [
    ("Q.", True), ("A", True), ("QUESTION:", True), ("THE PRESIDENT.", True),
    ("The Court", True), ("Mr. Speaker", True), ("Defense Attorney", True),
    ("ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ.", True), ("ИЗ ЗАЛА", True), ("M. le président", True),
    ("President Reagan", False), ("R. Reagan", False), ("Рубежанский П. Н.", False),
    ("Gorbachev", False), ("Secretary Shultz", False)])
def test_what_is_a_role(label, role):
    assert registers.is_role(label) is role


def test_no_script_from_the_input_reaches_a_register_or_document_page(site):
    out, _ = site
    for page in out.glob("*.html"):
        doc = lxml_html.parse(str(page)).getroot()
        # the only scripts are teikit's own, from assets/ (search box, index sorting)
        assert not doc.xpath("//script[not(starts-with(@src, 'assets/teikit-'))]"
                             " | //@*[starts-with(name(), 'on')]"), page.name
        assert {s.get("src") for s in doc.xpath("//script")} <= {
            "assets/teikit-search.js", "assets/teikit-browse.js"}


def test_without_a_register_speakers_still_have_pages(tmp_path):
    render([CORPUS], Options(output=tmp_path, search=False))
    names = {p.name for p in tmp_path.glob("person-*.html")}
    assert "person-r-reagan.html" in names
    assert (tmp_path / "role-the-president.html").is_file()


def test_a_register_that_is_not_tei_is_refused(tmp_path):
    bad = tmp_path / "r.xml"
    bad.write_text("<people><person/></people>", encoding="utf-8")
    with pytest.raises(TeikitError, match="not a TEI register"):
        registers.load(bad)


def test_init_writes_an_example_register_that_loads(tmp_path):
    init(tmp_path / "ed")
    register = registers.load(tmp_path / "ed" / "register.xml")
    assert [(e.kind, e.key) for e in register.entries] == [
        ("person", "reagan"), ("place", "afghanistan"), ("org", "un")]
    assert register.entries[0].authorities[2].url == "https://www.wikidata.org/wiki/Q9960"


def test_a_reader_reaches_every_listed_document_and_passage(browser_page, site):  # noqa: F811
    page, errors = browser_page
    out, _ = site
    page.goto((out / "register.html").as_uri())
    entities = page.eval_on_selector_all("ul.register a", "as => as.map(a => a.href)")
    assert len(entities) >= 6
    for entity in entities:
        page.goto(entity)
        targets = page.eval_on_selector_all("ol.occurrences a", "as => as.map(a => a.href)")
        assert targets
        for target in targets:
            page.goto(target)
            assert page.locator("h1").inner_text()
            if "#" in target:
                assert page.evaluate("document.querySelector(':target') !== null"), target
    assert errors == []


def test_register_pages_are_valid_html5(tmp_path):
    import subprocess

    from .test_html_validity import vnu_command
    command = vnu_command()
    render([CORPUS], Options(output=tmp_path, register=REGISTER, formats=("html",)))
    pages = sorted(str(p) for p in tmp_path.glob("*.html"))
    result = subprocess.run(command + pages, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[:3000]


def test_speakers_are_filtered_under_the_register_name(site):
    out, _ = site
    for name, expected in (("a.html", ["Ronald Reagan", "M. S. Gorbachev"]),
                           ("b.html", ["Ronald Reagan", "Q"])):
        doc = lxml_html.parse(str(out / name)).getroot()
        assert doc.xpath("//span[@data-pagefind-filter='speaker']/text()") == expected
    index = lxml_html.parse(str(out / "index.html")).getroot()
    assert index.xpath("//ol[@class='documents']/li/@data-persons") == [
        "Ronald Reagan|M. S. Gorbachev", "Ronald Reagan|Q"]


def test_build_reads_the_register_from_teikit_toml_and_lists_unmatched_speakers(tmp_path,
                                                                              capsys):
    import shutil

    from teikit.cli import main
    init(tmp_path / "ed")
    root = tmp_path / "ed"
    for f in CORPUS.glob("*.xml"):
        shutil.copy(f, root / "tei" / f.name)
    shutil.copy(REGISTER, root / "register.xml")
    main(["build", str(root), "-j", "1"])  # the small test editions fail teikit's schemas
    err = capsys.readouterr().err
    assert "1 speaker(s) match no register entry: M. S. Gorbachev" in err
    assert (root / "output" / "role-q.html").is_file()
    main_el = _main(root / "output" / "person-reagan.html")
    assert main_el.xpath("ol/li/a[@class='occ-doc']/@href") == ["a.html", "b.html"]
    # the register changed: its pages and the speakers' names follow
    text = REGISTER.read_text(encoding="utf-8").replace(
        "<listPerson>", "<listPerson><person xml:id='q'><persName>Q</persName></person>")
    (root / "register.xml").write_text(text, encoding="utf-8")
    main(["build", str(root), "-j", "1"])
    err = capsys.readouterr().err
    assert "1 speaker(s) match no register entry: M. S. Gorbachev" in err
    assert (root / "output" / "person-q.html").is_file()


def test_a_build_with_nothing_to_do_still_lists_unmatched_speakers(tmp_path, capsys):
    import shutil

    from teikit.cli import main
    init(tmp_path / "ed")
    root = tmp_path / "ed"
    for f in CORPUS.glob("*.xml"):
        shutil.copy(f, root / "tei" / f.name)
    shutil.copy(REGISTER, root / "register.xml")
    main(["build", str(root), "-j", "1"])
    first = capsys.readouterr().err
    main(["build", str(root), "-j", "1"])  # nothing changed: the pages are not rewritten
    again = capsys.readouterr().err
    assert "0 page(s) written" in again
    line = next(x for x in first.splitlines() if "[register-unmatched]" in x)
    assert "M. S. Gorbachev" in line and line in again.splitlines()


def test_an_entry_named_in_cyrillic_has_a_page_of_its_name():
    assert registers.slug("Рубежанский П. Н.") == "рубежанский-п-н"
    assert registers.slug("R. Reagan") == "r-reagan"
    assert registers.slug("…") == "entry"


def test_a_search_result_names_the_turns_speaker_as_the_register_does(site):
    out, _ = site
    doc = lxml_html.parse(str(out / "a.html")).getroot()
    turns = doc.xpath("string(//span[@data-pagefind-meta='turns'])")
    # "R. REAGAN." (who="#rr", joined by name) is listed as the filter lists him
    assert turns == "sp-1=Ronald Reagan|sp-2=M. S. Gorbachev"
