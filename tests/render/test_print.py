"""The print and e-book editions: one EPUB 3 of the edition, PDFs per document and of the
edition, and the site's links to them."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from lxml import etree, html

from teikit.cli import main
from teikit.render import Options, render

from .conftest import FIXTURES

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
NS = {"h": XHTML, "epub": EPUB, "opf": OPF, "dc": DC,
      "c": "urn:oasis:names:tc:opendocument:xmlns:container"}
EPUB_TYPE = f"{{{EPUB}}}type"


def _render(out: Path, formats: tuple[str, ...] = ("html", "epub"), **kw) -> Path:
    render([FIXTURES], Options(output=out, formats=formats, title="Test edition",
                               publisher="Test publisher", **kw))
    return out


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    return _render(tmp_path_factory.mktemp("epub")) / "edition.epub"


def _xml(z: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(z.read(name))


# ---------------------------------------------------------------- EPUB


def test_mimetype_comes_first_uncompressed(book):
    with zipfile.ZipFile(book) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED and not first.extra
        assert z.read("mimetype") == b"application/epub+zip"
    # readers sniff the type at a fixed offset: the first local header's name and data
    assert book.read_bytes()[30:38 + 20] == b"mimetypeapplication/epub+zip"


def test_container_points_at_the_package(book):
    with zipfile.ZipFile(book) as z:
        root = _xml(z, "META-INF/container.xml")
        (rootfile,) = root.iterfind(".//c:rootfile", NS)
        assert rootfile.get("media-type") == "application/oebps-package+xml"
        assert rootfile.get("full-path") in z.namelist()


def test_package_metadata_manifest_and_spine(book):
    with zipfile.ZipFile(book) as z:
        opf = _xml(z, "EPUB/package.opf")
        names = set(z.namelist())
    assert opf.get("version") == "3.0"
    uid = opf.find(f".//dc:identifier[@id='{opf.get('unique-identifier')}']", NS)
    assert uid is not None and uid.text.startswith("urn:uuid:")
    assert opf.findtext(".//dc:title", namespaces=NS) == "Test edition"
    assert opf.findtext(".//dc:publisher", namespaces=NS) == "Test publisher"
    assert opf.findtext(".//dc:language", namespaces=NS) == "en"
    assert opf.findtext(".//opf:meta[@property='dcterms:modified']", namespaces=NS) == \
        "1980-01-01T00:00:00Z"
    assert opf.find(".//dc:date", NS) is None   # no date unless one is configured
    items = {i.get("id"): i for i in opf.iterfind(".//opf:item", NS)}
    assert [i.get("href") for i in items.values() if "nav" in (i.get("properties") or "")] \
        == ["nav.xhtml"]
    for item in items.values():
        assert f"EPUB/{item.get('href')}" in names
    spine = [items[r.get("idref")].get("href") for r in opf.iterfind(".//opf:itemref", NS)]
    # the navigation document, then one file per document in date order (1982, 1987)
    assert spine == ["nav.xhtml", "documents/frus-d169.xhtml",
                     "documents/wilson-117244.xhtml"]


def test_navigation_lists_every_document(book):
    with zipfile.ZipFile(book) as z:
        nav = _xml(z, "EPUB/nav.xhtml")
    (toc,) = nav.xpath("//h:nav[@epub:type='toc']", namespaces=NS)
    links = [(a.get("href"), "".join(a.itertext())) for a in toc.iterfind(".//h:a", NS)]
    assert [h for h, _ in links] == ["documents/frus-d169.xhtml",
                                     "documents/wilson-117244.xhtml"]
    assert links[1][1].startswith("Conversation between M. S. Gorbachev")
    assert "(December 9, 1987)" in links[1][1]
    assert nav.findtext(".//h:h1", namespaces=NS) == "Test edition"


def test_footnotes_are_noteref_and_footnote_pairs(book):
    with zipfile.ZipFile(book) as z:
        doc = _xml(z, "EPUB/documents/frus-d169.xhtml")   # well-formed XML, or this fails
    ids = {el.get("id"): el for el in doc.iter() if el.get("id")}
    refs = doc.xpath("//h:a[@epub:type='noteref']", namespaces=NS)
    notes = doc.xpath("//h:aside[@epub:type='footnote']", namespaces=NS)
    assert len(refs) == len(notes) == 3
    for ref in refs:
        note = ids[ref.get("href")[1:]]
        assert note.get(EPUB_TYPE) == "footnote" and note.tag == f"{{{XHTML}}}aside"
        (back,) = note.xpath(".//h:a[@class='backref']", namespaces=NS)
        assert back.get("href") == f"#{ref.get('id')}"
    assert "Pipes Files" in "".join(notes[0].itertext())
    assert not doc.xpath("//h:ol[@class='notes']", namespaces=NS)  # the list became asides


def test_document_files_keep_the_sites_text_and_marks(book):
    with zipfile.ZipFile(book) as z:
        doc = _xml(z, "EPUB/documents/wilson-117244.xhtml")
    assert doc.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    speakers = [" ".join("".join(p.itertext()).split())
                for p in doc.iterfind(".//h:p[@class='speaker']", NS)]
    assert speakers[:2] == ["R. REAGAN.", "M. S. GORBACHEV."]
    terms = doc.xpath("//h:i[@class='foreign']", namespaces=NS)
    assert ("akkuratno", "ru-Latn") in [(t.text, t.get("lang")) for t in terms]
    assert doc.find(".//h:link[@rel='stylesheet']", NS).get("href") == "../epub.css"


def test_epub_is_deterministic(book, tmp_path):
    again = _render(tmp_path / "again", formats=("epub",)) / "edition.epub"
    assert again.read_bytes() == book.read_bytes()
    with zipfile.ZipFile(book) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.namelist()[1:] == sorted(z.namelist()[1:])


def test_identifier_follows_the_content(book, tmp_path):
    only = tmp_path / "one"
    render([FIXTURES / "frus-d169.xml"], Options(output=only, formats=("epub",),
                                                 title="Test edition",
                                                 publisher="Test publisher"))

    def uid(path: Path) -> str:
        with zipfile.ZipFile(path) as z:
            return _xml(z, "EPUB/package.opf").findtext(".//dc:identifier", namespaces=NS)
    assert uid(only / "edition.epub") != uid(book)


def test_a_configured_date_is_the_books_date(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = _render(tmp_path, formats=("epub",), date="2024-05-17")
    with zipfile.ZipFile(out / "edition.epub") as z:
        opf = _xml(z, "EPUB/package.opf")
        assert {i.date_time for i in z.infolist()} == {(2024, 5, 17, 0, 0, 0)}
    assert opf.findtext(".//dc:date", namespaces=NS) == "2024-05-17"
    assert opf.findtext(".//opf:meta[@property='dcterms:modified']", namespaces=NS) == \
        "2024-05-17T00:00:00Z"


def test_links_that_lead_nowhere_in_the_book_are_dropped(tmp_path):
    src = tmp_path / "odd.xml"
    src.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>'
        'Odd</title></titleStmt></fileDesc></teiHeader><text><body><p>See <ref target='
        '"other.html">elsewhere</ref> and <ref target="https://example.org/">the web</ref>'
        '.</p></body></text></TEI>', encoding="utf-8")
    render([src], Options(output=tmp_path / "out", formats=("epub",)))
    with zipfile.ZipFile(tmp_path / "out" / "edition.epub") as z:
        doc = _xml(z, "EPUB/documents/odd.xhtml")
        title = _xml(z, "EPUB/package.opf").findtext(".//dc:title", namespaces=NS)
    hrefs = [a.get("href") for a in doc.iter(f"{{{XHTML}}}a")]
    assert "other.html" not in hrefs and "https://example.org/" in hrefs
    assert title == "Odd"   # one document and no edition title: the document's


def _epubcheck() -> list[str] | None:
    found = shutil.which("epubcheck")
    if found is None:
        return None
    # Debian's epubcheck is the jar itself, run through binfmt where that is set up
    if Path(found).resolve().suffix == ".jar":
        return ["java", "-jar", str(Path(found).resolve())] if shutil.which("java") else None
    return [found]


def test_epubcheck_finds_no_errors(book):
    command = _epubcheck()
    if command is None:
        pytest.skip("epubcheck is not installed (Debian package epubcheck)")
    done = subprocess.run([*command, str(book)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 fatals / 0 errors" in done.stdout + done.stderr


# ---------------------------------------------------------------- the site's links


def test_every_page_links_the_downloads(tmp_path):
    out = _render(tmp_path, formats=("html", "epub"))
    pages = sorted(out.glob("*.html"))  # documents, indexes, the register and its entries
    assert {"index.html", "persons.html", "register.html"} < {p.name for p in pages}
    for page in pages:
        links = {a.get("href") for a in html.parse(str(page)).iter("a")}
        assert "edition.epub" in links, page.name
        assert not any(h.startswith("pdf/") for h in links if h)  # no PDFs were built


def test_no_download_links_without_books(tmp_path):
    out = tmp_path / "site"
    render([FIXTURES], Options(output=out))
    assert 'class="downloads"' not in (out / "index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- command line


def test_cli_epub_only(tmp_path, capsys):
    assert main(["render", str(FIXTURES), "-o", str(tmp_path), "--format", "epub",
                 "--title", "T", "--publisher", "P"]) == 0
    assert (tmp_path / "edition.epub").is_file()
    assert not (tmp_path / "index.html").exists() and not (tmp_path / "text").exists()


def test_cli_refuses_unknown_formats_and_dates(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["render", str(FIXTURES), "-o", str(tmp_path), "--format", "html,docx"])
    assert e.value.code == 2 and "unknown format 'docx'" in capsys.readouterr().err
    assert main(["render", str(FIXTURES), "-o", str(tmp_path), "--format", "epub",
                 "--date", "May 2024"]) == 2
    assert "expected YYYY-MM-DD" in capsys.readouterr().err


# ---------------------------------------------------------------- PDF


def _weasyprint():
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as e:
        pytest.skip(f"WeasyPrint is not usable here ({e}); pip install 'teikit[pdf]'")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> Path:
    _weasyprint()
    return _render(tmp_path_factory.mktemp("pdf"), formats=("html", "pdf"),
                   date="2024-05-17")


def _pages_text(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (Debian package poppler-utils)")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True, timeout=120).stdout
    return text.split("\f")


def _page_of(pages: list[str], needle: str) -> int:
    found = [i for i, text in enumerate(pages) if needle in " ".join(text.split())]
    assert len(found) == 1, (needle, found)
    return found[0]


def test_a_pdf_per_document_and_one_of_the_edition(pdfs):
    assert sorted(p.name for p in (pdfs / "pdf").iterdir()) == ["frus-d169.pdf",
                                                                "wilson-117244.pdf"]
    for pdf in [*(pdfs / "pdf").iterdir(), pdfs / "edition.pdf"]:
        assert pdf.read_bytes().startswith(b"%PDF-")
    doc = html.parse(str(pdfs / "frus-d169.html")).getroot()
    links = {a.get("href") for a in doc.iter("a")}
    assert {"pdf/frus-d169.pdf", "edition.pdf"} <= links


def test_footnotes_stand_on_the_page_of_their_marker(pdfs):
    for pdf in (pdfs / "pdf" / "frus-d169.pdf", pdfs / "edition.pdf"):
        pages = _pages_text(pdf)
        # note 2's marker is glued to "Day", note 3's to the recommendation's full stop
        assert _page_of(pages, "With Afghanistan Day2 well behind us") == \
            _page_of(pages, "2. Reference is to the President’s proclamation")
        assert _page_of(pages, "bilateral talks with the Soviets on Afghanistan.3") == \
            _page_of(pages, "3. Reagan did not approve or disapprove")
        # the notes are footnotes now, not a list at the end
        assert not any("Back to note" in p for p in pages)


def test_page_markers_speakers_and_title_block(pdfs):
    pages = _pages_text(pdfs / "pdf" / "frus-d169.pdf")
    assert any("[Page 546]" in p for p in pages)
    first = " ".join(pages[0].split())
    assert "Archive Reagan Library, Pipes Files" in first  # the metadata panel, first page
    wilson = " ".join(" ".join(_pages_text(pdfs / "pdf" / "wilson-117244.pdf")).split())
    assert "R. REAGAN. The regional issues" in wilson


def test_lines_break_at_their_last_space_before_a_mark(pdfs):
    # WeasyPrint 70 broke "… begin with Afghanistan <span class="gap">(...)</span>." after
    # the paragraph's first word, leaving "Our" alone on its line
    lines = [line.strip() for page in _pages_text(pdfs / "pdf" / "wilson-117244.pdf")
             for line in page.splitlines()]
    (line,) = [x for x in lines if x.startswith("Our order of priorities")]
    assert line.endswith("Afghanistan") or line.endswith("(...).")
    assert "Our" not in lines


def test_edition_pdf_has_contents_with_page_numbers(pdfs):
    pages = _pages_text(pdfs / "edition.pdf")
    assert "Test edition" in pages[0] and "2 documents, in date order" in pages[0]
    contents = " ".join(pages[1].split())
    assert "Contents" in contents
    # each entry's number is the page where that document starts (date order: 1982, 1987)
    frus = _page_of(pages, "Classification Secret; Sensitive.") + 1
    wilson = _page_of(pages, "Translated by Gary Goldberg") + 1
    assert frus < wilson
    numbers = [int(n) for n in re.findall(r"\.{2,} ?(\d+)", contents)]
    assert numbers == [frus, wilson]


def _pdf_strings(pdf: Path, key: bytes) -> list[str]:
    """The string values of ``key`` (``/Title``) in a PDF's objects, compressed or not."""
    data = pdf.read_bytes()
    chunks = [data]
    for m in re.finditer(rb"stream\r?\n", data):
        try:
            chunks.append(zlib.decompressobj().decompress(data[m.end():]))
        except zlib.error:
            continue
    found = []
    for m in re.finditer(re.escape(key) + rb"\s*(\((?:\\.|[^)\\])*\)|<[0-9a-fA-F]*>)",
                         b"\n".join(chunks)):
        value = m.group(1)
        if value.startswith(b"<"):
            raw = bytes.fromhex(value[1:-1].decode())
            found.append(raw.decode("utf-16") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1"))
        else:
            found.append(re.sub(rb"\\(.)", rb"\1", value[1:-1]).decode("latin-1"))
    return found


def test_pdf_bookmarks_are_the_headings_without_notes(pdfs):
    titles = _pdf_strings(pdfs / "edition.pdf", b"/Title")
    assert "Contents" in titles
    assert "169. Memorandum From Secretary of State Haig to President Reagan" in titles
    assert any(t.startswith("Conversation between M. S. Gorbachev") for t in titles)
    assert not any("Reagan Library" in t for t in titles)   # note 1 sits in the heading


def test_document_pdfs_are_offprints_numbered_from_one(pdfs):
    # a document's PDF depends on that document alone: its pages are numbered 1..n (cited as
    # "p. N of the document"), and show what the edition shows on its pages from its start
    edition = _pages_text(pdfs / "edition.pdf")
    numbers = [int(n) for n in re.findall(r"\.{2,} ?(\d+)", " ".join(edition[1].split()))]
    for name, start in zip(("frus-d169", "wilson-117244"), numbers, strict=True):
        own = [p for p in _pages_text(pdfs / "pdf" / f"{name}.pdf") if p.strip()]
        lines = [[x.strip() for x in p.splitlines() if x.strip()] for p in own]
        assert [page[-1] for page in lines] == [str(n) for n in range(1, len(own) + 1)], name
        theirs = [[x.strip() for x in p.splitlines() if x.strip()]
                  for p in edition[start - 1:start - 1 + len(own)]]
        assert [page[-1] for page in theirs] == [str(n) for n in range(start, start + len(own))]
        assert [page[:-1] for page in lines] == [page[:-1] for page in theirs], name
    # the contents link to the documents inside the edition
    assert "frus-d169--document" in _pdf_strings(pdfs / "edition.pdf", b"/Dest")


def test_pdf_metadata_is_the_editions(pdfs):
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo is not installed (Debian package poppler-utils)")
    info = subprocess.run(["pdfinfo", "-isodates", str(pdfs / "edition.pdf")],
                          capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip() == "Test edition"
    assert fields["Author"].strip() == "Test publisher"
    assert fields["CreationDate"].strip().startswith("2024-05-17")
    one = subprocess.run(["pdfinfo", str(pdfs / "pdf" / "frus-d169.pdf")],
                         capture_output=True, text=True, check=True).stdout
    assert "169. Memorandum From Secretary of State Haig to President Reagan" in one


def test_pdf_is_deterministic(pdfs, tmp_path):
    again = _render(tmp_path, formats=("pdf",), date="2024-05-17")
    for name in ("edition.pdf", "pdf/frus-d169.pdf", "pdf/wilson-117244.pdf"):
        assert (again / name).read_bytes() == (pdfs / name).read_bytes(), name


def test_cyrillic_and_chinese_text_reach_the_pdf(tmp_path):
    _weasyprint()
    src = tmp_path / "langs.xml"
    src.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>'
        'Langs</title></titleStmt></fileDesc></teiHeader><text><body>'
        '<p xml:lang="ru">Горбачёв и Рейган</p><p xml:lang="zh">毛泽东与赫鲁晓夫会谈</p>'
        '</body></text></TEI>', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(src), "-o", str(out), "--format", "pdf"]) == 0
    text = " ".join(_pages_text(out / "pdf" / "langs.pdf"))
    assert "Горбачёв и Рейган" in text
    if not subprocess.run(["fc-list", ":lang=zh"], capture_output=True,
                          text=True).stdout.strip():
        pytest.skip("no font with Chinese glyphs is installed (e.g. fonts-wqy-microhei)")
    assert "毛泽东与赫鲁晓夫会谈" in text.replace(" ", "")


def test_a_note_of_paragraphs_in_both_books(tmp_path):
    _weasyprint()
    src = tmp_path / "notes.xml"
    src.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>'
        'Notes</title></titleStmt></fileDesc></teiHeader><text><body><p>Marker here<note '
        'n="*" xml:id="n1"><p>First paragraph of the note.</p><p>Second paragraph.</p>'
        '</note> and on.</p></body></text></TEI>', encoding="utf-8")
    out = tmp_path / "out"
    render([src], Options(output=out, formats=("epub", "pdf")))
    with zipfile.ZipFile(out / "edition.epub") as z:
        doc = _xml(z, "EPUB/documents/notes.xhtml")
    (aside,) = doc.xpath("//h:aside[@epub:type='footnote']", namespaces=NS)
    assert [p.text for p in aside.iterfind("h:p", NS)] == ["First paragraph of the note.",
                                                          "Second paragraph."]
    lines = [x.strip() for x in _pages_text(out / "pdf" / "notes.pdf")[0].splitlines()]
    assert "Marker here* and on." in lines
    # the note's number runs in with its first paragraph, the second starts a line
    assert "*. First paragraph of the note." in lines and "Second paragraph." in lines


def test_cli_pdf_exit_code(tmp_path, capsys):
    _weasyprint()
    assert main(["render", str(FIXTURES / "frus-d169.xml"), "-o", str(tmp_path),
                 "--format", "pdf"]) == 0
    assert (tmp_path / "pdf" / "frus-d169.pdf").is_file()
    assert (tmp_path / "edition.pdf").is_file()


def test_pages_with_download_links_are_valid_html5(tmp_path):
    from .test_html_validity import vnu_command
    command = vnu_command()
    _weasyprint()
    both = _render(tmp_path, formats=("html", "epub", "pdf"))
    pages = sorted(str(p) for p in both.glob("*.html"))
    assert 'href="edition.pdf"' in (both / "index.html").read_text(encoding="utf-8")
    result = subprocess.run(command + pages, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[:3000]
