"""Large editions render correctly (issue 11): note numbering, ids and links, the text
edition's markers and notes, on generated editions with thousands of paragraphs and notes,
repeated ``xml:id`` values, many notes in one paragraph, many cells in a row and divisions
nested deep.  Correctness only: the speed is measured by benchmarks/render_bench.py."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html

from teikit.render import Options, render

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{id}"><teiHeader><fileDesc>
<titleStmt><title>{id}</title></titleStmt><publicationStmt><publisher>t</publisher>
</publicationStmt><sourceDesc><p>generated</p></sourceDesc></fileDesc></teiHeader>
<text><body>"""
FOOTER = "</body></text></TEI>\n"


def note(k: int) -> str:
    """Footnote k: every 7th without an xml:id, every 50th repeating footnote k-49's."""
    ident = "" if k % 7 == 0 else f' xml:id="fn{k - 49 if k % 50 == 0 else k}"'
    return f'<note n="{k}"{ident}>Note {k} text.</note>'


def paragraphs(n: int, every: int) -> str:
    """One sp of n paragraphs; a note after the word of every ``every``-th paragraph, with
    the XML's line break and indentation before it; a page break in every 100th."""
    parts, k = [], 0
    for i in range(n):
        mark = ""
        if i % every == 0:
            k += 1
            mark = f"\n      {note(k)}"
        pb = f'<pb n="{i // 100 + 1}"/>' if i % 100 == 0 else ""
        parts.append(f"<p>{pb}Paragraph word{i}{mark} ends.</p>\n")
    return (HEADER.format(id="many") + '<div type="transcript"><sp><speaker>A.</speaker>'
            + "".join(parts) + "</sp></div>" + FOOTER)


def rendered(tmp_path: Path, name: str, tei: str) -> tuple[html.HtmlElement, str]:
    (tmp_path / f"{name}.xml").write_text(tei, encoding="utf-8")
    out = tmp_path / "out"
    render([tmp_path / f"{name}.xml"], Options(output=out, width=0))
    page = html.parse(str(out / f"{name}.html")).getroot()
    return page, (out / "text" / f"{name}.txt").read_text(encoding="utf-8")


def note_ids(count: int) -> list[str | None]:
    """The id each note's <li> must carry: its xml:id, else note-<position>; a repeated
    id only on its first holder (the sanitizer keeps ids unique)."""
    ids, seen = [], set()
    for k in range(1, count + 1):
        ident = f"note-{k}" if k % 7 == 0 else f"fn{k - 49 if k % 50 == 0 else k}"
        ids.append(None if ident in seen else ident)
        seen.add(ident)
    return ids


def test_thousands_of_notes_are_numbered_linked_and_unique(tmp_path):
    page, text = rendered(tmp_path, "many", paragraphs(6000, 5))
    items = page.findall(".//ol[@class='notes']/li")
    assert len(items) == 1200
    assert [li.get("id") for li in items] == note_ids(1200)
    assert [li.findtext("span[@class='note-n']") for li in items] == \
        [f"{k}." for k in range(1, 1201)]
    refs = page.findall(".//a[@class='noteref']")
    assert [a.text_content() for a in refs] == [str(k) for k in range(1, 1201)]
    for k, (a, li, want) in enumerate(zip(refs, items, note_ids(1200), strict=True), 1):
        # each marker points at its note's id (a repeated one: at its first holder, which
        # is what a browser follows), the note back at its marker
        nominal = f"note-{k}" if k % 7 == 0 else f"fn{k - 49 if k % 50 == 0 else k}"
        assert a.get("href") == f"#{nominal}"
        assert li.find("a[@class='backref']").get("href") == f"#{nominal}-ref"
        assert a.get("id") == (f"{want}-ref" if want else None)
    ids = [el.get("id") for el in page.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    assert len(page.findall(".//a[@class='pb']")) == 60
    # text edition: markers glued to their word, the notes at the end in order
    assert "word0" + "1 ends." in text and "word5995" + "1200 ends." in text
    assert re.findall(r"^  (\d+)\. Note \1 text\.$", text, re.M) == \
        [str(k) for k in range(1, 1201)]


def test_many_notes_in_one_paragraph(tmp_path):
    body = "".join(f" w{k} {note(k)}" for k in range(1, 3001))  # the space after w{k}: layout
    page, text = rendered(tmp_path, "one", HEADER.format(id="one")
                          + f'<div type="document"><p>{body} end.</p></div>' + FOOTER)
    assert [li.get("id") for li in page.findall(".//ol[@class='notes']/li")] == note_ids(3000)
    para = text.split("=" * 72)[1].strip().split("\n\n")[0]
    assert para == " ".join(f"w{k}{k}" for k in range(1, 3001)) + " end."  # glued


def test_a_row_of_many_cells_and_many_rows(tmp_path):
    cells = "".join(f"<cell>{c}</cell>" for c in range(2000))
    rows = "".join(f"<row><cell>r{r}</cell><cell>x</cell></row>" for r in range(2000))
    page, text = rendered(tmp_path, "table", HEADER.format(id="table")
                          + f"<table><row>{cells}</row>{rows}</table>" + FOOTER)
    assert len(page.findall(".//table/tbody/tr")) == 2001
    assert " | ".join(str(c) for c in range(2000)) in text
    assert "r1999 | x" in text


def test_divisions_nested_deep_keep_their_heading_levels(tmp_path):
    depth = 200
    tei = (HEADER.format(id="deep")
           + "".join(f'<div n="{d}"><head>Level {d}</head><p>p{d}<note n="{d + 1}">n{d}'
                     "</note></p>" for d in range(depth))
           + "</div>" * depth + FOOTER)
    page, text = rendered(tmp_path, "deep", tei)
    heads = [(h.tag, h.text_content()) for h in page.iter("h3", "h4", "h5", "h6")]
    assert heads == [(f"h{min(d + 3, 6)}", f"Level {d}") for d in range(depth)]
    assert len(page.findall(".//ol[@class='notes']/li")) == depth
    assert f"p{depth - 1}{depth}" in text


def test_a_volume_numbers_notes_per_document(tmp_path):
    docs = "".join(f'<div type="document" xml:id="d{d}"><head>Doc {d}</head>'
                   + "".join(f"<p>t{d}.{j}<note>x</note></p>" for j in range(20)) + "</div>"
                   for d in range(1, 101))
    (tmp_path / "vol.xml").write_text(HEADER.format(id="vol") + docs + FOOTER,
                                      encoding="utf-8")
    report = render([tmp_path / "vol.xml"], Options(output=tmp_path / "out"))
    assert len(report.pages) == 100
    for d in (1, 50, 100):
        page = html.parse(str(tmp_path / "out" / f"vol-d{d}.html")).getroot()
        assert [li.get("id") for li in page.findall(".//ol[@class='notes']/li")] == \
            [f"note-{k}" for k in range(1, 21)]
