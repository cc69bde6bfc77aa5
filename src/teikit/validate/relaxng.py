"""RelaxNG validation with lxml (libxml2), on the grammar specialised to each document's
element names (:mod:`teikit.validate.specialise`): compiling all of tei_all costs libxml2
8.7 s, the part a seed edition can reach 0.01 s.  Specialisations are cached per process."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError
from teikit.validate import jing
from teikit.validate.document import Document
from teikit.validate.grammar import ContentIndex
from teikit.validate.messages import RawError, drop_cascades, rewrite
from teikit.validate.specialise import SpecialisedGrammars, names_of_tags
from teikit.xmlio import check_modules, parse_file

#: Above this many ``teiHeader`` elements teikit hands a file to jing (or skips it with a
#: warning); None: never.  It guarded against libxml2 needing 431 s for a Parla-CLARIN
#: header of 8,418 ``person``s — a nested repetition that validate/rewrite.py now flattens
#: (0.6 s) — and stays available as ``--header-limit N``.
HEADER_LIMIT: int | None = None
_RNG = "{http://relaxng.org/ns/structure/1.0}"
_START_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


class RelaxNGSchema:
    kind = "relaxng"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = self.path.name
        grammar = parse_file(self.path)
        check_modules(grammar, self.path, (_RNG + "include", _RNG + "externalRef"))
        self.index = ContentIndex(grammar.getroot())
        # compiled on first use: runner.run compiles the corpus's grammar up front
        # (prepare), which is also where a broken grammar fails (exit 2)
        self.grammars = SpecialisedGrammars(grammar.getroot(), self._compile)
        self.header_limit = HEADER_LIMIT

    def _compile(self, grammar: etree._Element) -> etree.RelaxNG:
        try:
            return etree.RelaxNG(grammar)
        except etree.RelaxNGParseError as e:
            raise TeikitError(f"not a usable RelaxNG schema: {e}", file=str(self.path),
                              exit_code=2) from None

    def prepare(self, files: list[Path]) -> None:
        """Compile, before any file is validated, one specialisation that covers every
        file's element names, so that a corpus compiles once (and, with ``-j``, once in the
        parent before the workers fork) instead of once per cache miss in each worker:
        20 compiles, 13.6 s, for the GerDraCor sample.  The names come from a scan of the
        raw bytes for ``<name`` (a superset: also names in comments; any declared name
        with such a local name is kept; likewise ``name=`` for attributes), so a miss can
        only cost a compile, never a verdict."""
        local: set[bytes] = set()
        local_atts: set[bytes] = set()
        for f in files:
            try:
                data = Path(f).read_bytes()
            except OSError:
                continue  # reported when the file itself is validated
            local.update(_START_TAG.findall(data))
            local_atts.update(_attribute_words(data))
        names = frozenset(n for n in self.grammars.declared if n[1].encode() in local)
        atts = frozenset(n for n in self.grammars.declared_attributes
                         if n[1].encode() in local_atts)
        self.grammars.for_names(names, atts)

    def validate(self, doc: Document) -> list[Diagnostic]:
        if self.header_limit is not None:
            size = _header_size(doc.root)
            if size > self.header_limit:
                return self._guarded(doc, size)
        rng = self.grammars.for_names(names_of_tags(doc.tags), names_of_tags(doc.attributes))
        rng.validate(doc.tree)
        raw = []
        for entry in rng.error_log:
            node = _resolve(doc.tree, entry.path)
            raw.append(RawError(entry.message, node, entry.line))
        out = []
        for e in drop_cascades(raw):
            line, col = doc.position(e.node) if e.node is not None else (e.line, 0)
            out.append(Diagnostic(doc.name, line or e.line, col, "error",
                                  rewrite(e, self.index), self.name))
        return out

    def _guarded(self, doc: Document, size: int) -> list[Diagnostic]:
        why = (f"teiHeader has {size} elements; libxml2's RelaxNG engine can take many "
               "minutes on headers this large")
        if jing.available() and Path(doc.name).is_file():
            return [Diagnostic(doc.name, 0, 0, "info", f"{why}: validated with jing instead",
                               "guard")] + jing.validate(self.path, Path(doc.name), self.name)
        return [Diagnostic(doc.name, 0, 0, "warning",
                           f"{why}: grammar validation against {self.name} skipped (install "
                           "jing, or raise the limit with --header-limit)", "guard")]


def _attribute_words(data: bytes) -> set[bytes]:
    """The local name before every ``=`` of the raw bytes: a superset of the attribute
    names (also words before an ``=`` in text).  A split, not a regular expression: one
    that looks for a name before ``=`` tries every position and took 0.9 s on the
    GerDraCor sample, this 0.07 s."""
    out = set()
    for piece in data.split(b"=")[:-1]:
        words = piece.rsplit(None, 1)
        if words:
            out.add(words[-1].rsplit(b":", 1)[-1])
    return out


def _header_size(root: etree._Element) -> int:
    for child in root:
        if isinstance(child.tag, str) and child.tag.endswith("teiHeader"):
            return sum(1 for _ in child.iter(etree.Element))
    return 0


def _resolve(tree: etree._ElementTree, path: str | None):
    if not path:
        return None
    # libxml2 writes prefixed steps (``/*/xi:include[1]``) with the document's prefixes:
    # those of the root, else of any element (a prefix declared further down)
    root = tree.getroot()
    found = None
    for scope in ((root,), root.iter(etree.Element)) if ":" in path else ((),):
        namespaces = {p: uri for el in scope for p, uri in el.nsmap.items() if p}
        try:
            found = tree.xpath(path, namespaces=namespaces or None)
            break
        except etree.XPathError:
            continue
    if found is None:
        return None
    return found[0] if found and isinstance(found[0], etree._Element) else None
