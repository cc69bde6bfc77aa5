"""``teikit convert`` on hostile Word packages, in the sandbox of guard.py: nothing outside
the project read or written, no network, one line for what is refused."""

from __future__ import annotations

import io
import zipfile

import pytest

from docx_builder import NS, make_docx, p, r
from hostile.guard import TOKEN, assert_contained, assert_one_line_error, run_teikit

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _convert(project, outside, data: bytes, name: str = "memo.docx"):
    src = project / "sources" / name
    src.write_bytes(data)
    run = run_teikit(["convert", f"sources/{name}", "-o", "tei"], cwd=project)
    assert_contained(run, outside, inputs=[src], output=project / "tei")
    return run, f"sources/{name}"


def test_external_relationships_to_the_outside_are_never_followed(project, outside):
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}" TargetMode="External"/>'
        for rid, kind, target in (("rI1", "image", outside.url),
                                  ("rI2", "image", outside.secret_url),
                                  ("rL", "hyperlink", outside.secret_url),
                                  ("rS", "subDocument", outside.secret_url)))
    settings_rels = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                     f'relationships"><Relationship Id="rT" Type="{REL}/attachedTemplate" '
                     f'Target="{outside.url}" TargetMode="External"/></Relationships>')
    body = (p("See ", '<w:hyperlink r:id="rL">' + r("this") + "</w:hyperlink>", ".")
            + p('<w:r><w:drawing><a:blip xmlns:a="urn:a" r:link="rI1"/></w:drawing></w:r>'))
    data = make_docx(body, document_rels=rels, settings=f"<w:settings {NS}/>",
                     extra={"word/_rels/settings.xml.rels": settings_rels.encode()})
    run, _ = _convert(project, outside, data)
    assert run.code == 0, run.stderr
    [edition] = (project / "tei").iterdir()
    assert TOKEN.encode() not in edition.read_bytes()


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "docProps/core.xml",
                                  "word/_rels/document.xml.rels"])
def test_entities_in_any_part_are_refused_unexpanded(project, outside, part):
    doctype = (f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "{outside.secret_url}">'
               f'<!ENTITY net SYSTEM "{outside.url}">]>\n')
    with zipfile.ZipFile(io.BytesIO(make_docx(p("Hello."), core_xml="<x/>"))) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    xml = members[part].decode()
    if xml.startswith("<?xml"):
        xml = xml.split("?>", 1)[1]
    members[part] = (doctype + xml.replace("Hello.", "&xxe;&net;")).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    data = buf.getvalue()
    run, shown = _convert(project, outside, data)
    assert_one_line_error(run, shown, 1, part)
    assert not (project / "tei").exists()


def test_member_names_that_climb_out_are_never_extracted(project, outside):
    evil = {"../../outside/evil.txt": b"x", "/tmp/teikit-evil.txt": b"x",
            "word/../../../escape.xml": b"<x/>"}
    run, _ = _convert(project, outside, make_docx(p("Hello."), extra=evil))
    assert run.code == 0, run.stderr
    assert not (outside.folder / "evil.txt").exists()


def test_zip_bomb_is_refused_without_inflating(project, outside):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        # streamed: this process need not hold the 150 MB either
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * (1024 * 1024)
            for _ in range(150):
                fh.write(chunk)
    run, shown = _convert(project, outside, buf.getvalue())
    # the directory check names both sizes: it ran, and refused, before any inflating (the
    # child's peak memory is no evidence: Linux starts it from the parent's at the fork)
    assert_one_line_error(run, shown, 1, "expands")
    assert "to 157286400 (over 200:1): a zip bomb" in run.lines[0]
