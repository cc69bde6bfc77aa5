"""The elementpath side of :mod:`teikit.validate.xpath`: parsing every expression with a
real XPath 1/2/3.1 parser (elementpath's, plus XSLT's ``current()`` and ``generate-id()``),
deciding from the token tree whether lxml's XPath 1 means the same (:func:`xpath1_safe`),
and evaluating the rest on the document's lxml tree.

Imported only when needed: elementpath takes 0.07–0.2 s to import, more than validating a
seed edition against teikit's own rules.
"""

from __future__ import annotations

import copy
import sys
import types

import elementpath
from elementpath import XPath1Parser, XPath2Parser, XPathContext
from elementpath.xpath3 import XPath31Parser
from elementpath.xpath_nodes import AttributeNode, XPathNode
from lxml import etree

from teikit.validate.xpath import EXSLT, EvalError


def evaluate__current(self, context=None):
    """XSLT's ``current()``: the rule's context node, handed over as ``$current``."""
    if context is None:
        raise self.missing_context()
    return context.variables["current"]


def evaluate__generate_id(self, context=None):
    """XSLT's ``generate-id()``: a name unique to the node within the document."""
    if self:
        nodes = list(self[0].select(copy.copy(context)))
        if not nodes:
            return ""
        node = nodes[0]
    elif context is None:
        raise self.missing_context()
    else:
        node = context.item
    return f"n{getattr(node, 'position', id(node))}"


def _with_current(base: type, version: int) -> type:
    """``base`` with XSLT's ``current()`` (Schematron's query bindings are XSLT's).

    elementpath allows one parser class per module, so each lives in a module of its own,
    made here."""
    name = f"{__name__}._xslt{version}"
    module = types.ModuleType(name)
    sys.modules[name] = module
    cls = type(base)(f"XSLT{version}Parser", (base,), {"__module__": name})
    setattr(module, cls.__name__, cls)
    cls.method(cls.function("current", nargs=0, sequence_types=("item()",)))(evaluate__current)
    cls.method(cls.function("generate-id", nargs=(0, 1),
                            sequence_types=("node()?", "xs:string")))(evaluate__generate_id)
    return cls


#: XPath 1 is parsed by elementpath too, for tests on attribute nodes (lxml cannot take
#: an attribute as the context node)
_Parser1 = _with_current(XPath1Parser, 1)
_Parser2 = _with_current(XPath2Parser, 2)
_Parser3 = _with_current(XPath31Parser, 3)

#: the XPath 1 function library, whose XPath 2 versions mean the same on the arguments
#: XPath 1 accepts (plus ``current``, which teikit binds as a variable for lxml)
_XPATH1_FUNCTIONS = frozenset((
    "last position count id local-name namespace-uri name string concat starts-with "
    "contains substring-before substring-after substring string-length normalize-space "
    "translate boolean not true false lang number sum floor ceiling round current").split())
_KIND_TESTS = frozenset(("node", "text", "comment", "processing-instruction"))
_AXES = frozenset((
    "child descendant attribute self descendant-or-self following-sibling following parent "
    "ancestor preceding-sibling preceding ancestor-or-self").split())
_PATH = frozenset(("(name)", "/", "//", "[", "(", "|", "@", ".", "..", "::", "$"))
_NUMERIC_FUNCTIONS = frozenset(("count", "string-length", "number", "sum", "floor", "ceiling",
                                "round", "position", "last"))
_BOOLEAN = frozenset(("and", "or", "not", "true", "false", "boolean", "lang", "contains",
                      "starts-with", "=", "!=", "<", "<=", ">", ">="))
_ORDER = frozenset(("<", "<=", ">", ">="))
#: XPath 2's value comparisons and the general comparison that means the same on two
#: singletons
_VALUE = {"eq": "=", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_STRING_FUNCTIONS = frozenset(("string", "concat", "substring-before", "substring-after",
                               "substring", "normalize-space", "translate", "local-name",
                               "name", "namespace-uri"))
_ARITHMETIC = frozenset(("+", "-", "div", "mod"))


def _numeric(tok) -> bool:
    """Whether a subexpression is a number in both languages (so that order comparisons
    and arithmetic on it mean the same)."""
    if tok.symbol in ("(integer)", "(decimal)"):
        return True
    if tok.label == "function" and tok.symbol in _NUMERIC_FUNCTIONS:
        return True
    if tok.symbol in _ARITHMETIC or (tok.symbol == "*" and len(tok) == 2):
        return all(_numeric(t) for t in tok)
    if tok.symbol == "(" and len(tok) == 1:
        return _numeric(tok[0])
    return False


def _string_singleton(tok) -> bool:
    """At most one string in both languages: a literal, an attribute of the context node
    (absent: the empty sequence, which compares false in both), a string function."""
    if tok.symbol == "(string)":
        return True
    if tok.symbol == "@" and tok[0].symbol in ("(name)", ":"):
        return True
    return tok.label == "function" and tok.symbol in _STRING_FUNCTIONS


def _value_comparison_safe(tok) -> bool:
    """``a eq b`` means ``a = b`` when both sides are single numbers, or (``eq``/``ne``)
    single strings: XPath 2 compares the two values, XPath 1 the one pair there is."""
    a, b = tok[0], tok[1]
    if _numeric(a) and _numeric(b):
        return True
    if tok.symbol in ("eq", "ne"):
        strings = (a.symbol == "(string)" or b.symbol == "(string)" or
                   a.symbol == "@" and b.symbol == "@")
        return strings and _string_singleton(a) and _string_singleton(b)
    return False


def _safe_token(tok, source: str) -> bool:
    s, label = tok.symbol, tok.label
    if s == "(string)":  # XPath 2 escapes a quote by doubling it, XPath 1 cannot
        literal = source[tok.span[0]:tok.span[1]]
        return len(literal) >= 2 and literal[0] not in literal[1:-1]
    if s in ("(integer)", "(decimal)"):
        return True
    if label == "axis":
        return s in _AXES
    if label == "kind test":
        return s in _KIND_TESTS
    if label == "function":
        return s in _XPATH1_FUNCTIONS
    if s == "*":
        return len(tok) == 0 or _numeric(tok[0]) and _numeric(tok[1])
    if s == ":":  # a prefixed name; *:name is XPath 2
        return tok[0].symbol == "(name)"
    if s in ("=", "!="):
        return not any(t.symbol in _BOOLEAN for t in tok)
    if s in _ORDER:
        return all(_numeric(t) for t in tok)
    if s in _VALUE and len(tok) == 2:
        return _value_comparison_safe(tok)
    if s in _ARITHMETIC:
        return all(_numeric(t) for t in tok)
    if s in ("and", "or"):
        return True
    if s == "(":  # a parenthesised expression, not the empty sequence ()
        return len(tok) == 1
    return s in _PATH


def xpath1_safe(root, source: str) -> bool:
    """Whether every token of a parsed XPath 2 expression is an XPath 1 construct with the
    same meaning."""
    return all(_safe_token(t, source) for t in root.iter())


class ParseFailure(ValueError):
    """An expression the parser of its XPath version does not read."""


def parse(text: str, version: int, namespaces: dict[str, str]):
    """The token tree of ``text`` (XSLT's ``current()`` and ``generate-id()`` included)."""
    parser = {1: _Parser1, 2: _Parser2, 3: _Parser3}[version]
    try:
        return parser(namespaces=_ep_namespaces(namespaces)).parse(text)
    except elementpath.ElementPathError as e:
        raise ParseFailure(_short(e)) from e


def analyse(text: str, version: int, namespaces: dict[str, str]) -> dict:
    """What teikit needs to know of an expression, as plain data (cached on disk by
    :mod:`teikit.validate.xpath`): ``lxml``, the XPath 1 text lxml runs with the same
    meaning (``current()`` as ``$current``, value comparisons as general ones) or None;
    ``names``, the variables it refers to; ``positional``, whether it asks
    ``position()``/``last()``; ``needs``, for a rule-context branch, the local names and
    attribute a document must contain for it to match anything."""
    token = parse(text, version, namespaces)
    names = sorted({t[0].value for t in token.iter() if t.symbol == "$" and len(t)
                    and t[0].symbol == "(name)"})
    currents = _spans_of_current(token)
    if currents:
        names = sorted(set(names) | {"current"})
    lxml = None
    if version == 1 or xpath1_safe(token, text):
        comparisons = [(t.span, _VALUE[t.symbol]) for t in token.iter()
                       if t.symbol in _VALUE and len(t) == 2]
        lxml = _edit(text, currents, comparisons)
    need_names, attribute, required = _needs(token, namespaces)
    return {"lxml": lxml, "names": names,
            "positional": any(t.label == "function" and t.symbol in ("position", "last")
                              for t in token.iter()),
            "needs": [sorted(need_names) if need_names is not None else None, attribute,
                      required]}


def _spans_of_current(token) -> list[tuple[int, int]]:
    return [t.span for t in token.iter() if t.symbol == "current" and t.label == "function"]


def _ep_namespaces(ns: dict[str, str]) -> dict[str, str]:
    # elementpath binds xs/fn itself; EXSLT prefixes mean nothing to it
    return {k: v for k, v in ns.items() if k not in EXSLT}


def _edit(text: str, currents: list, comparisons: list) -> str:
    """``text`` with ``current()`` (at ``currents``, spans found by the parser) as
    ``$current`` and each value comparison (at its span) as the general comparison that
    means the same there."""
    edits = [((start, text.index(")", end) + 1), "$current") for start, end in currents]
    edits += list(comparisons)
    for (start, end), new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _short(e: Exception) -> str:
    text = str(e).strip() or type(e).__name__
    return text if len(text) < 120 else text[:117] + "…"


# ---------------------------------------------------------------------------- evaluation

def context(tree: etree._ElementTree) -> XPathContext:
    """elementpath's view of a document (its node tree, built once per document)."""
    return XPathContext(tree)


def evaluate(token, base: XPathContext, node, variables: dict):
    """``token``'s value at ``node`` (an lxml element, attribute result or the tree)."""
    ctx = copy.copy(base)
    ctx.item = base.root if isinstance(node, etree._ElementTree) else _ep_item(base, node)
    ctx.position = ctx.size = 1  # a rule's test sees its node alone
    ctx.variables = {k: _ep_value(base, v) for k, v in variables.items()}
    try:
        return token.evaluate(ctx)
    except elementpath.ElementPathError as e:
        raise EvalError(_short(e)) from e


def boolean(token, value) -> bool:
    try:
        return token.boolean_value(value)
    except elementpath.ElementPathError as e:
        raise EvalError(_short(e)) from e


def _ep_value(base: XPathContext, value):
    if isinstance(value, list):
        return [_ep_item(base, v) for v in value]
    return _ep_item(base, value)


def _ep_item(base: XPathContext, v):
    if isinstance(v, etree._Element):
        return base.get_context_item(v)
    if getattr(v, "is_attribute", False):
        owner = base.get_context_item(v.getparent())
        for a in owner.attributes:
            if a.name == v.attrname:
                return a
        return str(v)
    if isinstance(v, etree._ElementUnicodeResult):
        return str(v)
    return v


def from_ep(value):
    """elementpath's result with nodes as the lxml nodes they wrap."""
    if isinstance(value, list | tuple):
        return [_from_ep_item(v) for v in value]
    return _from_ep_item(value)


def _from_ep_item(v):
    if isinstance(v, AttributeNode):
        return _Attribute(v)
    if isinstance(v, XPathNode):
        return v.value if isinstance(v.value, etree._Element) else v.string_value
    return v


class _Attribute(str):
    """An attribute found by elementpath, carrying its owner element for positions."""

    is_attribute = True

    def __new__(cls, node: AttributeNode) -> _Attribute:
        self = super().__new__(cls, node.string_value)
        self.attrname = node.name
        self._owner = node.parent.value if node.parent is not None else None
        return self

    def getparent(self):
        return self._owner


# ---------------------------------------------------------------------------- rule contexts

XML_NS = "http://www.w3.org/XML/1998/namespace"


def union_branches(context: str, version: int, namespaces: dict[str, str]) -> list[str]:
    """A rule context (an XSLT match pattern) split at its top-level unions, as the parser
    reads it.  Kept apart because libxml2 merges the node-sets of a union in time quadratic
    in their size (a 16,000-title union took 4 s; each branch 0.03 s)."""
    try:
        token = parse(context, version, namespaces)
    except ParseFailure:
        return [context]  # compiling it reports the error, naming the rule
    cuts: list[tuple[int, int]] = []

    def walk(tok) -> None:
        if tok.symbol in ("|", "union") and len(tok) == 2:
            walk(tok[0])
            cuts.append(tok.span)
            walk(tok[1])

    walk(token)
    out, at = [], 0
    for start, end in cuts:
        out.append(context[at:start])
        at = end
    out.append(context[at:])
    return [b.strip() for b in out]


def _needs(tok, namespaces: dict[str, str]) -> tuple[frozenset | None, str | None, list]:
    """What a document must contain for a context branch to match anything: one of the
    local names (None: not known) of the element its last step selects, an attribute
    (Clark name) every matched node has (None: not known), and for each earlier step of the
    path the names one of which must occur (``tei:listRef/tei:ref`` needs a ``listRef``)."""
    left, required = None, []
    while True:
        if tok.symbol in ("/", "//") and len(tok) == 2:
            left, tok = tok[0], tok[1]
            names, _, more = _needs(left, namespaces)
            required += more + ([sorted(names)] if names is not None else [])
        elif tok.symbol in ("/", "//") and len(tok) == 1 or tok.symbol == "(" and len(tok) == 1:
            tok = tok[0]
        else:
            break
    if tok.symbol == "@":  # an attribute context: its owner element must occur
        owner = _needs(left, namespaces)[0] if left is not None else None
        return owner, _attribute_name(tok, namespaces), required
    attribute = None
    while tok.symbol == "[" and len(tok) == 2:
        attribute = attribute or _required_attribute(tok[1], namespaces)
        tok = tok[0]
    while tok.symbol == "(" and len(tok) == 1:
        tok = tok[0]
    if tok.symbol in ("|", "union") and len(tok) == 2:
        a, b = _needs(tok[0], namespaces)[0], _needs(tok[1], namespaces)[0]
        return (a | b if a is not None and b is not None else None), attribute, required
    if tok.symbol == "child" and tok.label == "axis":
        tok = tok[0]
    if tok.symbol == ":" and tok[1].symbol == "(name)":
        return frozenset([tok[1].value]), attribute, required
    if tok.symbol == "(name)":
        return frozenset([tok.value]), attribute, required
    return None, attribute, required


def _required_attribute(pred, namespaces: dict[str, str]) -> str | None:
    """An attribute without which the predicate ``pred`` is false: ``[@x]``, ``[@x and …]``,
    ``[starts-with(@x, 'a')]`` (a missing attribute is the empty string there, and no string
    starts with or contains a non-empty one unless it is there)."""
    if pred.symbol == "@":
        return _attribute_name(pred, namespaces)
    if pred.symbol == "and":
        return (_required_attribute(pred[0], namespaces)
                or _required_attribute(pred[1], namespaces))
    if (pred.label == "function" and pred.symbol in ("starts-with", "contains")
            and len(pred) == 2 and pred[0].symbol == "@" and pred[1].symbol == "(string)"
            and pred[1].value):
        return _attribute_name(pred[0], namespaces)
    return None


def _attribute_name(at, namespaces: dict[str, str]) -> str | None:
    name = at[0]
    if name.symbol == "(name)":
        return name.value
    if name.symbol == ":" and name[0].symbol == "(name)" and name[1].symbol == "(name)":
        prefix = name[0].value
        uri = XML_NS if prefix == "xml" else namespaces.get(prefix)
        return f"{{{uri}}}{name[1].value}" if uri else None
    return None
