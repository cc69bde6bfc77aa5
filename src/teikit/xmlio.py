"""Safe XML parsing and atomic writing.

Every XML teikit reads goes through :func:`safe_parser`: no DTD loading, no entity
expansion, no network, no XInclude, bounded depth and size (libxml2's own limits, i.e.
``huge_tree`` off).  A document with a DOCTYPE that declares entities is refused outright,
which also defuses the billion-laughs bomb before any expansion.
"""

from __future__ import annotations

import errno
import itertools
import os
import stat
from pathlib import Path

from lxml import etree

from teikit.errors import TeikitError
from teikit.files import read_bytes

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


def safe_parser(remove_blank_text: bool = False) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, collect_ids=False,
                           remove_blank_text=remove_blank_text)


def _check_doctype(tree: etree._ElementTree, name: str) -> None:
    dt = tree.docinfo
    if dt.internalDTD is not None and any(True for _ in dt.internalDTD.iterentities()):
        raise TeikitError("DOCTYPE declares entities; teikit does not expand entities "
                          "(remove the DOCTYPE)", file=name, rule="xml-entities")
    if dt.system_url or dt.public_id:
        raise TeikitError("DOCTYPE refers to an external DTD; teikit does not load DTDs "
                          "(remove the DOCTYPE)", file=name, rule="xml-doctype")


def parse_bytes(data: bytes, name: str) -> etree._ElementTree:
    """Parse ``data`` safely; raise a one-line :class:`TeikitError` on any problem."""
    if not data.strip():
        raise TeikitError("empty file; expected XML", file=name, rule="xml-syntax")
    try:
        root = etree.fromstring(data, safe_parser(), base_url=name)
    except etree.XMLSyntaxError as e:
        line, col = (e.position if e.position else (0, 0))
        msg = (e.msg or str(e)).strip()
        msg = msg.split(", line ")[0] if ", line " in msg else msg
        if "amplification" in msg:  # libxml2 stopped an entity bomb (billion laughs)
            raise TeikitError("DOCTYPE declares entities that expand exponentially (an entity "
                              "bomb); teikit does not expand entities (remove the DOCTYPE)",
                              file=name, line=line, col=col, rule="xml-entities") from None
        if "network" in msg:  # no_network refused an external DTD or entity
            raise TeikitError(f"refers to a network resource; teikit never uses the network "
                              f"({msg})", file=name, line=line, col=col,
                              rule="xml-doctype") from None
        raise TeikitError(f"not well-formed XML: {msg}", file=name, line=line, col=col,
                          rule="xml-syntax") from None
    tree = root.getroottree()
    _check_doctype(tree, name)
    return tree


def parse_file(path: Path) -> etree._ElementTree:
    return parse_bytes(read_bytes(path), str(path))


def check_modules(tree: etree._ElementTree, path: Path, tags: tuple[str, ...],
                  attr: str = "href") -> None:
    """Every module ``tree`` pulls in (elements ``tags``, address in ``attr``), and theirs,
    must be a file in the folder of ``path`` that :func:`parse_file` accepts.

    libxml2 and libxslt load included grammars and stylesheets themselves, with their own
    parser settings and without teikit's access controls: unchecked, an
    ``include href="file:///etc/passwd"`` reads any file and an included DOCTYPE expands
    entities.  Checked here first, a module can only be a safe file beside its includer."""
    folder = Path(path).resolve().parent
    todo, seen = [(tree, Path(path))], set()
    while todo:
        current, where = todo.pop()
        for el in current.iter(*tags):
            href = el.get(attr, "")
            target = (where.parent / href).resolve()
            if ":" in href or href.startswith("/") or not target.is_relative_to(folder):
                raise TeikitError(f"{etree.QName(el).localname} of {href!r} refused: a "
                                  "module may come only from the folder of the file that "
                                  "uses it", file=str(where), line=el.sourceline or 0,
                                  exit_code=2, rule="xml-module")
            if target not in seen:
                seen.add(target)
                todo.append((parse_file(target), target))


def atomic_write(path: Path, data: bytes, fsync: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, so that a reader
    (or a crash) never sees a half-written file.  ``fsync=False`` skips forcing the data to
    disk — for files that can be made again (a build's output), where it is the main cost.

    The file gets the permissions an ordinary ``open()`` would give it (``0o666`` less the
    umask), not ``mkstemp``'s private ``0o600``: editions and pages are meant to be shared
    and served.  Missing folders are made.  Failures (no permission, a directory in the way)
    are one-line errors.  A device or pipe (``/dev/null``, ``/dev/stdout``) is written
    into: a rename would put a plain file in its place.
    """
    path = Path(path)
    if _is_special(path):
        try:
            with open(path, "wb") as fh:
                fh.write(data)
        except OSError as e:
            raise TeikitError(f"cannot write: {e.strerror}", file=str(path),
                              exit_code=2) from None
        return
    try:
        fd, tmp = _create_temporary(path)
    except OSError as e:
        raise TeikitError(f"cannot write: {e.strerror}", file=str(path), exit_code=2) from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if fsync:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise TeikitError(f"cannot write: {e.strerror}", file=str(path),
                              exit_code=2) from None
        raise


def _is_special(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` as :func:`atomic_write` does (not synced: for output that can be made
    again) unless ``path`` holds exactly these bytes already; whether it wrote.  A file left
    alone keeps its modification time — a deployment by rsync sees only real changes — and
    its inode: replacing every file of a corpus frees as many inodes, and on ext4 without a
    journal that makes creating files slower for minutes after."""
    try:
        if os.stat(path).st_size == len(data):
            with open(path, "rb") as fh:
                if fh.read() == data:
                    return False
    except OSError:
        pass
    atomic_write(path, data, fsync=False)
    return True


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_serial = itertools.count()


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new file beside ``path``, named after it, this process and a serial number.
    (``tempfile.mkstemp`` adds a random name, an fchmod and two umask calls to every file,
    and a build writes several files per document.)  A name left by a killed process whose
    pid this one reuses is stepped over, never written into."""
    folder, pid = path.parent, os.getpid()
    made_folder = False
    for _ in range(1000):
        tmp = os.path.join(folder, f".{path.name}.{pid}-{next(_serial)}.tmp")
        try:
            return os.open(tmp, _CREATE, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            if made_folder:
                raise
            folder.mkdir(parents=True, exist_ok=True)
            made_folder = True
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))
