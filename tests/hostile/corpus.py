"""The bad-input corpus: sources (for convert, and for build once it exists) and TEI
editions (for render and validate), each built at test time from a few lines of code.

A case is data plus what teikit must do with it: ``error`` holds words of the one-line error
(``where`` the expected ``:line:col``), otherwise the input is usable and ``warning`` names a
rule the command must report.  Cases that point outside the project receive an ``Outside``
(a watched secret file and a listening socket, see guard.py).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass

from hostile.guard import Outside

TRANSCRIPT = "REAGAN: The regional issues.\n\nGORBACHEV: Our order of priorities.\n"
FRUS = ("12. Memorandum From Haig to Reagan1\n\nThe talks went well.\n\n"
        "  1. Source: Reagan Library, Pipes Files. Secret.\n")


@dataclass(frozen=True)
class Case:
    name: str
    data: Callable[[Outside], bytes]
    error: str | None = None   # words of the one-line error; None: the input is usable
    where: str = ""            # ":line:col" the error must name
    warning: str | None = None  # rule of a warning a usable input must produce
    large: bool = False        # run with the memory limit, apart from the quick cases


def _text(s: str) -> Callable[[Outside], bytes]:
    return lambda _o: s.encode("utf-8")


def _xxe_file(o: Outside) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "{o.secret_url}">\n'
            f'<!ENTITY pw SYSTEM "file:///etc/passwd">]>\nREAGAN: &xxe; &pw;\n\n'
            "GORBACHEV: yes.\n").encode()


def _xxe_http(o: Outside) -> bytes:
    return (f'<!DOCTYPE x SYSTEM "{o.url}" [<!ENTITY % p SYSTEM "{o.url}"> %p;]>\n'
            f"REAGAN: &xxe;\n\nGORBACHEV: see {o.url}\n").encode()


LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
          + "".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 1 else "") + ";") * 10}">\n'
                    for i in range(1, 10))
          + "]>\n")

SOURCES = [
    Case("empty", _text(""), error="empty source"),
    Case("whitespace-only", _text(" \n\t \r\n  \n"), error="empty source"),
    Case("bom-only", lambda _o: codecs.BOM_UTF8 + b"\n", error="empty source"),
    Case("binary", lambda _o: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
         error="binary file"),
    Case("truncated-utf8", lambda _o: "REAGAN: one\nGORBACHEV: Да".encode()[:-1],
         error="invalid UTF-8", where=":2:14"),
    Case("cp1252", lambda _o: TRANSCRIPT.replace("regional", "\u2018regional\u2019")
         .encode("cp1252"), warning="source-encoding"),
    Case("latin-1", lambda _o: TRANSCRIPT.replace("order", "ordre\u0081").encode("latin-1"),
         warning="source-encoding"),
    Case("utf16-le-bom", lambda _o: ("M. S. " + TRANSCRIPT + "Да.\n").encode("utf-16")),
    Case("utf16-be-bom", lambda _o: codecs.BOM_UTF16_BE + TRANSCRIPT.encode("utf-16-be")),
    Case("utf8-bom-crlf", lambda _o: codecs.BOM_UTF8
         + TRANSCRIPT.replace("\n", "\r\n").encode()),
    Case("utf16-broken", lambda _o: codecs.BOM_UTF16_LE + "REAGAN".encode("utf-16-le")
         + b"\x00\xd8" + "x".encode("utf-16-le"), error="after its byte-order mark"),
    Case("nul-late", lambda _o: (TRANSCRIPT * 200 + "REAGAN: a\x00b\n").encode(),
         error="U+0000", where=":601:10"),
    Case("control-char", _text("REAGAN: bell\x07 here\n"), error="U+0007", where=":1:13"),
    Case("noncharacter", _text("REAGAN: a\ufffeb\n"), error="U+FFFE", where=":1:10"),
    Case("bidi-override", _text(TRANSCRIPT.replace("regional", "re\u202egional")),
         warning="source-bidi"),
    Case("unicode-mix", _text("REAGAN: Горбачёв مرحبا שלום 日本 e\u0301 \U0001F600 "
                              "\u200b\u00a0x\n\nGORBACHEV: ok\n")),
    Case("line-separators", _text("REAGAN: a\u2028b\u0085c\n\nGORBACHEV: d\u2029e\n")),
    Case("cr-only", _text(TRANSCRIPT.replace("\n", "\r"))),
    Case("xxe-file-as-text", _xxe_file),
    Case("xxe-http-as-text", _xxe_http),
    Case("billion-laughs-as-text", _text(LAUGHS + "REAGAN: &lol9;\n\nGORBACHEV: &lol9;\n")),
    Case("xinclude-as-text", lambda o: (
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="'
        f'{o.secret_url}" parse="text"/>\n\nREAGAN: x\n\nGORBACHEV: y\n').encode()),
    Case("markup-in-text", _text("REAGAN: <script>alert(1)</script> & <!-- x --> ]]>\n\n"
                                 "GORBACHEV: <![CDATA[ y ]]> &amp; &#0; &#x1;\n")),
    Case("label-without-speech", _text("REAGAN:\n\nGORBACHEV:\n"),
         warning="label-without-speech"),
    Case("frus-notes-without-markers", _text(FRUS + "  2. A note nobody points at.\n"),
         warning="footnote-unanchored"),
    Case("frus-markers-without-notes", _text(FRUS.replace("talks", "talks2 and3"))),
    Case("frus-page-markers-only", _text("12. Memorandum\n\n[Page 1]\n\n[Page 2]\n\n"
                                         "[Page 3]\n")),
    Case("brackets-unbalanced", _text("REAGAN: [[[ a ( b ] c ) ] ( ... [...] (...\n\n"
                                      "GORBACHEV: ]]] )))\n")),
    Case("brackets-100000-deep", _text("REAGAN: " + "[" * 100_000 + "x" + "]" * 100_000
                                       + "\n\nGORBACHEV: " + "(" * 100_000 + ")" * 100_000
                                       + "\n")),
    Case("single-line-10mb", _text("REAGAN: " + "word " * 2_000_000 + "\n"), large=True),
    Case("paragraphs-100000", _text("\n\n".join(f"REAGAN: paragraph {i}." if i % 2 else
                                                f"GORBACHEV: reply {i}."
                                                for i in range(100_000)) + "\n"),
         large=True),
]


def tei(body: str, head: str = "", root_attrs: str = 'xml:id="ed1" xml:lang="en"') -> str:
    """A small complete TEI edition with ``body`` as its body content."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{head}'
            f'<TEI xmlns="http://www.tei-c.org/ns/1.0" {root_attrs}><teiHeader><fileDesc>'
            "<titleStmt><title>Memorandum</title></titleStmt><publicationStmt><p>teikit</p>"
            "</publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>"
            f"<text><body>{body}</body></text></TEI>\n")


def _tei(body: str, head: str = "") -> Callable[[Outside], bytes]:
    return lambda _o: tei(body, head).encode()


def _doctype(decl: Callable[[Outside], str], body: str) -> Callable[[Outside], bytes]:
    return lambda o: tei(body.replace("URL", o.url).replace("SECRET", o.secret_url),
                         decl(o)).encode()


EDITIONS = [
    Case("empty", _text(""), error="empty"),
    Case("whitespace-only", _text(" \n\t\n"), error="empty"),
    Case("binary", lambda _o: b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)),
         error="not well-formed"),
    Case("truncated-utf8", lambda _o: tei("<p>Горбачёв</p>").encode()[:-60],
         error="not well-formed", where=":2:"),
    Case("invalid-utf8-byte", lambda _o: tei("<p>caf\udce9</p>").encode("utf-8",
                                                                          "surrogateescape"),
         error="not well-formed", where=":2:"),
    Case("latin-1-declared", lambda _o: tei("<p>café</p>").replace(
        "UTF-8", "ISO-8859-1").encode("latin-1")),
    Case("utf16-bom", lambda _o: tei("<p>Горбачёв</p>").replace("UTF-8", "UTF-16")
         .encode("utf-16")),
    Case("malformed", _tei("<p>unclosed <hi>tag</p>"), error="not well-formed",
         where=":2:"),
    Case("not-xml-text", _text("REAGAN: this is a source, not an edition\n"),
         error="not well-formed", where=":1:1"),
    Case("xxe-file", _doctype(lambda o: f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{o.secret_url}">'
                                        ']>\n', "<p>&xxe;</p>"), error="entities"),
    Case("xxe-passwd", _doctype(lambda o: '<!DOCTYPE TEI [<!ENTITY pw SYSTEM '
                                          '"file:///etc/passwd">]>\n', "<p>&pw;</p>"),
         error="entities"),
    Case("xxe-http", _doctype(lambda o: f'<!DOCTYPE TEI [<!ENTITY web SYSTEM "{o.url}">]>\n',
                              "<p>&web;</p>"), error="entities"),
    Case("external-dtd-http", _doctype(lambda o: f'<!DOCTYPE TEI SYSTEM "{o.url}">\n',
                                       "<p>x</p>"), error="network", where=":2:"),
    Case("parameter-entity-http", _doctype(
        lambda o: f'<!DOCTYPE TEI [<!ENTITY % ext SYSTEM "{o.url}"> %ext;]>\n', "<p>x</p>"),
        error="network", where=":2:"),
    Case("billion-laughs", lambda _o: tei("<p>&lol9;</p>", LAUGHS.split("\n", 1)[1]
                                          .replace("lolz", "TEI")).encode(),
         error="entity bomb"),
    Case("undeclared-entity", _tei("<p>&nbsp; &eacute;</p>"), error="not well-formed"),
    Case("xinclude-outside", lambda o: tei(
        '<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        f'href="{o.secret_url}" parse="text"/> and <xi:include '
        f'xmlns:xi="http://www.w3.org/2001/XInclude" href="{o.url}"/></p>').encode()),
    Case("stylesheet-pi-http", lambda o: tei(
        "<p>x</p>", f'<?xml-stylesheet type="text/xsl" href="{o.url}"?>\n'
        f'<?xml-model href="{o.url}" type="application/xml"?>\n').encode()),
    Case("nested-100000-deep", _tei("<p>" + "<hi>" * 100_000 + "x" + "</hi>" * 100_000
                                    + "</p>"), error="not well-formed", large=True),
    Case("single-line-10mb", _tei("<p>" + "word " * 2_000_000 + "</p>"), large=True),
    Case("text-node-over-libxml2-limit", _tei("<p>" + "word " * 2_100_000 + "</p>"),
         large=True, error="not well-formed"),
    Case("paragraphs-100000", _tei("".join(f"<p>paragraph {i}</p>" for i in range(100_000))),
         large=True),
    Case("control-char-reference", _tei("<p>bell &#7; nul &#0;</p>"), error="not well-formed"),
    Case("bidi-and-unicode", _tei("<p>re\u202egional مرحبا e\u0301 \U0001F600</p>")),
    Case("duplicate-ids", _tei('<p xml:id="a">one</p><p xml:id="a">two</p>')),
    Case("not-tei-root", lambda _o: b'<?xml version="1.0"?>\n<html><body>x</body></html>\n',
         error="TEI"),
    Case("wrong-namespace", lambda _o: tei("<p>x</p>").replace(
        "http://www.tei-c.org/ns/1.0", "http://example.org/tei").encode(), error="TEI"),
]

XSL_HEAD = ('<?xml version="1.0"?>\n<xsl:stylesheet version="1.0" '
            'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
            'xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">\n')


def _xsl(body: str) -> Callable[[Outside], bytes]:
    return lambda o: (XSL_HEAD + body.replace("SECRET", o.secret_url).replace("URL", o.url)
                      .replace("OUTSIDE", str(o.folder)) + "\n</xsl:stylesheet>\n").encode()


#: Stylesheets given to ``render --xslt-html``: each reaches outside in another way.
STYLESHEETS = [
    Case("document-file", _xsl('<xsl:template match="/"><article>'
                               '<xsl:copy-of select="document(\'SECRET\')"/></article>'
                               "</xsl:template>"), error="denied"),
    Case("document-passwd", _xsl('<xsl:template match="/"><article>'
                                 '<xsl:copy-of select="document(\'file:///etc/passwd\')"/>'
                                 "</article></xsl:template>"), error="denied"),
    Case("document-http", _xsl('<xsl:template match="/"><article>'
                               '<xsl:copy-of select="document(\'URL\')"/></article>'
                               "</xsl:template>"), error="denied"),
    Case("exsl-document-write", _xsl('<xsl:template match="/"><exsl:document '
                                     'href="OUTSIDE/written.html"><p>x</p></exsl:document>'
                                     "<article/></xsl:template>"), error="denied"),
    Case("include-secret", _xsl('<xsl:include href="SECRET"/>'), error="refused"),
    Case("include-dotdot", _xsl('<xsl:include href="../outside/secret.txt"/>'),
         error="refused"),
    Case("include-absolute", _xsl('<xsl:include href="/etc/passwd"/>'), error="refused"),
    Case("import-http", _xsl('<xsl:import href="URL"/>'), error="refused"),
    Case("entity-in-stylesheet", lambda o: (
        f'<!DOCTYPE xsl:stylesheet [<!ENTITY s SYSTEM "{o.secret_url}">]>\n'
        + XSL_HEAD[22:] + '<xsl:template match="/"><article>&s;</article></xsl:template>'
        "</xsl:stylesheet>").encode(), error="entities"),
    Case("malformed", _xsl("<xsl:template match='/'>"), error="not well-formed"),
    Case("not-a-stylesheet", _tei("<p>x</p>"), error="XSLT"),
    Case("script-output", _xsl('<xsl:template match="/"><article><script>alert(1)</script>'
                               '<a href="javascript:alert(2)" onclick="alert(3)">x</a>'
                               '<img src="x" onerror="alert(4)"/></article></xsl:template>')),
]
