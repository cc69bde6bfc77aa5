"""Small Word packages built in the tests: zipfile and minimal WordprocessingML strings.

``make_docx(body)`` gives the bytes of a .docx whose ``w:body`` holds ``body``; the other
keyword arguments add parts (footnotes, comments, styles, numbering, core properties).
``p``, ``r`` and friends write the markup of one paragraph or run, so that a test shows the
Word structure it is about.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

def _style(sid: str, name: str, kind: str = "paragraph", inner: str = "",
           default: bool = False) -> str:
    flag = ' w:default="1"' if default else ""
    return (f'<w:style w:type="{kind}"{flag} w:styleId="{sid}"><w:name w:val="{name}"/>'
            f"{inner}</w:style>")


def _levels(*formats: str) -> str:
    return "".join(f'<w:lvl w:ilvl="{i}"><w:numFmt w:val="{f}"/></w:lvl>'
                   for i, f in enumerate(formats))


#: The styles a document made by Word has for the features under test.
STYLES = (f"<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"en-US\"/>"
          "</w:rPr></w:rPrDefault></w:docDefaults>"
          + _style("Normal", "Normal", default=True) + _style("Title", "Title")
          + _style("Heading1", "heading 1", inner='<w:pPr><w:outlineLvl w:val="0"/></w:pPr>')
          + _style("Heading2", "heading 2", inner='<w:pPr><w:outlineLvl w:val="1"/></w:pPr>')
          + _style("Quote", "Quote", inner="<w:rPr><w:i/></w:rPr>")
          + _style("ListParagraph", "List Paragraph") + _style("Speaker", "Speaker")
          + _style("MyChapter", "My Chapter", inner='<w:basedOn w:val="Heading1"/>')
          + _style("Emphasis", "Emphasis", "character", "<w:rPr><w:i/></w:rPr>")
          + "</w:styles>")

#: numId 1: bullets; numId 2: decimal numbers.
NUMBERING = (f"<w:numbering {NS}>"
             f'<w:abstractNum w:abstractNumId="0">{_levels("bullet", "bullet")}</w:abstractNum>'
             f'<w:abstractNum w:abstractNumId="1">{_levels("decimal", "lowerLetter")}'
             "</w:abstractNum>"
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


def r(text: str, rpr: str = "") -> str:
    """A run of ``text`` with run properties ``rpr`` (e.g. ``"<w:i/>"``)."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(*runs: str, style: str | None = None, ppr: str = "") -> str:
    """A paragraph of ``runs`` (strings are made runs), in paragraph style ``style``."""
    inner = "".join(x if x.startswith("<") else r(x) for x in runs)
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{inner}</w:p>"


def li(text: str, num: int = 1, level: int = 0) -> str:
    return p(text, style="ListParagraph",
             ppr=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')


def note_part(kind: str, notes: dict[int, str]) -> str:
    """footnotes.xml / endnotes.xml with Word's separators and the notes ``id → text``."""
    body = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r>{r(" " + text)}</w:p></w:{kind}>'
        for i, text in notes.items())
    return (f'<w:{kind}s {NS}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r>'
            f'<w:separator/></w:r></w:p></w:{kind}>{body}</w:{kind}s>')


def core(title: str = "", creator: str = "", created: str = "", modified: str = "") -> str:
    def field(tag: str, value: str, w3c: bool = False) -> str:
        kind = ' xsi:type="dcterms:W3CDTF"' if w3c else ""
        return f"<{tag}{kind}>{escape(value)}</{tag}>" if value else ""
    return ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + field("dc:title", title) + field("dc:creator", creator)
            + field("dcterms:created", created, True) + field("dcterms:modified", modified, True)
            + "</cp:coreProperties>")


def make_docx(body: str, *, footnotes: str | None = None, endnotes: str | None = None,
              comments: str | None = None, styles: str | None = STYLES,
              numbering: str | None = NUMBERING, settings: str | None = None,
              core_xml: str | None = None, document_rels: str = "",
              content_type: str = DOC_TYPE, extra: dict[str, bytes] | None = None,
              document: str | None = None) -> bytes:
    """The bytes of a .docx package (``document`` replaces the whole document.xml)."""
    parts: dict[str, str | bytes] = {
        "word/document.xml": document if document is not None else
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>",
    }
    rels = [document_rels]
    for name, xml, rtype in (("styles", styles, "styles"), ("numbering", numbering, "numbering"),
                             ("footnotes", footnotes, "footnotes"),
                             ("endnotes", endnotes, "endnotes"),
                             ("comments", comments, "comments"),
                             ("settings", settings, "settings")):
        if xml is not None:
            parts[f"word/{name}.xml"] = xml
            rels.append(f'<Relationship Id="rId{name}" Type="{REL}/{rtype}" '
                        f'Target="{name}.xml"/>')
    root_rels = [f'<Relationship Id="rId1" Type="{REL}/officeDocument" '
                 'Target="word/document.xml"/>']
    if core_xml is not None:
        parts["docProps/core.xml"] = core_xml
        root_rels.append(f'<Relationship Id="rId2" Type="{PKG_REL}/metadata/core-properties" '
                         'Target="docProps/core.xml"/>')
    parts["word/_rels/document.xml.rels"] = (f'<Relationships xmlns="{PKG_REL}">'
                                             + "".join(rels) + "</Relationships>")
    parts["_rels/.rels"] = (f'<Relationships xmlns="{PKG_REL}">' + "".join(root_rels)
                            + "</Relationships>")
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{content_type}"/></Types>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in {**parts, **(extra or {})}.items():
            zf.writestr(name, data)
    return buf.getvalue()
