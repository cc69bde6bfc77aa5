"""A Word package (.docx) opened safely: the ZIP container, its parts, its relationships.

Read with the standard library's :mod:`zipfile` and teikit's safe lxml parser
(:func:`teikit.xmlio.parse_bytes`: no DTD loading, no entity expansion, no network) for
every part.  Not python-docx: it would be one more dependency, and it drops exactly what an
edition needs — footnotes, endnotes, comments and tracked changes are not in its model.

Every check that can be made from the ZIP directory is made before a byte is inflated: the
number of members, their total uncompressed size and each member's compression ratio (a zip
bomb declares them), encryption flags, a macro project.  Reading a member is bounded by its
declared size as well, so a directory that lies cannot slip past.  External relationships
(``TargetMode="External"``: linked images, attached templates, hyperlinks) are never
fetched: hyperlinks keep their address as a pointer, the others are noted and ignored.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError
from teikit.xmlio import parse_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OFFICE_DOCUMENT = R + "/officeDocument"

#: The compound-file signature of encrypted (password-protected) Office documents — and of
#: the old binary .doc format, which teikit does not read either.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"

#: Limits checked from the ZIP directory before anything is inflated.  Real documents
#: stay far below: a 300-page book is a few MB of XML, compressed 5–20 times.
MAX_MEMBERS = 10_000
MAX_TOTAL_UNCOMPRESSED = 256 * 1024 * 1024
MAX_RATIO = 200
#: Members below this size are not ratio-checked: a small run of repeated markup compresses
#: far better than 1:200 and inflating it costs nothing.
RATIO_FLOOR = 1024 * 1024


@dataclass
class Relationship:
    type: str      # the last part of the relationship type URI ("hyperlink", "image")
    target: str
    external: bool


@dataclass
class Package:
    """The parts of a Word package that teikit reads, each parsed (None when absent)."""

    name: str
    document: etree._Element
    document_path: str
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    footnotes: etree._Element | None = None
    endnotes: etree._Element | None = None
    comments: etree._Element | None = None
    settings: etree._Element | None = None
    core: etree._Element | None = None
    relationships: dict[str, Relationship] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _fail(name: str, message: str, rule: str = "docx-package") -> TeikitError:
    return TeikitError(message, file=name, rule=rule)


def _check_directory(zf: zipfile.ZipFile, name: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _fail(name, f"ZIP package has {len(infos)} members (limit {MAX_MEMBERS}); "
                    "not a Word document", "docx-bomb")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _fail(name, "encrypted ZIP member "
                        f"{info.filename!r}: a password-protected document; save it "
                        "without a password", "docx-encrypted")
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1):
            raise _fail(name, f"ZIP member {info.filename!r} expands {info.compress_size} "
                        f"bytes to {info.file_size} (over {MAX_RATIO}:1): a zip bomb, "
                        "not read", "docx-bomb")
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise _fail(name, f"ZIP package expands to {total} bytes (limit "
                    f"{MAX_TOTAL_UNCOMPRESSED}): a zip bomb, not read", "docx-bomb")


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    try:
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError,
            NotImplementedError, ValueError) as e:
        raise _fail(name, f"corrupt ZIP package: cannot read {info.filename!r} "
                    f"({e})") from None
    except RuntimeError as e:  # zipfile's "password required" / "bad password"
        raise _fail(name, f"encrypted ZIP member {info.filename!r} ({e}); save the "
                    "document without a password", "docx-encrypted") from None
    if len(data) > info.file_size:
        raise _fail(name, f"ZIP member {info.filename!r} is larger than its directory "
                    "entry says: a zip bomb, not read", "docx-bomb")
    return data


class _Reader:
    def __init__(self, zf: zipfile.ZipFile, name: str) -> None:
        self.zf = zf
        self.name = name
        self.infos = {i.filename: i for i in zf.infolist()}

    def has(self, part: str) -> bool:
        return part in self.infos

    def xml(self, part: str) -> etree._Element | None:
        info = self.infos.get(part)
        if info is None:
            return None
        data = _read_member(self.zf, info, self.name)
        try:
            return parse_bytes(data, part).getroot()
        except TeikitError as e:
            where = f" (line {e.line})" if e.line else ""
            raise TeikitError(f"part {part}{where}: {e.message}", file=self.name,
                              rule=e.rule or "docx-part") from None


def _relationships(reader: _Reader, part: str) -> dict[str, Relationship]:
    """The relationships of ``part`` (from ``_rels/<part>.rels`` beside it)."""
    folder, base = posixpath.split(part)
    root = reader.xml(posixpath.join(folder, "_rels", base + ".rels"))
    out: dict[str, Relationship] = {}
    if root is None:
        return out
    for rel in root.iter(f"{{{REL}}}Relationship"):
        target = rel.get("Target", "")
        external = rel.get("TargetMode") == "External"
        if not external:
            target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
        out[rel.get("Id", "")] = Relationship(rel.get("Type", "").rsplit("/", 1)[-1],
                                              target, external)
    return out


def _macro_enabled(reader: _Reader) -> str | None:
    """Why the package carries macros (a VBA project or a macro-enabled content type)."""
    for part in reader.infos:
        if part.lower().endswith("vbaproject.bin"):
            return f"it holds a VBA macro project ({part})"
    types = reader.xml("[Content_Types].xml")
    if types is not None:
        for el in types:
            if "macroenabled" in (el.get("ContentType") or "").lower():
                return f"its content type is {el.get('ContentType')}"
    return None


def open_package(data: bytes, name: str) -> Package:
    """The parts of the Word package ``data`` (the bytes of the file called ``name``).

    Anything that is not a readable, macro-free, unencrypted Word package is a one-line
    :class:`TeikitError` naming the file."""
    if data.startswith(OLE_SIGNATURE):
        raise _fail(name, "an OLE compound file, not a .docx package: a password-protected "
                    "(encrypted) Word document or an old binary .doc; save it as an "
                    "unprotected .docx", "docx-encrypted")
    if not data.startswith(ZIP_SIGNATURE):
        raise _fail(name, "not a Word .docx document (not a ZIP package)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as e:
        raise _fail(name, f"corrupt ZIP package ({e})") from None
    with zf:
        _check_directory(zf, name)
        reader = _Reader(zf, name)
        why = _macro_enabled(reader)
        if why:
            raise _fail(name, f"macro-enabled Word document (.docm): {why}; teikit does not "
                        "read documents with macros (save it as .docx)", "docx-macros")
        main = "word/document.xml"
        for rel in _relationships(reader, "").values():
            if rel.type == "officeDocument" and not rel.external and reader.has(rel.target):
                main = rel.target
        document = reader.xml(main)
        if document is None:
            raise _fail(name, f"no {main} in the package: not a Word document")
        if etree.QName(document).namespace != W:
            raise _fail(name, f"{main} is not a WordprocessingML document (root "
                        f"{etree.QName(document).localname!r} in "
                        f"{etree.QName(document).namespace or 'no namespace'})")
        rels = _relationships(reader, main)
        pkg = Package(name, document, main, relationships=rels)
        folder = posixpath.dirname(main)
        by_type = {r.type: r.target for r in rels.values() if not r.external}
        for attr, rtype, default in (("styles", "styles", "styles.xml"),
                                     ("numbering", "numbering", "numbering.xml"),
                                     ("footnotes", "footnotes", "footnotes.xml"),
                                     ("endnotes", "endnotes", "endnotes.xml"),
                                     ("comments", "comments", "comments.xml"),
                                     ("settings", "settings", "settings.xml")):
            part = by_type.get(rtype, posixpath.join(folder, default))
            setattr(pkg, attr, reader.xml(part))
        core = "docProps/core.xml"
        for rel in _relationships(reader, "").values():
            if rel.type == "core-properties" and not rel.external:
                core = rel.target
        pkg.core = reader.xml(core)
        settings_rels = _relationships(reader, posixpath.join(folder, "settings.xml"))
        for rel in [*rels.values(), *settings_rels.values()]:
            if rel.external and rel.type != "hyperlink":
                pkg.diagnostics.append(Diagnostic(
                    name, 0, 0, "info", f"external {rel.type} {rel.target!r} is linked, not "
                    "embedded: not fetched (teikit never uses the network)",
                    "docx-external"))
    return pkg
