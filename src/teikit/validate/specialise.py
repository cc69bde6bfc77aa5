"""A RelaxNG grammar specialised to the elements that occur in the documents at hand.

libxml2 compiles every element pattern of a grammar up front: 5-9 s for tei_all's 594, on
every run.  jing derives per element instead.  teikit gets the same effect by compiling,
for a set of element names, a copy of the grammar in which every element pattern whose
names occur in none of the documents is *pruned*.  A document containing none of those
elements cannot tell the two grammars apart — an element pattern only ever matches an
element of its name — so the verdict is the full grammar's.

How a pattern is pruned decides what messages say and what compiling costs:

* an absent element that a present element's content *requires* (outside ``optional``
  and ``zeroOrMore``; :class:`Expectations`) keeps its name with ``<empty/>`` content, so
  that "expected title" is still said where the full grammar says it;
* any other absent element is removed, simplifying around it as RelaxNG's ``notAllowed``
  rules do (:func:`_remove`); no ``notAllowed`` and no ``empty`` between siblings is left
  behind, because libxml2 validates content holding those differently (other messages,
  and one wrong verdict, measured) — TEI's model classes of hundreds of optional
  elements shrink to the few that occur, and compiling a seed edition's share of
  tei_all takes 0.01 s;
* defines only pruned patterns referred to become unreachable and are dropped, and so
  are foreign elements (documentation, embedded Schematron).

Special cases (docs/validation.md, "Grammar specialisation"):

* a name class other than one name or a choice of names (``anyName``, ``nsName``, with or
  without ``except``: TEI's ``egXML`` content, ``xenoData``) may match any element, so such
  an element pattern is never pruned;
* names are compared as (namespace, local name): ``ns`` is inherited as RelaxNG says, a
  prefixed ``name`` is resolved through the grammar's namespace declarations, so
  ``teix:egXML`` (namespace ``http://www.tei-c.org/ns/Examples``) and an ``egXML`` in the
  TEI namespace are different names;
* an attribute pattern written ``optional(attribute a)`` (one name, ``name=``) goes when
  ``a`` is none of the documents' attribute names, and the ``empty`` left is folded away
  (:func:`_prune_attributes`); required attributes and attribute name classes stay;
* ``start`` and the content of every element that occurs are kept unchanged (but for
  such absent optional attributes).

Compiled grammars are cached per process (so once per ``-j`` worker) by the set of names
they keep; see :class:`SpecialisedGrammars` for how a corpus shares them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

from lxml import etree

from teikit.validate.rewrite import for_libxml2

RNG_NS = "http://relaxng.org/ns/structure/1.0"
RNG = "{" + RNG_NS + "}"

#: (namespace URI, local name) of an element; "" is no namespace
Name = tuple[str, str]


def document_names(root: etree._Element) -> frozenset[Name]:
    """Every element name of a document, as (namespace, local name)."""
    return names_of_tags({el.tag for el in root.iter(etree.Element)})


def names_of_tags(tags: Iterable[str]) -> frozenset[Name]:
    """Clark-notation tags (``{ns}local``) as (namespace, local name)."""
    out = set()
    for tag in tags:
        if tag[:1] == "{":
            ns, local = tag[1:].split("}", 1)
            out.add((ns, local))
        else:
            out.add(("", tag))
    return frozenset(out)


def _inherited_ns(node: etree._Element) -> str:
    while node is not None:
        ns = node.get("ns")
        if ns is not None:
            return ns
        node = node.getparent()
    return ""


def _qualify(text: str, node: etree._Element) -> Name:
    """A RelaxNG name (``name="x"``, or ``<name>p:x</name>``) as (namespace, local)."""
    text = text.strip()
    if ":" in text:
        prefix, local = text.split(":", 1)
        return (node.nsmap.get(prefix, ""), local)
    return (_inherited_ns(node), text)


def pattern_names(element: etree._Element) -> frozenset[Name] | None:
    """The names an element pattern can match, or None when its name class is open
    (``anyName``, ``nsName``): then it may match any element and is never pruned."""
    if element.get("name") is not None:
        return frozenset({_qualify(element.get("name"), element)})
    cls = next((c for c in element if isinstance(c.tag, str)), None)
    return _class_names(cls) if cls is not None else None


def _class_names(cls: etree._Element) -> frozenset[Name] | None:
    if cls.tag == RNG + "name":
        return frozenset({_qualify(cls.text or "", cls)})
    if cls.tag == RNG + "choice":
        out: set[Name] = set()
        for c in cls:
            if not isinstance(c.tag, str):
                continue
            names = _class_names(c)
            if names is None:
                return None
            out |= names
        return frozenset(out)
    return None  # anyName, nsName


def specialise(grammar: etree._Element, keep: Iterable[Name],
               named: Iterable[Name] = (),
               attributes: Iterable[Name] | None = None) -> etree._Element:
    """A copy of ``grammar`` (a ``<grammar>`` root without ``include``/``externalRef``)
    in which an element pattern whose names are all outside ``keep`` is removed — or,
    when one of its names is in ``named``, becomes an element of that name with
    ``<empty/>`` content, so that a message expecting it still names it — and
    unreachable defines are removed.  With ``attributes``, an optional attribute whose
    name is outside it goes too (:func:`_prune_attributes`)."""
    keep, named = frozenset(keep), frozenset(named)
    out = copy.deepcopy(grammar)
    gone = []
    for el in list(out.iter(RNG + "element")):
        names = pattern_names(el)
        if names is None or names & keep:
            continue
        if names & named:
            name_class = [] if el.get("name") is not None else [el[0]]
            for c in list(el):
                if c not in name_class:
                    el.remove(c)
            el.text = None
            etree.SubElement(el, RNG + "empty")
        else:
            gone.append(el)
    _remove(out, gone)
    if attributes is not None:
        _prune_attributes(out, frozenset(attributes))
    _drop_unreachable(out)
    for_libxml2(out)  # equivalent forms libxml2 does not choke on (validate/rewrite.py)
    return out


_GROUPING = {RNG + t for t in ("group", "interleave", "oneOrMore", "list", "mixed")}
_OPTIONAL = {RNG + "optional", RNG + "zeroOrMore"}


def _remove(grammar: etree._Element, patterns: list[etree._Element]) -> None:
    """Remove patterns that match nothing, simplifying around them as RelaxNG's
    ``notAllowed`` rules do (spec section 4.19) — but leaving no ``notAllowed`` behind:
    libxml2 validates content that holds one by its slower backtracking path, whose
    messages differ from the compiled path's (measured on the agreement variants).

    A ``choice`` loses the alternative; a ``group``, ``interleave``, ``oneOrMore``,
    ``list`` or ``mixed`` holding it matches nothing in turn; an ``optional`` or
    ``zeroOrMore`` holding it becomes ``empty``; a define whose content matches nothing
    makes every ``ref`` to it match nothing.
    """
    defines: dict[str, list[etree._Element]] = {}
    for d in grammar.iter(RNG + "define"):
        defines.setdefault(d.get("name", ""), []).append(d)
    refs: dict[str, list[etree._Element]] = {}
    for r in grammar.iter(RNG + "ref"):
        refs.setdefault(r.get("name", ""), []).append(r)
    todo = list(patterns)
    dead_defines: set[str] = set()
    while todo:
        node = todo.pop()
        parent = node.getparent()
        if parent is None:
            continue  # already cut off with an ancestor
        tag = parent.tag
        if tag == RNG + "choice":
            _drop(node)
            if not any(isinstance(c.tag, str) for c in parent):
                todo.append(parent)
        elif tag in _GROUPING:
            todo.append(parent)
        elif tag in _OPTIONAL:
            _empty(parent)
        elif tag == RNG + "define":
            name = parent.get("name", "")
            if parent.get("combine") == "choice" and len(defines.get(name, [])) > 1:
                _drop(node)  # one of several choice-combined parts: the others remain
                continue
            if name not in dead_defines:
                dead_defines.add(name)
                todo.extend(refs.get(name, []))
            _drop(node)
            etree.SubElement(parent, RNG + "notAllowed")
        else:
            # element content, start, except: keep RelaxNG's own notAllowed (rare)
            na = etree.Element(RNG + "notAllowed")
            na.tail = node.tail
            parent.replace(node, na)


XML_NS = "http://www.w3.org/XML/1998/namespace"


def attribute_name(pattern: etree._Element) -> Name | None:
    """The one name an ``attribute`` pattern written with ``name=`` matches, as (namespace,
    local); None for a name class (``<name>``, ``anyName``, ``nsName``, a choice), which
    is never pruned.  Unlike an element's, an attribute's ``ns`` is not inherited (spec
    section 4.8): an unprefixed attribute name is in no namespace."""
    name = pattern.get("name")
    if name is None:
        return None
    name = name.strip()
    if ":" in name:
        prefix, local = name.split(":", 1)
        return (XML_NS if prefix == "xml" else pattern.nsmap.get(prefix, ""), local)
    return (pattern.get("ns", ""), name)


def _prune_attributes(grammar: etree._Element, present: frozenset[Name]) -> None:
    """Remove every ``optional(attribute a)`` whose ``a`` no document has.

    ``optional(p)`` where p cannot match is ``empty``, so the grammar matches the same
    documents.  Required attributes are kept, so that "expecting attribute" stays
    said where the full grammar says it.  The ``empty`` left behind is folded away
    (:func:`_fold_empty`): TEI's elements declare some fifty optional attributes each
    (``att.global`` and friends), which libxml2 tries one by one on every element it
    validates: pruning them halves its validation time on the GerDraCor sample."""
    defines: dict[str, list[etree._Element]] = {}
    refs: dict[str, list[etree._Element]] = {}
    for d in grammar.iter(RNG + "define"):
        defines.setdefault(d.get("name", ""), []).append(d)
    for r in grammar.iter(RNG + "ref"):
        refs.setdefault(r.get("name", ""), []).append(r)
    for att in list(grammar.iter(RNG + "attribute")):
        name = attribute_name(att)
        parent = att.getparent()
        if (name is None or name in present or parent is None
                or parent.tag != RNG + "optional" or _patterns(parent) != [att]):
            continue
        _fold_empty(parent, defines, refs)


def _patterns(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(RNG)]


_FOLDS = {RNG + t for t in ("group", "interleave", "oneOrMore", "zeroOrMore", "optional")}


def _fold_empty(node: etree._Element, defines: dict, refs: dict) -> None:
    """Remove ``node``, a pattern equivalent to ``empty``: beside other patterns of a group
    (or of an element's content, or a repetition's implicit group) it is dropped; alone in
    one, the whole becomes ``empty`` in turn; alone in a define, every ``ref`` to it does;
    in a ``choice``, the choice of the others becomes ``optional`` (the same language).
    Elsewhere (``mixed``, ``list``, ``start``, a lone element content) an ``<empty/>``
    stays."""
    todo = [node]
    while todo:
        node = todo.pop()
        parent = node.getparent()
        if parent is None:
            continue
        others = [c for c in _patterns(parent) if c is not node]
        if parent.tag == RNG + "element" and parent.get("name") is None:
            others = others[1:]  # the name class
        if parent.tag == RNG + "define":
            name = parent.get("name", "")
            if others or len(defines.get(name, [])) != 1:
                _replace_by_empty(node) if not others else _drop(node)
                continue
            _replace_by_empty(node)
            todo.extend(refs.get(name, []))
        elif parent.tag == RNG + "choice":
            if not others:
                todo.append(parent)
                continue
            _drop(node)
            wrapper = etree.Element(RNG + "optional")
            wrapper.tail, parent.tail = parent.tail, None
            parent.getparent().replace(parent, wrapper)
            wrapper.append(parent)
        elif parent.tag in _FOLDS or parent.tag == RNG + "element":
            if others:
                _drop(node)
            elif parent.tag == RNG + "element":
                _replace_by_empty(node)
            else:
                todo.append(parent)
        else:
            _replace_by_empty(node)


def _replace_by_empty(node: etree._Element) -> None:
    empty = etree.Element(RNG + "empty")
    empty.tail = node.tail
    node.getparent().replace(node, empty)


def _empty(node: etree._Element) -> None:
    """Replace a pattern that can only match nothing-at-all: remove it where other
    patterns stand beside it in a group (the same meaning), else put ``<empty/>``.
    Never an ``<empty/>`` between siblings: libxml2 then rejects valid documents (a
    ``group(titleStmt, …, publicationStmt, empty, empty)`` made it reject the
    Parla-CLARIN exemplar's ``publicationStmt``)."""
    parent = node.getparent()
    if parent is None:
        return  # replaced already, through another absent pattern it held
    siblings = [c for c in parent if isinstance(c.tag, str) and c is not node
                and c.tag.startswith(RNG)]
    if parent.tag == RNG + "element" and parent.get("name") is None and siblings:
        siblings = siblings[1:]  # the first is the name class
    if parent.tag not in (RNG + "choice", RNG + "except") and siblings:
        _drop(node)  # the children of every other pattern form an implicit group
        return
    empty = etree.Element(RNG + "empty")
    empty.tail = node.tail
    parent.replace(node, empty)


def _drop(node: etree._Element) -> None:
    parent = node.getparent()
    prev = node.getprevious()
    if node.tail and node.tail.strip() == "":
        if prev is not None:
            prev.tail = (prev.tail or "")
        node.tail = None
    parent.remove(node)


def _drop_unreachable(grammar: etree._Element) -> None:
    """Remove top-level defines no ``ref`` reachable from ``start`` names (RelaxNG's own
    simplification does the same; doing it first spares libxml2 compiling them)."""
    defines: dict[str, list[etree._Element]] = {}
    starts = []
    for c in grammar:
        if c.tag == RNG + "define":
            defines.setdefault(c.get("name", ""), []).append(c)
        elif c.tag == RNG + "start":
            starts.append(c)
        elif c.tag == RNG + "div":
            # divs only group: nested defines count as top-level ones
            for d in c.iter(RNG + "define", RNG + "start"):
                (starts.append(d) if d.tag == RNG + "start"
                 else defines.setdefault(d.get("name", ""), []).append(d))
    reached: set[str] = set()
    todo = list(starts)
    while todo:
        node = todo.pop()
        for ref in node.iter(RNG + "ref"):
            name = ref.get("name", "")
            if name not in reached:
                reached.add(name)
                todo.extend(defines.get(name, []))
    for name, ds in defines.items():
        if name not in reached:
            for d in ds:
                d.getparent().remove(d)
    for c in list(grammar):  # foreign elements (documentation, Schematron) are ignored
        if isinstance(c.tag, str) and not c.tag.startswith(RNG):
            grammar.remove(c)


class Expectations:
    """Which absent elements a message about a present element's content can name.

    libxml2 names an element it expected ("Expecting element title, got note",
    "Expecting an element title, got nothing") only at a position where the content model
    *requires* something: the alternatives of an ``optional`` or ``zeroOrMore`` that did not
    match are tried silently.  So for each element that occurs, the element patterns its
    content reaches outside ``optional``/``zeroOrMore`` (through ``ref``s, not into nested
    element patterns; every alternative of a required ``choice``) keep their names when
    pruned; the many optional ones (TEI's model classes) become ``notAllowed`` — which is
    what makes the specialised grammar cheap to compile: 0.01 s instead of 0.4 s for the
    46 elements of a seed edition against tei_all.
    """

    def __init__(self, grammar: etree._Element) -> None:
        self._defines: dict[str, list[etree._Element]] = {}
        self._starts: list[etree._Element] = []
        for d in grammar.iter(RNG + "define", RNG + "start"):
            if d.tag == RNG + "start":
                self._starts.append(d)
            else:
                self._defines.setdefault(d.get("name", ""), []).append(d)
        self._patterns: dict[Name, list[etree._Element]] = {}
        for el in grammar.iter(RNG + "element"):
            for name in pattern_names(el) or ():
                self._patterns.setdefault(name, []).append(el)
        self._memo: dict[Name, frozenset[Name]] = {}
        self.at_start = self._required(self._starts)

    def of(self, names: Iterable[Name]) -> frozenset[Name]:
        out = set(self.at_start)
        for name in names:
            if name not in self._memo:
                self._memo[name] = self._required(self._patterns.get(name, []))
            out |= self._memo[name]
        return frozenset(out)

    def _required(self, nodes: list[etree._Element]) -> frozenset[Name]:
        found: set[Name] = set()
        seen: set[str] = set()
        todo = [(c, False) for n in nodes for c in n if isinstance(c.tag, str)]
        while todo:
            node, optional = todo.pop()
            tag = node.tag
            if tag == RNG + "element":
                if not optional:
                    found |= pattern_names(node) or set()
                continue
            if tag == RNG + "ref":
                name = node.get("name", "")
                if (name, optional) not in seen:
                    seen.add((name, optional))
                    todo.extend((c, optional) for d in self._defines.get(name, [])
                                for c in d if isinstance(c.tag, str))
                continue
            if tag in (RNG + "attribute", RNG + "data", RNG + "value", RNG + "list"):
                continue
            inner = optional or tag in (RNG + "optional", RNG + "zeroOrMore")
            todo.extend((c, inner) for c in node if isinstance(c.tag, str))
        return frozenset(found)


class SpecialisedGrammars:
    """Compiled specialisations of one grammar, cached by the names they keep.

    A grammar compiled for a set of names serves every document whose names are a subset
    of it (pruning elements a document does not have cannot change its verdict, whatever
    else was kept).  On a miss the new grammar keeps the document's names *and* those of
    the widest grammar compiled so far, so that over a corpus the kept set grows to the
    corpus's vocabulary after a few documents and later ones are served from the cache:
    the 199 GerDraCor plays need a handful of compiles, not 199.
    """

    def __init__(self, grammar: etree._Element,
                 compile_: Callable[[etree._Element], object]) -> None:
        self.grammar = grammar
        self._compile = compile_
        self._cache: dict[tuple[frozenset[Name], frozenset[Name] | None], object] = {}
        self._widest: frozenset[Name] = frozenset()
        self._widest_atts: frozenset[Name] | None = frozenset()
        #: names the grammar declares, so that names it does not know (a typo, a foreign
        #: element) do not widen the cache key
        self._declared = self.declared = _declared_names(grammar)
        self.declared_attributes = frozenset(
            n for a in grammar.iter(RNG + "attribute") if (n := attribute_name(a)))
        self.expectations = Expectations(grammar)
        self.compiled = 0

    def for_names(self, names: frozenset[Name], attributes: frozenset[Name] | None = None):
        """A compiled grammar for documents with these element names and (None: any)
        attribute names."""
        names = names & self._declared
        if attributes is not None:
            attributes = attributes & self.declared_attributes
        for (kept, kept_atts), compiled in self._cache.items():
            if names <= kept and (kept_atts is None
                                  or attributes is not None and attributes <= kept_atts):
                return compiled
        kept = names | self._widest
        kept_atts = (None if attributes is None or self._widest_atts is None
                     else attributes | self._widest_atts)
        compiled = self._compile(specialise(self.grammar, kept, self.expectations.of(kept),
                                            kept_atts))
        self.compiled += 1
        self._cache[(kept, kept_atts)] = compiled
        self._widest, self._widest_atts = kept, kept_atts
        return compiled


def _declared_names(grammar: etree._Element) -> frozenset[Name]:
    out: set[Name] = set()
    for el in grammar.iter(RNG + "element"):
        out |= pattern_names(el) or set()
    return frozenset(out)
